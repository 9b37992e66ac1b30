package org.spr.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.spr.dataset.DatasetFormatException;
import org.spr.model.ModelFileException;
import org.spr.model.ModelMismatchException;

/** Exit codes of the spr commands, and the mapping of user errors to them (one sentence on stderr, no stack trace). */
public final class ExitCodes {

    public static final int OK = 0;
    /** Bad usage or parameter (picocli uses 2 for its own parse errors too). */
    public static final int USAGE = 2;
    /** Bad or unreadable input file (dataset, model, g(r) file). */
    public static final int BAD_INPUT = 3;
    /** Input does not fit the model (grid, normalisation, g(r) kind, species). */
    public static final int MODEL_MISMATCH = 4;

    private ExitCodes() {
    }

    /** Runs a command body, printing user errors as one line on stderr and returning their exit code. */
    public static int run(Callable<Integer> body) {
        try {
            return body.call();
        } catch (ModelMismatchException e) {
            return fail(e.getMessage(), MODEL_MISMATCH);
        } catch (DatasetFormatException | ModelFileException | InputFileException e) {
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
