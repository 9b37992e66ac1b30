package org.spr.error;

/**
 * A malformed input file ({@link ExitCode#BAD_INPUT}): the message is one sentence prefixed by the file and, when the
 * problem is on one line, the 1-based line, e.g. {@code dump.lammpstrj:12: expected 5 columns, found 3}. Subclasses
 * name the kind of file where callers catch it ({@code InputFormatException}, {@code DatasetFormatException},
 * {@code ParameterFileException}).
 */
public class FileLineException extends SprException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file    the file (a path, or a file or resource name as given by the caller); null for a stream without a name
     * @param line    1-based line number, or 0 when the problem is not on one line
     * @param problem what is wrong, one sentence without the location
     * @param cause   the underlying cause (e.g. an I/O error), or null
     */
    protected FileLineException(Object file, long line, String problem, Throwable cause) {
        super(ExitCode.BAD_INPUT, (file == null ? "<input>" : file) + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file == null ? null : file.toString();
        this.line = line;
    }

    /** The file as given, or null. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when not tied to a line. */
    public long line() {
        return line;
    }
}
