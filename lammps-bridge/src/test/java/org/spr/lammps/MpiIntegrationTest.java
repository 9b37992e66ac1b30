package org.spr.lammps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A two-rank {@code mpirun} run gives the same energy as the serial run. */
@Tag("lammps")
class MpiIntegrationTest {

    @Test
    void twoRanksGiveTheSerialEnergy() throws Exception {
        assumeTrue(MpiLaunch.available(), "mpirun is not installed; skipping the two-rank check");
        String[] serial = run(1);
        String[] parallel = run(2);
        assertEquals("1", serial[1]);
        assertEquals("2", parallel[1]);
        assertEquals(Double.parseDouble(serial[2]), Double.parseDouble(parallel[2]), 1e-8, "potential energy");
        assertEquals(Double.parseDouble(serial[3]), Double.parseDouble(parallel[3]), 1e-4, "pressure");
        assertEquals(Double.parseDouble(serial[4]), Double.parseDouble(parallel[4]), 1e-8, "x of atom 1");
    }

    /** Runs the program under mpirun; an mpirun that printed nothing at all (a launch race) is retried twice. */
    private static String[] run(int ranks) throws IOException, InterruptedException {
        String output = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            output = launch(ranks);
            for (String line : output.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    return line.trim().split("\\s+");
                }
            }
            if (!output.isBlank()) {
                break;
            }
        }
        throw new AssertionError("no RESULT line from mpirun -np " + ranks + ":\n" + output);
    }

    private static String launch(int ranks) throws IOException, InterruptedException {
        MpiLaunch.Result result = MpiLaunch.run(ranks, null, List.of(), MpiEnergyProgram.class);
        return result.output() + (result.exitCode() != 0 ? "\n(exit code " + result.exitCode() + ")" : "");
    }
}
