package org.spr.model;

import org.spr.dataset.SeededShuffle;

import org.spr.error.SprException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.spr.report.CsvTables;
import org.spr.report.Plots;
import org.spr.report.Series;

/**
 * Test error against training-set size for several trainers on the same splits: the training rows are shuffled once
 * with the seed and each size uses the first n of that order (nested subsets), the validation and test rows stay fixed.
 */
public final class LearningCurve {

    /**
     * One point of a curve.
     *
     * @param trainer   trainer label
     * @param size      training rows used
     * @param metrics   test metrics
     * @param scalar    for a scalar target, the distributions of log10(ŷ/y) and of the relative error; else null
     */
    public record Point(String trainer, int size, RegressionMetrics metrics, ScalarErrors scalar) {
    }

    private LearningCurve() {
    }

    /**
     * Trains every trainer on nested subsets of {@code data}'s training rows and evaluates on the test rows.
     *
     * @param trainers  label → trainer
     * @param sizes     training-set sizes (each ≤ training rows)
     * @param progress  called after each trained point (may be a no-op)
     */
    public static List<Point> run(TrainingData data, double[][] testX, double[][] testY, Map<String, Trainer> trainers,
                                  int[] sizes, long seed, Consumer<Point> progress) {
        int[] order = SeededShuffle.permutation(data.x().length, seed);
        List<Point> points = new ArrayList<>();
        for (int size : sizes) {
            if (size < 2 || size > order.length) {
                throw SprException.usage("learning-curve size " + size + " is outside 2 … " + order.length + " training rows");
            }
            int[] rows = Arrays.copyOf(order, size);
            Arrays.sort(rows);
            TrainingProvenance provenance = new TrainingProvenance(data.provenance().datasetName(), "", size,
                    data.validationX().length, testX.length, data.provenance().splitSeed(), seed, Map.of());
            TrainingData subset = new TrainingData(KFold.select(data.x(), rows), KFold.select(data.y(), rows), data.validationX(),
                    data.validationY(), data.inputSpec(), data.outputSpec(), provenance);
            for (Map.Entry<String, Trainer> entry : trainers.entrySet()) {
                try (SprModel model = entry.getValue().train(subset)) {
                    ScalarErrors scalar = data.outputSpec().isSpectrum() ? null
                            : ScalarErrors.of(ModelEvaluation.predict(model, testX), testY);
                    Point point = new Point(entry.getKey(), size, ModelEvaluation.evaluate(model, testX, testY, null), scalar);
                    points.add(point);
                    progress.accept(point);
                }
            }
        }
        return points;
    }

    /**
     * Writes learning_curve.csv (trainer, size, test MSE, MAE, R² in the space the models were trained in, i.e. of log10
     * for --log10, and for scalars the std of log10(ŷ/y) and the median
     * relative error) and learning_curve.png (MSE vs size, log y; for scalars the std of log10(ŷ/y) vs size).
     */
    public static void write(List<Point> points, Path directory) {
        List<List<?>> rows = new ArrayList<>();
        Map<String, List<Point>> byTrainer = new LinkedHashMap<>();
        boolean scalar = !points.isEmpty() && points.get(0).scalar() != null;
        for (Point point : points) {
            List<Object> row = new ArrayList<>(List.of(point.trainer(), point.size(), point.metrics().mse(), point.metrics().mae(),
                    point.metrics().r2()));
            if (scalar) {
                row.add(point.scalar().log10RatioStd());
                row.add(point.scalar().relativeMedian());
            }
            rows.add(row);
            byTrainer.computeIfAbsent(point.trainer(), k -> new ArrayList<>()).add(point);
        }
        List<String> header = new ArrayList<>(List.of("trainer", "training_size", "test_mse", "test_mae", "test_r2"));
        if (scalar) {
            header.addAll(List.of("test_log10_ratio_std", "test_relative_error_median"));
        }
        CsvTables.write(directory.resolve("learning_curve.csv"), header, rows);
        List<Series> series = new ArrayList<>();
        byTrainer.forEach((trainer, list) -> series.add(new Series(trainer, list.stream().mapToDouble(Point::size).toArray(),
                list.stream().mapToDouble(p -> scalar ? p.scalar().log10RatioStd() : p.metrics().mse()).toArray())));
        Plots.lines(directory.resolve("learning_curve.png"), "learning curve", "training structures",
                scalar ? "test std of log10(predicted / reference)" : "test MSE", series, true);
    }
}
