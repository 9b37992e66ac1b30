package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.io.Printable;
import org.spr.lammps.LammpsException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The exit statuses of the {@code spr} command as the {@code int}s picocli's commands return (the values of
 * {@link ExitCode}, README's table), and the one mapping from a failure to its status: an {@link SprException} exits
 * with its own code, LAMMPS's errors with {@link ExitCode#LAMMPS_ERROR} (the bridge does not depend on
 * {@code predictors}, so its {@code LammpsException} is mapped here), I/O failures on the user's files with
 * {@link ExitCode#BAD_INPUT} — each as one sentence in printable characters ({@link Printable}); running out of heap
 * is one sentence with exit 1; anything else is a bug: {@link ExitCode#INTERNAL} with its trace.
 */
public final class ExitCodes {
    public static final int OK = ExitCode.OK.code();
    public static final int INTERNAL = ExitCode.INTERNAL.code();
    public static final int USAGE = ExitCode.USAGE.code();
    public static final int BAD_INPUT = ExitCode.BAD_INPUT.code();
    public static final int MODEL_MISMATCH = ExitCode.MODEL_MISMATCH.code();
    public static final int LAMMPS_ERROR = ExitCode.LAMMPS_ERROR.code();
    public static final int LAMMPS_MISSING = ExitCode.LAMMPS_MISSING.code();
    public static final int SIMULATION_FAILED = ExitCode.SIMULATION_FAILED.code();
    public static final int OUTPUT_LOCKED = ExitCode.OUTPUT_LOCKED.code();

    private ExitCodes() {
    }

    /** The exit code of a failure: its own for user errors, {@link ExitCode#INTERNAL} for anything unexpected. */
    public static ExitCode of(Throwable failure) {
        if (failure instanceof SprException user) {
            return user.exitCode();
        }
        if (failure instanceof org.spr.lammps.LammpsNotFoundException) {
            return ExitCode.LAMMPS_MISSING;
        }
        if (failure instanceof LammpsException) {
            return ExitCode.LAMMPS_ERROR;
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    /** True when running out of Java heap caused the failure (also inside a worker thread's wrapper). */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The one sentence for running out of heap (no stack trace: the remedy is a flag, not a bug report). */
    static String outOfMemoryMessage() {
        return "out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB): give Java more with SPR_JAVA_OPTS=-Xmx8g (or more), or a smaller input.";
    }

    /**
     * Reports a failure of command {@code command} on {@code err} and returns the exit status: one line
     * {@code spr COMMAND: message} for user errors, the stack trace for internal ones.
     */
    public static int report(Throwable failure, String command, PrintWriter err) {
        ExitCode code = of(failure);
        if (outOfMemory(failure)) {
            err.println("spr " + command + ": " + outOfMemoryMessage());
            err.flush();
            return ExitCode.INTERNAL.code();
        }
        if (code == ExitCode.INTERNAL) {
            err.println("spr " + command + ": internal error, please report it with this trace:");
            failure.printStackTrace(err);
        } else {
            err.println("spr " + command + ": " + Printable.message(failure.getMessage()));
        }
        err.flush();
        return code.code();
    }
}
