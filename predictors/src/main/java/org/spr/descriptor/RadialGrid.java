package org.spr.descriptor;

/**
 * The radial grid a g(r) lives on: bins [kΔr, (k+1)Δr) for k = 0 … n−1 with n = round(r_max/Δr),
 * each value reported at the bin centre (k + ½)Δr. The grid travels with every g(r), dataset and model.
 *
 * @param rMax upper edge of the last bin (Å, or σ in LJ units); must be positive
 * @param dr   bin width; must be positive and divide r_max into a whole number of bins
 */
public record RadialGrid(double rMax, double dr) {

    /** The project default: r_max = 8 Å, Δr = 0.02 Å (400 bins). */
    public static final RadialGrid DEFAULT = new RadialGrid(8.0, 0.02);

    public RadialGrid {
        if (!(rMax > 0) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("r_max must be a positive number, got " + rMax);
        }
        if (!(dr > 0) || !Double.isFinite(dr)) {
            throw new IllegalArgumentException("dr (bin width) must be a positive number, got " + dr);
        }
        double n = rMax / dr;
        if (Math.abs(n - Math.rint(n)) > 1e-6 * Math.max(1, n)) {
            throw new IllegalArgumentException("r_max = " + rMax + " is not a whole number of bins of width dr = " + dr);
        }
        if (n < 1) {
            throw new IllegalArgumentException("r_max = " + rMax + " is smaller than one bin of width dr = " + dr);
        }
    }

    /** Number of bins n = r_max / Δr. */
    public int bins() {
        return (int) Math.rint(rMax / dr);
    }

    /** Centre of bin k: r_k = (k + ½) Δr. */
    public double centre(int k) {
        return (k + 0.5) * dr;
    }

    /** Lower edge of bin k: k Δr. */
    public double lowerEdge(int k) {
        return k * dr;
    }

    /** All bin centres, a new array. */
    public double[] centres() {
        double[] r = new double[bins()];
        for (int k = 0; k < r.length; k++) {
            r[k] = centre(k);
        }
        return r;
    }

    /** True when both grids have the same bins (to 1e-9 relative). */
    public boolean sameAs(RadialGrid other) {
        return bins() == other.bins() && Math.abs(dr - other.dr) <= 1e-9 * dr;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "r_max=%g dr=%g (%d bins)", rMax, dr, bins());
    }
}
