package org.spr.inputs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {

    @TempDir
    Path directory;

    @Test
    void everySystemOfThePapersIsListedWithScriptAndReadme() {
        assertEquals(List.of("amc", "lj2d", "lj3d", "ka", "sic", "sic-mace", "cualzr", "cuzr"), Inputs.systems());
        for (String system : Inputs.systems()) {
            assertEquals("in." + system, Inputs.scriptName(system));
            assertTrue(Inputs.files(system).contains("README.md"), system);
            String script = Inputs.text(system, Inputs.scriptName(system));
            assertTrue(script.contains("variable steps"), system + " can be shortened with -var steps N");
            assertTrue(script.contains("SPR_RESULT system=" + system), system + " prints its result line");
            String readme = Inputs.readme(system);
            assertTrue(readme.contains("Units") && readme.contains("Expected output"), system + " README");
        }
    }

    @Test
    void copyWritesEveryFileAndReturnsTheScript() throws Exception {
        Path script = Inputs.copy("cualzr", directory.resolve("run"));
        assertEquals(directory.resolve("run").resolve("in.cualzr"), script);
        for (String file : Inputs.files("cualzr")) {
            assertTrue(Files.size(directory.resolve("run").resolve(file)) > 0, file);
        }
        assertTrue(Files.readAllLines(directory.resolve("run/CuAlZr_zhou2004.eam.alloy")).get(3).startsWith("3 Cu Al Zr"));
        try (var stream = Files.list(directory.resolve("run"))) {
            assertEquals(Inputs.files("cualzr").size(), stream.count(), "no partial files left behind");
        }
    }

    @Test
    void anUnknownSystemIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inputs.files("graphite"));
        assertTrue(e.getMessage().contains("graphite") && e.getMessage().contains("amc"), e.getMessage());
    }
}
