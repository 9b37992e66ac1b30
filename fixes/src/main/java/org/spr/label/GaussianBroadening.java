package org.spr.label;

/**
 * Gaussian-broadened density of states on a fixed grid, normalised to unit area on that grid:
 *
 * <pre>
 *   g̃(ν_k) = (1/M) Σ_m exp(−(ν_k − ν_m)² / 2σ²) / (σ√(2π))      (ν_k = bin centre, M modes)
 *   g(ν_k)  = g̃(ν_k) / (Σ_k' g̃(ν_k') Δν)                         so that Σ_k g(ν_k) Δν = 1
 * </pre>
 *
 * <p>When the grid starts at ν_min = 0 (a DOS of real frequencies), each Gaussian is reflected at ν = 0: the tail
 * that would fall below zero, exp(−(ν_k + ν_m)²/2σ²), is added back (the boundary correction of kernel density
 * estimation). Without it a mode near zero (rotations, long-wavelength acoustic and ZA modes) would lose up to half
 * its weight and the renormalisation would inflate every other mode; with it each mode keeps weight 1/M and a flat
 * DOS stays flat down to ν = 0.
 *
 * <p>The area before renormalisation, Σ g̃ Δν, is the fraction of the spectral weight that falls inside the grid
 * (below 1 when modes lie near or beyond its upper edge, or when σ is not resolved by Δν); callers report it.
 */
public final class GaussianBroadening {

    /** Gaussians are cut beyond this many standard deviations (relative weight &lt; 1e-15). */
    private static final double CUTOFF_WIDTHS = 8.5;

    private GaussianBroadening() {
    }

    /**
     * Broadens mode frequencies onto a grid and normalises to unit area.
     *
     * @param modeFrequencies frequencies of the modes to include (same unit as the grid)
     * @param grid            the frequency grid
     * @param width           Gaussian standard deviation σ, positive
     * @param out             optional output of length grid.binCount(); allocated when null
     * @return fraction of the spectral weight inside the grid before renormalisation (Σ g̃ Δν)
     * @throws IllegalArgumentException when there is no mode or no weight falls inside the grid
     */
    public static double broaden(double[] modeFrequencies, FrequencyGrid grid, double width, double[] out) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("Gaussian broadening width must be a positive number, got " + width);
        }
        if (out.length != grid.binCount()) {
            throw new IllegalArgumentException("density array has " + out.length + " bins, grid has " + grid.binCount());
        }
        if (modeFrequencies.length == 0) {
            throw new IllegalArgumentException("no vibrational mode to broaden into a density of states");
        }
        java.util.Arrays.fill(out, 0.0);
        double binWidth = grid.binWidth();
        double norm = 1.0 / (modeFrequencies.length * width * Math.sqrt(2.0 * Math.PI));
        double inverseTwoVariance = 1.0 / (2.0 * width * width);
        double reach = CUTOFF_WIDTHS * width;
        boolean reflectAtZero = grid.minimum() == 0.0;
        for (double frequency : modeFrequencies) {
            addGaussian(frequency, grid, norm, inverseTwoVariance, reach, out);
            if (reflectAtZero) {
                addGaussian(-frequency, grid, norm, inverseTwoVariance, reach, out);
            }
        }
        double area = 0;
        for (double value : out) {
            area += value;
        }
        area *= binWidth;
        if (!(area > 0)) {
            throw new IllegalArgumentException("no spectral weight falls inside the frequency grid " + grid
                    + " (modes span " + min(modeFrequencies) + " to " + max(modeFrequencies) + ")");
        }
        double scale = 1.0 / area;
        for (int k = 0; k < out.length; k++) {
            out[k] *= scale;
        }
        return area;
    }

    private static void addGaussian(double frequency, FrequencyGrid grid, double norm, double inverseTwoVariance,
                                    double reach, double[] out) {
        double binWidth = grid.binWidth();
        int first = (int) Math.max(0, Math.floor((frequency - reach - grid.minimum()) / binWidth));
        int last = (int) Math.min(grid.binCount() - 1, Math.ceil((frequency + reach - grid.minimum()) / binWidth));
        for (int k = first; k <= last; k++) {
            double difference = grid.centre(k) - frequency;
            out[k] += norm * Math.exp(-difference * difference * inverseTwoVariance);
        }
    }

    private static double min(double[] values) {
        double result = Double.POSITIVE_INFINITY;
        for (double value : values) {
            result = Math.min(result, value);
        }
        return result;
    }

    private static double max(double[] values) {
        double result = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            result = Math.max(result, value);
        }
        return result;
    }
}
