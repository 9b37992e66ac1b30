package org.spr.lammps;

/**
 * A LAMMPS error, carrying LAMMPS's own message and, where known, the command and the input file and line
 * that caused it. Thrown by {@link Lammps} (library built with exceptions, or a failing Java callback) and by
 * the isolated engine when its worker process died.
 */
public class LammpsException extends RuntimeException {

    private final String lammpsMessage;
    private final String command;
    private final String file;
    private final int line;

    public LammpsException(String message) {
        this(message, null, null, null, 0, null);
    }

    public LammpsException(String message, Throwable cause) {
        this(message, null, null, null, 0, cause);
    }

    /**
     * @param message       the full sentence shown to the user
     * @param lammpsMessage LAMMPS's own ERROR text, or null
     * @param command       the LAMMPS command being executed, or null
     * @param file          the input file, or null
     * @param line          the 1-based line in {@code file}, or 0 when unknown
     * @param cause         an underlying exception (for example one thrown by a Java callback), or null
     */
    public LammpsException(String message, String lammpsMessage, String command, String file, int line, Throwable cause) {
        super(message, cause);
        this.lammpsMessage = lammpsMessage;
        this.command = command;
        this.file = file;
        this.line = line;
    }

    /**
     * The sentence shown for a LAMMPS error, the same whichever way it was caught (the Debian build's screen output
     * read by the isolated engine after the worker died, or a library built with exceptions):
     * {@code LAMMPS error in FILE line N (command: COMMAND): MESSAGE}, leaving out what is unknown.
     *
     * @param lammpsMessage LAMMPS's message without its "ERROR: " prefix
     * @param command       the failing command as LAMMPS saw it, or null
     * @param position      where the command stands in an input script, or null
     */
    static String describe(String lammpsMessage, String command, ScriptPosition position) {
        StringBuilder text = new StringBuilder("LAMMPS error");
        if (position != null && position.file() != null) {
            text.append(" in ").append(position.file()).append(" line ").append(position.line());
        }
        if (command != null) {
            text.append(" (command: ").append(command).append(")");
        }
        return text.append(": ").append(lammpsMessage).toString();
    }

    /**
     * This error located at a command of an input script: the same exception when it already names a file, else a
     * copy carrying the position (and, for a LAMMPS error, the sentence of {@link #describe} with it).
     */
    LammpsException at(ScriptPosition position) {
        if (file != null || position == null || position.file() == null) {
            return this;
        }
        String failing = command != null ? command : position.command();
        String text = lammpsMessage != null ? describe(lammpsMessage, failing, position) : getMessage();
        LammpsException located = new LammpsException(text, lammpsMessage, failing, position.file(), position.line(),
                getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /**
     * What LAMMPS's error text holds: the message (first line, without "ERROR: " or "ERROR on proc N: ") and the
     * "Last input line:" echo that LAMMPS 2023 and later append (earlier versions print "Last command:" on the
     * screen instead), or null.
     */
    record Report(String message, String lastInputLine) {

        static Report parse(String text) {
            String message = null;
            String last = null;
            for (String line : text.strip().split("\\R")) {
                String stripped = line.strip();
                if (stripped.startsWith("Last input line:")) {
                    last = stripped.substring("Last input line:".length()).strip();
                } else if (stripped.startsWith("Last command:")) {
                    last = stripped.substring("Last command:".length()).strip();
                } else if (message == null && !stripped.isEmpty()) {
                    message = withoutErrorPrefix(stripped);
                }
            }
            return new Report(message == null ? text.strip() : message, last == null || last.isEmpty() ? null : last);
        }

        /** {@code ERROR: text} or {@code ERROR on proc 3: text} → {@code text}. */
        static String withoutErrorPrefix(String line) {
            return line.replaceFirst("^ERROR( on proc \\d+)?: ", "");
        }
    }

    /** LAMMPS's own error message (without the "ERROR: " prefix), or null when the error did not come from LAMMPS. */
    public String lammpsMessage() {
        return lammpsMessage;
    }

    /** The command that failed, or null. */
    public String command() {
        return command;
    }

    /** The input file the failing command came from, or null. */
    public String file() {
        return file;
    }

    /** The 1-based line of the failing command in {@link #file()}, or 0. */
    public int line() {
        return line;
    }
}
