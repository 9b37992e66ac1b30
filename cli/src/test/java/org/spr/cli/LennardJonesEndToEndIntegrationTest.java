package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lennard-Jones systems end to end in reduced units, 2D and 3D: generate (Hessian PDOS in 1/τ) → train → a separate
 * LJ quench monitored with the predict hook, which picks the model by species, units and dimension; every header and
 * axis is in reduced units.
 */
@Tag("lammps")
class LennardJonesEndToEndIntegrationTest {

    @Test
    void threeDimensional(@TempDir Path directory) throws Exception {
        endToEnd(directory, "lj3d", "cells=3", String.join("\n", "units lj", "atom_style atomic", "lattice fcc 1.075",
                "region box block 0 4 0 4 0 4", "create_box 1 box", "create_atoms 1 box", "mass 1 1.0",
                "pair_style lj/cut 2.5", "pair_coeff * * 1.0 1.0", "pair_modify shift yes",
                "velocity all create 1.5 11 mom yes rot no dist gaussian", "fix md all nvt temp 1.5 0.05 0.5", "run 1000", ""), 3);
    }

    @Test
    void twoDimensional(@TempDir Path directory) throws Exception {
        endToEnd(directory, "lj2d", "cells=8x5", String.join("\n", "units lj", "dimension 2", "atom_style atomic",
                "lattice hex 0.9318", "region box block 0 8 0 5 -0.5 0.5", "create_box 1 box", "create_atoms 1 box",
                "mass 1 1.0", "pair_style lj/cut 2.5", "pair_coeff * * 1.0 1.0", "pair_modify shift yes",
                "velocity all create 1.0 11 mom yes rot no dist gaussian", "fix md all nvt temp 1.0 0.05 0.5",
                "fix flat all enforce2d", "run 1000", ""), 2);
    }

    private static void endToEnd(Path directory, String system, String cells, String quench, int dimension) throws Exception {
        Path data = directory.resolve(system + ".csv");
        assertEquals(ExitCodes.OK, Main.run("generate", "--system", system, "--set", cells, "--count", "12", "--out", data.toString()));
        String sidecar = Files.readString(directory.resolve(system + ".json"));
        assertTrue(sidecar.contains("\"reduced\"") && sidecar.contains("epsilon"), "dataset in reduced units: " + sidecar);
        Path models = directory.resolve("models");
        Files.createDirectories(models);
        assertEquals(ExitCodes.OK, Main.run("train", "--data", data.toString(), "--kind", "linear", "--beta", "1e-3",
                "--quiet", "--out", models.resolve(system + "-test.sprmodel").toString()));
        Path script = directory.resolve("in.quench");
        Files.writeString(script, quench);
        Path out = directory.resolve("out");
        assertEquals(ExitCodes.OK, Main.run("run", script.toString(), "--monitor", "500", "--monitor-hook", "predict",
                "--model-path", models.toString(), "--out", out.toString()));
        Path monitor = out.resolve("spr_monitor");
        List<String> series = Files.readAllLines(monitor.resolve("timeseries.csv"));
        assertTrue(series.get(0).startsWith("step,time_tau,temperature_reduced,pe_epsilon_per_atom"), series.get(0));
        assertEquals(1 + 3, series.size(), "steps 0, 500, 1000");
        assertTrue(Files.readAllLines(monitor.resolve("final-pdos.csv")).get(0).startsWith("frequency_per_tau,"));
        for (String plot : List.of("gr.png", "pdos.png", "final-pdos.png", "properties.png")) {
            assertTrue(Files.size(monitor.resolve(plot)) > 1000, plot);
        }
        // the quenched LJ solid's predicted PDOS lies on the reduced grid (0…10 /τ), with its mean well inside it
        String[] last = series.get(3).split(",");
        double mean = Double.parseDouble(last[6]);
        assertTrue(mean > 0.5 && mean < 5, "mean reduced frequency " + mean + " (dimension " + dimension + ")");
    }
}
