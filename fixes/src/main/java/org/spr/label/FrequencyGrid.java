package org.spr.label;

import java.util.Locale;

/**
 * The fixed grid a PDOS lives on: bins [ν_min + kΔν, ν_min + (k+1)Δν) for k = 0 … n−1, Δν = (ν_max − ν_min)/n, values
 * reported at bin centres (same convention as the g(r) grid). The grid travels with every label and model.
 *
 * @param minimum  lower edge ν_min of the first bin
 * @param maximum  upper edge ν_max of the last bin
 * @param binCount n
 */
public record FrequencyGrid(double minimum, double maximum, int binCount) implements java.io.Serializable {

    /** The project default for carbon: 0–100 THz, 200 bins of 0.5 THz. */
    public static final FrequencyGrid CARBON_DEFAULT = new FrequencyGrid(0.0, 100.0, 200);

    public FrequencyGrid {
        if (!Double.isFinite(minimum) || !Double.isFinite(maximum) || !(maximum > minimum)) {
            throw new IllegalArgumentException("frequency grid needs finite minimum < maximum, got [" + minimum + ", " + maximum + "]");
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("frequency grid needs at least one bin, got " + binCount);
        }
    }

    /** Bin width Δν. */
    public double binWidth() {
        return (maximum - minimum) / binCount;
    }

    /** Centre of bin k: ν_min + (k + ½)Δν. */
    public double centre(int k) {
        return minimum + (k + 0.5) * binWidth();
    }

    /** All bin centres, a new array. */
    public double[] centres() {
        double[] centres = new double[binCount];
        for (int k = 0; k < binCount; k++) {
            centres[k] = centre(k);
        }
        return centres;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%g, %g) in %d bins of %g", minimum, maximum, binCount, binWidth());
    }
}
