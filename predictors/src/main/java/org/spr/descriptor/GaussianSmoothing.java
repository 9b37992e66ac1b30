package org.spr.descriptor;

/**
 * Gaussian smoothing of a curve sampled on a uniform grid (for comparison with experiment, whose finite Q range
 * broadens peaks): out_k = Σ_j w_kj f_j / Σ_j w_kj with w_kj = exp(−(r_k − r_j)² / 2σ²), truncated at 5σ.
 * Normalising by the weights inside the grid keeps a constant curve constant up to the edges.
 */
public final class GaussianSmoothing {

    private GaussianSmoothing() {
    }

    /**
     * Smooths {@code values} (spacing {@code dr}) with standard deviation {@code sigma} into {@code out}
     * (a new array when null; must not be {@code values}). σ = 0 copies.
     *
     * @return out
     */
    public static double[] smooth(double[] values, double dr, double sigma, double[] out) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("smoothing width sigma must be zero or positive, got " + sigma);
        }
        int n = values.length;
        if (out == null) {
            out = new double[n];
        }
        if (out == values) {
            throw new IllegalArgumentException("smoothing cannot be done in place");
        }
        if (sigma == 0) {
            System.arraycopy(values, 0, out, 0, n);
            return out;
        }
        int reach = (int) Math.ceil(5 * sigma / dr);
        double inverseTwoVariance = 1.0 / (2 * sigma * sigma);
        for (int k = 0; k < n; k++) {
            double sum = 0, weights = 0;
            int from = Math.max(0, k - reach), to = Math.min(n - 1, k + reach);
            for (int j = from; j <= to; j++) {
                double d = (k - j) * dr;
                double w = Math.exp(-d * d * inverseTwoVariance);
                sum += w * values[j];
                weights += w;
            }
            out[k] = sum / weights;
        }
        return out;
    }
}
