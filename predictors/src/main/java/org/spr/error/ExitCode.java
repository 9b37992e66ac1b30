package org.spr.error;

/**
 * The exit codes of the {@code spr} command, one per kind of failure (README, "Exit codes"). Every {@link SprException}
 * carries one; {@code org.spr.cli.Main} turns it into the process's exit status.
 */
public enum ExitCode {
    /** Finished. */
    OK(0),
    /** Something unexpected (a bug): the stack trace is printed. */
    INTERNAL(1),
    /** Bad command line or parameter: unknown option, bad value, missing parameter (picocli uses 2 for its own parse errors). */
    USAGE(2),
    /** A malformed, missing or unreadable input file (structure, dataset, model, g(r) file, label table). */
    BAD_INPUT(3),
    /** A model that does not fit the input (grid, dimension, species, g(r) kind). */
    MODEL_MISMATCH(4),
    /** LAMMPS reported an error (message, file and line are printed). */
    LAMMPS_ERROR(5),
    /** The LAMMPS library is missing or lacks a needed package or style. */
    LAMMPS_MISSING(6),
    /** The simulation went wrong: NaN positions, lost atoms, minimisation that did not converge. */
    SIMULATION_FAILED(7),
    /** Another process writes the same output (dataset, model, run folder); the message names its PID. */
    OUTPUT_LOCKED(8);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
