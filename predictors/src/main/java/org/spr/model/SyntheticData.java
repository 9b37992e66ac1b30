package org.spr.model;

import java.util.List;
import java.util.Random;
import org.spr.descriptor.RadialGrid;

/** Synthetic g(r) → target data with known answers, for the model tests and the benchmarks. */
public final class SyntheticData {

    private SyntheticData() {
    }

    /** A 3D inherent total g(r) spec on a grid of {@code bins} bins of width dr. */
    public static DescriptorSpec spec(int bins, double dr) {
        return DescriptorSpec.total(new RadialGrid(bins * dr, dr), 3, GrKind.INHERENT, List.of("C"));
    }

    /** A spectrum output of {@code count} points from 0 THz. */
    public static OutputSpec spectrum(int count) {
        return OutputSpec.spectrum(new SpectrumGrid(0, 1.0, count, "THz", "unit area"), "1/THz");
    }

    /** Gaussian random matrix n × p (standard normal). */
    public static double[][] gaussian(int n, int p, Random random) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int k = 0; k < p; k++) {
                row[k] = random.nextGaussian();
            }
        }
        return x;
    }

    /** y = W x + b + σ ε, W row-major m × p. */
    public static double[][] linearTargets(double[][] x, double[] w, double[] b, double sigma, Random random) {
        int m = b.length;
        int p = x[0].length;
        double[][] y = new double[x.length][m];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m; j++) {
                double sum = b[j];
                for (int k = 0; k < p; k++) {
                    sum += w[j * p + k] * x[i][k];
                }
                y[i][j] = sum + sigma * random.nextGaussian();
            }
        }
        return y;
    }

    /**
     * g(r)-like curves: zero inside a hard core (r &lt; 0.8), then a Gaussian first peak at r0 ∈ [1.3, 1.7] with width 0.1,
     * on top of 1 beyond it, plus a little noise; {@code peakPositions} receives r0.
     */
    public static double[][] peakedGr(int n, RadialGrid grid, Random random, double[] peakPositions) {
        double[][] g = new double[n][grid.bins()];
        for (int i = 0; i < n; i++) {
            double r0 = 1.3 + 0.4 * random.nextDouble();
            peakPositions[i] = r0;
            for (int k = 0; k < grid.bins(); k++) {
                double r = grid.centre(k);
                if (r < 0.8) {
                    continue;
                }
                double base = r > r0 ? 1.0 : 0.0;
                g[i][k] = base + 3 * Math.exp(-(r - r0) * (r - r0) / (2 * 0.01)) + 0.01 * random.nextGaussian();
            }
        }
        return g;
    }

    /** Spectra as unit-height Gaussians of width 2 bins centred at 4 + (r0 − 1.3)/0.4 · (count − 8). */
    public static double[][] shiftedGaussians(double[] peakPositions, int count) {
        double[][] y = new double[peakPositions.length][count];
        for (int i = 0; i < peakPositions.length; i++) {
            double centre = 4 + (peakPositions[i] - 1.3) / 0.4 * (count - 8);
            for (int j = 0; j < count; j++) {
                y[i][j] = Math.exp(-(j - centre) * (j - centre) / (2 * 4.0));
            }
        }
        return y;
    }

    /** Mean squared error over all values. */
    public static double mse(double[][] predicted, double[][] reference) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < predicted.length; i++) {
            for (int j = 0; j < predicted[i].length; j++) {
                double d = predicted[i][j] - reference[i][j];
                sum += d * d;
                count++;
            }
        }
        return sum / count;
    }

    /** MSE of predicting the column means of {@code train} for every row of {@code test}. */
    public static double meanPredictorMse(double[][] train, double[][] test) {
        double[] mean = new double[train[0].length];
        for (double[] row : train) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / train.length;
            }
        }
        double[][] predicted = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            predicted[i] = mean;
        }
        return mse(predicted, test);
    }
}
