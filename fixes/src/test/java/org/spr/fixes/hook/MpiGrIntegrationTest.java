package org.spr.fixes.hook;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.MpiLaunch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under {@code mpirun -np 2} the g(r) (every partial) equals the serial one without any rank gathering the system:
 * a tilted binary 3D cell with r_max beyond half the cell, a binary {@code dimension 2} system, and a large slab
 * where each rank receives only a thin halo of the other's atoms.
 */
@Tag("lammps")
class MpiGrIntegrationTest {

    @Test
    void tiltedBinaryCellWithLongRmax() throws Exception {
        compare("triclinic");
    }

    @Test
    void binaryPlanarSystem() throws Exception {
        compare("planar");
    }

    @Test
    void largeSystemMovesOnlyAHalo() throws Exception {
        Path parallel = compare("large");
        long natoms = 0;
        for (int rank = 0; rank < 2; rank++) {
            String[] words = Files.readString(parallel.resolve("rank" + rank + ".txt")).trim().split("\\s+");
            natoms = Long.parseLong(words[3]);
            long nlocal = Long.parseLong(words[5]);
            long fromOthers = Long.parseLong(words[9]);
            long bytes = Long.parseLong(words[11]);
            assertTrue(nlocal < natoms, "the system is split over the ranks");
            // gathering the others' positions would receive natoms − nlocal atoms (24 bytes each) on every rank
            assertTrue(fromOthers < 0.5 * (natoms - nlocal), "rank " + rank + " received " + fromOthers + " of the "
                    + (natoms - nlocal) + " atoms it does not own");
            assertTrue(bytes < 0.5 * 24 * natoms, "rank " + rank + " moved " + bytes + " bytes for " + natoms + " atoms");
        }
        assertEquals(30720, natoms);
    }

    /** Runs CASE on 1 and 2 ranks; asserts rank 0's g(r) tables agree; returns the 2-rank directory. */
    private static Path compare(String which) throws Exception {
        assumeTrue(MpiLaunch.available(), "mpirun is not installed; skipping the two-rank g(r) check");
        Path serial = run(1, which);
        Path parallel = run(2, which);
        String[] expected = Files.readString(serial.resolve("gr.txt")).split("\n");
        String[] actual = Files.readString(parallel.resolve("gr.txt")).split("\n");
        assertEquals(expected.length, actual.length, "bins");
        double largest = 0;
        for (int k = 0; k < expected.length; k++) {
            String[] e = expected[k].trim().split(" "), a = actual[k].trim().split(" ");
            assertEquals(e.length, a.length, "partials");
            for (int c = 0; c < e.length; c++) {
                double x = Double.parseDouble(e[c]), y = Double.parseDouble(a[c]);
                largest = Math.max(largest, Math.abs(x));
                assertEquals(x, y, 1e-12 * Math.max(1, Math.abs(x)), which + ": bin " + k + " column " + c);
            }
        }
        assertTrue(largest > 1, which + ": a g(r) with peaks");
        assertTrue(Files.exists(parallel.resolve("rank1.txt")), "rank 1 ran");
        assertTrue(!Files.readString(parallel.resolve("rank1.txt")).isBlank());
        return parallel;
    }

    private static Path run(int ranks, String which) throws IOException, InterruptedException {
        String log = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            Path directory = Files.createTempDirectory("spr-mpi-gr");
            MpiLaunch.Result result = MpiLaunch.run(ranks, null, List.of(), MpiGrProgram.class, directory.toString(), which);
            log = result.output();
            if (Files.exists(directory.resolve("gr.txt")) && Files.exists(directory.resolve("rank" + (ranks - 1) + ".txt"))) {
                assertEquals(0, result.exitCode(), "mpirun exit code:\n" + log);
                return directory;
            }
        }
        throw new AssertionError("no result from mpirun -np " + ranks + " " + which + ":\n" + log);
    }
}
