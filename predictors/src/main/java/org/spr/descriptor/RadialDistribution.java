package org.spr.descriptor;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.spr.structure.Frame;

/**
 * Computes the pair correlation function g(r) of a {@link Frame} on a {@link RadialGrid}: every partial g_ab,
 * the concentration-weighted total and running coordination numbers (see {@link PairCorrelation} for the
 * normalisation, which equals LAMMPS {@code compute rdf} in 3D).
 *
 * <p>Algorithm: a {@link CellList} with cells at least r_max / k wide (k = 1 by default) and explicit periodic
 * image shifts, so any r_max works, also larger than half the box, in orthogonal and triclinic cells. Each
 * unordered pair (including an atom and its own periodic images) is visited once through a half stencil and
 * binned (a branch-free pass keeps r² below r_max², a second pass bins them) as bin = ⌊r / Δr⌋ with Δr = r_max / n (exactly LAMMPS's binning); the ordered histogram is
 * H_ab = h_ab + h_ba. Cells are shared out dynamically to worker threads, each with its own histogram, merged
 * at the end. All buffers are kept between calls: repeated calls on frames of the same size and the same output
 * object allocate nothing but the fork/join bookkeeping.
 *
 * <p>An instance is not thread-safe (it owns the buffers); use one per thread of control.
 */
public final class RadialDistribution {

    /** Frames smaller than this are processed on the calling thread only. */
    private static final int PARALLEL_THRESHOLD = 4000;

    private final RadialGrid grid;
    private final int threads;
    private final int cellsPerCutoff;
    private final int bins;
    private final double binWidth;
    private final double inverseBinWidth;
    private final double cutoffSquared;
    private final CellList cells = new CellList();
    private final AtomicInteger nextCell = new AtomicInteger();
    private Worker[] workers = new Worker[0];
    private int[] stencilA = new int[0], stencilB = new int[0], stencilC = new int[0];
    private int stencilSize;
    private int chunk;
    private double[] histogram = new double[0];

    /** A calculator on {@code grid} using all available processors and cells of at least r_max (measured fastest here). */
    public RadialDistribution(RadialGrid grid) {
        this(grid, Runtime.getRuntime().availableProcessors(), 1);
    }

    /**
     * @param grid           the radial grid (r_max, Δr)
     * @param threads        worker threads (≥ 1)
     * @param cellsPerCutoff k ≥ 1: cells are at least r_max / k wide (1, the default, measured fastest; 2 trades fewer distance checks for more cell visits)
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
        buildStencil();
        int workerCount = frame.atomCount() < PARALLEL_THRESHOLD ? 1 : Math.min(threads, cells.cellCount());
        ensureWorkers(workerCount, histogramLength);
        int cellCount = cells.cellCount();
        chunk = Math.max(1, cellCount / (workerCount * 16));
        nextCell.set(0);
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
            for (int a = 0; a < typeCount; a++) {
                for (int b = 0; b < typeCount; b++) {
                    int ab = (a * typeCount + b) * bins, ba = (b * typeCount + a) * bins;
                    for (int k = 0; k < bins; k++) {
                        histogram[ab + k] += half[ab + k] + half[ba + k];
                    }
                }
            }
            Arrays.fill(half, 0, histogramLength, 0);
        }
        return histogram;
    }

    private void normalise(Frame frame, PairCorrelation out) {
        int typeCount = frame.typeCount();
        int n = frame.atomCount();
        int[] counts = frame.countsPerType();
        int dimension = frame.dimension();
        double measure = dimension == 3 ? frame.box().volume() : frame.box().area();
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
        out.setSystem(dimension, frame.typeLabels(), counts, n, measure);
    }

    private void buildStencil() {
        int size = (2 * cells.reachA + 1) * (2 * cells.reachB + 1) * (2 * cells.reachC + 1);
        if (stencilA.length < size) {
            stencilA = new int[size];
            stencilB = new int[size];
            stencilC = new int[size];
        }
        // the zero offset first, then every offset that is lexicographically positive: each unordered pair once
        int count = 0;
        stencilA[count] = 0;
        stencilB[count] = 0;
        stencilC[count] = 0;
        count++;
        for (int oa = -cells.reachA; oa <= cells.reachA; oa++) {
            for (int ob = -cells.reachB; ob <= cells.reachB; ob++) {
                for (int oc = -cells.reachC; oc <= cells.reachC; oc++) {
                    boolean positive = oa > 0 || (oa == 0 && (ob > 0 || (ob == 0 && oc > 0)));
                    if (positive) {
                        stencilA[count] = oa;
                        stencilB[count] = ob;
                        stencilC[count] = oc;
                        count++;
                    }
                }
            }
        }
        stencilSize = count;
    }

    private void ensureWorkers(int count, int histogramLength) {
        if (workers.length < count) {
            Worker[] grown = Arrays.copyOf(workers, count);
            for (int w = workers.length; w < count; w++) {
                grown[w] = new Worker();
            }
            workers = grown;
        }
        for (int w = 0; w < count; w++) {
            if (workers[w].histogram.length < histogramLength) {
                workers[w].histogram = new long[histogramLength];
            }
        }
    }

    /** One thread's share: takes chunks of cells until none are left, counting into its own half histogram. */
    private final class Worker extends RecursiveAction {
        long[] histogram = new long[0];
        int typeCount;
        double[] candidates = new double[64];
        int[] candidateTypes = new int[64];

        @Override
        protected void compute() {
            countAll();
        }

        void countAll() {
            int cellCount = cells.cellCount();
            int from;
            while ((from = nextCell.getAndAdd(chunk)) < cellCount) {
                int to = Math.min(cellCount, from + chunk);
                for (int c = from; c < to; c++) {
                    countCell(c);
                }
            }
        }

        private void countCell(int cell) {
            CellList list = cells;
            int[] start = list.cellStart;
            int iFrom = start[cell], iTo = start[cell + 1];
            if (iFrom == iTo) {
                return;
            }
            int na = list.cellsA, nb = list.cellsB, nc = list.cellsC;
            int ia = cell / (nb * nc), ib = (cell / nc) % nb, ic = cell % nc;
            double[] x = list.x, y = list.y, z = list.z;
            int[] type = list.type;
            long[] h = histogram;
            int types = typeCount;
            int binCount = bins;
            double inverse = inverseBinWidth, cutsq = cutoffSquared;
            for (int s = 0; s < stencilSize; s++) {
                int va = ia + stencilA[s] + list.reachA, vb = ib + stencilB[s] + list.reachB, vc = ic + stencilC[s] + list.reachC;
                int ja = list.wrapA[va], jb = list.wrapB[vb], jc = list.wrapC[vc];
                int sa = list.imageA[va], sb = list.imageB[vb], sc = list.imageC[vc];
                int other = (ja * nb + jb) * nc + jc;
                int jFrom = start[other], jTo = start[other + 1];
                if (jFrom == jTo) {
                    continue;
                }
                double shiftX = list.shiftX(sa, sb, sc), shiftY = list.shiftY(sb, sc), shiftZ = list.shiftZ(sc);
                boolean self = s == 0;
                for (int i = iFrom; i < iTo; i++) {
                    double xi = x[i] - shiftX, yi = y[i] - shiftY, zi = z[i] - shiftZ;
                    int j0 = self ? i + 1 : jFrom;
                    if (jTo - j0 > candidates.length) {
                        candidates = new double[jTo - j0];
                        candidateTypes = new int[jTo - j0];
                    }
                    double[] kept = candidates;
                    // branch-free pass: keep every r² below the cutoff (compaction), then bin the kept ones
                    int count = 0;
                    if (types == 1) {
                        for (int j = j0; j < jTo; j++) {
                            double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
                            double rsq = dx * dx + dy * dy + dz * dz;
                            kept[count] = rsq;
                            count += rsq < cutsq ? 1 : 0;
                        }
                        for (int q = 0; q < count; q++) {
                            int bin = (int) (Math.sqrt(kept[q]) * inverse);
                            if (bin < binCount) {
                                h[bin]++;
                            }
                        }
                    } else {
                        int[] keptTypes = candidateTypes;
                        int base = type[i] * types * binCount;
                        for (int j = j0; j < jTo; j++) {
                            double dx = xi - x[j], dy = yi - y[j], dz = zi - z[j];
                            double rsq = dx * dx + dy * dy + dz * dz;
                            kept[count] = rsq;
                            keptTypes[count] = type[j];
                            count += rsq < cutsq ? 1 : 0;
                        }
                        for (int q = 0; q < count; q++) {
                            int bin = (int) (Math.sqrt(kept[q]) * inverse);
                            if (bin < binCount) {
                                h[base + keptTypes[q] * binCount + bin]++;
                            }
                        }
                    }
                }
            }
        }
    }
}
