package org.spr.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spr.report.CsvTables;
import org.spr.report.Plots;
import org.spr.report.Series;

/**
 * Evaluates a model on held-out rows and writes the report files: metrics.csv, per_bin_error.csv (spectra),
 * parity.png, error_histogram.png (per-row MSE for spectra, residuals for scalars), and for scalars log10_ratio.png
 * (distribution of log10(ŷ/y)) and relative_error.png, plus an example spectra plot; for scalars metrics.csv also holds
 * the {@link ScalarErrors} statistics.
 */
public final class ModelEvaluation {

    private ModelEvaluation() {
    }

    /** Predictions for rows on the model grid, natural units (batched for the CNN). */
    public static double[][] predict(SprModel model, double[][] inputs) {
        if (model.backend() instanceof CnnBackend cnn && inputs.length > 0) {
            double[][] out = new double[inputs.length][];
            for (int start = 0; start < inputs.length; start += 256) {
                double[][] chunk = java.util.Arrays.copyOfRange(inputs, start, Math.min(inputs.length, start + 256));
                double[][] predicted = cnn.predictBatch(chunk);
                for (int i = 0; i < predicted.length; i++) {
                    model.toNaturalUnits(predicted[i]);
                    out[start + i] = predicted[i];
                }
            }
            return out;
        }
        return model.predictAll(inputs);
    }

    /** Values in the space the model was trained in: log10 of each value for log10-trained scalars, else the values themselves. */
    public static double[][] trainingSpace(SprModel model, double[][] values) {
        return model.outputSpec().trainingSpace(values);
    }

    /**
     * The axis title of a spectrum's grid: "E − E_F (eV)" for eV, "frequency (THz)" for THz, "frequency ν (1/τ,
     * reduced units)" for LJ datasets (grid unit "reduced", as the monitor names it), else the unit.
     */
    public static String gridAxis(OutputSpec output) {
        String unit = output.grid().unit();
        return switch (unit) {
            case "eV" -> "E − E_F (eV)";
            case "THz" -> "frequency (THz)";
            case "reduced" -> "frequency ν (1/τ, reduced units)";
            default -> unit;
        };
    }

    /** How the metrics' space is named in reports: "log10 kappa" for a log10-trained scalar, else the output name. */
    public static String metricSpace(OutputSpec output) {
        return output.log10() ? "log10 " + output.name() : output.name();
    }

    /** Prefix of the metric keys in a model file: test_ , or test_log10_ for log10-trained scalars. */
    public static String metricPrefix(OutputSpec output, String part) {
        return part + "_" + (output.log10() ? "log10_" : "");
    }

    /**
     * Computes the metrics in the space the model was trained in (log10 for log10-trained scalars: MSE, RMSE, MAE and R²
     * of log10 values) and, when {@code plotDirectory} is not null, writes the CSV and PNG report there.
     */
    public static RegressionMetrics evaluate(SprModel model, double[][] inputs, double[][] reference, Path plotDirectory) {
        double[][] predicted = predict(model, inputs);
        RegressionMetrics metrics = RegressionMetrics.of(trainingSpace(model, predicted), trainingSpace(model, reference));
        if (plotDirectory == null) {
            return metrics;
        }
        OutputSpec output = model.outputSpec();
        String quantity = (output.isSpectrum() && "eV".equals(output.grid().unit()) ? "DOS" : output.isSpectrum() ? "PDOS" : output.name())
                + (output.unit().isEmpty() ? "" : " (" + ("1/reduced".equals(output.unit()) ? "τ, reduced units" : output.unit()) + ")");
        List<List<?>> rows = new ArrayList<>();
        metrics.asMap(output.log10() ? "log10_" : "").forEach((name, value) -> rows.add(List.of(name, value)));
        if (!output.isSpectrum()) {
            ScalarErrors.of(predicted, reference).asMap("").forEach((name, value) -> rows.add(List.of(name, value)));
        }
        CsvTables.write(plotDirectory.resolve("metrics.csv"), List.of("metric", "value"), rows);
        int n = predicted.length;
        int m = predicted[0].length;
        double[] flatPredicted = new double[n * m];
        double[] flatReference = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(predicted[i], 0, flatPredicted, i * m, m);
            System.arraycopy(reference[i], 0, flatReference, i * m, m);
        }
        Plots.parity(plotDirectory.resolve("parity.png"), model.kind().label() + " " + output.name() + ": R²" + (output.log10() ? " of log10" : "") + " = "
                + String.format(java.util.Locale.ROOT, "%.3f", metrics.r2()) + (output.log10() ? String.format(java.util.Locale.ROOT, ", RMSE of log10 = %.3f", metrics.rmse()) : ""),
                quantity, flatReference, flatPredicted, output.log10());
        if (output.isSpectrum()) {
            double[] x = output.grid().values();
            List<List<?>> perBin = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                perBin.add(List.of(x[j], metrics.perBinMse()[j], metrics.perBinMae()[j]));
            }
            CsvTables.write(plotDirectory.resolve("per_bin_error.csv"), List.of("x_" + output.grid().unit(), "mse", "mae"), perBin);
            double[] rowMse = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    rowMse[i] += Math.pow(predicted[i][j] - reference[i][j], 2) / m;
                }
                rowMse[i] = Math.log10(Math.max(rowMse[i], 1e-300));
            }
            Plots.histogram(plotDirectory.resolve("error_histogram.png"), "per-structure test MSE", "log10(MSE)", rowMse, 30);
            Plots.lines(plotDirectory.resolve("per_bin_error.png"), "per-bin test MSE", gridAxis(output), "MSE",
                    List.of(new Series("MSE", x, metrics.perBinMse())), false);
            List<Series> examples = new ArrayList<>();
            for (int i = 0; i < Math.min(3, n); i++) {
                int row = i * Math.max(1, n / 3);
                examples.add(new Series("test row " + row + ": reference", x, reference[row], i, false));
                examples.add(new Series("test row " + row + ": predicted", x, predicted[row], i, true));
            }
            Plots.lines(plotDirectory.resolve("examples.png"), "test spectra: reference (solid) and " + model.kind().label() + " prediction (dashed)",
                    gridAxis(output), quantity, examples, false);
        } else {
            double[] residuals = new double[n];
            for (int i = 0; i < n; i++) {
                residuals[i] = predicted[i][0] - reference[i][0];
            }
            Plots.histogram(plotDirectory.resolve("error_histogram.png"), "residuals", "predicted − reference " + quantity, residuals, 30);
            double[] ratios = RegressionMetrics.log10Ratios(predicted, reference);
            Plots.histogram(plotDirectory.resolve("log10_ratio.png"), "log10(predicted / reference)", "log10(ŷ/y)", ratios, 30);
            double[] relative = new double[n];
            for (int i = 0; i < n; i++) {
                relative[i] = reference[i][0] != 0 ? 100 * (predicted[i][0] - reference[i][0]) / Math.abs(reference[i][0]) : Double.NaN;
            }
            Plots.histogram(plotDirectory.resolve("relative_error.png"), "relative error of " + output.name(),
                    "(predicted − reference) / reference (%)", relative, 30);
        }
        return metrics;
    }
}
