package org.spr.cli.bench;

import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.fixes.hook.DistributedRadialDistribution;
import org.spr.fixes.hook.FrameCapture;
import org.spr.lammps.Lammps;
import org.spr.lammps.Mpi;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * In-situ g(r) under MPI, gathered vs reduced, on one LJ system per size (fcc at ρ = 0.8442 σ⁻³ melting at
 * T = 1.44, r_max 4 σ, Δr 0.02 σ; one thread per rank). Run it as {@code mpirun -np P java -jar spr.jar bench mpi}
 * (P = 1 plainly): every rank runs the same code; rank 0 prints.
 * <ul>
 *   <li>gathered: all positions and types to every rank ({@code lammps_gather_atoms}), the serial kernel
 *       ({@link RadialDistribution}) on rank 0 while the others wait — what the hooks did before;</li>
 *   <li>reduced: {@link DistributedRadialDistribution} (halo exchange, local pairs, histogram reduction).</li>
 * </ul>
 * After a 4,000-atom warm-up (JIT), per size: MD seconds per 100 steps (from a short run), seconds per g(r) call
 * (best of 3 below 5·10⁵ atoms, else one call; between barriers), the
 * overhead of one call every 100 steps, positions held and Java heap kept per rank, bytes moved; then a cost model
 * with the constants measured here, projected to 100 ranks and 10⁷ atoms. {@code -Dspr.bench.sizes=30,63} sets the
 * fcc cells per edge (4 atoms each: 108,000 and 1,000,188 atoms), {@code -Dspr.bench.steps=20,4} the MD steps timed.
 */
public final class MpiMonitorBenchmark {

    private static final double DENSITY = 0.8442;
    private static final RadialGrid GRID = new RadialGrid(4.0, 0.02);

    private MpiMonitorBenchmark() {
    }

    /** What one size measured on this rank count (rank 0's view; per-rank maxima where noted). */
    private record Result(long atoms, int ranks, double mdPer100Steps, double gathered, double gatherPart, double binPart,
                          double reduced, double haloPart, double pairPart, double reducePart, long maxHeld, long maxLocal,
                          long maxHaloAtoms, double bytesMovedPerCall, double heapGathered, double heapReduced, double maxDifference,
                          double mdCpuPer100Steps, double gatheredCpu, double reducedCpu, double pairCpu) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU seconds of this thread (Java and native code): unlike wall time, not inflated by other jobs. */
    private static double cpu() {
        return THREADS.getCurrentThreadCpuTime() * 1e-9;
    }

    public static void run(PrintStream out) throws Exception {
        String[] sizes = System.getProperty("spr.bench.sizes", "30,63").split(",");
        String[] steps = System.getProperty("spr.bench.steps", "20,4").split(",");
        Result[] results = new Result[sizes.length];
        boolean root = true;
        measure(10, 10); // warm-up (JIT of both kernels), not reported
        for (int s = 0; s < sizes.length; s++) {
            results[s] = measure(Integer.parseInt(sizes[s].strip()), Integer.parseInt(steps[Math.min(s, steps.length - 1)].strip()));
            root = results[s] != null;
        }
        if (!root) {
            return;
        }
        out.printf(Locale.ROOT, "# spr bench mpi: LJ ρ=%.4f, r_max %.1f σ, Δr %.2f σ, %d rank(s), one thread per rank%n",
                DENSITY, GRID.rMax(), GRID.rMax() / GRID.bins(), results[0].ranks());
        for (Result r : results) {
            out.printf(Locale.ROOT, "%,d atoms on %d rank(s): MD %.3f s per 100 steps%n", r.atoms(), r.ranks(), r.mdPer100Steps());
            out.printf(Locale.ROOT, "  gathered: %.4f s per call (gather %.4f + bin on rank 0 %.4f) = %.1f %% per 100 steps;"
                            + " positions held per rank %,d; heap kept %.1f MB%n", r.gathered(), r.gatherPart(), r.binPart(),
                    100 * r.gathered() / r.mdPer100Steps(), r.atoms(), r.heapGathered() / 1e6);
            out.printf(Locale.ROOT, "  reduced:  %.4f s per call (halo %.4f + pairs %.4f + reduce %.4f) = %.1f %% per 100 steps;"
                            + " positions held per rank ≤ %,d (own ≤ %,d, halo ≤ %,d); heap kept %.1f MB; %,.0f bytes moved per"
                            + " rank and call%n", r.reduced(), r.haloPart(), r.pairPart(), r.reducePart(),
                    100 * r.reduced() / r.mdPer100Steps(), r.maxHeld(), r.maxLocal(), r.maxHaloAtoms(), r.heapReduced() / 1e6,
                    r.bytesMovedPerCall());
            out.printf(Locale.ROOT, "  reduced / gathered = %.2f; max |g_reduced − g_gathered| = %.1e%n", r.reduced() / r.gathered(),
                    r.maxDifference());
            out.printf(Locale.ROOT, "  CPU seconds (this rank's thread, the slowest rank): MD %.3f per 100 steps; gathered %.4f per call"
                            + " (%.1f %%); reduced %.4f (%.1f %%; its pair counting %.4f); reduced / gathered = %.2f"
                    + " (CPU time includes Open MPI's busy polling while a rank waits)%n", r.mdCpuPer100Steps(), r.gatheredCpu(),
                    100 * r.gatheredCpu() / r.mdCpuPer100Steps(), r.reducedCpu(), 100 * r.reducedCpu() / r.mdCpuPer100Steps(),
                    r.pairCpu(), r.reducedCpu() / r.gatheredCpu());
        }
        costModel(out, results[results.length - 1]);
    }

    /**
     * The cost model, with constants from the largest size measured:
     * MD(N, P) = c_md N / P per step; gathered(N) = (c_gather + c_bin) N (rank 0 bins everything);
     * reduced(N, P) = c_pairs n + c_halo h(n) + reduction, n = N / P, h(n) = n ((1 + 2 r_max / L)³ − 1) the halo of a
     * cubic subdomain of edge L = (n / ρ)^⅓.
     */
    private static void costModel(PrintStream out, Result r) {
        // CPU seconds (wall time here is inflated by other jobs): the pair counting's own; the other phases split in the
        // proportions of their wall times
        double n = (double) r.atoms() / r.ranks();
        double gatheredScale = r.gatheredCpu() / r.gathered(), reducedScale = r.reducedCpu() / r.reduced();
        double cMd = r.mdCpuPer100Steps() / 100 / n;
        double cGather = gatheredScale * r.gatherPart() / r.atoms();
        double cBin = gatheredScale * r.binPart() / r.atoms();
        double cPairs = r.pairCpu() / r.maxLocal();
        double cHalo = reducedScale * r.haloPart() / Math.max(1, r.maxHaloAtoms() + r.maxLocal());
        double bandwidth = 5e9, latency = 2e-6; // assumed interconnect: 5 GB/s per link, 2 µs per message
        out.printf(Locale.ROOT, "cost model (CPU-time constants from %,d atoms on %d rank(s)): c_md = %.2e s per atom-step per rank,"
                        + " c_bin = %.2e s per atom (serial kernel), c_gather = %.2e s per atom (shared memory here),"
                        + " c_pairs = %.2e s per own atom, c_halo = %.2e s per held atom%n",
                r.atoms(), r.ranks(), cMd, cBin, cGather, cPairs, cHalo);
        out.println("assumptions: MD and the per-rank g(r) work scale as N/P (cubic subdomains, uniform density);"
                + " the gather moves 24 bytes per atom over a 5 GB/s link into rank 0 (at least that: LAMMPS's gather is an"
                + " MPI_Allreduce of 3N doubles); the halo moves 32 bytes per halo atom; the reduction is log2(P) messages of"
                + " the histogram (2 µs latency each); a 10⁷-atom serial g(r) costs c_bin N (linear in N at fixed density)");
        for (long atoms : new long[]{1_000_000L, 10_000_000L}) {
            for (int ranks : new int[]{1, 2, 100}) {
                double local = (double) atoms / ranks;
                double edge = Math.cbrt(local / DENSITY);
                double halo = local * (Math.pow(1 + 2 * GRID.rMax() / edge, 3) - 1);
                double md = cMd * 100 * local;
                double gathered = cBin * atoms + (ranks > 1 ? Math.max(cGather * atoms, 24.0 * atoms / bandwidth) : 0);
                double histogramBytes = 8.0 * GRID.bins();
                double reduced = cPairs * local + cHalo * (local + halo)
                        + (ranks > 1 ? 32 * halo / bandwidth + Math.ceil(Math.log(ranks) / Math.log(2)) * (latency + histogramBytes / bandwidth) : 0);
                out.printf(Locale.ROOT, "  N = %.0e, P = %3d: MD %.3g s per 100 steps; gathered %.3g s per call (%.0f %%), reduced %.3g s"
                                + " (%.1f %%); positions per rank: gathered %.3g, reduced %.3g%n", (double) atoms, ranks, md, gathered,
                        100 * gathered / md, reduced, 100 * reduced / md, (double) atoms, local + halo);
            }
        }
    }

    /** Measures one size on every rank; the result on rank 0, null elsewhere. */
    private static Result measure(int cells, int mdSteps) throws Exception {
        try (Lammps lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            lammps.commands(String.join("\n", "units lj", "atom_style atomic", "lattice fcc " + DENSITY,
                    "region box block 0 " + cells + " 0 " + cells + " 0 " + cells, "create_box 1 box", "create_atoms 1 box",
                    "mass 1 1.0", "velocity all create 1.44 87287 loop geom", "pair_style lj/cut 2.5",
                    "pair_coeff 1 1 1.0 1.0 2.5", "neighbor 0.3 bin", "neigh_modify every 20 delay 0 check no",
                    "fix 1 all nve", "thermo 0", "run 0 post no", ""));
            Mpi mpi = Mpi.of(lammps);
            barrier(mpi);
            long start = System.nanoTime();
            double cpuStart = cpu();
            lammps.command("run " + mdSteps + " pre no post no");
            double mdCpuPer100 = (cpu() - cpuStart) / mdSteps * 100;
            barrier(mpi);
            double mdPer100 = (System.nanoTime() - start) * 1e-9 / mdSteps * 100;
            Result[] result = new Result[1];
            lammps.command("fix spr_bench all external pf/callback 1 1");
            lammps.setFixExternalCallback("spr_bench", step -> result[0] = calls(lammps, mpi, step.positions(), mdPer100, mdCpuPer100));
            lammps.command("run 0 post no");
            lammps.command("unfix spr_bench");
            return lammps.rank() == 0 ? result[0] : null;
        }
    }

    private static Result calls(Lammps lammps, Mpi mpi, java.nio.DoubleBuffer positions, double mdPer100, double mdCpuPer100) {
        int rank = lammps.rank();
        int ranks = lammps.ranks();
        long atoms = lammps.natoms();
        int nlocal = lammps.nlocal();
        int typeCount = lammps.setting("ntypes");
        Box box = FrameCapture.box(lammps.box(), 3);
        // gathered: every rank gathers, rank 0 bins (one thread)
        double heapBefore = usedHeap();
        RadialDistribution serial = new RadialDistribution(GRID, 1);
        PairCorrelation gatheredResult = null;
        double gathered = Double.MAX_VALUE, gatherPart = 0, binPart = 0;
        double[] keptPositions = null;
        double gatheredCpu = Double.MAX_VALUE;
        int repeats = atoms > 500_000 ? 1 : 3; // the 10⁶-atom calls run after the 10⁵-atom ones have warmed up the JIT
        for (int repeat = 0; repeat < repeats; repeat++) {
            barrier(mpi);
            long t0 = System.nanoTime();
            double c0 = cpu();
            keptPositions = lammps.gatherPositions();
            int[] types = lammps.gatherInts("type", 1);
            long t1 = System.nanoTime();
            if (rank == 0) {
                gatheredResult = serial.compute(new Frame(keptPositions, types, typeCount, null, null, null, box, 3, 0), gatheredResult);
            }
            long t2 = System.nanoTime();
            gatheredCpu = Math.min(gatheredCpu, cpu() - c0);
            barrier(mpi);
            long t3 = System.nanoTime();
            if ((t3 - t0) * 1e-9 < gathered) {
                gathered = (t3 - t0) * 1e-9;
                gatherPart = (t1 - t0) * 1e-9;
                binPart = (t2 - t1) * 1e-9;
            }
        }
        double heapGathered = usedHeap() - heapBefore;
        double[] gatheredTotal = gatheredResult == null ? null : gatheredResult.total().clone();
        keptPositions = null;
        serial = null;
        gatheredResult = null;
        // reduced
        heapBefore = usedHeap();
        DistributedRadialDistribution distributed = new DistributedRadialDistribution(GRID);
        PairCorrelation reducedResult = null;
        double reduced = Double.MAX_VALUE;
        double[] phases = new double[3];
        double reducedCpu = Double.MAX_VALUE;
        double pairCpu = Double.MAX_VALUE;
        long bytesBefore = mpi == null ? 0 : mpi.bytesMoved();
        for (int repeat = 0; repeat < repeats; repeat++) {
            barrier(mpi);
            long t0 = System.nanoTime();
            double c0 = cpu();
            reducedResult = distributed.compute(mpi, positions, lammps.typesView(), nlocal, typeCount, box, 3, null, reducedResult);
            reducedCpu = Math.min(reducedCpu, cpu() - c0);
            pairCpu = Math.min(pairCpu, distributed.lastPairCpuSeconds());
            barrier(mpi);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            if (seconds < reduced) {
                reduced = seconds;
                phases = distributed.lastPhaseSeconds();
            }
        }
        double bytesPerCall = mpi == null ? 0 : (mpi.bytesMoved() - bytesBefore) / (double) repeats;
        double heapReduced = usedHeap() - heapBefore;
        // per-rank maxima to rank 0
        double[] mine = {distributed.lastHeldAtoms(), nlocal, distributed.lastHeldAtoms() - nlocal, bytesPerCall, heapGathered,
                heapReduced, phases[0], phases[1], mdCpuPer100, gatheredCpu, reducedCpu, pairCpu};
        double[] maxima = mine.clone();
        if (mpi != null) {
            double[] all = new double[mine.length * ranks];
            mpi.allgather(mine, mine.length, all);
            for (int r = 0; r < ranks; r++) {
                for (int k = 0; k < mine.length; k++) {
                    maxima[k] = Math.max(maxima[k], all[r * mine.length + k]);
                }
            }
        }
        if (rank != 0) {
            return null;
        }
        double difference = 0;
        for (int k = 0; k < gatheredTotal.length; k++) {
            difference = Math.max(difference, Math.abs(gatheredTotal[k] - reducedResult.total()[k]));
        }
        return new Result(atoms, ranks, mdPer100, gathered, gatherPart, binPart, reduced, maxima[6], maxima[7], phases[2],
                (long) maxima[0], (long) maxima[1], (long) maxima[2], maxima[3], maxima[4], maxima[5], difference,
                maxima[8], maxima[9], maxima[10], maxima[11]);
    }

    private static void barrier(Mpi mpi) {
        if (mpi != null) {
            mpi.barrier();
        }
    }

    /** Java heap in use after a full collection (bytes). */
    private static double usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
