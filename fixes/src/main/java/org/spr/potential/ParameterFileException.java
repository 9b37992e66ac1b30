package org.spr.potential;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** A malformed potential parameter file: the message names the file and line. */
public final class ParameterFileException extends SprException {

    private final String file;
    private final long line;

    /**
     * @param file    file name or resource as given by the caller
     * @param line    1-based line number, or 0 when the problem is not tied to a line
     * @param problem one sentence saying what is wrong
     */
    public ParameterFileException(String file, long line, String problem) {
        super(ExitCode.BAD_INPUT, file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
