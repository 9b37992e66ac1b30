package org.spr.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.HashSet;
import org.spr.model.ModelEvaluation;
import org.spr.model.OutputSpec;
import org.spr.model.SprModel;
import org.spr.model.TrainingDomain;

/**
 * One prediction per dataset row ({@code spr predict --data}): id, domain distance, out-of-domain flag, the
 * prediction, and where the row has the target (no NaN), its error: for scalars the reference, ŷ − y and, for
 * log10-trained models, log10(ŷ/y); for spectra the row's MSE and RMSE over the grid. Rows without the target have
 * empty error cells.
 */
public final class DatasetPredictions {

    private DatasetPredictions() {
    }

    /**
     * The table.
     *
     * @param header      column names
     * @param rows        one per dataset row, in file order
     * @param withTarget  rows that have the target (and so an error)
     * @param outOfDomain rows beyond the domain threshold
     */
    public record Result(List<String> header, List<List<?>> rows, int withTarget, int outOfDomain) {
    }

    /** Predicts every row of {@code dataset} (whose input the caller has checked against the model). */
    public static Result of(SprModel model, Dataset dataset, double domainThreshold) {
        OutputSpec output = model.outputSpec();
        double[][] predicted = ModelEvaluation.predict(model, dataset.gr());
        double[] distances = model.domainDistances(dataset.gr());
        double[][] reference = null;
        String target = output.isSpectrum() ? OutputSpec.SPECTRUM : DatasetColumns.SCALAR_PREFIX + output.name();
        try {
            reference = dataset.targets(target);
        } catch (IllegalArgumentException e) {
            // the dataset has no such column: predictions only
        }
        Set<Integer> hasTarget = new HashSet<>();
        if (reference != null) {
            int[] all = new int[dataset.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            for (int i : dataset.withTarget(all, reference)) {
                hasTarget.add(i);
            }
        }
        List<String> header = new ArrayList<>(List.of("id", "domain_distance", "out_of_domain"));
        header.addAll(predictionColumns(output));
        if (output.isSpectrum()) {
            header.addAll(List.of("mse", "rmse"));
        } else {
            header.addAll(List.of("reference", "error"));
            if (output.log10()) {
                header.add("log10_ratio");
            }
        }
        List<String> ids = dataset.ids();
        List<List<?>> rows = new ArrayList<>();
        int outside = 0;
        for (int i = 0; i < dataset.size(); i++) {
            boolean out = TrainingDomain.isOutOfDomain(distances[i], domainThreshold);
            if (out) {
                outside++;
            }
            List<Object> row = new ArrayList<>(List.of(ids.get(i), distances[i], out));
            for (double value : predicted[i]) {
                row.add(value);
            }
            boolean known = hasTarget.contains(i);
            if (output.isSpectrum()) {
                double mse = 0;
                if (known) {
                    for (int j = 0; j < predicted[i].length; j++) {
                        double d = predicted[i][j] - reference[i][j];
                        mse += d * d / predicted[i].length;
                    }
                }
                row.add(known ? mse : "");
                row.add(known ? Math.sqrt(mse) : "");
            } else {
                row.add(known ? reference[i][0] : "");
                row.add(known ? predicted[i][0] - reference[i][0] : "");
                if (output.log10()) {
                    row.add(known && predicted[i][0] > 0 && reference[i][0] > 0 ? Math.log10(predicted[i][0] / reference[i][0]) : "");
                }
            }
            rows.add(row);
        }
        return new Result(header, rows, hasTarget.size(), outside);
    }

    /**
     * Names of the prediction columns: {@code y_<x>} per spectrum point with x printed to 3 decimals (more when needed
     * to keep the names distinct), or the scalar's name.
     */
    public static List<String> predictionColumns(OutputSpec output) {
        if (!output.isSpectrum()) {
            return List.of(output.name());
        }
        double[] x = output.grid().values();
        for (int decimals = 3; ; decimals++) {
            List<String> names = new ArrayList<>();
            for (double value : x) {
                names.add(String.format(Locale.ROOT, "y_%." + decimals + "f", value));
            }
            if (new HashSet<>(names).size() == names.size() || decimals >= 12) {
                return names;
            }
        }
    }
}
