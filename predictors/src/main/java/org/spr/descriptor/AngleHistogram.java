package org.spr.descriptor;

/**
 * A bond-angle distribution P(θ) over 0–180°, normalised to unit area: Σ_k P_k Δθ = 1 with Δθ in degrees.
 *
 * @param binWidthDegrees Δθ
 * @param density         P at each bin centre (k + ½)Δθ, per degree
 * @param tripletCount    number of angles j–i–k counted (0 when there were none, then density is all zero)
 */
public record AngleHistogram(double binWidthDegrees, double[] density, long tripletCount) {

    /** Bin centres in degrees. */
    public double[] centres() {
        double[] c = new double[density.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = (k + 0.5) * binWidthDegrees;
        }
        return c;
    }

    /** Centre of the fullest bin, in degrees. */
    public double peakDegrees() {
        int best = 0;
        for (int k = 1; k < density.length; k++) {
            if (density[k] > density[best]) {
                best = k;
            }
        }
        return (best + 0.5) * binWidthDegrees;
    }
}
