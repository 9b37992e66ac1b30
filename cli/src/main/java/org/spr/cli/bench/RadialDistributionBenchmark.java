package org.spr.cli.bench;



import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.io.FrameReader;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Benchmark harness (run by hand, not a test):
 * <pre>
 *   ./spr --version   # builds cli/target/spr.jar
 *   java -Xmx8g -cp cli/target/spr.jar \
 *        org.spr.cli.bench.RadialDistributionBenchmark [sizes…]
 * </pre>
 * Options (system properties): {@code -Drepeats=5} (medians of that many interleaved measurements),
 * {@code -Dlammps=false} (skip LAMMPS), {@code -Dextras=false} (skip the dump and 10⁶-atom runs),
 * {@code -Dsystems=lj3d,carbon2d}, {@code -Dk=…} (cells per cutoff; default: the calculator's default).
 * For a 3D LJ-density liquid (ρ = 0.8442 σ⁻³, r_max = 3σ, 150 bins) and a 2D carbon layer (0.38 Å⁻², 20 Å box
 * height, r_max = 8 Å, 400 bins) at each N it prints: LAMMPS {@code compute rdf} time per frame (loop time of
 * {@code run M} with the compute invoked every step minus the same run without it, same frame, same r_max and
 * bins), our time per frame on 1 and on all threads, and the pair-counting bound (pairs within r_max × measured
 * cost of one distance-and-bin; its cost is the best of 12 rounds, i.e. unloaded CPU speed). Columns: wall-clock
 * medians, and ours_1t_cpu, the single-thread time in thread CPU time (what is left when other jobs preempt us,
 * comparable to the bound). Then dump post-processing throughput for a 10⁵-atom dump versus plain reading.
 */
public final class RadialDistributionBenchmark {

    private RadialDistributionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 10000, 100000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int repeats = Integer.getInteger("repeats", 5);
        boolean withLammps = Boolean.parseBoolean(System.getProperty("lammps", "true"));
        boolean withExtras = Boolean.parseBoolean(System.getProperty("extras", "true"));
        String[] systems = System.getProperty("systems", "lj3d,carbon2d").split(",");
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("rdf-bench");
        double pairCost = pairCostNanoseconds();
        System.out.printf(Locale.ROOT, "cost of one distance-and-bin: %.2f ns; medians of %d repetitions%n", pairCost, repeats);
        System.out.printf(Locale.ROOT, "%-10s %8s %11s %11s %11s %11s %11s %7s %7s %10s%n", "system", "N", "lammps_ms", "ours_1t_ms",
                "ours_1t_cpu", "ours_" + threads + "t_ms", "bound_ms", "1t/bnd", "1t/lmp", "pairs/atom");
        for (String system : systems) {
            for (int n : sizes) {
                Frame frame = system.equals("lj3d") ? liquid(n) : layer(n);
                RadialGrid grid = system.equals("lj3d") ? new RadialGrid(3.0, 0.02) : new RadialGrid(8.0, 0.02);
                double[] lammpsTimes = new double[withLammps ? repeats : 0];
                double[] oneTimes = new double[repeats], allTimes = new double[repeats], cpuTimes = new double[repeats];
                RadialDistribution one = calculator(grid, 1), all = calculator(grid, threads);
                warmUp(one, frame);
                warmUp(all, frame);
                for (int r = 0; r < repeats; r++) { // interleaved, so load changes hit every column alike
                    if (withLammps) {
                        lammpsTimes[r] = lammpsMillisecondsPerFrame(dir, frame, grid, n);
                    }
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    int[] calls = new int[1];
                    oneTimes[r] = oursMillisecondsPerFrame(one, frame, calls);
                    cpuTimes[r] = (THREADS.getCurrentThreadCpuTime() - cpuStart) * 1e-6 / calls[0];
                    allTimes[r] = oursMillisecondsPerFrame(all, frame, new int[1]);
                }
                double[] h = calculator(grid, 1).countPairs(frame);
                double orderedPairs = 0;
                for (double v : h) {
                    orderedPairs += v;
                }
                double bound = orderedPairs / 2 * pairCost * 1e-6;
                double lammps = withLammps ? median(lammpsTimes) : Double.NaN;
                double oneMedian = median(oneTimes);
                System.out.printf(Locale.ROOT, "%-10s %8d %11.3f %11.3f %11.3f %11.3f %11.3f %7.2f %7.2f %10.1f%n",
                        system, n, lammps, oneMedian, median(cpuTimes), median(allTimes), bound, oneMedian / bound, oneMedian / lammps,
                        orderedPairs / n);
            }
        }
        if (withExtras) {
            dumpThroughput(dir, 100000, 10);
            peakMemory(1_000_000);
        }
    }

    /** The calculator measured: the default cell size unless {@code -Dk=…} asks for another. */
    static RadialDistribution calculator(RadialGrid grid, int threads) {
        Integer k = Integer.getInteger("k");
        return k == null ? new RadialDistribution(grid, threads) : new RadialDistribution(grid, threads, k);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    /** Uniform random points at the LJ liquid density 0.8442 (pair counts as in the liquid). */
    static Frame liquid(int n) {
        double l = Math.cbrt(n / 0.8442);
        return random(Box.orthogonal(l, l, l), n, false, 3);
    }

    /** Random in-plane points at graphene's areal density 0.38 Å⁻², 20 Å box height. */
    static Frame layer(int n) {
        double l = Math.sqrt(n / 0.38);
        return random(Box.orthogonal(l, l, 20), n, true, 2);
    }

    static Frame random(Box box, int n, boolean planar, int dimension) {
        Random random = new Random(42);
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            positions[3 * i] = random.nextDouble() * box.lx();
            positions[3 * i + 1] = random.nextDouble() * box.ly();
            positions[3 * i + 2] = planar ? 10 + 0.3 * (random.nextDouble() - 0.5) : random.nextDouble() * box.lz();
            types[i] = 1;
        }
        return new Frame(positions, types, 1, null, null, null, box, dimension, 0);
    }

    static void warmUp(RadialDistribution rdf, Frame frame) {
        PairCorrelation out = null;
        long budget = TimeUnit.MILLISECONDS.toNanos(1000);
        for (long start = System.nanoTime(); System.nanoTime() - start < budget; ) {
            out = rdf.compute(frame, out);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Mean wall time per frame over about 0.4 s of repeated calls (at least 3) on a warm calculator; the number of
     * calls (one more than timed) goes to {@code calls[0]}.
     */
    static double oursMillisecondsPerFrame(RadialDistribution rdf, Frame frame, int[] calls) {
        PairCorrelation out = rdf.compute(frame, null);
        long budget = TimeUnit.MILLISECONDS.toNanos(400);
        int repeats = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < budget || repeats < 3) {
            out = rdf.compute(frame, out);
            repeats++;
        }
        calls[0] = repeats + 1;
        return (System.nanoTime() - start) * 1e-6 / repeats;
    }

    /** Measured cost of the inner loop body on pairs that are all within r_max. */
    static double pairCostNanoseconds() {
        int n = 2048;
        double[] x = new double[n], y = new double[n], z = new double[n];
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            y[i] = random.nextDouble();
            z[i] = random.nextDouble();
        }
        long[] h = new long[400];
        double inverse = 400 / 1.8, cutsq = 1.8 * 1.8;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                double xi = x[i], yi = y[i], zi = z[i];
                for (int j = i + 1; j < n; j++) {
                    double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
                    double rsq = dx * dx + dy * dy + dz * dz;
                    if (rsq < cutsq) {
                        int bin = (int) (Math.sqrt(rsq) * inverse);
                        if (bin < 400) {
                            h[bin]++;
                        }
                    }
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / (n * (n - 1) / 2.0));
        }
        if (h[0] < 0) {
            System.out.println();
        }
        return best;
    }

    static Path writeData(Path dir, Frame frame) throws IOException {
        Path file = dir.resolve("bench.data");
        Box box = frame.box();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("benchmark frame\n\n" + frame.atomCount() + " atoms\n1 atom types\n\n");
            w.write(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%nMasses%n%n1 1.0%n%nAtoms # atomic%n%n",
                    box.lx(), box.ly(), box.lz()));
            double[] p = frame.positions();
            for (int i = 0; i < frame.atomCount(); i++) {
                w.write(String.format(Locale.ROOT, "%d 1 %.17g %.17g %.17g%n", i + 1, p[3 * i], p[3 * i + 1], p[3 * i + 2]));
            }
        }
        return file;
    }

    static double lammpsMillisecondsPerFrame(Path dir, Frame frame, RadialGrid grid, int n) throws Exception {
        writeData(dir, frame);
        int steps = n <= 1000 ? 200 : (n <= 10000 ? 40 : 6);
        String common = String.join("\n", "units metal", "atom_style atomic", "read_data bench.data",
                "pair_style zero " + grid.rMax(), "pair_coeff * *", "neighbor 0.3 bin", "neigh_modify delay 0 every 1000 check no",
                "comm_modify cutoff " + (grid.rMax() + 0.5), "thermo 1000", "");
        String with = common + "compute myrdf all rdf " + grid.bins() + " cutoff " + grid.rMax() + "\n"
                + "fix r all ave/time 1 1 1 c_myrdf[*] file rdf.txt mode vector\nrun 0\nrun " + steps + "\n";
        String without = common + "run 0\nrun " + steps + "\n";
        double withTime = loopTime(dir, with), withoutTime = loopTime(dir, without);
        return (withTime - withoutTime) / steps * 1e3;
    }

    private static final Pattern LOOP = Pattern.compile("Loop time of ([0-9.eE+-]+) on");

    static double loopTime(Path dir, String script) throws Exception {
        Path input = dir.resolve("in.bench");
        Files.writeString(input, script);
        Path log = dir.resolve("log.bench");
        Process p = new ProcessBuilder(System.getenv().getOrDefault("SPR_LMP", "lmp"), "-in", input.toString(), "-log", log.toString(), "-screen", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("lmp failed:\n" + Files.readString(log));
        }
        double last = Double.NaN;
        Matcher m = LOOP.matcher(Files.readString(log));
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    static void dumpThroughput(Path dir, int n, int frames) throws IOException {
        Path dump = dir.resolve("bench.lammpstrj");
        Frame frame = liquid(n);
        Box box = frame.box();
        try (BufferedWriter w = Files.newBufferedWriter(dump)) {
            StringBuilder line = new StringBuilder();
            for (int f = 0; f < frames; f++) {
                w.write("ITEM: TIMESTEP\n" + f * 100 + "\nITEM: NUMBER OF ATOMS\n" + n + "\nITEM: BOX BOUNDS pp pp pp\n");
                w.write(String.format(Locale.ROOT, "0 %g%n0 %g%n0 %g%n", box.lx(), box.ly(), box.lz()));
                w.write("ITEM: ATOMS id type x y z\n");
                double[] p = frame.positions();
                for (int i = 0; i < n; i++) {
                    line.setLength(0);
                    line.append(i + 1).append(" 1 ");
                    line.append(String.format(Locale.ROOT, "%g %g %g", p[3 * i], p[3 * i + 1], p[3 * i + 2])).append('\n');
                    w.write(line.toString());
                }
            }
        }
        double megabytes = Files.size(dump) / 1e6;
        for (int round = 0; round < 3; round++) { // the last round is reported (warm JIT, warm page cache)
            long start = System.nanoTime();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            try (InputStream in = Files.newInputStream(dump)) {
                int r;
                while ((r = in.read(buffer)) > 0) {
                    total += r;
                }
            }
            double readSeconds = (System.nanoTime() - start) * 1e-9;
            start = System.nanoTime();
            int count = 0;
            try (FrameReader reader = FrameReader.open(dump)) {
                while (reader.hasNext()) {
                    reader.next();
                    count++;
                }
            }
            double parseSeconds = (System.nanoTime() - start) * 1e-9;
            start = System.nanoTime();
            RadialDistribution rdf = new RadialDistribution(new RadialGrid(3.0, 0.02));
            PairCorrelation out = null;
            try (FrameReader reader = FrameReader.open(dump)) {
                while (reader.hasNext()) {
                    out = rdf.compute(reader.next(), out);
                }
            }
            double fullSeconds = (System.nanoTime() - start) * 1e-9;
            if (round == 2) {
                System.out.printf(Locale.ROOT, "dump of %d frames x %d atoms, %.1f MB (%d bytes):%n", count, n, megabytes, total);
                System.out.printf(Locale.ROOT, "  read bytes only : %7.3f s  %8.1f MB/s%n", readSeconds, megabytes / readSeconds);
                System.out.printf(Locale.ROOT, "  parse frames    : %7.3f s  %8.1f MB/s  %6.1f frames/s%n", parseSeconds, megabytes / parseSeconds, count / parseSeconds);
                System.out.printf(Locale.ROOT, "  parse + g(r)    : %7.3f s  %8.1f MB/s  %6.1f frames/s%n", fullSeconds, megabytes / fullSeconds, count / fullSeconds);
            }
        }
    }

    static void peakMemory(int n) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        Frame frame = liquid(n);
        RadialDistribution rdf = new RadialDistribution(new RadialGrid(3.0, 0.02));
        long start = System.nanoTime();
        PairCorrelation g = rdf.compute(frame);
        double seconds = (System.nanoTime() - start) * 1e-9;
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "10^6 atoms (LJ density, r_max 3): first g(r) %.2f s; retained %.0f MB (frame + buffers), heap pools peak %.0f MB; g(3)=%.3f%n",
                seconds, (after - before) / 1e6, peak / 1e6, g.total()[g.grid().bins() - 1]);
    }
}
