package org.spr.error;

/**
 * The base of every error a user can act on: its message is one sentence naming the file, line or parameter, and it
 * carries the {@link ExitCode} the {@code spr} command exits with. {@code Main} prints the message without a stack
 * trace; anything that is not an {@code SprException} (or the bridge's {@code LammpsException}) is an internal error
 * and keeps its trace. Subclasses name the kind where callers catch it ({@code InputFormatException},
 * {@code ModelMismatchException}, ...).
 */
public class SprException extends RuntimeException {

    private final ExitCode exitCode;

    public SprException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SprException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code of this kind of failure. */
    public ExitCode exitCode() {
        return exitCode;
    }

    /** A bad command-line option or parameter value ({@link ExitCode#USAGE}). */
    public static SprException usage(String message) {
        return new SprException(ExitCode.USAGE, message);
    }

    /** A bad command-line option or parameter value, from the validation that refused it ({@link ExitCode#USAGE}). */
    public static SprException usage(IllegalArgumentException refused) {
        return new SprException(ExitCode.USAGE, refused.getMessage(), refused);
    }

    /** A malformed, missing or unreadable input file ({@link ExitCode#BAD_INPUT}). */
    public static SprException badInput(String message) {
        return new SprException(ExitCode.BAD_INPUT, message);
    }
}
