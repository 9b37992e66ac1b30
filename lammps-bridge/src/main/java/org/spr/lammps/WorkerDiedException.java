package org.spr.lammps;

/**
 * The worker process of an {@link IsolatedEngine} ended during a request by a signal and without a LAMMPS error
 * message: kill -9, the kernel's out-of-memory killer, or a crash. The request itself may well succeed in a new worker.
 */
public final class WorkerDiedException extends LammpsException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public WorkerDiedException(String message, String command, String file, int line, int exitCode) {
        super(message, null, command, file, line, null);
        this.exitCode = exitCode;
    }

    /** The worker's exit status (137 = SIGKILL), or -1 when unknown. */
    public int exitCode() {
        return exitCode;
    }
}
