package org.spr.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.RecordSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Distort, remove, relax against real LAMMPS for the paper's systems. */
@Tag("lammps")
class DistortRemoveRelaxIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    @TempDir
    static Path potentials;

    static ProtocolResult run(DistortRemoveRelax protocol, RecordSink sink) {
        try (InProcessEngine engine = new InProcessEngine(QUIET, sink)) {
            return engine.call(protocol);
        }
    }

    @Test
    void perfectCrystalsKeepTheirCohesiveEnergy() {
        // zero-pressure crystal energies per atom measured with LAMMPS box/relax on the same potentials
        ProtocolResult lj3d = run(DistortRemoveRelax.of(Systems.lennardJones3d(3), 0.0, 0.0, 1), RecordSink.NONE);
        assertTrue(lj3d.usable(), lj3d.problem());
        assertEquals(108, lj3d.atoms());
        assertEquals(-7.46326, lj3d.energyPerAtom(), 1e-4, "FCC LJ (rc 2.5, shifted)");
        ProtocolResult lj2d = run(DistortRemoveRelax.of(Systems.lennardJones2d(6, 4), 0.0, 0.0, 1), RecordSink.NONE);
        assertTrue(lj2d.usable(), lj2d.problem());
        assertEquals(48, lj2d.atoms());
        assertEquals(-3.17208, lj2d.energyPerAtom(), 1e-4, "triangular LJ (rc 2.5, shifted)");
        ProtocolResult sic = run(DistortRemoveRelax.of(Systems.siliconCarbide(2), 0.0, 0.0, 1), RecordSink.NONE);
        assertTrue(sic.usable(), sic.problem());
        assertEquals(-6.16379, sic.energyPerAtom(), 1e-4, "zincblende SiC, Tersoff 1989");
    }

    @Test
    void triangularLennardJonesIsDisorderedInThePlaneAndReproducible() {
        DistortRemoveRelax protocol = DistortRemoveRelax.of(Systems.lennardJones2d(8, 5), 0.15, 0.1, 42);
        List<Object> stages = new ArrayList<>();
        ProtocolResult first = run(protocol, stages::add);
        ProtocolResult second = run(protocol, RecordSink.NONE);
        assertTrue(first.usable(), first.problem());
        assertEquals(80 - 8, first.atoms(), "10 % of 80 atoms removed");
        assertEquals(2, first.dimension());
        assertTrue(first.energyPerAtom() > -3.17208 + 0.05, "vacancies and disorder cost energy: " + first.energyPerAtom());
        for (int i = 0; i < first.atoms(); i++) {
            assertEquals(0.0, first.positions()[3 * i + 2], 0.0, "atoms stay in the plane");
        }
        assertArrayEquals(first.positions(), second.positions(), 0.0, "bit for bit from the seed");
        assertEquals(first.energyPerAtom(), second.energyPerAtom(), 0.0);
        assertEquals(3, stages.size(), "distort, remove, minimise: " + stages);
        ProtocolResult other = run(protocol.withSeed(43), RecordSink.NONE);
        assertFalse(java.util.Arrays.equals(first.positions(), other.positions()), "another seed, another structure");
    }

    @Test
    void fccLennardJonesAndSiliconCarbideRelaxFromDistortedCrystals() {
        ProtocolResult lj3d = run(DistortRemoveRelax.of(Systems.lennardJones3d(3), 0.2, 0.05, 5), RecordSink.NONE);
        assertTrue(lj3d.usable(), lj3d.problem());
        assertEquals(108 - 5, lj3d.atoms());
        assertTrue(lj3d.energyPerAtom() > -7.46326 + 0.05, "disordered LJ is above the crystal: " + lj3d.energyPerAtom());
        DistortRemoveRelax sicProtocol = new DistortRemoveRelax(Systems.siliconCarbide(2), 0.3,
                DistortRemoveRelax.Distribution.UNIFORM, 0.05, true, 1e-3, 9);
        ProtocolResult sic = run(sicProtocol, RecordSink.NONE);
        ProtocolResult again = run(sicProtocol, RecordSink.NONE);
        assertTrue(sic.usable(), sic.problem());
        assertEquals(64 - 3, sic.atoms());
        assertArrayEquals(new String[]{null, "Si", "C"}, sic.species());
        assertTrue(sic.energyPerAtom() > -6.16379 + 0.05, "disordered SiC is above the crystal: " + sic.energyPerAtom());
        assertArrayEquals(sic.positions(), again.positions(), 0.0, "bit for bit from the seed");
    }

    @Test
    void alloysGetTheirCompositionAtRandomSites() {
        MaterialSystem cualzr = Systems.copperAluminiumZirconium(Systems.CU_AL_ZR_GLASS, 3, potentials);
        ProtocolResult first = run(DistortRemoveRelax.of(cualzr, 0.2, 0.0, 3), RecordSink.NONE);
        ProtocolResult second = run(DistortRemoveRelax.of(cualzr, 0.2, 0.0, 3), RecordSink.NONE);
        assertTrue(first.usable(), first.problem());
        assertEquals(108, first.atoms());
        // Cu46 Al8 Zr46 of 108 sites: 49.68, 8.64, 49.68 → floors 49, 8, 49, the two largest remainders (.68) give 50, 8, 50
        assertArrayEquals(new int[]{50, 8, 50}, typeCounts(first.types(), 3));
        assertArrayEquals(first.types(), second.types(), "sites from the seed");
        assertArrayEquals(first.positions(), second.positions(), 0.0);
        assertTrue(first.energyPerAtom() < -4.0 && first.energyPerAtom() > -6.5,
                "Cu-Al-Zr cohesive energy between Cu's 3.5 and Zr's 6.4 eV: " + first.energyPerAtom());

        ProtocolResult cuzr = run(DistortRemoveRelax.of(Systems.copperZirconium(Composition.parse("CuZr"), 3), 0.2, 0.1, 4),
                RecordSink.NONE);
        assertTrue(cuzr.usable(), cuzr.problem());
        assertEquals(108 - 11, cuzr.atoms());
        assertArrayEquals(new String[]{null, "Cu", "Zr"}, cuzr.species());
    }

    @Test
    void anUnreachableForceToleranceIsReportedNotHidden() {
        ProtocolResult result = run(DistortRemoveRelax.of(Systems.lennardJones3d(2), 0.2, 0.0, 2).withForceTolerance(1e-300),
                RecordSink.NONE);
        assertFalse(result.converged());
        assertFalse(result.usable());
        assertTrue(result.problem().contains("did not converge"), result.problem());
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        MaterialSystem lj = Systems.lennardJones3d(3);
        assertMessage("amplitude", () -> DistortRemoveRelax.of(lj, -0.1, 0.0, 1));
        assertMessage("Vacancy fraction", () -> DistortRemoveRelax.of(lj, 0.1, 1.0, 1));
        assertMessage("Vacancy fraction", () -> DistortRemoveRelax.of(lj, 0.1, -0.1, 1));
        assertMessage("fewer than 2", () -> DistortRemoveRelax.of(lj, 0.1, 0.999, 1));
        assertMessage("NoSuch.tersoff", () -> Potential.tersoff("NoSuch.tersoff", "Si"));
        assertMessage("has no species Ge", () -> Potential.tersoff("SiC.tersoff", "Si", "Ge"));
        assertMessage("has no species Al", () -> Potential.eamFs("CuZr_mm.eam.fs", "Cu", "Al"));
        assertMessage("not among the potential's species", () -> Systems.copperZirconium(Composition.parse("Cu50Al50"), 2));
        assertMessage("lj units", () -> new MaterialSystem("mixed", Systems.siliconCarbide(2).crystal(),
                Potential.lennardJones(2.5)));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static int[] typeCounts(int[] types, int ntypes) {
        int[] counts = new int[ntypes];
        for (int type : types) {
            counts[type - 1]++;
        }
        return counts;
    }
}
