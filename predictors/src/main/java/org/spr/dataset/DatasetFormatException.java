package org.spr.dataset;

import java.nio.file.Path;
import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** A dataset file that cannot be read or appended to; names the file and, where known, the line. */
public class DatasetFormatException extends SprException {
    private final Path file;
    private final long line;

    /**
     * @param file    the offending file
     * @param line    1-based line number, or 0 when not about one line
     * @param message one sentence saying what is wrong
     */
    public DatasetFormatException(Path file, long line, String message) {
        super(ExitCode.BAD_INPUT, file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
