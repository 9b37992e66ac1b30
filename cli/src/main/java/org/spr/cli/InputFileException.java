package org.spr.cli;

import java.nio.file.Path;

/** A command-line input file (e.g. a g(r) CSV) that cannot be read; names the file and line. */
public class InputFileException extends RuntimeException {
    public InputFileException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
