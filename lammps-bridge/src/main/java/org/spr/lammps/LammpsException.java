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
