package org.spr.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The error distribution of scalar predictions ŷ against references y (the SPRamNet paper's figures): the log ratio
 * {@code log10(ŷ/y)} (for quantities spanning decades, such as κ) and the relative error {@code |ŷ − y| / |y|}
 * (for σ). Rows whose ratio is undefined (y ≤ 0 or ŷ ≤ 0 for the log ratio, y = 0 for the relative error) are counted
 * and left out of that statistic.
 *
 * @param rows               rows compared
 * @param log10RatioMean     mean of log10(ŷ/y) (bias: 0 is unbiased)
 * @param log10RatioStd      standard deviation of log10(ŷ/y)
 * @param log10RatioMedianAbs median of |log10(ŷ/y)|
 * @param log10RatioP90Abs   90th percentile of |log10(ŷ/y)|
 * @param withinFactor1p5    fraction of rows with ŷ/y in [1/1.5, 1.5]
 * @param relativeMedian     median of |ŷ − y|/|y|
 * @param relativeMean       mean of |ŷ − y|/|y|
 * @param relativeP90        90th percentile of |ŷ − y|/|y|
 * @param relativeBelow25    fraction of rows with |ŷ − y|/|y| &lt; 0.25
 * @param undefinedLogRatios rows without a log ratio
 */
public record ScalarErrors(int rows, double log10RatioMean, double log10RatioStd, double log10RatioMedianAbs,
                           double log10RatioP90Abs, double withinFactor1p5, double relativeMedian, double relativeMean,
                           double relativeP90, double relativeBelow25, int undefinedLogRatios) {

    /** The distributions of column 0 of {@code predicted} against {@code reference}. */
    public static ScalarErrors of(double[][] predicted, double[][] reference) {
        if (predicted.length != reference.length) {
            throw new IllegalArgumentException("predicted has " + predicted.length + " rows, reference " + reference.length);
        }
        int n = predicted.length;
        double[] logs = new double[n];
        double[] relative = new double[n];
        int logCount = 0;
        int relativeCount = 0;
        for (int i = 0; i < n; i++) {
            double p = predicted[i][0];
            double y = reference[i][0];
            if (p > 0 && y > 0) {
                logs[logCount++] = Math.log10(p / y);
            }
            if (y != 0 && Double.isFinite(p) && Double.isFinite(y)) {
                relative[relativeCount++] = Math.abs(p - y) / Math.abs(y);
            }
        }
        logs = Arrays.copyOf(logs, logCount);
        relative = Arrays.copyOf(relative, relativeCount);
        double mean = mean(logs);
        double variance = 0;
        for (double value : logs) {
            variance += (value - mean) * (value - mean);
        }
        double std = logCount > 1 ? Math.sqrt(variance / (logCount - 1)) : Double.NaN;
        double[] absolute = Arrays.stream(logs).map(Math::abs).sorted().toArray();
        double within = logCount == 0 ? Double.NaN
                : Arrays.stream(absolute).filter(value -> value <= Math.log10(1.5)).count() / (double) logCount;
        Arrays.sort(relative);
        double below = relativeCount == 0 ? Double.NaN
                : Arrays.stream(relative).filter(value -> value < 0.25).count() / (double) relativeCount;
        return new ScalarErrors(n, mean, std, quantile(absolute, 0.5), quantile(absolute, 0.9), within,
                quantile(relative, 0.5), mean(relative), quantile(relative, 0.9), below, n - logCount);
    }

    /** Median of column 0 (finite values only; NaN when none): the constant baseline a model must beat. */
    public static double median(double[][] values) {
        double[] column = Arrays.stream(values).mapToDouble(row -> row[0]).filter(Double::isFinite).sorted().toArray();
        return quantile(column, 0.5);
    }

    /** Linear-interpolated quantile q of sorted values (NaN when empty). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    /** The statistics by name (for metrics.csv and model metadata), each name prefixed. */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(prefix + "log10_ratio_mean", log10RatioMean);
        map.put(prefix + "log10_ratio_std", log10RatioStd);
        map.put(prefix + "log10_ratio_median_abs", log10RatioMedianAbs);
        map.put(prefix + "log10_ratio_p90_abs", log10RatioP90Abs);
        map.put(prefix + "within_factor_1.5", withinFactor1p5);
        map.put(prefix + "relative_error_median", relativeMedian);
        map.put(prefix + "relative_error_mean", relativeMean);
        map.put(prefix + "relative_error_p90", relativeP90);
        map.put(prefix + "relative_error_below_25pct", relativeBelow25);
        return map;
    }

    /** One line for the terminal. */
    public String summary() {
        return String.format(Locale.ROOT, "log10(ŷ/y): mean %+.3f, std %.3f, median |.| %.3f, 90%% |.| %.3f, within ×1.5: %.0f %%;"
                        + " relative error: median %.1f %%, mean %.1f %%, 90%% %.1f %%, below 25 %%: %.0f %% (%d rows)",
                log10RatioMean, log10RatioStd, log10RatioMedianAbs, log10RatioP90Abs, 100 * withinFactor1p5,
                100 * relativeMedian, 100 * relativeMean, 100 * relativeP90, 100 * relativeBelow25, rows);
    }
}
