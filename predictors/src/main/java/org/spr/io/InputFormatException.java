package org.spr.io;

import java.nio.file.Path;
import org.spr.error.FileLineException;

/**
 * A structure or data file that cannot be read as its format says. The message is one sentence that names the
 * file and (when known) the 1-based line, e.g. {@code dump.lammpstrj:12: expected 5 columns, found 3}.
 */
public final class InputFormatException extends FileLineException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file being read (may be null for a stream without a name)
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param reason what is wrong, one sentence without the location
     */
    public InputFormatException(Path file, long line, String reason) {
        super(file, line, reason, null);
    }

    /** Same, keeping the underlying cause (e.g. an I/O error). */
    public InputFormatException(Path file, long line, String reason, Throwable cause) {
        super(file, line, reason, cause);
    }
}
