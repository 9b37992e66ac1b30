package org.spr.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {

    @TempDir
    Path directory;

    @Test
    void theSameFileUnderAnotherSpellingIsRefusedAndNamed() throws Exception {
        Path data = Files.writeString(directory.resolve("d.csv"), "id\n");
        Files.createDirectories(directory.resolve("sub"));
        Path sameViaDots = directory.resolve("sub/../d.csv");
        OutputOverlapException e = assertThrows(OutputOverlapException.class,
                () -> OutputGuard.inputs().add("--data", data).checkOutput("--out", sameViaDots));
        assertTrue(e.getMessage().contains("--out " + sameViaDots) && e.getMessage().contains("--data " + data), e.getMessage());
    }

    @Test
    void symbolicAndHardLinksToAnInputAreRefused() throws Exception {
        Path data = Files.writeString(directory.resolve("d.csv"), "id\n");
        Path symbolic = Files.createSymbolicLink(directory.resolve("link.csv"), data);
        Path hard = Files.createLink(directory.resolve("hard.csv"), data);
        OutputGuard guard = OutputGuard.inputs().add("--data", data);
        assertThrows(OutputOverlapException.class, () -> guard.checkOutput("--out", symbolic));
        assertThrows(OutputOverlapException.class, () -> guard.checkOutput("--out", hard));
    }

    @Test
    void anOutputThatDoesNotExistYetIsComparedThroughItsParent() throws Exception {
        Path real = Files.createDirectories(directory.resolve("real"));
        Path alias = Files.createSymbolicLink(directory.resolve("alias"), real);
        Path input = real.resolve("new.csv"); // neither exists yet: an input named twice, e.g. a model and its output
        assertThrows(OutputOverlapException.class, () -> OutputGuard.inputs().add("--model", input).checkOutput("--out", alias.resolve("new.csv")));
        assertDoesNotThrow(() -> OutputGuard.inputs().add("--model", input).checkOutput("--out", alias.resolve("other.csv")));
    }

    @Test
    void anOutputDirectoryMayNotHoldAnInputUnderANameSprWritesThere() throws Exception {
        Path run = Files.createDirectories(directory.resolve("run/fix1"));
        Path table = Files.writeString(run.resolve("timeseries.csv"), "step\n");
        Path script = Files.writeString(directory.resolve("run/in.lmp"), "units lj\n");
        assertThrows(OutputOverlapException.class,
                () -> OutputGuard.inputs().add("FILE", table).checkOutputDirectory("--out", directory.resolve("run")));
        assertThrows(OutputOverlapException.class,
                () -> OutputGuard.inputs().add("SCRIPT", script).checkOutputDirectory("--out", script));
        // a script inside the run folder is fine: spr writes no file of that name
        assertDoesNotThrow(() -> OutputGuard.inputs().add("SCRIPT", script).checkOutputDirectory("--out", directory.resolve("run")));
    }

    @Test
    void writabilityIsCheckedWithoutCreatingAnythingAndAFileInTheWayIsNamed() throws Exception {
        Path nested = directory.resolve("a/b/run");
        OutputGuard.requireWritable("--out", nested, true);
        OutputGuard.requireWritable("--out", nested.resolve("g.csv"), false);
        assertTrue(Files.notExists(directory.resolve("a")), "the check created folders");
        try (var left = Files.list(directory)) {
            assertTrue(left.findAny().isEmpty(), "the probe file was left behind");
        }
        Path file = Files.writeString(directory.resolve("file"), "x");
        OutputNotWritableException e = assertThrows(OutputNotWritableException.class,
                () -> OutputGuard.requireWritable("--out", file.resolve("run"), true));
        assertTrue(e.getMessage().contains("--out " + file.resolve("run")) && e.getMessage().contains("is not a directory"), e.getMessage());
    }
}
