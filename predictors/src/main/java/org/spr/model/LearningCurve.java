package org.spr.model;

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
     */
    public record Point(String trainer, int size, RegressionMetrics metrics) {
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
        int[] order = KFold.shuffled(data.x().length, seed);
        List<Point> points = new ArrayList<>();
        for (int size : sizes) {
            if (size < 2 || size > order.length) {
                throw new IllegalArgumentException("learning-curve size " + size + " is outside 2 … " + order.length + " training rows");
            }
            int[] rows = Arrays.copyOf(order, size);
            Arrays.sort(rows);
            TrainingProvenance provenance = new TrainingProvenance(data.provenance().datasetName(), "", size,
                    data.validationX().length, testX.length, data.provenance().splitSeed(), seed, Map.of());
            TrainingData subset = new TrainingData(KFold.select(data.x(), rows), KFold.select(data.y(), rows), data.validationX(),
                    data.validationY(), data.inputSpec(), data.outputSpec(), provenance);
            for (Map.Entry<String, Trainer> entry : trainers.entrySet()) {
                try (SprModel model = entry.getValue().train(subset)) {
                    Point point = new Point(entry.getKey(), size, ModelEvaluation.evaluate(model, testX, testY, null));
                    points.add(point);
                    progress.accept(point);
                }
            }
        }
        return points;
    }

    /** Writes learning_curve.csv (trainer, size, test MSE, MAE, R²) and learning_curve.png (MSE vs size, log y). */
    public static void write(List<Point> points, Path directory) {
        List<List<?>> rows = new ArrayList<>();
        Map<String, List<Point>> byTrainer = new LinkedHashMap<>();
        for (Point point : points) {
            rows.add(List.of(point.trainer(), point.size(), point.metrics().mse(), point.metrics().mae(), point.metrics().r2()));
            byTrainer.computeIfAbsent(point.trainer(), k -> new ArrayList<>()).add(point);
        }
        CsvTables.write(directory.resolve("learning_curve.csv"), List.of("trainer", "training_size", "test_mse", "test_mae", "test_r2"), rows);
        List<Series> series = new ArrayList<>();
        byTrainer.forEach((trainer, list) -> series.add(new Series(trainer,
                list.stream().mapToDouble(Point::size).toArray(), list.stream().mapToDouble(p -> p.metrics().mse()).toArray())));
        Plots.lines(directory.resolve("learning_curve.png"), "learning curve", "training structures", "test MSE", series, true);
    }
}
