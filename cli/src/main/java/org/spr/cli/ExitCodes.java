package org.spr.cli;

/** Exit codes of the {@code spr} command, one per kind of failure, documented in {@code spr --help}. */
public final class ExitCodes {
    /** Finished. */
    public static final int OK = 0;
    /** Something unexpected (a bug): the stack trace is printed. */
    public static final int INTERNAL = 1;
    /** Bad command line: unknown option, bad value, missing parameter. */
    public static final int USAGE = 2;
    /** A malformed or unreadable input file. */
    public static final int BAD_INPUT = 3;
    /** A model that does not fit the input (grid, dimension, species, g(r) kind). */
    public static final int MODEL_MISMATCH = 4;
    /** LAMMPS reported an error (message, file and line are printed). */
    public static final int LAMMPS_ERROR = 5;
    /** The LAMMPS library is missing or lacks a needed package or style. */
    public static final int LAMMPS_MISSING = 6;
    /** The simulation went wrong: NaN positions, lost atoms, minimisation that did not converge. */
    public static final int SIMULATION_FAILED = 7;

    private ExitCodes() {
    }
}
