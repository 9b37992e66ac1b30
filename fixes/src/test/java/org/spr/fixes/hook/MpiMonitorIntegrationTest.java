package org.spr.fixes.hook;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.MpiLaunch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Under {@code mpirun -np 2} the monitored run gives the serial g(r) and predictions; only rank 0 emits. */
@Tag("lammps")
class MpiMonitorIntegrationTest {

    @Test
    void twoRanksPredictWhatOneRankPredicts() throws Exception {
        assumeTrue(MpiLaunch.available(), "mpirun is not installed; skipping the two-rank monitor check");
        List<String[]> serial = predictions(run(1));
        String parallelOutput = run(2);
        List<String[]> parallel = predictions(parallelOutput);
        assertEquals(4, serial.size(), "steps 0, 10, 20, 30");
        assertEquals(serial.size(), parallel.size(), parallelOutput);
        for (int i = 0; i < serial.size(); i++) {
            assertEquals(serial.get(i)[2], parallel.get(i)[2], "step");
            assertEquals(Double.parseDouble(serial.get(i)[3]), Double.parseDouble(parallel.get(i)[3]), 1e-7, "Σ g(r)");
            assertEquals(Double.parseDouble(serial.get(i)[4]), Double.parseDouble(parallel.get(i)[4]), 1e-9, "Σ PDOS²");
        }
        assertTrue(parallelOutput.contains("OTHER_RANK_RECORDS 0"), "rank 1 emits nothing:\n" + parallelOutput);
    }

    /**
     * Inherent structures: the copy is built from each rank's own atoms and minimised on both ranks; the minimiser's
     * path depends on the decomposition in the last digits, so the predictions agree closely, not to round-off.
     */
    @Test
    void twoRanksPredictOnInherentStructuresWithoutGathering() throws Exception {
        assumeTrue(MpiLaunch.available(), "mpirun is not installed; skipping the two-rank monitor check");
        List<String[]> serial = predictions(run(1, "inherent"));
        String parallelOutput = run(2, "inherent");
        List<String[]> parallel = predictions(parallelOutput);
        assertEquals(4, serial.size(), "steps 0, 10, 20, 30");
        assertEquals(serial.size(), parallel.size(), parallelOutput);
        for (int i = 0; i < serial.size(); i++) {
            double expected = Double.parseDouble(serial.get(i)[4]);
            assertEquals(expected, Double.parseDouble(parallel.get(i)[4]), 1e-3 * expected, "Σ PDOS² at step " + serial.get(i)[2]);
            double g = Double.parseDouble(serial.get(i)[3]);
            assertEquals(g, Double.parseDouble(parallel.get(i)[3]), 1e-3 * g, "Σ g(r)");
        }
        assertTrue(parallelOutput.contains("OTHER_RANK_RECORDS 0"), "rank 1 emits nothing:\n" + parallelOutput);
    }

    private static List<String[]> predictions(String output) {
        List<String[]> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("PREDICTION ")) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    /** Runs the program on {@code ranks} ranks; returns what the ranks wrote, rank 0 first. */
    private static String run(int ranks) throws IOException, InterruptedException {
        return run(ranks, "instantaneous");
    }

    private static String run(int ranks, String kind) throws IOException, InterruptedException {
        String output = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            Path directory = Files.createTempDirectory("spr-mpi-monitor");
            String log = MpiLaunch.run(ranks, null, List.of("-Dai.djl.offline=true"), MpiMonitorProgram.class, directory.toString(), kind)
                    .output();
            StringBuilder written = new StringBuilder();
            for (int rank = 0; rank < ranks; rank++) {
                Path file = directory.resolve("rank" + rank + ".txt");
                if (Files.exists(file)) {
                    written.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            output = written.length() > 0 ? written.toString() : log;
            if (output.contains("PREDICTION")) {
                return output;
            }
        }
        return output;
    }
}
