package org.spr.label;

import org.spr.protocol.LennardJonesLiquid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.LammpsEngine;
import org.spr.lammps.LammpsException;
import org.spr.lammps.RecordSink;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Green–Kubo κ against the real LAMMPS library. */
class GreenKuboConductivityTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    /** LAMMPS's examples/KAPPA state point, 4 × cells³ atoms (5 cells: 500 atoms; the example has 4000). */
    static void lennardJonesLiquid(LammpsEngine engine, int cells) {
        LennardJonesLiquid.create(engine, cells);
    }

    /**
     * One 50,000-step NVE run of a 500-atom LJ liquid: the Java autocorrelation integral equals LAMMPS's own
     * {@code fix ave/correlate} + {@code trap()} on the same samples, and κ* lies in a wide band around the published
     * 3.4 (a 500-atom, 250 τ run scatters by about ±25 % between seeds).
     */
    @Test
    @Tag("lammps")
    void lennardJonesLiquidMatchesLammpsCorrelatorAndThePublishedValue() {
        GreenKuboParameters parameters = GreenKuboParameters.bulk("lj", 1.35, 0.005, 1000, 50_000, 10, 100, 87287);
        List<Object> records = new ArrayList<>();
        GreenKuboResult result;
        try (InProcessEngine engine = new InProcessEngine(QUIET, records::add)) {
            lennardJonesLiquid(engine, 5);
            result = engine.call(new GreenKuboConductivity(parameters));
        }
        int last = parameters.correlationLength() - 1;
        assertEquals(result.lammpsFullIntegral(), result.runningConductivity()[last],
                1e-9 * Math.abs(result.lammpsFullIntegral()), "Java integral = LAMMPS fix ave/correlate trap()");
        assertEquals(result.conductivity(), result.runningConductivity()[parameters.integrationWindow()], 1e-12);
        assertTrue(result.conductivity() > 2.0 && result.conductivity() < 5.0,
                "κ* = " + result.conductivity() + " should be near Evans' 3.4");
        assertEquals(1.0, result.autocorrelation()[0], 1e-12);
        assertTrue(result.autocorrelation()[last] < 0.1, "the correlation has decayed by 5 τ: " + result.autocorrelation()[last]);
        assertEquals(1.35, result.meanTemperature(), 0.1, "NVE stays at the equilibrated temperature");
        assertEquals(500, result.atoms());
        assertEquals(500 / 0.6, result.volume(), 1e-6);
        assertEquals(0.0, result.runningConductivity()[0]);
        assertEquals(1, records.size(), "one progress record per seed");
        assertTrue(Double.isNaN(result.standardError()), "one seed has no standard error");
    }

    /** A centroid stress refused by a many-body pair style ends only the isolated worker, with LAMMPS's message. */
    @Test
    @Tag("lammps")
    void centroidStressWithStillingerWeberIsALammpsErrorInTheWorkerNotACrash() {
        GreenKuboParameters parameters = new GreenKuboParameters("metal", 300, 0.001,
                GreenKuboParameters.Thermostat.LANGEVIN, 0.1, 10, 200, 1, 20, 19, new boolean[] {true, true, true}, 0,
                GreenKuboParameters.StressCompute.CENTROID_STRESS_ATOM, new long[] {5});
        try (IsolatedEngine engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), RecordSink.NONE, null)) {
            for (String command : List.of("units metal", "atom_style atomic", "atom_modify map array sort 0 0.0",
                    "lattice diamond 5.431", "region box block 0 2 0 2 0 2", "create_box 1 box", "create_atoms 1 box",
                    "mass 1 28.0855", "pair_style sw", "pair_coeff * * " + org.spr.protocol.Potentials.path("Si.sw") + " Si")) {
                engine.command(command);
            }
            LammpsException error = assertThrows(LammpsException.class, () -> engine.call(new GreenKuboConductivity(parameters)));
            assertTrue(error.getMessage().contains("centroid/stress/atom"), error.getMessage());
        }
    }

    /** A structure written by LAMMPS comes back through {@link DataFileStructure} with the potential's units and pair style. */
    @Test
    @Tag("lammps")
    void dataFileStructureLoadsAWrittenStructure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        java.nio.file.Path file = directory.resolve("lj.data");
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            lennardJonesLiquid(engine, 3);
            engine.command("write_data " + file);
        }
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            long atoms = engine.call(DataFileStructure.atomic(file, org.spr.protocol.Potential.lennardJones(2.5)));
            assertEquals(108, atoms);
            engine.command("run 0");
            assertTrue(engine.thermo("pe") < 0, "LJ liquid at rho* 0.6 is bound: " + engine.thermo("pe"));
        }
        assertMessage("Data file", () -> DataFileStructure.atomic(directory.resolve("missing.data"),
                org.spr.protocol.Potential.lennardJones(2.5)));
    }

    @Test
    void autocorrelationOfACosineAndTheTrapezoidIntegral() {
        int m = 20_000;
        double[] x = new double[m];
        for (int t = 0; t < m; t++) {
            x[t] = Math.cos(0.1 * t);
        }
        double[] c = GreenKuboConductivity.autocorrelation(x, 50);
        for (int k = 0; k < 50; k++) {
            assertEquals(0.5 * Math.cos(0.1 * k), c[k], 2e-3, "lag " + k);
        }
        double[] exponential = new double[400];
        for (int k = 0; k < exponential.length; k++) {
            exponential[k] = Math.exp(-0.05 * k);
        }
        double[] integral = GreenKuboConductivity.runningIntegral(exponential, 2.0);
        assertEquals(2.0 / 0.05, integral[399], 0.01, "2∫e^{-0.05t}dt → 40");
        assertEquals(0.0, integral[0]);
    }

    @Test
    void monolayerVolumeUsesTheThicknessConvention() {
        GreenKuboParameters bulk = GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200, 1);
        GreenKuboParameters monolayer = bulk.asMonolayer(AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS);
        org.spr.lammps.SimulationBox box = new org.spr.lammps.SimulationBox(0, 0, 0, 20, 30, 40, 0, 0, 0,
                true, true, true, false);
        assertEquals(24_000, new GreenKuboConductivity(bulk).volume(box, 3), 1e-9);
        assertEquals(20 * 30 * 3.35, new GreenKuboConductivity(monolayer).volume(box, 3), 1e-9);
        assertEquals(2, monolayer.directionCount());
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertMessage("units", () -> GreenKuboParameters.bulk("real", 300, 0.001, 0, 2000, 1, 200, 1));
        assertMessage("temperature", () -> GreenKuboParameters.bulk("metal", -3, 0.001, 0, 2000, 1, 200, 1));
        assertMessage("time step", () -> GreenKuboParameters.bulk("metal", 300, 0.01, 0, 2000, 1, 200, 1));
        assertMessage("production steps", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2100, 1, 200, 1));
        assertMessage("10 correlation lengths", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 1800, 1, 200, 1));
        assertMessage("correlation length", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 1, 1));
        assertMessage("integration window", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200, 1)
                .withIntegrationWindow(200));
        assertMessage("seed", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200));
        assertMessage("seeds", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200, 0));
        assertMessage("thickness", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200, 1).asMonolayer(0));
        assertMessage("damping", () -> GreenKuboParameters.bulk("metal", 300, 0.001, 0, 2000, 1, 200, 1)
                .withThermostat(GreenKuboParameters.Thermostat.LANGEVIN, 0));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(error.getMessage().contains(fragment), "'" + error.getMessage() + "' should name " + fragment);
    }
}
