package org.spr.potential;

import org.spr.error.FileLineException;

/** A malformed potential parameter file: the message names the file and line. */
public final class ParameterFileException extends FileLineException {

    /**
     * @param file    file name or resource as given by the caller
     * @param line    1-based line number, or 0 when the problem is not tied to a line
     * @param problem one sentence saying what is wrong
     */
    public ParameterFileException(String file, long line, String problem) {
        super(file, line, problem, null);
    }
}
