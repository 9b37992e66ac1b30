package org.spr.descriptor;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.spr.structure.Frame;

/**
 * Computes the pair correlation function g(r) of a {@link Frame} on a {@link RadialGrid}: every partial g_ab,
 * the concentration-weighted total and running coordination numbers (see {@link PairCorrelation} for the
 * normalisation, which equals LAMMPS {@code compute rdf} in 3D).
 *
 * <p>Algorithm: atoms and their periodic images (ghosts) are sorted into a grid of cells at least r_max / k wide
 * (k = 2 by default, measured fastest) with an exactly pruned half stencil ({@link GhostCellGrid}), so any
 * r_max works, also larger than half the box, in orthogonal and triclinic cells, and a slab or monolayer with
 * vacuum wider than r_max is not searched across the vacuum. Each unordered pair (including an atom and its own
 * periodic images) is visited once with no image arithmetic: atoms of a cell go two at a time over the contiguous
 * candidate range of each stencil row (one load of a candidate serves two distances), a branch-free pass keeps
 * r² &lt; r_max², and the kept r² are binned in long batches as bin = ⌊√r² · n / r_max⌋, exactly LAMMPS's
 * {@code ibin = static_cast<int>(r*delrinv)}; the ordered histogram is H_ab = h_ab + h_ba. Rows of cells are
 * shared out dynamically to worker threads, each with its own histogram, merged at the end. All buffers are kept
 * between calls: repeated calls on frames of the same size and the same output object allocate nothing but the
 * fork/join bookkeeping.
 *
 * <p>An instance is not thread-safe (it owns the buffers); use one per thread of control.
 */
public final class RadialDistribution {

    /** Cells per cutoff used unless asked otherwise (measured fastest, see the constructor). */
    public static final int DEFAULT_CELLS_PER_CUTOFF = 2;

    /** Kept r² are binned in batches of about this many. */
    private static final int MINIMUM_BUFFER = 4096;

    /** Frames smaller than this are processed on the calling thread only. */
    private static final int PARALLEL_THRESHOLD = 4000;

    private final RadialGrid grid;
    private final int threads;
    private final int cellsPerCutoff;
    private final int bins;
    private final double binWidth;
    private final double inverseBinWidth;
    private final double cutoffSquared;
    private final GhostCellGrid cells = new GhostCellGrid();
    private final AtomicInteger nextRow = new AtomicInteger();
    private Worker[] workers = new Worker[0];
    private int chunk;
    private double[] histogram = new double[0];

    /** A calculator on {@code grid} using all available processors and the default cell size. */
    public RadialDistribution(RadialGrid grid) {
        this(grid, Runtime.getRuntime().availableProcessors());
    }

    /** A calculator on {@code grid} using {@code threads} worker threads and the default cell size. */
    public RadialDistribution(RadialGrid grid, int threads) {
        this(grid, threads, DEFAULT_CELLS_PER_CUTOFF);
    }

    /**
     * @param grid           the radial grid (r_max, Δr)
     * @param threads        worker threads (≥ 1)
     * @param cellsPerCutoff k ≥ 1: cells are at least r_max / k wide ({@value #DEFAULT_CELLS_PER_CUTOFF}, the default,
     *                       measured fastest: about 4 distance checks per pair within r_max in 3D, 2 in 2D; 1 costs
     *                       about 6, 3 fewer checks but more cell visits)
     */
    public RadialDistribution(RadialGrid grid, int threads, int cellsPerCutoff) {
        if (grid == null) {
            throw new IllegalArgumentException("a radial grid is required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (cellsPerCutoff < 1) {
            throw new IllegalArgumentException("cells per cutoff must be at least 1, got " + cellsPerCutoff);
        }
        this.grid = grid;
        this.threads = threads;
        this.cellsPerCutoff = cellsPerCutoff;
        this.bins = grid.bins();
        this.binWidth = grid.rMax() / bins;
        this.inverseBinWidth = 1.0 / binWidth;
        double cutoff = grid.rMax() * (1 + 1e-12);
        this.cutoffSquared = cutoff * cutoff;
    }

    /** The grid of every result. */
    public RadialGrid grid() {
        return grid;
    }

    /** g(r) of {@code frame} in a new result object. */
    public PairCorrelation compute(Frame frame) {
        return compute(frame, null);
    }

    /**
     * g(r) of {@code frame}, written into {@code out} when it has this grid and the frame's type count (else a new
     * result is made).
     *
     * @return the filled result
     */
    public PairCorrelation compute(Frame frame, PairCorrelation out) {
        int typeCount = frame.typeCount();
        if (out == null || out.typeCount() != typeCount || !out.grid().sameAs(grid)) {
            out = new PairCorrelation(grid, typeCount, frame.dimension());
        }
        countPairs(frame);
        normalise(frame, out);
        return out;
    }

    /**
     * Fills the ordered-pair histogram H_ab(k) (index (a·T + b)·bins + k) of {@code frame}; exposed for callers
     * that reduce histograms across processes before normalising.
     *
     * @return the live histogram buffer (valid until the next call)
     */
    public double[] countPairs(Frame frame) {
        int typeCount = frame.typeCount();
        int histogramLength = typeCount * typeCount * bins;
        cells.build(frame, grid.rMax(), cellsPerCutoff);
        int rowTotal = cells.ownedRowCount();
        int workerCount = frame.atomCount() < PARALLEL_THRESHOLD ? 1 : Math.min(threads, rowTotal);
        ensureWorkers(workerCount, histogramLength, typeCount);
        chunk = Math.max(1, rowTotal / (workerCount * 16));
        nextRow.set(0);
        if (workerCount == 1) {
            workers[0].typeCount = typeCount;
            workers[0].countAll();
        } else {
            for (int w = 0; w < workerCount; w++) {
                workers[w].typeCount = typeCount;
                workers[w].reinitialize();
            }
            for (int w = 1; w < workerCount; w++) {
                workers[w].fork();
            }
            workers[0].invoke();
            for (int w = 1; w < workerCount; w++) {
                workers[w].join();
            }
        }
        if (histogram.length != histogramLength) {
            histogram = new double[histogramLength];
        }
        Arrays.fill(histogram, 0);
        for (int w = 0; w < workerCount; w++) {
            long[] half = workers[w].histogram;
            int stride = bins + 1;
            for (int a = 0; a < typeCount; a++) {
                for (int b = 0; b < typeCount; b++) {
                    int ab = (a * typeCount + b) * stride, ba = (b * typeCount + a) * stride;
                    int out = (a * typeCount + b) * bins;
                    for (int k = 0; k < bins; k++) {
                        histogram[out + k] += half[ab + k] + half[ba + k];
                    }
                }
            }
            Arrays.fill(half, 0, typeCount * typeCount * stride, 0);
        }
        return histogram;
    }

    private void normalise(Frame frame, PairCorrelation out) {
        normalise(histogram, frame.countsPerType(), frame.box(), frame.dimension(), frame.typeLabels(), out);
    }

    /**
     * Normalises an ordered-pair histogram H_ab(k) (index (a·T + b)·bins + k, as {@link #countPairs} fills it, or the
     * sum of per-rank histograms of a distributed system) into {@code out}: g_ab(k) = H_ab(k) / (N_a (N_b − δ_ab)
     * S_k / V), S_k the shell volume (3D) or annulus area (2D) of bin k and V the volume (3D) or in-plane area (2D);
     * the total g = Σ_ab c_a c_b g_ab and the running coordination numbers.
     *
     * @param histogram ordered-pair counts on this calculator's grid, T²·bins entries
     * @param counts    atoms per type (index type − 1); N = Σ counts
     * @param box       the cell (its volume or area is the normalisation measure)
     * @param dimension 2 or 3
     * @param labels    type labels (index type − 1)
     * @param out       result on this grid with T types (filled)
     */
    public void normalise(double[] histogram, int[] counts, org.spr.structure.Box box, int dimension, String[] labels,
                          PairCorrelation out) {
        int typeCount = counts.length;
        int n = 0;
        for (int count : counts) {
            n += count;
        }
        double measure = dimension == 3 ? box.volume() : box.area();
        double[][] partials = out.partialsArray();
        double[][] partialCoordination = out.partialCoordinationArray();
        double[] total = out.total();
        double[] coordination = out.coordination();
        Arrays.fill(total, 0);
        Arrays.fill(coordination, 0);
        double shellConstant = dimension == 3 ? 4.0 * Math.PI / (3.0 * measure) : Math.PI / measure;
        for (int a = 0; a < typeCount; a++) {
            for (int b = 0; b < typeCount; b++) {
                int p = a * typeCount + b;
                double[] g = partials[p];
                double[] running = partialCoordination[p];
                double partners = counts[b] - (a == b ? 1.0 : 0.0);
                double weight = counts[a] / (double) n * counts[b] / (double) n;
                double cumulative = 0;
                for (int k = 0; k < bins; k++) {
                    double h = histogram[p * bins + k];
                    double lower = k * binWidth, upper = (k + 1) * binWidth;
                    double shell = dimension == 3
                            ? shellConstant * (upper * upper * upper - lower * lower * lower)
                            : shellConstant * (upper * upper - lower * lower);
                    double denominator = shell * partners * counts[a];
                    g[k] = denominator != 0 ? h / denominator : 0.0;
                    cumulative += h;
                    running[k] = counts[a] > 0 ? cumulative / counts[a] : 0.0;
                    total[k] += weight * g[k];
                    coordination[k] += cumulative;
                }
            }
        }
        for (int k = 0; k < bins; k++) {
            coordination[k] /= n;
        }
        out.setSystem(dimension, labels, counts, n, measure);
    }

    private void ensureWorkers(int count, int histogramLength, int typeCount) {
        if (workers.length < count) {
            Worker[] grown = Arrays.copyOf(workers, count);
            for (int w = workers.length; w < count; w++) {
                grown[w] = new Worker();
            }
            workers = grown;
        }
        for (int w = 0; w < count; w++) {
            if (workers[w].histogram.length < histogramLength + typeCount * typeCount) {
                workers[w].histogram = new long[histogramLength + typeCount * typeCount];
            }
        }
    }

    /** One thread's share: takes chunks of cell rows until none are left, counting into its own half histogram. */
    private final class Worker extends RecursiveAction {
        /** Half histogram with a stride of bins + 1 per type pair (the extra slot takes r = r_max exactly). */
        long[] histogram = new long[0];
        int typeCount;
        /** Kept r² (and histogram offsets of the type pair) not yet binned: A from atoms i, B from atoms i + 1. */
        double[] keptA = new double[MINIMUM_BUFFER], keptB = new double[MINIMUM_BUFFER], scaled = new double[MINIMUM_BUFFER];
        int[] slotsA = new int[MINIMUM_BUFFER], slotsB = new int[MINIMUM_BUFFER];
        int countA, countB;
        /** Candidate range of each stencil row for the current cell. */
        int[] rangeFrom = new int[0], rangeTo = new int[0];

        @Override
        protected void compute() {
            countAll();
        }

        void countAll() {
            GhostCellGrid g = cells;
            int rowTotal = g.ownedRowCount();
            if (rangeFrom.length < g.rowCount) {
                rangeFrom = new int[g.rowCount];
                rangeTo = new int[g.rowCount];
            }
            int from;
            while ((from = nextRow.getAndAdd(chunk)) < rowTotal) {
                int to = Math.min(rowTotal, from + chunk);
                for (int row = from; row < to; row++) {
                    int first = g.firstCellOfRow(row);
                    for (int c = 0, along = g.cells[2]; c < along; c++) {
                        countCell(first + c);
                    }
                }
            }
            flush();
        }

        /**
         * Every owned atom of {@code cell} against its half-stencil partners. Atoms are taken two at a time: both
         * scan the same candidate ranges, so each candidate's coordinates are loaded once for two distances. Kept
         * r² pile up over many atoms and are binned in long (vectorisable) passes by {@link #flush}.
         */
        private void countCell(int cell) {
            GhostCellGrid g = cells;
            int[] start = g.cellStart;
            int iFrom = start[cell], iTo = start[cell + 1];
            if (iFrom == iTo) {
                return;
            }
            int ownEnd = start[cell + g.ownRowEnd];
            int[] rowFirst = g.rowFirst, rowEnd = g.rowEnd;
            int[] from = rangeFrom, to = rangeTo;
            int rows = g.rowCount;
            int perAtom = ownEnd - iFrom;
            for (int r = 0; r < rows; r++) {
                from[r] = start[cell + rowFirst[r]];
                to[r] = start[cell + rowEnd[r]];
                perAtom += to[r] - from[r];
            }
            if (keptA.length < 2 * perAtom) {
                flush();
                int size = Math.max(MINIMUM_BUFFER, 4 * perAtom);
                keptA = new double[size];
                keptB = new double[size];
                slotsA = new int[size];
                slotsB = new int[size];
                scaled = new double[size];
            }
            double[] x = g.x, y = g.y, z = g.z;
            int[] type = g.type;
            int stride = bins + 1, typeStride = typeCount * stride;
            boolean single = typeCount == 1;
            int limit = keptA.length - perAtom;
            int i = iFrom;
            for (; i + 1 < iTo; i += 2) {
                if (countA > limit || countB > limit) {
                    flush();
                }
                double xa = x[i], ya = y[i], za = z[i], xb = x[i + 1], yb = y[i + 1], zb = z[i + 1];
                if (single) {
                    countA = keep(keptA, xa, ya, za, i + 1, ownEnd, countA);
                    countB = keep(keptB, xb, yb, zb, i + 2, ownEnd, countB);
                    for (int r = 0; r < rows; r++) {
                        keepTwo(xa, ya, za, xb, yb, zb, from[r], to[r]);
                    }
                } else {
                    int baseA = type[i] * typeStride, baseB = type[i + 1] * typeStride;
                    countA = keepTyped(keptA, slotsA, baseA, xa, ya, za, i + 1, ownEnd, countA);
                    countB = keepTyped(keptB, slotsB, baseB, xb, yb, zb, i + 2, ownEnd, countB);
                    for (int r = 0; r < rows; r++) {
                        keepTwoTyped(baseA, baseB, xa, ya, za, xb, yb, zb, from[r], to[r]);
                    }
                }
            }
            if (i < iTo) { // a lone last atom
                if (countA > limit) {
                    flush();
                }
                double xa = x[i], ya = y[i], za = z[i];
                int count = countA;
                if (single) {
                    count = keep(keptA, xa, ya, za, i + 1, ownEnd, count);
                    for (int r = 0; r < rows; r++) {
                        count = keep(keptA, xa, ya, za, from[r], to[r], count);
                    }
                } else {
                    int baseA = type[i] * typeStride;
                    count = keepTyped(keptA, slotsA, baseA, xa, ya, za, i + 1, ownEnd, count);
                    for (int r = 0; r < rows; r++) {
                        count = keepTyped(keptA, slotsA, baseA, xa, ya, za, from[r], to[r], count);
                    }
                }
                countA = count;
            }
        }

        /** Bins and clears everything kept so far. */
        void flush() {
            binAll(keptA, slotsA, countA);
            binAll(keptB, slotsB, countB);
            countA = 0;
            countB = 0;
        }

        /**
         * h[slot + ⌊√r² · n / r_max⌋]++ for each kept r² (slot 0 with one type): the scaled radii are computed in
         * a vectorisable pass first.
         */
        private void binAll(double[] in, int[] slots, int count) {
            double inverse = inverseBinWidth;
            double[] radius = scaled;
            for (int q = 0; q < count; q++) {
                radius[q] = Math.sqrt(in[q]) * inverse;
            }
            long[] h = histogram;
            if (typeCount == 1) {
                for (int q = 0; q < count; q++) {
                    h[(int) radius[q]]++;
                }
            } else {
                for (int q = 0; q < count; q++) {
                    h[slots[q] + (int) radius[q]]++;
                }
            }
        }

        /** Appends to {@code out} r² of the pairs (i, j), j in [jFrom, jTo), within the cutoff (branch-free compaction). */
        private int keep(double[] out, double xi, double yi, double zi, int jFrom, int jTo, int count) {
            double[] x = cells.x, y = cells.y, z = cells.z;
            double cutsq = cutoffSquared;
            for (int j = jFrom; j < jTo; j++) {
                double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
                double rsq = dx * dx + dy * dy + dz * dz;
                out[count] = rsq;
                count += rsq < cutsq ? 1 : 0;
            }
            return count;
        }

        /** As {@link #keep}, also keeping the histogram offset of j's type. */
        private int keepTyped(double[] out, int[] slots, int base, double xi, double yi, double zi, int jFrom, int jTo, int count) {
            double[] x = cells.x, y = cells.y, z = cells.z;
            int[] type = cells.type;
            int stride = bins + 1;
            double cutsq = cutoffSquared;
            for (int j = jFrom; j < jTo; j++) {
                double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
                double rsq = dx * dx + dy * dy + dz * dz;
                out[count] = rsq;
                slots[count] = base + type[j] * stride;
                count += rsq < cutsq ? 1 : 0;
            }
            return count;
        }

        /** {@link #keep} for two atoms a and b at once, into keptA / keptB. */
        private void keepTwo(double xa, double ya, double za, double xb, double yb, double zb, int jFrom, int jTo) {
            double[] x = cells.x, y = cells.y, z = cells.z;
            double[] outA = keptA, outB = keptB;
            double cutsq = cutoffSquared;
            int a = countA, b = countB;
            for (int j = jFrom; j < jTo; j++) {
                double xj = x[j], yj = y[j], zj = z[j];
                double dx = xa - xj, dy = ya - yj, dz = za - zj;
                double ex = xb - xj, ey = yb - yj, ez = zb - zj;
                double rsqA = dx * dx + dy * dy + dz * dz, rsqB = ex * ex + ey * ey + ez * ez;
                outA[a] = rsqA;
                outB[b] = rsqB;
                a += rsqA < cutsq ? 1 : 0;
                b += rsqB < cutsq ? 1 : 0;
            }
            countA = a;
            countB = b;
        }

        private void keepTwoTyped(int baseA, int baseB, double xa, double ya, double za, double xb, double yb, double zb, int jFrom, int jTo) {
            double[] x = cells.x, y = cells.y, z = cells.z;
            int[] type = cells.type;
            int stride = bins + 1;
            double[] outA = keptA, outB = keptB;
            int[] sa = slotsA, sb = slotsB;
            double cutsq = cutoffSquared;
            int a = countA, b = countB;
            for (int j = jFrom; j < jTo; j++) {
                double xj = x[j], yj = y[j], zj = z[j];
                int slot = type[j] * stride;
                double dx = xa - xj, dy = ya - yj, dz = za - zj;
                double ex = xb - xj, ey = yb - yj, ez = zb - zj;
                double rsqA = dx * dx + dy * dy + dz * dz, rsqB = ex * ex + ey * ey + ez * ez;
                outA[a] = rsqA;
                sa[a] = baseA + slot;
                outB[b] = rsqB;
                sb[b] = baseB + slot;
                a += rsqA < cutsq ? 1 : 0;
                b += rsqB < cutsq ? 1 : 0;
            }
            countA = a;
            countB = b;
        }

    }
}
