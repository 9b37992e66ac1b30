package org.spr.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.generate.Recipes;
import org.spr.generate.SystemRecipe;
import org.spr.label.FrequencyUnit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemFileTest {

    @Test
    void everyBuiltInSystemHasAFileThatGivesTheJavaRecipesSettings() {
        List<String> names = SystemFile.builtInNames();
        assertEquals(List.of("amc", "lj2d", "lj3d", "ka", "sic", "sic-mace", "cualzr", "cuzr"), names);
        for (String name : names) {
            SystemFile system = SystemFile.builtIn(name);
            assertEquals(name, system.name());
            if (system.recipe() == null) {
                continue;
            }
            SystemRecipe fromFile = system.recipe(Map.of());
            SystemRecipe java = Recipes.recipe(name, Map.of());
            assertEquals(java.descriptor(), fromFile.descriptor(), name);
            assertEquals(java.phononDos(), fromFile.phononDos(), name);
            assertEquals(java.lammpsDimension(), fromFile.lammpsDimension(), name);
            assertEquals(java.potential().species(), system.species(), name);
            assertEquals(java.protocolForSeed().apply(7).parameters(), fromFile.protocolForSeed().apply(7).parameters(), name);
        }
        assertEquals(FrequencyUnit.LJ_REDUCED, SystemFile.builtIn("lj2d").phononDos().unit());
        assertEquals(2, SystemFile.builtIn("lj2d").dimension());
        assertNotNull(SystemFile.builtIn("amc").allenFeldman());
        assertNull(SystemFile.builtIn("lj3d").allenFeldman());
    }

    @Test
    void theRepositoryFilesAreTheOnesPackaged() throws Exception {
        for (String name : SystemFile.builtInNames()) {
            Path file = Path.of("..", "inputs", name, "system.toml");
            assertTrue(Files.isRegularFile(file), file + " is visible in the repository");
            assertEquals(name, SystemFile.load(file).name());
        }
    }

    @Test
    void aScriptSystemDrawsItsVariablesPerSeedAndResolvesPotentialFiles(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("in.quench"), "units metal\n");
        Files.writeString(directory.resolve("system.toml"), """
                # a-Si
                name = "a-si"
                species = ["Si"]
                units = "metal"
                [potential]
                pair_style = "sw"
                pair_coeff = ["* * Si.sw Si"]
                [structure]
                script = "in.quench"
                box_relax = "iso 0.0"
                [structure.variables]
                rate = "log-uniform 1e12:1e14"   # K/s
                tmelt = "uniform 2500:3500"
                natoms = 64
                n = "integer 1:3"
                [labels.pdos]
                max = 25.0
                width = 0.3
                [labels.kappa]
                width = 0.06
                """);
        SystemFile system = SystemFile.resolve(directory.resolve("system.toml").toString());
        assertEquals(28.0855, system.masses().get(0), 1e-9);
        assertTrue(system.potential().pairCoefficients().get(0).matches("\\* \\* /\\S+/Si\\.sw Si"),
                system.potential().pairCoefficients().get(0));
        SystemRecipe recipe = system.recipe(Map.of());
        ScriptProtocol a = (ScriptProtocol) recipe.protocolForSeed().apply(3);
        ScriptProtocol b = (ScriptProtocol) recipe.protocolForSeed().apply(3);
        ScriptProtocol c = (ScriptProtocol) recipe.protocolForSeed().apply(4);
        assertEquals(a.values(), b.values());
        assertTrue(!a.values().get("rate").equals(c.values().get("rate")));
        assertEquals("64", a.values().get("natoms"));
        double rate = Double.parseDouble(a.values().get("rate"));
        assertTrue(rate >= 1e12 && rate <= 1e14);
        assertTrue(List.of("1", "2", "3").contains(a.values().get("n")));
        assertEquals(3, a.lammpsSeed());
        assertEquals(0.06, recipe.allenFeldman().lorentzianWidth(), 0);
        assertEquals(List.of("rate", "tmelt", "natoms", "n"), recipe.parameterNames());
        // overriding a range from the command line
        ScriptProtocol fixed = (ScriptProtocol) system.recipe(Map.of("tmelt", "3000")).protocolForSeed().apply(3);
        assertEquals("3000", fixed.values().get("tmelt"));
    }

    @Test
    void mistakesAreOneSentenceNamingFileAndLine(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.toml");
        Files.writeString(file, "name = \"x\"\nspecies = [\"Si\"]\nunits = metal\n");
        SystemFileException e = assertThrows(SystemFileException.class, () -> SystemFile.load(file));
        assertTrue(e.getMessage().contains("bad.toml line 3"), e.getMessage());
        Files.writeString(file, "name = \"x\"\nspecies = [\"Si\"]\nunit = \"metal\"\n[structure]\nrecipe = \"sic\"\n");
        e = assertThrows(SystemFileException.class, () -> SystemFile.load(file));
        assertTrue(e.getMessage().contains("unknown key unit"), e.getMessage());
        Files.writeString(file, "name = \"x\"\nspecies = [\"Xx\"]\n[structure]\nrecipe = \"sic\"\n");
        e = assertThrows(SystemFileException.class, () -> SystemFile.load(file));
        assertTrue(e.getMessage().contains("masses"), e.getMessage());
        e = assertThrows(SystemFileException.class, () -> SystemFile.resolve("graphite"));
        assertTrue(e.getMessage().contains("amc"), e.getMessage());
    }

    @Test
    void variablesDrawInsideTheirRanges() {
        StructureVariable log = StructureVariable.parse("q", "log-uniform 10:1000", "t");
        Random random = new Random(1);
        double below100 = 0;
        for (int i = 0; i < 2000; i++) {
            double x = Double.parseDouble(log.draw(random));
            assertTrue(x >= 10 && x <= 1000);
            below100 += x < 100 ? 1 : 0;
        }
        assertEquals(0.5, below100 / 2000, 0.05);  // log-uniform: half the draws below the geometric mean
        assertThrows(SystemFileException.class, () -> StructureVariable.parse("q", "log-uniform 0:1", "t"));
        assertThrows(SystemFileException.class, () -> StructureVariable.parse("seed", 5L, "t"));
    }
}
