package org.spr.io;

import java.nio.file.Path;
import org.spr.error.ExitCode;
import org.spr.error.SprException;

/**
 * A structure or data file that cannot be read as its format says. The message is one sentence that names the
 * file and (when known) the 1-based line, e.g. {@code dump.lammpstrj:12: expected 5 columns, found 3}.
 */
public final class InputFormatException extends SprException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file   the file being read (may be null for a stream without a name)
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param reason what is wrong, one sentence without the location
     */
    public InputFormatException(Path file, long line, String reason) {
        super(ExitCode.BAD_INPUT, location(file, line) + reason);
        this.file = file;
        this.line = line;
    }

    /** Same, keeping the underlying cause (e.g. an I/O error). */
    public InputFormatException(Path file, long line, String reason, Throwable cause) {
        super(ExitCode.BAD_INPUT, location(file, line) + reason, cause);
        this.file = file;
        this.line = line;
    }

    private static String location(Path file, long line) {
        String name = file == null ? "<input>" : file.toString();
        return line > 0 ? name + ":" + line + ": " : name + ": ";
    }

    /** The file, or null. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when not tied to a line. */
    public long line() {
        return line;
    }
}
