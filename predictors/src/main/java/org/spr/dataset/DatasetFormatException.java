package org.spr.dataset;

import java.nio.file.Path;
import org.spr.error.FileLineException;

/** A dataset file that cannot be read or appended to; names the file and, where known, the line. */
public class DatasetFormatException extends FileLineException {

    /**
     * @param file    the offending file
     * @param line    1-based line number, or 0 when not about one line
     * @param message one sentence saying what is wrong
     */
    public DatasetFormatException(Path file, long line, String message) {
        super(file, line, message, null);
    }
}
