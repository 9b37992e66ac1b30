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
 * Steps need not increase in a monitored script: a step repeats at run boundaries and after a final {@code run 0},
 * and goes back after {@code reset_timestep}. The predict monitor keeps every call in its CSV files and draws its plots
 * (issue 14: two runs ended it with "Series name … already been used", exit 2; {@code reset_timestep} was refused by
 * the monitor's energy tally, exit 5).
 */
@Tag("lammps")
class MonitorRepeatedStepsTest {

    private static final String LIQUID = String.join("\n", "units lj", "atom_style atomic", "lattice fcc 0.8442",
            "region box block 0 4 0 4 0 4", "create_box 1 box", "create_atoms 1 box", "mass 1 1.0",
            "velocity all create 1.5 87287 loop geom", "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0 2.5",
            "fix 1 all nvt temp 1.5 0.8 0.5", "thermo 50", "");

    /**
     * Runs LIQUID followed by {@code commands} under the predict monitor (exit 0 and the four plots asserted) and
     * returns the step column of its timeseries.csv.
     */
    private static List<String> monitoredSteps(Path directory, String commands) throws java.io.IOException {
        Path script = Files.writeString(directory.resolve("in.liquid"), LIQUID + commands);
        Path out = directory.resolve("out");
        Path model = Path.of("").toAbsolutePath().getParent().resolve("models/lj3d/lj3d-linear.sprmodel");
        assertEquals(ExitCodes.OK, Main.run("run", script.toString(), "--monitor", "50", "--monitor-hook",
                "predict:model=" + model + ",kind=instantaneous", "--out", out.toString()));
        for (String png : List.of("gr.png", "pdos.png", "final-pdos.png", "properties.png")) {
            assertTrue(Files.size(out.resolve("spr_monitor").resolve(png)) > 1000, png);
        }
        List<String> rows = Files.readAllLines(out.resolve("spr_monitor/timeseries.csv"));
        return rows.subList(1, rows.size()).stream().map(row -> row.substring(0, row.indexOf(','))).toList();
    }

    @Test
    void twoRunsAndAFinalRunZeroKeepEveryCallAndDrawThePlots(@TempDir Path directory) throws Exception {
        assertEquals(List.of("0", "50", "100", "100", "150", "200", "200"), monitoredSteps(directory, "run 100\nrun 100\nrun 0\n"),
                "every call, the repeated steps included");
    }

    @Test
    void resetTimestepStartsASegment(@TempDir Path directory) throws Exception {
        assertEquals(List.of("0", "50", "100", "0", "50", "100"), monitoredSteps(directory, "run 100\nreset_timestep 0\nrun 100\n"));
    }
}
