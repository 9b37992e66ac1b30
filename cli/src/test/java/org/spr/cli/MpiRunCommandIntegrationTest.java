package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.lammps.MpiLaunch;
import org.spr.protocol.Potentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code mpirun -np 2 spr run … --monitor N --monitor-hook predict} exits 0 and writes the files of the serial run
 * (plots included), with the same rows; only rank 0 writes.
 */
@Tag("lammps")
class MpiRunCommandIntegrationTest {

    @Test
    void twoRanksWriteWhatOneRankWrites(@TempDir Path directory) throws Exception {
        assumeTrue(MpiLaunch.available(), "mpirun is not installed; skipping the two-rank spr run check");
        Path script = directory.resolve("in.graphene");
        Files.writeString(script, String.join("\n", "units metal", "atom_style atomic", "atom_modify map array sort 0 0.0",
                "boundary p p p",
                "lattice custom 2.46 a1 1 0 0 a2 0 1.7320508075688772 0 a3 0 0 8.1300813008 basis 0 0 0 "
                        + "basis 0.5 0.16666666666666666 0 basis 0.5 0.5 0 basis 0 0.6666666666666666 0",
                "region box block 0 12 0 7 -0.5 0.5", "create_box 1 box", "create_atoms 1 box", "mass 1 12.011",
                // off the perfect lattice (whose distances sit on bin edges), by position: the same on any rank count
                "variable dx atom 0.05*sin(12.9898*x+78.233*y)", "variable dy atom 0.05*sin(78.233*x+37.719*y)",
                "displace_atoms all move v_dx v_dy 0.0 units box",
                "pair_style tersoff", "pair_coeff * * " + Potentials.path("BNC.tersoff") + " C",
                "velocity all create 600 4928 loop geom", "fix 1 all nve", "timestep 0.0005", "run 60", ""));
        Path serial = directory.resolve("serial");
        Path parallel = directory.resolve("parallel");
        String serialLog = spr(1, directory, script, serial);
        String parallelLog = spr(2, directory, script, parallel);
        List<String> serialFiles = files(serial);
        assertEquals(serialFiles, files(parallel), parallelLog);
        assertTrue(serialFiles.containsAll(List.of("spr_monitor/timeseries.csv", "spr_monitor/spectra.csv",
                "spr_monitor/final-pdos.csv", "spr_monitor/gr.png", "spr_monitor/pdos.png", "spr_monitor/properties.png")),
                serialFiles + "\n" + serialLog);
        List<String> expected = Files.readAllLines(serial.resolve("spr_monitor/timeseries.csv"));
        List<String> actual = Files.readAllLines(parallel.resolve("spr_monitor/timeseries.csv"));
        assertEquals(expected.size(), actual.size());
        assertEquals(1 + 4, expected.size(), "header and steps 0, 20, 40, 60");
        for (int row = 1; row < expected.size(); row++) {
            String[] e = expected.get(row).split(","), a = actual.get(row).split(",");
            for (int column = 0; column < e.length; column++) {
                if (e[column].matches("-?[0-9.eE+-]+")) {
                    double x = Double.parseDouble(e[column]), y = Double.parseDouble(a[column]);
                    // the 2-rank MD differs from the serial one in the last bits (force sums in another order)
                    assertEquals(x, y, 1e-6 * Math.max(1, Math.abs(x)), "row " + row + " column " + column);
                } else {
                    assertEquals(e[column], a[column]);
                }
            }
        }
        assertEquals(1, count(parallelLog, "spr run: " + script + " finished"), "only rank 0 prints:\n" + parallelLog);
    }

    /** Runs {@code spr run} on {@code ranks} ranks (a fresh mpirun environment); asserts exit 0; returns the output. */
    private static String spr(int ranks, Path directory, Path script, Path out) throws IOException, InterruptedException {
        MpiLaunch.Result result = MpiLaunch.run(ranks, directory,
                List.of("-Xss4m", "-Dai.djl.offline=true", "-Djava.awt.headless=true"), Main.class,
                "run", script.toString(), "--monitor", "20", "--monitor-hook", "predict:kind=instantaneous", "--out", out.toString());
        assertEquals(0, result.exitCode(), "mpirun -np " + ranks + " spr run exit code:\n" + result.output());
        return result.output();
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
