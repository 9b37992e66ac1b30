package org.spr.fixes;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.io.FrameReader;
import org.spr.structure.Frame;

/**
 * Our g(r) against LAMMPS's own {@code compute rdf} on the same frame, run by the real {@code lmp} executable:
 * an LJ liquid in an orthogonal box and a binary LJ liquid in a triclinic box (all four partials). LAMMPS writes
 * the frame as a full-precision dump and the rdf through {@code fix ave/time … mode vector}; both must agree to
 * 1e-9 relative in every bin, for g and for the running coordination number.
 */
@Tag("lammps")
class RadialDistributionVersusLammpsTest {

    static final Path LMP = Path.of("/usr/bin/lmp");

    private static final double CUTOFF = 3.5;
    private static final int BINS = 100;

    static void requireLammps() {
        Assumptions.assumeTrue(Files.isExecutable(LMP), "LAMMPS executable " + LMP + " is not installed: cross-check skipped");
    }

    /** Runs {@code script} with lmp in {@code dir}; fails with LAMMPS's output when it does not end cleanly. */
    static void runLammps(Path dir, String script) throws IOException, InterruptedException {
        Path input = dir.resolve("in.test");
        Files.writeString(input, script);
        Path screen = dir.resolve("screen.txt");
        Process process = new ProcessBuilder(LMP.toString(), "-in", input.toString(), "-log", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(screen.toFile()).start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        assertTrue(done && process.exitValue() == 0, "lmp failed:\n" + Files.readString(screen));
    }

    private static String script(String region, boolean binary) {
        return String.join("\n",
                "units lj",
                "atom_style atomic",
                "lattice fcc 0.8442",
                region,
                "create_box 2 box",
                "create_atoms 1 box",
                binary ? "set type 1 type/fraction 2 0.4 4321" : "",
                "mass * 1.0",
                "pair_style lj/cut 2.5",
                "pair_coeff * * 1.0 1.0 2.5",
                "neighbor 0.3 bin",
                "comm_modify cutoff " + (CUTOFF + 0.5),
                "velocity all create 3.0 87287",
                "fix 1 all nve",
                "timestep 0.003",
                "thermo 100",
                "run 300",
                "compute myrdf all rdf " + BINS + (binary ? " 1 1 1 2 2 1 2 2" : "") + " cutoff " + CUTOFF,
                "fix r all ave/time 1 1 1 c_myrdf[*] file rdf.txt mode vector format \" %.17g\"",
                "dump d all custom 1 frame.dump id type x y z",
                "dump_modify d format float %.17g",
                "run 0",
                "");
    }

    /** Rows of the single block of a {@code fix ave/time mode vector} file: row, r, then g and n per pair. */
    private static List<double[]> readRdf(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        boolean blockHeaderSeen = false;
        for (String line : Files.readAllLines(file)) {
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] tokens = text.split("\\s+");
            if (!blockHeaderSeen) {
                blockHeaderSeen = true; // "timestep rows"
                continue;
            }
            double[] row = new double[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                row[i] = Double.parseDouble(tokens[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-300) + 1e-300;
        assertEquals(expected, actual, tolerance, what);
    }

    private void compare(Path dir, String region, boolean binary) throws Exception {
        requireLammps();
        runLammps(dir, script(region, binary));
        Frame frame = FrameReader.first(dir.resolve("frame.dump"), 3);
        RadialGrid grid = new RadialGrid(CUTOFF, CUTOFF / BINS);
        PairCorrelation ours = new RadialDistribution(grid).compute(frame);
        List<double[]> lammps = readRdf(dir.resolve("rdf.txt"));
        assertEquals(BINS, lammps.size());
        int[][] pairs = binary ? new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}} : new int[][] {{-1, -1}};
        double nonZero = 0;
        for (int k = 0; k < BINS; k++) {
            double[] row = lammps.get(k);
            assertClose(row[1], grid.centre(k), "r of bin " + k);
            for (int p = 0; p < pairs.length; p++) {
                double[] g = pairs[p][0] < 0 ? ours.total() : ours.partial(pairs[p][0], pairs[p][1]);
                double[] n = pairs[p][0] < 0 ? ours.coordination() : ours.partialCoordination(pairs[p][0], pairs[p][1]);
                assertClose(row[2 + 2 * p], g[k], "g of pair " + p + " in bin " + k);
                assertClose(row[3 + 2 * p], n[k], "n of pair " + p + " in bin " + k);
                nonZero += row[2 + 2 * p];
            }
        }
        assertTrue(nonZero > 0, "LAMMPS reported an all-zero g(r)");
    }

    @Test
    void ljLiquidInAnOrthogonalBoxMatchesComputeRdf(@TempDir Path dir) throws Exception {
        compare(dir, "region box block 0 4 0 4 0 4", false);
    }

    @Test
    void binaryLiquidInATriclinicBoxMatchesComputeRdfPartials(@TempDir Path dir) throws Exception {
        compare(dir, "region box prism 0 5 0 4 0 4 1.0 2.0 -1.0", true);
    }
}
