package org.spr.fixes.hook;

import org.spr.descriptor.HaloPairs;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.lammps.Mpi;
import org.spr.structure.Box;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * g(r) of a LAMMPS system spread over MPI ranks, without gathering it: each rank bins its own atoms against the
 * atoms it holds plus a halo of periodic images of other ranks' atoms (and its own) within r_max of its atoms, and
 * the per-rank ordered-pair histograms are summed on rank 0 ({@code MPI_Reduce}), which normalises them. No rank
 * ever holds more than its own atoms and its halo. Equal to the serial g(r) of the same configuration to
 * round-off (distances of images are computed with the lattice shifts in another order).
 *
 * <p>One call, all collective (every rank calls it at the same step):
 * <ol>
 *   <li>wrap the local atoms into the cell along periodic axes; their fractional bounds, MPI_Allgather (6 doubles
 *       per rank);</li>
 *   <li>for each rank whose bounds come within r_max (any periodic shift), the images of the local atoms within
 *       r_max / w_d of its bounds along each axis ({@link HaloPairs#selectImages}); MPI_Alltoall of the counts and
 *       MPI_Alltoallv of the images (x, y, z, type);</li>
 *   <li>the ordered pairs (local i, held j) ({@link HaloPairs#countLocalPairs}), with the atom counts per type
 *       appended; MPI_Reduce (sum) to rank 0; rank 0 normalises ({@link RadialDistribution#normalise}).</li>
 * </ol>
 * Along z of a 2D (monolayer) g(r) nothing is periodic, as in the serial g(r) ({@link FrameCapture#box}).
 * LAMMPS's own ghost atoms are not used: they cover only the communication cutoff, and raising it would change the
 * run's neighbour lists.
 */
public final class DistributedRadialDistribution {

    private final RadialGrid grid;
    private final RadialDistribution normaliser;
    private final HaloPairs.Scratch scratch = new HaloPairs.Scratch();
    private final HaloPairs.Halo outgoing = new HaloPairs.Halo();
    private final double[] ownBounds = new double[6];
    private final double[] reach = new double[3];
    private final double[] ownLo = new double[3], ownHi = new double[3], lo = new double[3], hi = new double[3];
    private final double[] point = new double[3], fraction = new double[3];
    private double[] cartesian = new double[0], fractional = new double[0];
    private double[] held = new double[0];
    private int[] heldTypes = new int[0];
    private double[] incoming = new double[4];
    private double[] histogram = new double[0], reduced = new double[0];
    private double[] allBounds = new double[0];
    private int[] sendCounts = new int[0], sendOffsets = new int[0], receiveCounts = new int[0], receiveOffsets = new int[0];
    private int lastHeld;
    private int lastLocal;
    private int lastFromOthers;
    private final double[] phaseSeconds = new double[3];
    private double pairCpuSeconds;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public DistributedRadialDistribution(RadialGrid grid) {
        this.grid = grid;
        this.normaliser = new RadialDistribution(grid, 1);
    }

    public RadialGrid grid() {
        return grid;
    }

    /** Positions this rank held in the last call: its own atoms plus its halo. */
    public int lastHeldAtoms() {
        return lastHeld;
    }

    /** Halo atoms this rank received from other ranks in the last call (images of its own atoms not counted). */
    public int lastReceivedFromOthers() {
        return lastFromOthers;
    }

    /**
     * Seconds this rank spent in the last call on: the halo (bounds, selection, exchange), the pair counting, and the
     * reduction to rank 0 (waiting for the slowest rank included).
     */
    public double[] lastPhaseSeconds() {
        return phaseSeconds.clone();
    }

    /** CPU seconds of this thread in the pair counting of the last call (no MPI in it: no waiting, no polling). */
    public double lastPairCpuSeconds() {
        return pairCpuSeconds;
    }

    /** This rank's own atoms in the last call. */
    public int lastLocalAtoms() {
        return lastLocal;
    }

    /**
     * The g(r) of the whole system on rank 0 (in {@code out} when it fits, else a new result); null on other ranks.
     * Collective.
     *
     * @param mpi       the collectives on LAMMPS's communicator, or null for one rank (the same kernels without MPI:
     *                  the halo is the periodic images of the rank's own atoms)
     * @param positions this rank's atoms, x, y, z (e.g. LAMMPS's zero-copy view)
     * @param types     their types, 1-based
     * @param nlocal    this rank's atom count
     * @param typeCount T
     * @param box       the cell, with the periodicity the g(r) uses (z not periodic for a 2D g(r))
     * @param dimension 2 or 3
     * @param labels    type labels (index type − 1), or null for the type numbers
     */
    public PairCorrelation compute(Mpi mpi, DoubleBuffer positions, IntBuffer types, int nlocal, int typeCount, Box box,
                                   int dimension, String[] labels, PairCorrelation out) {
        int ranks = mpi == null ? 1 : mpi.size();
        int rank = mpi == null ? 0 : mpi.rank();
        long start = System.nanoTime();
        ensureLocal(nlocal, ranks);
        readLocal(positions, types, nlocal, box);
        // 1. bounds of every rank's atoms in fractional coordinates
        if (mpi != null) {
            mpi.allgather(ownBounds, 6, allBounds);
        } else {
            System.arraycopy(ownBounds, 0, allBounds, 0, 6);
        }
        HaloPairs.fractionalReach(box, grid.rMax(), reach);
        // 2. the halo each rank needs from this one
        outgoing.clear();
        for (int d = 0; d < 3; d++) {
            ownLo[d] = ownBounds[d];
            ownHi[d] = ownBounds[3 + d];
        }
        for (int r = 0; r < ranks; r++) {
            for (int d = 0; d < 3; d++) {
                lo[d] = allBounds[6 * r + d];
                hi[d] = allBounds[6 * r + 3 + d];
            }
            sendOffsets[r] = outgoing.size();
            if (HaloPairs.blocksMeet(ownLo, ownHi, lo, hi, reach, box)) {
                HaloPairs.selectImages(cartesian, fractional, heldTypes, nlocal, box, lo, hi, reach, r == rank, outgoing);
            }
            sendCounts[r] = outgoing.size() - sendOffsets[r];
        }
        if (mpi != null) {
            mpi.alltoall(sendCounts, receiveCounts);
        } else {
            receiveCounts[0] = sendCounts[0];
        }
        int received = 0;
        for (int r = 0; r < ranks; r++) {
            receiveOffsets[r] = received;
            received += receiveCounts[r];
        }
        if (incoming.length < received) {
            incoming = new double[received + received / 4];
        }
        if (mpi != null) {
            mpi.alltoallv(outgoing.data(), sendCounts, sendOffsets, incoming, receiveCounts, receiveOffsets);
        } else {
            System.arraycopy(outgoing.data(), 0, incoming, 0, received);
        }
        int haloAtoms = received / 4;
        lastFromOthers = (received - receiveCounts[rank]) / 4;
        int total = nlocal + haloAtoms;
        if (held.length < 3 * total) {
            held = Arrays.copyOf(held, 3 * total + 3 * total / 4);
        }
        if (heldTypes.length < total) {
            heldTypes = Arrays.copyOf(heldTypes, total + total / 4);
        }
        System.arraycopy(cartesian, 0, held, 0, 3 * nlocal);
        for (int k = 0; k < haloAtoms; k++) {
            held[3 * (nlocal + k)] = incoming[4 * k];
            held[3 * (nlocal + k) + 1] = incoming[4 * k + 1];
            held[3 * (nlocal + k) + 2] = incoming[4 * k + 2];
            heldTypes[nlocal + k] = (int) incoming[4 * k + 3];
        }
        lastHeld = total;
        lastLocal = nlocal;
        // 3. ordered pairs (local, held), summed on rank 0 with the counts per type
        int length = typeCount * typeCount * grid.bins();
        if (histogram.length != length + typeCount) {
            histogram = new double[length + typeCount];
            reduced = new double[length + typeCount];
        }
        Arrays.fill(histogram, 0);
        for (int i = 0; i < nlocal; i++) {
            int t = heldTypes[i];
            if (t < 1 || t > typeCount) {
                throw new IllegalArgumentException("atom with type " + t + " outside 1.." + typeCount);
            }
            histogram[length + t - 1] += 1;
        }
        long haloDone = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        HaloPairs.countLocalPairs(held, heldTypes, nlocal, total, typeCount, grid, histogram, scratch);
        pairCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        long pairsDone = System.nanoTime();
        if (mpi != null) {
            mpi.reduceSum(histogram, reduced, histogram.length, 0);
        } else {
            System.arraycopy(histogram, 0, reduced, 0, histogram.length);
        }
        long reduceDone = System.nanoTime();
        phaseSeconds[0] = (haloDone - start) * 1e-9;
        phaseSeconds[1] = (pairsDone - haloDone) * 1e-9;
        phaseSeconds[2] = (reduceDone - pairsDone) * 1e-9;
        if (rank != 0) {
            return null;
        }
        int[] counts = new int[typeCount];
        for (int t = 0; t < typeCount; t++) {
            counts[t] = (int) Math.round(reduced[length + t]);
        }
        String[] names = labels;
        if (names == null) {
            names = new String[typeCount];
            for (int t = 0; t < typeCount; t++) {
                names[t] = Integer.toString(t + 1);
            }
        }
        if (out == null || out.typeCount() != typeCount || !out.grid().sameAs(grid)) {
            out = new PairCorrelation(grid, typeCount, dimension);
        }
        normaliser.normalise(reduced, counts, box, dimension, names, out);
        return out;
    }

    private void ensureLocal(int nlocal, int ranks) {
        if (cartesian.length < 3 * nlocal) {
            int size = 3 * nlocal + 3 * nlocal / 4;
            cartesian = new double[size];
            fractional = new double[size];
        }
        if (heldTypes.length < nlocal) {
            heldTypes = new int[nlocal + nlocal / 4];
        }
        if (sendCounts.length != ranks) {
            sendCounts = new int[ranks];
            sendOffsets = new int[ranks];
            receiveCounts = new int[ranks];
            receiveOffsets = new int[ranks];
            allBounds = new double[6 * ranks];
        }
    }

    /** Copies the local atoms, wrapped into the cell along periodic axes, with their fractional coordinates and bounds. */
    private void readLocal(DoubleBuffer positions, IntBuffer types, int nlocal, Box box) {
        double xlo = box.xlo(), ylo = box.ylo(), zlo = box.zlo();
        double inverseX = 1 / box.lx(), inverseY = 1 / box.ly(), inverseZ = 1 / box.lz();
        double xy = box.xy(), xz = box.xz(), yz = box.yz();
        boolean periodicX = box.periodic(0), periodicY = box.periodic(1), periodicZ = box.periodic(2);
        Arrays.fill(ownBounds, 0, 3, Double.POSITIVE_INFINITY);
        Arrays.fill(ownBounds, 3, 6, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < nlocal; i++) {
            double x = positions.get(3 * i), y = positions.get(3 * i + 1), z = positions.get(3 * i + 2);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw new IllegalArgumentException("an atom has a non-finite position");
            }
            double sc = (z - zlo) * inverseZ;
            double sb = (y - ylo - yz * sc) * inverseY;
            double sa = (x - xlo - xy * sb - xz * sc) * inverseX;
            if ((periodicX && !(sa >= 0 && sa < 1)) || (periodicY && !(sb >= 0 && sb < 1))
                    || (periodicZ && !(sc >= 0 && sc < 1))) {
                point[0] = x;
                point[1] = y;
                point[2] = z;
                box.wrap(point, 0);
                box.toFractional(point, 0, fraction, 0);
                x = point[0];
                y = point[1];
                z = point[2];
                sa = fraction[0];
                sb = fraction[1];
                sc = fraction[2];
            }
            cartesian[3 * i] = x;
            cartesian[3 * i + 1] = y;
            cartesian[3 * i + 2] = z;
            fractional[3 * i] = sa;
            fractional[3 * i + 1] = sb;
            fractional[3 * i + 2] = sc;
            heldTypes[i] = types.get(i);
            ownBounds[0] = Math.min(ownBounds[0], sa);
            ownBounds[1] = Math.min(ownBounds[1], sb);
            ownBounds[2] = Math.min(ownBounds[2], sc);
            ownBounds[3] = Math.max(ownBounds[3], sa);
            ownBounds[4] = Math.max(ownBounds[4], sb);
            ownBounds[5] = Math.max(ownBounds[5], sc);
        }
    }
}
