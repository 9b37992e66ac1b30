package org.spr.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.lammps.InProcessEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spr.protocol.DistortRemoveRelaxIntegrationTest.assertMessage;

/** Systems, compositions, crystals and potential-file species without MD; the ML-IAP check against real LAMMPS. */
class SystemsTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    @TempDir
    Path directory;

    @Test
    void compositionsParseNormaliseAndRound() {
        Composition glass = Composition.parse("Cu46Zr46Al8");
        assertEquals(List.of("Cu", "Zr", "Al"), glass.species());
        assertEquals(0.08, glass.fractions().get(2), 1e-12);
        assertEquals("Cu46Zr46Al8", glass.toString());
        assertEquals(List.of(0.5, 0.5), Composition.parse("SiC").fractions());
        assertEquals(List.of(0.46, 0.08, 0.46), glass.fractionsFor(List.of("Cu", "Al", "Zr")));
        assertArrayEquals(new int[]{34, 33, 33}, Composition.counts(List.of(1 / 3.0, 1 / 3.0, 1 / 3.0), 100));
        assertArrayEquals(new int[]{1, 0}, Composition.counts(List.of(0.5, 0.5), 1), "ties go to the earlier species");
        assertMessage("not a formula", () -> Composition.parse("cu46zr54"));
        assertMessage("sum to 1", () -> new Composition(List.of("Cu", "Zr"), List.of(0.5, 0.6)));
    }

    @Test
    void crystalVolumesPerAtomFollowTheLattice() {
        assertEquals(4.32 * 4.32 * 4.32 / 8, Crystal.of("metal", 3, "diamond", 4.32, 1, 1, 1).volumePerAtom(), 1e-12);
        assertEquals(1 / 1.075, Systems.lennardJones3d(2).crystal().volumePerAtom(), 1e-12, "lj: 1/ρ*");
        assertEquals(Math.sqrt(3) / 2, Crystal.of("metal", 2, "hex", 1.0, 1, 1, 1).volumePerAtom(), 1e-12);
        assertEquals(216, Systems.siliconCarbide(3).crystal().sites());
        assertEquals(List.of(0.5, 0.5), Systems.siliconCarbide(2).fractions());
        assertMessage("2D crystals", () -> Crystal.of("lj", 3, "hex", 0.9, 2, 2, 2));
        assertMessage("not supported", () -> Crystal.of("metal", 3, "fcc2", 4.0, 2, 2, 2));
        assertMessage("8 basis atoms", () -> new Crystal("metal", 3, "diamond", 4.3, List.of(1, 2), List.of(), 2, 2, 2));
    }

    @Test
    void potentialFilesNameTheirSpecies() {
        assertEquals(Set.of("C", "Si"), PotentialFiles.elements(Path.of(Potentials.path("SiC.tersoff")), "tersoff"));
        assertEquals(List.of("Cu", "Zr"), List.copyOf(PotentialFiles.elements(Path.of(Potentials.path("CuZr_mm.eam.fs")), "eam/fs")));
        MaterialSystem cualzr = Systems.copperAluminiumZirconium(Composition.parse("Cu50Zr50"), 2, directory);
        assertTrue(Files.isRegularFile(directory.resolve(Systems.CU_AL_ZR_FILE)));
        assertEquals(List.of("Cu", "Al", "Zr"), List.copyOf(PotentialFiles.elements(Path.of(cualzr.potential().file()), "eam/alloy")));
        assertEquals(List.of(0.5, 0.0, 0.5), cualzr.crystal().typeFractions());
    }

    @Test
    void aTersoffFileWithoutAllTripletsIsRefused() throws Exception {
        Path file = directory.resolve("partial.tersoff");
        String entry = " 3.0 1.0 0.0 38049 4.3484 -.57058 .72751 0.00000015724 2.2119 346.7 1.95 0.15 3.4879 1393.6\n";
        Files.writeString(file, "# only C C C and Si Si Si\nC C C" + entry + "Si Si Si" + entry);
        PotentialFiles.requireSpecies(file, "tersoff", List.of("C"));
        assertMessage("triplet", () -> PotentialFiles.requireSpecies(file, "tersoff", List.of("Si", "C")));
    }

    /**
     * MACE goes through 'pair_style mliap unified': ML-IAP alone is not enough (LAMMPS 4 Feb 2025 here has ML-IAP
     * without PYTHON), and Debian's 2021 build has neither; both are refused in one sentence naming the Tersoff variant.
     */
    @Test
    @Tag("lammps")
    void maceNeedsMlIapWithPythonAndItsModelFile() throws Exception {
        Path model = Files.writeString(directory.resolve("mace-sic.pt"), "stand-in");
        Potential mace = Potential.mlIapUnified(model.toString(), "Si", "C");
        try (InProcessEngine engine = new InProcessEngine(QUIET, null)) {
            boolean canRun = engine.lammps().hasStyle("pair", "mliap") && engine.lammps().hasPackage("PYTHON");
            if (canRun) {
                Systems.requireMlIap(engine.lammps(), mace);  // passes where mliap unified exists
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> Systems.requireMlIap(engine.lammps(), mace));
                assertTrue(e.getMessage().contains("mliap") && e.getMessage().contains("Tersoff variant sic"), e.getMessage());
                assertTrue(e.getMessage().contains(engine.lammps().hasStyle("pair", "mliap") ? "PYTHON" : "ML-IAP"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one sentence");
            }
        }
        assertEquals(null, Systems.mlIapUnavailable(20250204, true, true, "mliap unified " + model + " 0"));
        assertTrue(Systems.mlIapUnavailable(20250204, true, false, "mliap unified " + model + " 0").contains("PYTHON"));
        assertTrue(Systems.mlIapUnavailable(20210929, false, true, "mliap unified " + model + " 0").contains("ML-IAP"));
        assertTrue(Systems.mlIapUnavailable(20250204, true, true, "mliap unified /nonexistent/mace.pt 0")
                .contains("/nonexistent/mace.pt"));
        assertEquals(null, Systems.mlIapUnavailable(20250204, true, false, "mliap model linear InP.model descriptor sna"
                + " InP.descriptor"), "a linear ML-IAP model needs no Python");
        assertTrue(Systems.maceUnavailable(directory.resolve("absent.pt")) != null);
    }

    @Test
    void theMacePotentialNeedsItsModelFile() {
        assertMessage("mace-sic.pt", () -> Systems.siliconCarbideMace(directory.resolve("mace-sic.pt").toString(), 2));
    }
}
