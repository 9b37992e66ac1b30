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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spr.protocol.DistortRemoveRelaxIntegrationTest.assertMessage;
import static org.spr.protocol.DistortRemoveRelaxIntegrationTest.typeCounts;

/** Melt-quench from random packing against real LAMMPS (SiC Tersoff, Cu–Zr and Cu–Al–Zr EAM). */
@Tag("lammps")
class MeltQuenchIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    @TempDir
    static Path potentials;

    private static ProtocolResult run(MeltQuench protocol, RecordSink sink) {
        try (InProcessEngine engine = new InProcessEngine(QUIET, sink)) {
            return engine.call(protocol);
        }
    }

    @Test
    void siliconCarbideMeltQuenchIsAmorphousAndReproducible() {
        MeltQuench protocol = MeltQuench.defaults(Systems.siliconCarbide(2), 64, 21).withSchedule(300, 300, 200);
        List<Object> stages = new ArrayList<>();
        ProtocolResult first = run(protocol, stages::add);
        ProtocolResult second = run(protocol, RecordSink.NONE);
        assertTrue(first.usable(), first.problem());
        assertEquals(64, first.atoms());
        assertArrayEquals(new int[]{32, 32}, typeCounts(first.types(), 2), "SiC composition");
        assertTrue(first.energyPerAtom() > -6.16379 + 0.1 && first.energyPerAtom() < -5.0,
                "amorphous SiC lies above the crystal's -6.164 eV/atom: " + first.energyPerAtom());
        assertArrayEquals(first.positions(), second.positions(), 0.0, "bit for bit from the seed");
        assertEquals(first.energyPerAtom(), second.energyPerAtom(), 0.0);
        assertEquals(List.of("pack", "soft", "melt", "cool", "anneal", "minimise"),
                stages.stream().map(stage -> ((ProtocolStage) stage).name()).toList());
    }

    @Test
    void fixedBoxKeepsTheDensityOfThePacking() {
        MaterialSystem cuzr = Systems.copperZirconium(Composition.parse("Cu64Zr36"), 2);
        MeltQuench protocol = new MeltQuench(cuzr, 100, 1.15, 0.8, 200, 3000, 200, 300, 300, 200, 0.002, false, 1e-3, 5);
        ProtocolResult result = run(protocol, RecordSink.NONE);
        assertTrue(result.usable(), result.problem());
        double volume = result.box().xhi() - result.box().xlo();
        volume = volume * volume * volume;
        assertEquals(1.15 * 100 * cuzr.crystal().volumePerAtom(), volume, 1e-6 * volume, "V = 1.15 N V_crystal");
        assertArrayEquals(new int[]{64, 36}, typeCounts(result.types(), 2));
        assertTrue(result.energyPerAtom() < -4.0 && result.energyPerAtom() > -6.5,
                "Cu-Zr glass energy per atom: " + result.energyPerAtom());
    }

    @Test
    void ternaryGlassRelaxesItsBox() {
        MaterialSystem cualzr = Systems.copperAluminiumZirconium(Systems.CU_AL_ZR_GLASS, 2, potentials);
        ProtocolResult result = run(MeltQuench.defaults(cualzr, 100, 8).withSchedule(200, 300, 200), RecordSink.NONE);
        assertTrue(result.usable(), result.problem());
        assertArrayEquals(new int[]{46, 8, 46}, typeCounts(result.types(), 3), "Cu46 Al8 Zr46");
        double length = result.box().xhi() - result.box().xlo();
        double packed = MeltQuench.defaults(cualzr, 100, 8).boxLength();
        assertTrue(length < packed, "a zero-pressure glass is denser than the 1.15 × crystal packing: " + length
                + " vs " + packed);
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        MaterialSystem sic = Systems.siliconCarbide(2);
        assertMessage("Atom count", () -> MeltQuench.defaults(sic, 1, 1));
        assertMessage("Temperatures", () -> MeltQuench.defaults(sic, 64, 1).withTemperatures(-3000, 300));
        assertMessage("Step counts", () -> MeltQuench.defaults(sic, 64, 1).withSchedule(-1, 10, 10));
        assertMessage("metal units", () -> MeltQuench.defaults(Systems.lennardJones3d(3), 100, 1));
        assertMessage("2D", () -> new MeltQuench(Systems.lennardJones2d(4, 4), 32, 1.15, 0.8, 100, 2.0, 100, 0.1,
                100, 100, 0.005, false, 1e-4, 1));
    }

    /** Zero-pressure number density N/V of a result (its box is cubic after the isotropic relaxation). */
    private static double density(ProtocolResult result) {
        double edge = result.box().xhi() - result.box().xlo();
        return result.atoms() / (edge * edge * edge);
    }

    /** 256 atoms, T* 2.0 for 1,000 steps, cooled to 0.05 in {@code coolSteps} of 0.005 τ, 1,000 steps, box relaxed. */
    private static MeltQuench reducedUnitQuench(MaterialSystem system, int coolSteps, long seed) {
        return new MeltQuench(system, 256, 1.15, 0.8, 200, 2.0, 1000, 0.05, coolSteps, 1000, 0.005, true, 1e-4, seed);
    }

    @Test
    void kobAndersenGlassHasTheMixturesCompositionDensityAndEnergy() {
        // T* 2.0 → 0.05 over 20,000 steps of 0.005 τ (0.0195 per τ), box relaxed to zero pressure
        ProtocolResult glass = run(reducedUnitQuench(Systems.kobAndersen(4), 20_000, 17), RecordSink.NONE);
        assertTrue(glass.usable(), glass.problem());
        assertArrayEquals(new int[]{205, 51}, typeCounts(glass.types(), 2), "80:20");
        // Kob–Andersen inherent structures: about −7.5 to −7.7 ε per atom near ρ* = 1.2 (Sastry, Debenedetti & Stillinger 1998)
        assertTrue(glass.energyPerAtom() > -7.75 && glass.energyPerAtom() < -7.45, "energy " + glass.energyPerAtom());
        assertEquals(1.2, density(glass), 0.06, "zero-pressure density of the glass");
    }

    @Test
    void oneComponentLennardJonesQuenchedAtTheRecipesRatesStaysAGlass() {
        // the slowest rate of the lj3d recipe, 0.005 per τ: the one-component LJ, quick to crystallise, stays amorphous
        // for this seed: its inherent-structure energy lies well above the FCC crystal's −7.463 ε (rc 2.5 σ, shifted)
        ProtocolResult glass = run(reducedUnitQuench(Systems.lennardJones3d(4), 78_000, 777), RecordSink.NONE);
        assertTrue(glass.usable(), glass.problem());
        assertTrue(glass.energyPerAtom() > -7.463 + 0.2 && glass.energyPerAtom() < -6.8, "energy " + glass.energyPerAtom());
    }
}
