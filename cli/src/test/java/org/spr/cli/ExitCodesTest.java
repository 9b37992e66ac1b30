package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spr.error.SprException;
import org.spr.io.InputFormatException;
import org.spr.lammps.LammpsException;
import org.spr.model.ModelMismatchException;

/** The one mapping from a failure to the exit code and what the user sees (README's exit-code table). */
class ExitCodesTest {

    private static String[] report(Throwable failure) {
        StringWriter text = new StringWriter();
        int code = ExitCodes.report(failure, "train", new PrintWriter(text));
        return new String[] {Integer.toString(code), text.toString()};
    }

    @Test
    void userErrorsAreOneSentenceWithTheirOwnCode() {
        String[] usage = report(SprException.usage("--beta must be a finite number >= 0, got -1"));
        assertEquals("2", usage[0]);
        assertEquals("spr train: --beta must be a finite number >= 0, got -1", usage[1].strip());
        assertEquals("3", report(new InputFormatException(Path.of("d.csv"), 4, "not a number"))[0]);
        assertEquals("4", report(new ModelMismatchException("2D vs 3D"))[0]);
        String[] lammps = report(new LammpsException("ERROR: Unknown command: bogus"));
        assertEquals("5", lammps[0]);
        assertFalse(lammps[1].contains("\tat "), "no stack trace for a LAMMPS error: " + lammps[1]);
    }

    @Test
    void aPlainIllegalArgumentExceptionIsAnInternalErrorWithItsTrace() {
        String[] bug = report(new IllegalArgumentException("matrix has length 3, expected 2×2"));
        assertEquals("1", bug[0]);
        assertTrue(bug[1].contains("internal error") && bug[1].contains("\tat org.spr.cli.ExitCodesTest"), bug[1]);
    }
}
