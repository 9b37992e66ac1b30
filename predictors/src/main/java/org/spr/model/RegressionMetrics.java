package org.spr.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of predictions ŷ against references y over n rows × m bins:
 * MSE = (1/nm) Σ (ŷ − y)², MAE = (1/nm) Σ |ŷ − y|,
 * R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)² with ȳ the mean over all values (as in a parity plot of all bins),
 * R²_bins = 1 − Σ(ŷ − y)² / Σ_j Σ_i (y_ij − ȳ_j)² with per-bin means ȳ_j (variance-weighted, stricter for spectra),
 * and per bin j: MSE_j and MAE_j over rows.
 *
 * @param rows       n
 * @param mse        mean squared error
 * @param mae        mean absolute error
 * @param r2         R² around the global mean
 * @param r2PerBinMean R² around per-bin means
 * @param perBinMse  MSE_j
 * @param perBinMae  MAE_j
 */
public record RegressionMetrics(int rows, double mse, double mae, double r2, double r2PerBinMean, double[] perBinMse, double[] perBinMae) {

    /** Computes the metrics; both matrices n × m. */
    public static RegressionMetrics of(double[][] predicted, double[][] reference) {
        if (predicted.length != reference.length || reference.length == 0) {
            throw new IllegalArgumentException("need the same positive number of predictions and references, got " + predicted.length + " and " + reference.length);
        }
        int n = reference.length;
        int m = reference[0].length;
        double[] binMse = new double[m];
        double[] binMae = new double[m];
        double[] binMean = new double[m];
        double mean = 0;
        for (double[] row : reference) {
            for (int j = 0; j < m; j++) {
                binMean[j] += row[j] / n;
                mean += row[j];
            }
        }
        mean /= (double) n * m;
        double squared = 0;
        double absolute = 0;
        double totalGlobal = 0;
        double totalPerBin = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double d = predicted[i][j] - reference[i][j];
                squared += d * d;
                absolute += Math.abs(d);
                binMse[j] += d * d / n;
                binMae[j] += Math.abs(d) / n;
                totalGlobal += (reference[i][j] - mean) * (reference[i][j] - mean);
                totalPerBin += (reference[i][j] - binMean[j]) * (reference[i][j] - binMean[j]);
            }
        }
        double count = (double) n * m;
        return new RegressionMetrics(n, squared / count, absolute / count,
                totalGlobal > 0 ? 1 - squared / totalGlobal : Double.NaN,
                totalPerBin > 0 ? 1 - squared / totalPerBin : Double.NaN, binMse, binMae);
    }

    /** Root mean squared error √MSE. */
    public double rmse() {
        return Math.sqrt(mse);
    }

    /** log10(ŷ/y) for each scalar prediction (positive values only; others give NaN). */
    public static double[] log10Ratios(double[][] predicted, double[][] reference) {
        double[] out = new double[predicted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predicted[i][0] > 0 && reference[i][0] > 0 ? Math.log10(predicted[i][0] / reference[i][0]) : Double.NaN;
        }
        return out;
    }

    /** The scalar metrics with a prefix (e.g. test_), for the model metadata. */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(prefix + "rows", (double) rows);
        map.put(prefix + "mse", mse);
        map.put(prefix + "rmse", rmse());
        map.put(prefix + "mae", mae);
        map.put(prefix + "r2", r2);
        map.put(prefix + "r2_per_bin_mean", r2PerBinMean);
        return map;
    }
}
