package org.spr.lammps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The {@link Lammps} facade against the real LAMMPS library, in this JVM (valid input only: no exceptions in Debian's build). */
@Tag("lammps")
class LammpsIntegrationTest {

    private Lammps lammps;

    @BeforeEach
    void open() {
        lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"));
    }

    @AfterEach
    void close() {
        lammps.close();
    }

    /**
     * LJ FCC at reduced density ρ: E/N = 2 Σ_j [r_j^-12 − r_j^-6] and P = (ρ/6) Σ_j r_j f(r_j), f = 24[2 r^-13 − r^-7],
     * summed over lattice neighbours within r_c = 2.5 (plain cut, no shift).
     */
    @Test
    void ljFccLatticeSumMatchesAnalytic() {
        double density = 1.0;
        double a = Math.cbrt(4 / density);
        lammps.commands(String.join("\n",
                "units lj", "atom_style atomic", "lattice fcc " + density,
                "region box block 0 5 0 5 0 5", "create_box 1 box", "create_atoms 1 box", "mass 1 1.0",
                "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0", "thermo_style custom step pe press", "run 0"));
        double cutoff = 2.5;
        double energy = 0;
        double virial = 0;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int range = 4;
        for (int i = -range; i <= range; i++) {
            for (int j = -range; j <= range; j++) {
                for (int k = -range; k <= range; k++) {
                    for (double[] b : basis) {
                        double x = (i + b[0]) * a;
                        double y = (j + b[1]) * a;
                        double z = (k + b[2]) * a;
                        double r = Math.sqrt(x * x + y * y + z * z);
                        if (r > 1e-9 && r < cutoff) {
                            energy += 2 * (Math.pow(r, -12) - Math.pow(r, -6));
                            virial += r * 24 * (2 * Math.pow(r, -13) - Math.pow(r, -7));
                        }
                    }
                }
            }
        }
        double pressure = density / 6 * virial;
        assertEquals(500, lammps.natoms());
        assertEquals(energy, lammps.thermo("pe"), 1e-6);
        assertEquals(pressure, lammps.thermo("press"), 1e-6);
        assertEquals(20210929, Math.min(lammps.version(), 20210929), "version must be a date number");
        assertTrue(lammps.hasStyle("pair", "tersoff"));
        assertFalse(lammps.hasStyle("pair", "no_such_style"));
        assertTrue(lammps.hasPackage("MANYBODY"));
    }

    @Test
    void grapheneTersoffMatchesExecutable(@TempDir Path directory) throws Exception {
        assumeTrue(TestInputs.executableAvailable(), "the lmp executable is not installed; skipping the cross-check");
        compareWithExecutable(TestInputs.grapheneTersoff(6, 4), directory);
    }

    @Test
    void eamAlloyMatchesExecutable(@TempDir Path directory) throws Exception {
        assumeTrue(TestInputs.executableAvailable(), "the lmp executable is not installed; skipping the cross-check");
        compareWithExecutable(TestInputs.copperZirconiumEam(), directory);
    }

    private void compareWithExecutable(String setup, Path directory) throws Exception {
        String input = setup + TestInputs.thermoForComparison();
        double[] reference = TestInputs.thermoLine(TestInputs.runExecutable(input, directory));
        lammps.commands(input);
        double[] forces = lammps.gatherForces();
        double[] ours = {0, lammps.thermo("pe"), lammps.thermo("press"), forces[0], forces[1], forces[2]};
        for (int i = 1; i < ours.length; i++) {
            double tolerance = 1e-13 * Math.max(1, Math.abs(reference[i])) * 10;
            assertEquals(reference[i], ours[i], tolerance, "thermo column " + i);
        }
        assertEquals(lammps.variable("fx1"), forces[0], 0.0);
    }

    @Test
    void boxAndViewsAgreeWithGather() {
        lammps.commands(TestInputs.grapheneTersoff(3, 2) + "run 0\n");
        SimulationBox box = lammps.box();
        assertEquals(3 * 2.46, box.lx(), 1e-12);
        assertEquals(2 * 2.46 * Math.sqrt(3), box.ly(), 1e-9);
        assertTrue(box.periodicX() && box.periodicZ());
        assertFalse(box.triclinic());
        DoubleBuffer view = lammps.positionsView();
        long[] ids = lammps.localIds();
        double[] gathered = lammps.gatherPositions();
        assertEquals(3 * ids.length, view.remaining());
        for (int i = 0; i < ids.length; i++) {
            int row = (int) (ids[i] - 1);
            for (int d = 0; d < 3; d++) {
                assertEquals(gathered[3 * row + d], view.get(3 * i + d), 0.0);
            }
        }
        assertTrue(view.isReadOnly());
        assertEquals(12.011, lammps.massesPerType()[1], 0.0);
    }

    @Test
    void triclinicBoxIsReported() {
        lammps.commands(String.join("\n", "units lj", "atom_style atomic",
                "region box prism 0 4 0 5 0 6 1.0 0.5 0.25", "create_box 1 box", "mass 1 1"));
        SimulationBox box = lammps.box();
        assertTrue(box.triclinic());
        assertEquals(1.0, box.xy(), 1e-12);
        assertEquals(0.5, box.xz(), 1e-12);
        assertEquals(0.25, box.yz(), 1e-12);
        assertEquals(120.0, box.volume(), 1e-9);
    }

    @Test
    void scatterMovesAtomsAndCreateAtomsAddsThem() {
        lammps.commands(String.join("\n", "units lj", "atom_style atomic", "atom_modify map array",
                "region box block 0 10 0 10 0 10", "create_box 2 box", "mass * 1"));
        int created = lammps.createAtoms(new long[]{1, 2}, new int[]{1, 2}, new double[]{1, 1, 1, 2, 2, 2}, null, false);
        assertEquals(2, created);
        lammps.scatterPositions(new double[]{3, 3, 3, 4, 4, 4.5});
        assertArrayEquals(new double[]{3, 3, 3, 4, 4, 4.5}, lammps.gatherPositions(), 0.0);
        assertArrayEquals(new int[]{1, 2}, lammps.gatherInts("type", 1));
    }

    /** A constant external force F on a free particle: x(t) = x0 + ½ (F/m) t² under velocity Verlet (exact). */
    @Test
    void fixExternalCallbackSeesAtomsAndItsForceMovesThem() {
        lammps.commands(String.join("\n", "units lj", "atom_style atomic", "atom_modify map array",
                "region box block 0 20 0 20 0 20", "create_box 1 box", "mass 1 2.0",
                "create_atoms 1 single 5 5 5", "create_atoms 1 single 10 10 10",
                "pair_style zero 1.0", "pair_coeff * *", "timestep 0.01",
                "fix 1 all nve", "fix ext all external pf/callback 1 1"));
        double force = 0.4;
        int[] calls = {0};
        lammps.setFixExternalCallback("ext", step -> {
            calls[0]++;
            assertEquals(2, step.nlocal());
            DoubleBuffer x = step.positions();
            assertEquals(6, x.remaining());
            DoubleBuffer f = step.externalForces();
            for (int i = 0; i < step.nlocal(); i++) {
                f.put(3 * i, force);
                f.put(3 * i + 1, 0);
                f.put(3 * i + 2, 0);
            }
        }, true);
        lammps.command("run 100");
        double t = 100 * 0.01;
        double[] x = lammps.gatherPositions();
        assertEquals(5 + 0.5 * force / 2.0 * t * t, x[0], 1e-10);
        assertEquals(10 + 0.5 * force / 2.0 * t * t, x[3], 1e-10);
        assertEquals(5.0, x[1], 0.0);
        assertEquals(101, calls[0], "called at setup and at each of the 100 steps");
    }

    /**
     * A callback that sets no force must not change the dynamics: LAMMPS (2021) leaves the external force array
     * uninitialised, so the bridge clears it; runs with and without the fix give identical trajectories, also after
     * other instances have left dirty memory behind.
     */
    @Test
    void callbackWithoutForcesLeavesTheTrajectoryUnchanged() {
        String setup = TestInputs.grapheneTersoff(20, 12) + "velocity all create 2000 4928 loop geom\nfix 1 all nve\n"
                + "timestep 0.0005\n";
        double[] plain;
        try (Lammps first = Lammps.open(List.of("-log", "none", "-screen", "none"))) {
            first.commands(setup);
            first.command("run 200");
            plain = first.gatherPositions();
        }
        lammps.commands(setup);
        lammps.command("fix ext all external pf/callback 50 1");
        lammps.setFixExternalCallback("ext", step -> { });
        lammps.command("run 200");
        assertArrayEquals(plain, lammps.gatherPositions(), 0.0);
    }

    private static final String LJ_NPT = String.join("\n", "units lj", "atom_style atomic", "lattice fcc 0.8442",
            "region box block 0 4 0 4 0 4", "create_box 1 box", "create_atoms 1 box", "mass 1 1.0",
            "velocity all create 1.5 87287 loop geom", "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0 2.5",
            "fix 1 all npt temp 1.5 1.5 0.5 iso 1.0 1.0 2.0", "fix ext all external pf/callback 10 1");

    /**
     * The original failure (issue 14): LAMMPS 2021 never initialises a {@code fix external}'s virial, so a fix made
     * in memory that another one left behind (here: an earlier fix whose callback contributed a virial, removed by
     * {@code clear}) pushed NPT's setup pressure to that garbage. An observing callback now contributes exactly
     * nothing: pressure, volume and energy after an NPT run equal those of the same run without any fix external.
     */
    @Test
    void observingFixExternalLeavesNptUnchangedOnReusedMemory() {
        double[] plain;
        try (Lammps reference = Lammps.open(List.of("-log", "none", "-screen", "none"))) {
            reference.commands(LJ_NPT.replace("fix ext all external pf/callback 10 1", ""));
            reference.command("run 0");
            double setup = reference.thermo("press");
            reference.command("run 100");
            plain = new double[]{setup, reference.thermo("press"), reference.thermo("vol"), reference.thermo("pe")};
        }
        lammps.commands(LJ_NPT.replace("fix 1 all npt temp 1.5 1.5 0.5 iso 1.0 1.0 2.0", ""));
        lammps.setFixExternalCallback("ext", step -> step.setVirial(new double[]{1e5, 1e5, 1e5, 0, 0, 0}), true);
        lammps.command("run 0");
        lammps.command("clear");
        lammps.commands(LJ_NPT);
        lammps.setFixExternalCallback("ext", step -> { });
        lammps.command("run 0");
        double setup = lammps.thermo("press");
        lammps.command("run 100");
        assertArrayEquals(plain, new double[]{setup, lammps.thermo("press"), lammps.thermo("vol"), lammps.thermo("pe")}, 0.0);
    }

    /**
     * An acting callback still contributes: a virial W set by the callback adds (Wxx + Wyy + Wzz) / (3V) to the
     * pressure (LJ units), an energy E adds E to the potential energy; an observer may not write forces.
     */
    @Test
    void actingCallbackContributesItsVirialAndEnergy() {
        lammps.commands(LJ_NPT.replace("fix 1 all npt temp 1.5 1.5 0.5 iso 1.0 1.0 2.0", "fix 1 all nve"));
        lammps.setFixExternalCallback("ext", step -> { });
        lammps.command("run 0");
        double pressure = lammps.thermo("press");
        double energy = lammps.thermo("pe") * lammps.natoms();
        double volume = lammps.thermo("vol");
        lammps.setFixExternalCallback("ext", step -> {
            step.setVirial(new double[]{30, 60, 90, 0, 0, 0});
            step.setEnergy(12.5);
        }, true);
        lammps.command("run 0");
        assertEquals(pressure + 180 / (3 * volume), lammps.thermo("press"), 1e-12 * Math.abs(pressure) + 1e-12);
        assertEquals(energy + 12.5, lammps.thermo("pe") * lammps.natoms(), 1e-9);
        lammps.setFixExternalCallback("ext", step -> step.externalForces());
        LammpsException refused = assertThrows(LammpsException.class, () -> lammps.command("run 0"));
        assertTrue(refused.getMessage().contains("observer"), refused.getMessage());
    }

    @Test
    void exceptionInCallbackStopsTheRunAndSurfaces() {
        lammps.commands(String.join("\n", "units lj", "atom_style atomic", "lattice fcc 0.8",
                "region box block 0 3 0 3 0 3", "create_box 1 box", "create_atoms 1 box", "mass 1 1",
                "pair_style lj/cut 2.5", "pair_coeff 1 1 1 1", "velocity all create 1.0 1",
                "fix 1 all nve", "fix ext all external pf/callback 10 1"));
        lammps.setFixExternalCallback("ext", step -> {
            if (step.timestep() >= 30) {
                throw new IllegalStateException("boom at " + step.timestep());
            }
        });
        LammpsException failure = assertThrows(LammpsException.class, () -> lammps.command("run 1000"));
        assertTrue(failure.getMessage().contains("boom at 30"), failure.getMessage());
        assertTrue(failure.getCause() instanceof IllegalStateException);
        assertTrue(lammps.thermo("step") < 100, "run stopped early, at step " + lammps.thermo("step"));
        lammps.command("unfix ext");
        lammps.command("run 20");
        assertTrue(lammps.thermo("step") >= 50, "instance still usable after the failure");
    }

    @Test
    void closedOrForeignThreadCallsAreRefused() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> call = other.submit(() -> lammps.natoms());
            Exception e = assertThrows(Exception.class, call::get);
            assertTrue(e.getCause().getMessage().contains("not thread-safe"), e.getCause().getMessage());
        } finally {
            other.shutdown();
        }
        lammps.close();
        lammps.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> lammps.command("units lj"));
        assertTrue(closed.getMessage().contains("closed"));
        lammps = Lammps.open(List.of("-log", "none", "-screen", "none"));
    }

    @Test
    void computesFixesAndVariablesAreTyped() {
        lammps.commands(String.join("\n", "units lj", "atom_style atomic", "lattice fcc 0.8",
                "region box block 0 3 0 3 0 3", "create_box 1 box", "create_atoms 1 box", "mass 1 1",
                "pair_style lj/cut 2.5", "pair_coeff 1 1 1 1", "velocity all create 1.5 4928 mom yes rot yes",
                "compute t all temp", "compute pe all pe/atom", "compute rdf all rdf 10",
                "variable twice equal 2*temp", "fix avg all ave/time 1 1 1 c_t", "thermo_style custom step temp pe",
                "run 0"));
        double temperature = lammps.computeScalar("t");
        assertEquals(1.5, temperature, 1e-9);
        assertEquals(2 * temperature, lammps.variable("twice"), 1e-12);
        assertEquals(temperature, lammps.fixScalar("avg"), 1e-12);
        double[][] rdf = lammps.computeArray("rdf");
        assertEquals(10, rdf.length);
        assertEquals(3, rdf[0].length);
        double[] perAtom = lammps.computePerAtom("pe");
        assertEquals(108, perAtom.length);
        assertEquals(lammps.thermo("pe"), Arrays.stream(perAtom).sum() / 108, 1e-9);
        assertEquals(3, lammps.setting("dimension"));
        assertEquals(0, lammps.rank());
        assertEquals(1, lammps.ranks());
        LammpsException missing = assertThrows(LammpsException.class, () -> lammps.computeScalar("nope"));
        assertTrue(missing.getMessage().contains("nope"));
        // library.h data types: dt is LAMMPS_DOUBLE, ntimestep LAMMPS_INT64, nlocal LAMMPS_INT
        assertEquals(0.005, lammps.global("dt"), 0.0);
        assertEquals(0.0, lammps.global("ntimestep"), 0.0);
        assertEquals(108.0, lammps.global("nlocal"), 0.0);
        LammpsException notString = assertThrows(LammpsException.class, () -> lammps.setVariable("twice", "3"));
        assertTrue(notString.getMessage().contains("twice"), notString.getMessage());
        assertFalse(lammps.isPoisoned(), "refusals by the bridge are not LAMMPS errors");
    }

    /**
     * A library built with exceptions (LAMMPS 2023 and later) reports an error through the chokepoint in the same
     * words as the isolated engine reports the Debian build's; the instance is then poisoned and never closed: LAMMPS
     * 4 Feb 2025 crashes the process in lammps_close after this failed pair_coeff of pair_style eam.
     */
    @Test
    void lammpsErrorIsTypedAndThePoisonedInstanceIsLeftOpen() {
        assumeTrue(Lammps.libraryHasExceptions(),
                "this LAMMPS ends the process on an error (no exceptions); IsolatedEngineIntegrationTest covers it");
        LammpsException unknown = assertThrows(LammpsException.class, () -> lammps.command("frobnicate all 3"));
        assertTrue(unknown.lammpsMessage().startsWith("Unknown command: frobnicate all 3"), unknown.lammpsMessage());
        assertFalse(unknown.lammpsMessage().contains("ERROR") || unknown.lammpsMessage().contains("Last input line"),
                unknown.lammpsMessage());
        assertEquals("frobnicate all 3", unknown.command());
        assertEquals("LAMMPS error (command: frobnicate all 3): " + unknown.lammpsMessage(), unknown.getMessage());
        assertTrue(lammps.isPoisoned());

        lammps.commands(String.join("\n", "units metal", "lattice fcc 3.615", "region box block 0 2 0 2 0 2",
                "create_box 1 box", "create_atoms 1 box", "mass 1 63.546", "pair_style eam"));
        String pairCoeff = "pair_coeff * * /nonexistent/NoSuch_u3.eam";
        LammpsException missing = assertThrows(LammpsException.class, () -> lammps.command(pairCoeff));
        assertTrue(missing.lammpsMessage().contains("/nonexistent/NoSuch_u3.eam"), missing.getMessage());
        assertEquals(pairCoeff, missing.command());
        assertEquals(32, lammps.natoms(), "still answers after a recoverable error");
        lammps.close();
        assertTrue(lammps.isClosed(), "closed without lammps_close: this JVM is still here");
    }
}
