package org.spr.descriptor;

import java.util.Arrays;
import org.spr.structure.Box;

/**
 * The two kernels of a g(r) of a system spread over processes (MPI ranks), none of which holds all atoms:
 * <ol>
 *   <li>{@link #selectImages}: which periodic images of this process's atoms another process needs (its halo):
 *       every image within r_max of the other process's atoms, found through their bounds in fractional
 *       coordinates;</li>
 *   <li>{@link #countLocalPairs}: the ordered-pair histogram H_ab(k) of this process's own atoms i against every
 *       position it holds j (its own atoms and the halo), each ordered pair (i, j) once.</li>
 * </ol>
 * Summed over processes, the histograms equal the serial ordered-pair histogram of {@link RadialDistribution}
 * (H_ab = h_ab + h_ba over all pairs of an atom and any periodic image of any atom, its own images included): each
 * ordered pair (i, image T of j) is counted by the process owning i, which holds that image either as its own atom
 * (T = 0) or in its halo. Normalise the sum with {@link RadialDistribution#normalise}.
 */
public final class HaloPairs {

    private HaloPairs() {
    }

    /** A growable list of halo atoms, four doubles each: x, y, z, type (1-based). */
    public static final class Halo {
        double[] data = new double[1024];
        int size;

        /** The records, 4·{@link #atoms()} doubles (x, y, z, type). */
        public double[] data() {
            return data;
        }

        public int atoms() {
            return size / 4;
        }

        /** Number of doubles held. */
        public int size() {
            return size;
        }

        public void clear() {
            size = 0;
        }

        void add(double x, double y, double z, int type) {
            if (size + 4 > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, size + 4));
            }
            data[size] = x;
            data[size + 1] = y;
            data[size + 2] = z;
            data[size + 3] = type;
            size += 4;
        }
    }

    /**
     * Fractional reach of a distance r along each axis: |Δs_d| ≤ r / w_d for two points r apart, w_d the
     * perpendicular width of the cell across axis d ({@link Box#perpendicularWidth}).
     */
    public static void fractionalReach(Box box, double r, double[] reach) {
        for (int d = 0; d < 3; d++) {
            reach[d] = r * (1 + 1e-9) / box.perpendicularWidth(d);
        }
    }

    /**
     * Whether some image of the fractional block [ownLo, ownHi] comes within the fractional reach of [lo, hi] on
     * every axis (periodic axes: any shift by whole cells; others: none): a cheap test before {@link #selectImages}.
     */
    public static boolean blocksMeet(double[] ownLo, double[] ownHi, double[] lo, double[] hi, double[] reach, Box box) {
        if (!(ownLo[0] <= ownHi[0]) || !(lo[0] <= hi[0])) {
            return false; // one side holds no atoms
        }
        for (int d = 0; d < 3; d++) {
            if (box.periodic(d)) {
                if (Math.ceil(lo[d] - reach[d] - ownHi[d]) > Math.floor(hi[d] + reach[d] - ownLo[d])) {
                    return false;
                }
            } else if (ownLo[d] > hi[d] + reach[d] || ownHi[d] < lo[d] - reach[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends to {@code out} every image r + n_a a + n_b b + n_c c (integer n along periodic axes, 0 along others) of
     * this process's atoms whose fractional coordinates lie within {@code reach} of the block [lo, hi]: a superset of
     * the images within r_max of any atom in that block (|Δs_d| ≤ r_max / w_d). The identity image (n = 0) is
     * skipped when {@code skipIdentity} (the block is this process's own: its atoms are no halo of themselves).
     *
     * @param cartesian  positions x, y, z per atom (wrapped into the cell along periodic axes)
     * @param fractional fractional coordinates s_a, s_b, s_c per atom (the same atoms)
     * @param types      types (1-based)
     * @param count      atoms
     * @param box        the cell (lattice vectors a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz))
     * @param lo         the block's lower fractional bounds
     * @param hi         its upper bounds
     * @param reach      fractional reach per axis ({@link #fractionalReach})
     * @param out        receives x, y, z, type of each image
     * @return the number of images appended
     */
    public static int selectImages(double[] cartesian, double[] fractional, int[] types, int count, Box box, double[] lo,
                                   double[] hi, double[] reach, boolean skipIdentity, Halo out) {
        if (!(lo[0] <= hi[0])) {
            return 0;
        }
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        boolean pa = box.periodic(0), pb = box.periodic(1), pc = box.periodic(2);
        double loA = lo[0] - reach[0], hiA = hi[0] + reach[0];
        double loB = lo[1] - reach[1], hiB = hi[1] + reach[1];
        double loC = lo[2] - reach[2], hiC = hi[2] + reach[2];
        int before = out.size;
        for (int i = 0; i < count; i++) {
            double sa = fractional[3 * i], sb = fractional[3 * i + 1], sc = fractional[3 * i + 2];
            int fromA, toA, fromB, toB, fromC, toC;
            if (pa) {
                fromA = (int) Math.ceil(loA - sa);
                toA = (int) Math.floor(hiA - sa);
            } else {
                fromA = 0;
                toA = sa >= loA && sa <= hiA ? 0 : -1;
            }
            if (fromA > toA) {
                continue;
            }
            if (pb) {
                fromB = (int) Math.ceil(loB - sb);
                toB = (int) Math.floor(hiB - sb);
            } else {
                fromB = 0;
                toB = sb >= loB && sb <= hiB ? 0 : -1;
            }
            if (fromB > toB) {
                continue;
            }
            if (pc) {
                fromC = (int) Math.ceil(loC - sc);
                toC = (int) Math.floor(hiC - sc);
            } else {
                fromC = 0;
                toC = sc >= loC && sc <= hiC ? 0 : -1;
            }
            double x = cartesian[3 * i], y = cartesian[3 * i + 1], z = cartesian[3 * i + 2];
            int type = types[i];
            for (int nc = fromC; nc <= toC; nc++) {
                for (int nb = fromB; nb <= toB; nb++) {
                    for (int na = fromA; na <= toA; na++) {
                        if (skipIdentity && na == 0 && nb == 0 && nc == 0) {
                            continue;
                        }
                        out.add(x + na * lx + nb * xy + nc * xz, y + nb * ly + nc * yz, z + nc * lz, type);
                    }
                }
            }
        }
        return (out.size - before) / 4;
    }

    /** Scratch arrays of {@link #countLocalPairs}, kept between calls (one per thread of control). */
    public static final class Scratch {
        int[] cellOf = new int[0];
        int[] ownStart = new int[0], haloStart = new int[0];
        double[] ox = new double[0], oy = new double[0], oz = new double[0];
        double[] hx = new double[0], hy = new double[0], hz = new double[0];
        int[] ownType = new int[0], haloType = new int[0];
        /** Kept r² and histogram offsets: own–own (symmetric) and own–halo (one-sided), for atoms a and b of a pair. */
        double[] keptSymmetric = new double[0], keptOneSided = new double[0], scaled = new double[0];
        double[] keptSymmetricB = new double[0], keptOneSidedB = new double[0];
        int[] slotSymmetric = new int[0], slotOneSided = new int[0], slotSymmetricB = new int[0], slotOneSidedB = new int[0];
        int countSymmetric, countOneSided, countSymmetricB, countOneSidedB;

        void ensure(int own, int halo, int cells) {
            int atoms = own + halo;
            if (cellOf.length < atoms) {
                cellOf = new int[atoms + atoms / 4];
            }
            if (ox.length < own) {
                int size = own + own / 4;
                ox = new double[size];
                oy = new double[size];
                oz = new double[size];
                ownType = new int[size];
            }
            if (hx.length < halo) {
                int size = halo + halo / 4;
                hx = new double[size];
                hy = new double[size];
                hz = new double[size];
                haloType = new int[size];
            }
            if (ownStart.length < cells + 1) {
                ownStart = new int[cells + 1 + cells / 4];
                haloStart = new int[cells + 1 + cells / 4];
            }
        }

        void ensureKept(int size) {
            if (keptSymmetric.length < size) {
                keptSymmetric = new double[size];
                keptOneSided = new double[size];
                keptSymmetricB = new double[size];
                keptOneSidedB = new double[size];
                slotSymmetricB = new int[size];
                slotOneSidedB = new int[size];
                scaled = new double[size];
                slotSymmetric = new int[size];
                slotOneSided = new int[size];
            }
        }
    }

    /** Cells per r_max of the open cell grid of {@link #countLocalPairs}. */
    private static final int CELLS_PER_CUTOFF = 2;

    /** Kept distances are binned in batches of about this many. */
    private static final int BATCH = 4096;

    /**
     * Adds to {@code histogram} the ordered pairs (i, j) of atoms i &lt; {@code localCount} against every other
     * position j &lt; {@code totalCount} with r_ij &lt; r_max: H[(t_i − 1)·T + (t_j − 1)][⌊r_ij / Δr⌋] += 1, the bin
     * rule of {@link RadialDistribution} (and LAMMPS's {@code compute rdf}). Positions are plain Cartesian points
     * (periodic images are explicit halo entries), sorted into an open grid of cells at least r_max / 2 wide. Two
     * own atoms are met once (a half stencil: offsets lexicographically after the own cell, and later atoms of the
     * own cell) and counted in both orders; an own atom meets the halo over the full stencil (the reverse order is
     * counted by the process that owns the halo atom). Distances are kept branch-free and binned in batches.
     *
     * @param positions  x, y, z per position: this process's atoms first, then the halo
     * @param types      1-based type per position
     * @param localCount this process's atoms (the i of the pairs)
     * @param totalCount all positions (the j)
     * @param typeCount  T
     * @param grid       r_max and the bins
     * @param histogram  T²·bins counts, added to (not cleared)
     * @param scratch    reused buffers
     */
    public static void countLocalPairs(double[] positions, int[] types, int localCount, int totalCount, int typeCount,
                                       RadialGrid grid, double[] histogram, Scratch scratch) {
        if (localCount == 0) {
            return;
        }
        int bins = grid.bins();
        double rMax = grid.rMax();
        double inverseBinWidth = 1.0 / (rMax / bins);
        double cutoff = rMax * (1 + 1e-12);
        double cutoffSquared = cutoff * cutoff;
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < totalCount; i++) {
            for (int d = 0; d < 3; d++) {
                double v = positions[3 * i + d];
                min[d] = Math.min(min[d], v);
                max[d] = Math.max(max[d], v);
            }
        }
        int[] n = new int[3];
        double[] width = new double[3];
        for (int d = 0; d < 3; d++) {
            double extent = Math.max(max[d] - min[d], 1e-9 * rMax);
            n[d] = (int) Math.max(1, Math.min(1 << 20, Math.floor(extent * CELLS_PER_CUTOFF / rMax)));
        }
        long cap = 2L * totalCount + 64;
        while ((long) n[0] * n[1] * n[2] > cap) {
            int largest = n[0] >= n[1] && n[0] >= n[2] ? 0 : (n[1] >= n[2] ? 1 : 2);
            n[largest] = Math.max(1, n[largest] * 3 / 4);
        }
        int[] reach = new int[3];
        double[] inverseWidth = new double[3];
        for (int d = 0; d < 3; d++) {
            width[d] = Math.max(max[d] - min[d], 1e-9 * rMax) / n[d];
            inverseWidth[d] = 1 / width[d];
            reach[d] = n[d] == 1 ? 0 : (int) Math.min(n[d] - 1, Math.ceil(cutoff / width[d]));
        }
        int cells = n[0] * n[1] * n[2];
        int haloCount = totalCount - localCount;
        scratch.ensure(localCount, haloCount, cells);
        int[] cellOf = scratch.cellOf, ownStart = scratch.ownStart, haloStart = scratch.haloStart;
        java.util.Arrays.fill(ownStart, 0, cells + 1, 0);
        java.util.Arrays.fill(haloStart, 0, cells + 1, 0);
        for (int i = 0; i < totalCount; i++) {
            int cx = cellIndex(positions[3 * i], min[0], inverseWidth[0], n[0]);
            int cy = cellIndex(positions[3 * i + 1], min[1], inverseWidth[1], n[1]);
            int cz = cellIndex(positions[3 * i + 2], min[2], inverseWidth[2], n[2]);
            int c = (cx * n[1] + cy) * n[2] + cz;
            cellOf[i] = c;
            if (i < localCount) {
                ownStart[c + 1]++;
            } else {
                haloStart[c + 1]++;
            }
        }
        for (int c = 0; c < cells; c++) {
            ownStart[c + 1] += ownStart[c];
            haloStart[c + 1] += haloStart[c];
        }
        int[] fillOwn = Arrays.copyOf(ownStart, cells), fillHalo = Arrays.copyOf(haloStart, cells);
        double[] ox = scratch.ox, oy = scratch.oy, oz = scratch.oz, hx = scratch.hx, hy = scratch.hy, hz = scratch.hz;
        int[] ownType = scratch.ownType, haloType = scratch.haloType;
        for (int i = 0; i < totalCount; i++) {
            if (i < localCount) {
                int slot = fillOwn[cellOf[i]]++;
                ox[slot] = positions[3 * i];
                oy[slot] = positions[3 * i + 1];
                oz[slot] = positions[3 * i + 2];
                ownType[slot] = types[i] - 1;
            } else {
                int slot = fillHalo[cellOf[i]]++;
                hx[slot] = positions[3 * i];
                hy[slot] = positions[3 * i + 1];
                hz[slot] = positions[3 * i + 2];
                haloType[slot] = types[i] - 1;
            }
        }
        // stencil rows (dx, dy) with the z reach whose cells come within r_max of the own cell
        int maxRows = (2 * reach[0] + 1) * (2 * reach[1] + 1);
        int[] rowX = new int[maxRows], rowY = new int[maxRows], rowZ = new int[maxRows];
        int rows = 0;
        for (int dx = -reach[0]; dx <= reach[0]; dx++) {
            double gx = Math.max(0, Math.abs(dx) - 1) * width[0];
            for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                double gy = Math.max(0, Math.abs(dy) - 1) * width[1];
                double rest = cutoffSquared - gx * gx - gy * gy;
                if (rest <= 0 && !(dx == 0 && dy == 0)) {
                    continue;
                }
                int dz = 0;
                while (dz < reach[2]) {
                    double gz = dz * width[2];
                    if (gz * gz >= rest) {
                        break;
                    }
                    dz++;
                }
                rowX[rows] = dx;
                rowY[rows] = dy;
                rowZ[rows] = dz;
                rows++;
            }
        }
        scratch.ensureKept(BATCH);
        scratch.countSymmetric = 0;
        scratch.countOneSided = 0;
        scratch.countSymmetricB = 0;
        scratch.countOneSidedB = 0;
        int stride = bins, typeStride = typeCount * bins;
        boolean single = typeCount == 1;
        // per cell: the candidate ranges of every stencil row, own atoms (half stencil) and halo (full stencil)
        int[] ownFrom = new int[rows], ownTo = new int[rows], haloFrom = new int[rows], haloTo = new int[rows];
        int ownRow = -1;
        for (int r = 0; r < rows; r++) {
            if (rowX[r] == 0 && rowY[r] == 0) {
                ownRow = r;
            }
        }
        for (int cx = 0; cx < n[0]; cx++) {
            for (int cy = 0; cy < n[1]; cy++) {
                for (int cz = 0; cz < n[2]; cz++) {
                    int c = (cx * n[1] + cy) * n[2] + cz;
                    int iFrom = ownStart[c], iTo = ownStart[c + 1];
                    if (iFrom == iTo) {
                        continue;
                    }
                    int ownCandidates = 0, haloCandidates = 0;
                    for (int r = 0; r < rows; r++) {
                        int jx = cx + rowX[r], jy = cy + rowY[r];
                        if (jx < 0 || jx >= n[0] || jy < 0 || jy >= n[1]) {
                            ownFrom[r] = ownTo[r] = haloFrom[r] = haloTo[r] = 0;
                            continue;
                        }
                        int zFrom = Math.max(0, cz - rowZ[r]), zTo = Math.min(n[2] - 1, cz + rowZ[r]);
                        int row = (jx * n[1] + jy) * n[2];
                        haloFrom[r] = haloStart[row + zFrom];
                        haloTo[r] = haloStart[row + zTo + 1];
                        haloCandidates += haloTo[r] - haloFrom[r];
                        // own atoms: rows after the own row (lexicographically), and in the own row later atoms
                        boolean after = rowX[r] > 0 || (rowX[r] == 0 && rowY[r] > 0);
                        if (r == ownRow) {
                            ownFrom[r] = iFrom; // replaced by i + 1 per atom
                            ownTo[r] = ownStart[row + zTo + 1];
                        } else if (after) {
                            ownFrom[r] = ownStart[row + zFrom];
                            ownTo[r] = ownStart[row + zTo + 1];
                        } else {
                            ownFrom[r] = ownTo[r] = 0;
                        }
                        ownCandidates += ownTo[r] - ownFrom[r];
                    }
                    if (ownCandidates > scratch.keptSymmetric.length || haloCandidates > scratch.keptSymmetric.length) {
                        flush(scratch, histogram, inverseBinWidth, bins, typeCount);
                        scratch.ensureKept(Math.max(ownCandidates, haloCandidates) + BATCH);
                    }
                    int i = iFrom;
                    // two atoms at a time: each candidate's coordinates are loaded once for two distances
                    for (; i + 1 < iTo; i += 2) {
                        int room = scratch.keptSymmetric.length;
                        if (ownCandidates > room - Math.max(scratch.countSymmetric, scratch.countSymmetricB)
                                || haloCandidates > room - Math.max(scratch.countOneSided, scratch.countOneSidedB)) {
                            flush(scratch, histogram, inverseBinWidth, bins, typeCount);
                        }
                        double xa = ox[i], ya = oy[i], za = oz[i], xb = ox[i + 1], yb = oy[i + 1], zb = oz[i + 1];
                        int baseA = ownType[i] * typeStride, baseB = ownType[i + 1] * typeStride;
                        if (single) {
                            scratch.countSymmetric = keep(scratch.keptSymmetric, scratch.countSymmetric, xa, ya, za, ox, oy, oz,
                                    i + 1, ownTo[ownRow], cutoffSquared);
                            scratch.countSymmetricB = keep(scratch.keptSymmetricB, scratch.countSymmetricB, xb, yb, zb, ox, oy, oz,
                                    i + 2, ownTo[ownRow], cutoffSquared);
                        } else {
                            scratch.countSymmetric = keepTyped(scratch.keptSymmetric, scratch.slotSymmetric, scratch.countSymmetric,
                                    baseA, stride, xa, ya, za, ox, oy, oz, ownType, i + 1, ownTo[ownRow], cutoffSquared);
                            scratch.countSymmetricB = keepTyped(scratch.keptSymmetricB, scratch.slotSymmetricB,
                                    scratch.countSymmetricB, baseB, stride, xb, yb, zb, ox, oy, oz, ownType, i + 2, ownTo[ownRow],
                                    cutoffSquared);
                        }
                        for (int r = 0; r < rows; r++) {
                            if (r != ownRow && ownTo[r] > ownFrom[r]) {
                                keepTwo(scratch, true, single, baseA, baseB, stride, xa, ya, za, xb, yb, zb, ox, oy, oz, ownType,
                                        ownFrom[r], ownTo[r], cutoffSquared);
                            }
                            if (haloTo[r] > haloFrom[r]) {
                                keepTwo(scratch, false, single, baseA, baseB, stride, xa, ya, za, xb, yb, zb, hx, hy, hz, haloType,
                                        haloFrom[r], haloTo[r], cutoffSquared);
                            }
                        }
                    }
                    if (i < iTo) { // a lone last atom
                        if (ownCandidates > scratch.keptSymmetric.length - scratch.countSymmetric
                                || haloCandidates > scratch.keptOneSided.length - scratch.countOneSided) {
                            flush(scratch, histogram, inverseBinWidth, bins, typeCount);
                        }
                        double xi = ox[i], yi = oy[i], zi = oz[i];
                        int base = ownType[i] * typeStride;
                        double[] keptS = scratch.keptSymmetric, keptO = scratch.keptOneSided;
                        int s = scratch.countSymmetric, o = scratch.countOneSided;
                        for (int r = 0; r < rows; r++) {
                            int from = r == ownRow ? i + 1 : ownFrom[r];
                            if (single) {
                                s = keep(keptS, s, xi, yi, zi, ox, oy, oz, from, ownTo[r], cutoffSquared);
                                o = keep(keptO, o, xi, yi, zi, hx, hy, hz, haloFrom[r], haloTo[r], cutoffSquared);
                            } else {
                                s = keepTyped(keptS, scratch.slotSymmetric, s, base, stride, xi, yi, zi, ox, oy, oz, ownType,
                                        from, ownTo[r], cutoffSquared);
                                o = keepTyped(keptO, scratch.slotOneSided, o, base, stride, xi, yi, zi, hx, hy, hz, haloType,
                                        haloFrom[r], haloTo[r], cutoffSquared);
                            }
                        }
                        scratch.countSymmetric = s;
                        scratch.countOneSided = o;
                    }
                }
            }
        }
        flush(scratch, histogram, inverseBinWidth, bins, typeCount);
    }

    /** Appends r² of each pair (i, j), j in [from, to), within the cutoff (branch-free). */
    private static int keep(double[] kept, int count, double xi, double yi, double zi, double[] x, double[] y, double[] z,
                            int from, int to, double cutoffSquared) {
        for (int j = from; j < to; j++) {
            double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
            double rsq = dx * dx + dy * dy + dz * dz;
            kept[count] = rsq;
            count += rsq < cutoffSquared ? 1 : 0;
        }
        return count;
    }

    /**
     * {@link #keep} (or {@link #keepTyped}) for two atoms a and b over the same candidates, into the A and B buffers
     * of the symmetric (own–own) or one-sided (own–halo) kind.
     */
    private static void keepTwo(Scratch scratch, boolean symmetric, boolean single, int baseA, int baseB, int stride,
                                double xa, double ya, double za, double xb, double yb, double zb,
                                double[] x, double[] y, double[] z, int[] type, int from, int to, double cutoffSquared) {
        double[] outA = symmetric ? scratch.keptSymmetric : scratch.keptOneSided;
        double[] outB = symmetric ? scratch.keptSymmetricB : scratch.keptOneSidedB;
        int a = symmetric ? scratch.countSymmetric : scratch.countOneSided;
        int b = symmetric ? scratch.countSymmetricB : scratch.countOneSidedB;
        if (single) {
            for (int j = from; j < to; j++) {
                double xj = x[j], yj = y[j], zj = z[j];
                double dx = xa - xj, dy = ya - yj, dz = za - zj;
                double ex = xb - xj, ey = yb - yj, ez = zb - zj;
                double rsqA = dx * dx + dy * dy + dz * dz, rsqB = ex * ex + ey * ey + ez * ez;
                outA[a] = rsqA;
                outB[b] = rsqB;
                a += rsqA < cutoffSquared ? 1 : 0;
                b += rsqB < cutoffSquared ? 1 : 0;
            }
        } else {
            int[] slotsA = symmetric ? scratch.slotSymmetric : scratch.slotOneSided;
            int[] slotsB = symmetric ? scratch.slotSymmetricB : scratch.slotOneSidedB;
            for (int j = from; j < to; j++) {
                double xj = x[j], yj = y[j], zj = z[j];
                int slot = type[j] * stride;
                double dx = xa - xj, dy = ya - yj, dz = za - zj;
                double ex = xb - xj, ey = yb - yj, ez = zb - zj;
                double rsqA = dx * dx + dy * dy + dz * dz, rsqB = ex * ex + ey * ey + ez * ez;
                outA[a] = rsqA;
                slotsA[a] = baseA + slot;
                outB[b] = rsqB;
                slotsB[b] = baseB + slot;
                a += rsqA < cutoffSquared ? 1 : 0;
                b += rsqB < cutoffSquared ? 1 : 0;
            }
        }
        if (symmetric) {
            scratch.countSymmetric = a;
            scratch.countSymmetricB = b;
        } else {
            scratch.countOneSided = a;
            scratch.countOneSidedB = b;
        }
    }

    /** As {@link #keep}, also keeping the histogram offset of the type pair. */
    private static int keepTyped(double[] kept, int[] slots, int count, int base, int stride, double xi, double yi, double zi,
                                 double[] x, double[] y, double[] z, int[] type, int from, int to, double cutoffSquared) {
        for (int j = from; j < to; j++) {
            double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
            double rsq = dx * dx + dy * dy + dz * dz;
            kept[count] = rsq;
            slots[count] = base + type[j] * stride;
            count += rsq < cutoffSquared ? 1 : 0;
        }
        return count;
    }

    /**
     * Bins the kept distances: a pair of own atoms adds to H_ab and H_ba (its two orders), an own–halo pair to H_ab.
     * The slot holds (a·T + b)·bins; the reverse slot is (b·T + a)·bins.
     */
    private static void flush(Scratch scratch, double[] histogram, double inverseBinWidth, int bins, int typeCount) {
        double[] radius = scratch.scaled;
        for (int pass = 0; pass < 4; pass++) {
            boolean symmetric = pass % 2 == 0, second = pass >= 2;
            double[] kept = symmetric ? (second ? scratch.keptSymmetricB : scratch.keptSymmetric)
                    : (second ? scratch.keptOneSidedB : scratch.keptOneSided);
            int[] slots = symmetric ? (second ? scratch.slotSymmetricB : scratch.slotSymmetric)
                    : (second ? scratch.slotOneSidedB : scratch.slotOneSided);
            int count = symmetric ? (second ? scratch.countSymmetricB : scratch.countSymmetric)
                    : (second ? scratch.countOneSidedB : scratch.countOneSided);
            for (int q = 0; q < count; q++) {
                radius[q] = Math.sqrt(kept[q]) * inverseBinWidth;
            }
            if (typeCount == 1) {
                double weight = symmetric ? 2 : 1;
                for (int q = 0; q < count; q++) {
                    int bin = (int) radius[q];
                    if (bin < bins) {
                        histogram[bin] += weight;
                    }
                }
                continue;
            }
            for (int q = 0; q < count; q++) {
                int bin = (int) radius[q];
                if (bin >= bins) {
                    continue;
                }
                int slot = slots[q];
                histogram[slot + bin] += 1;
                if (symmetric) {
                    int pair = slot / bins, a = pair / typeCount, b = pair - a * typeCount;
                    histogram[(b * typeCount + a) * bins + bin] += 1;
                }
            }
        }
        scratch.countSymmetric = 0;
        scratch.countOneSided = 0;
        scratch.countSymmetricB = 0;
        scratch.countOneSidedB = 0;
    }

    private static int cellIndex(double v, double min, double inverseWidth, int n) {
        int c = (int) ((v - min) * inverseWidth);
        return c < 0 ? 0 : (c >= n ? n - 1 : c);
    }
}
