package org.spr.cli;

import org.spr.dataset.DatasetFormatException;
import org.spr.io.InputFormatException;
import org.spr.model.ModelFileException;
import org.spr.model.ModelMismatchException;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Exit codes of the {@code spr} command, one per kind of failure, documented in {@code spr --help}, and the
 * mapping of user errors to them (one sentence on stderr, no stack trace).
 */
public final class ExitCodes {
    /** Finished. */
    public static final int OK = 0;
    /** Something unexpected (a bug): the stack trace is printed. */
    public static final int INTERNAL = 1;
    /** Bad command line: unknown option, bad value, missing parameter (picocli uses 2 for its own parse errors). */
    public static final int USAGE = 2;
    /** A malformed or unreadable input file (structure, dataset, model, g(r) file). */
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

    /** Runs a command body, printing user errors as one line on stderr and returning their exit code. */
    public static int run(Callable<Integer> body) {
        try {
            return body.call();
        } catch (UserError e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (ModelMismatchException e) {
            return fail(e.getMessage(), MODEL_MISMATCH);
        } catch (DatasetFormatException | ModelFileException | InputFileException | InputFormatException e) {
            return fail(e.getMessage(), BAD_INPUT);
        } catch (UncheckedIOException e) {
            return fail(e.getMessage(), BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), USAGE);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return fail(e.getMessage(), BAD_INPUT);
        }
    }

    private static int fail(String message, int code) {
        System.err.println("spr: " + message);
        return code;
    }
}
