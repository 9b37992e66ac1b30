package org.spr.descriptor;

import java.util.Arrays;

/**
 * A pair correlation function on a {@link RadialGrid}: all partials g_ab (a, b = type index 0 … T−1), the
 * concentration-weighted total g(r) = Σ_ab c_a c_b g_ab(r), and running coordination numbers.
 *
 * <p>Normalisation (that of LAMMPS {@code compute rdf} in 3D, the in-plane area in 2D): g_ab(r_k) = H_ab(k) / (N_a ρ_b S_k) with H_ab the ordered-pair histogram
 * (self-pairs excluded), ρ_b = (N_b − δ_ab)/V in 3D or /A in 2D, S_k = 4π/3 (r_{k+1}³ − r_k³) in 3D or
 * π (r_{k+1}² − r_k²) in 2D. Running coordination n_ab(r_k) = Σ_{j≤k} H_ab(j) / N_a is the mean number of b
 * neighbours of an a atom closer than the upper edge of bin k (as LAMMPS's {@code compute rdf}); the total
 * n(r_k) = Σ_{j≤k} Σ_ab H_ab(j) / N.
 *
 * <p>Instances are mutable buffers so that {@link RadialDistribution} can refill one each frame without
 * allocating; copy with {@link #copy()} to keep one.
 */
public final class PairCorrelation {

    private final RadialGrid grid;
    private final int typeCount;
    private final double[][] partials;
    private final double[][] partialCoordination;
    private final double[] total;
    private final double[] coordination;
    private int dimension;
    private String[] typeLabels;
    private int[] countsPerType;
    private int atomCount;
    private double measure;

    /** An all-zero result for {@code typeCount} types on {@code grid}, to be filled by a computation. */
    public PairCorrelation(RadialGrid grid, int typeCount, int dimension) {
        if (typeCount < 1) {
            throw new IllegalArgumentException("type count must be at least 1, got " + typeCount);
        }
        this.grid = grid;
        this.typeCount = typeCount;
        int bins = grid.bins();
        this.partials = new double[typeCount * typeCount][bins];
        this.partialCoordination = new double[typeCount * typeCount][bins];
        this.total = new double[bins];
        this.coordination = new double[bins];
        this.dimension = dimension;
        this.typeLabels = new String[typeCount];
        for (int t = 0; t < typeCount; t++) {
            typeLabels[t] = Integer.toString(t + 1);
        }
        this.countsPerType = new int[typeCount];
    }

    void setSystem(int dimension, String[] typeLabels, int[] countsPerType, int atomCount, double measure) {
        this.dimension = dimension;
        this.typeLabels = typeLabels;
        this.countsPerType = countsPerType;
        this.atomCount = atomCount;
        this.measure = measure;
    }

    /** The grid (bins [kΔr, (k+1)Δr), values at centres). */
    public RadialGrid grid() {
        return grid;
    }

    /** 2 (areal normalisation) or 3 (volume normalisation). */
    public int dimension() {
        return dimension;
    }

    /** Number of types T. */
    public int typeCount() {
        return typeCount;
    }

    /** Label of each type (species name or type number), index type − 1. */
    public String[] typeLabels() {
        return typeLabels.clone();
    }

    /** Atoms of each type, index type − 1. */
    public int[] countsPerType() {
        return countsPerType.clone();
    }

    /** Number of atoms N. */
    public int atomCount() {
        return atomCount;
    }

    /** Volume V (3D) or in-plane area A (2D) used in the normalisation. */
    public double volumeOrArea() {
        return measure;
    }

    /** Number density ρ = N/V (3D) or areal density N/A (2D). */
    public double numberDensity() {
        return atomCount / measure;
    }

    /** Partial g_ab on the grid, a and b 0-based type indices (the live array: do not modify). */
    public double[] partial(int a, int b) {
        return partials[a * typeCount + b];
    }

    /** Running coordination n_ab(r): mean number of b neighbours of an a atom within the bin's upper edge. */
    public double[] partialCoordination(int a, int b) {
        return partialCoordination[a * typeCount + b];
    }

    /** Concentration-weighted total g(r) = Σ_ab c_a c_b g_ab (the live array: do not modify). */
    public double[] total() {
        return total;
    }

    /** Running total coordination n(r): mean number of neighbours of any atom within the bin's upper edge. */
    public double[] coordination() {
        return coordination;
    }

    double[][] partialsArray() {
        return partials;
    }

    double[][] partialCoordinationArray() {
        return partialCoordination;
    }

    /**
     * Neutron-weighted (Faber–Ziman) total g_N(r) = Σ_ab c_a c_b b_a b_b g_ab(r) / (Σ_a c_a b_a)² with the
     * coherent scattering length b_a of each type (index type − 1). Equals {@link #total()} for equal lengths.
     */
    public double[] weightedTotal(double[] scatteringLengths) {
        if (scatteringLengths.length < typeCount) {
            throw new IllegalArgumentException("scattering lengths given for " + scatteringLengths.length + " of " + typeCount + " types");
        }
        double mean = 0;
        for (int a = 0; a < typeCount; a++) {
            mean += countsPerType[a] / (double) atomCount * scatteringLengths[a];
        }
        if (mean == 0) {
            throw new IllegalArgumentException("the mean scattering length is zero; the neutron-weighted total is undefined");
        }
        double[] out = new double[grid.bins()];
        for (int a = 0; a < typeCount; a++) {
            for (int b = 0; b < typeCount; b++) {
                double weight = countsPerType[a] / (double) atomCount * countsPerType[b] / (double) atomCount
                        * scatteringLengths[a] * scatteringLengths[b] / (mean * mean);
                double[] g = partial(a, b);
                for (int k = 0; k < out.length; k++) {
                    out[k] += weight * g[k];
                }
            }
        }
        return out;
    }

    /**
     * A copy with every g curve (partials and total) convolved with a normalised Gaussian of standard deviation
     * {@code sigma} (see {@link GaussianSmoothing}); coordination numbers are copied unchanged.
     */
    public PairCorrelation smoothed(double sigma) {
        PairCorrelation out = copy();
        for (int p = 0; p < partials.length; p++) {
            GaussianSmoothing.smooth(partials[p], grid.dr(), sigma, out.partials[p]);
        }
        GaussianSmoothing.smooth(total, grid.dr(), sigma, out.total);
        return out;
    }

    /** A deep copy. */
    public PairCorrelation copy() {
        PairCorrelation out = new PairCorrelation(grid, typeCount, dimension);
        copyInto(out);
        return out;
    }

    void copyInto(PairCorrelation out) {
        for (int p = 0; p < partials.length; p++) {
            System.arraycopy(partials[p], 0, out.partials[p], 0, total.length);
            System.arraycopy(partialCoordination[p], 0, out.partialCoordination[p], 0, total.length);
        }
        System.arraycopy(total, 0, out.total, 0, total.length);
        System.arraycopy(coordination, 0, out.coordination, 0, total.length);
        out.setSystem(dimension, typeLabels.clone(), countsPerType.clone(), atomCount, measure);
    }

    @Override
    public String toString() {
        return "PairCorrelation[" + grid + ", dimension=" + dimension + ", types=" + Arrays.toString(typeLabels)
                + ", N=" + atomCount + ", density=" + numberDensity() + "]";
    }
}
