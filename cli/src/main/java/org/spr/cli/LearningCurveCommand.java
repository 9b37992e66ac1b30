package org.spr.cli;

import org.spr.error.SprException;
import org.spr.io.OutputGuard;
import org.spr.dataset.DatasetColumns;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetSplit;
import org.spr.model.CnnTrainer;
import org.spr.model.LearningCurve;
import org.spr.model.LinearTrainer;
import org.spr.model.ModelKind;
import org.spr.model.Trainer;
import org.spr.model.TrainingData;
import org.spr.model.XgboostTrainer;
import org.spr.report.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spr learning-curve}: test error against training-set size for linear and CNN on the same split. */
@Command(name = "learning-curve", mixinStandardHelpOptions = true,
        description = {
            "Test error against training-set size for each model kind (data efficiency).",
            "",
            "Trains each model kind on growing, nested subsets of the training rows and reports the test error on the same",
            "fixed test rows (the linear paper's data-efficiency comparison). Writes learning_curve.csv and learning_curve.png.",
            "",
            "Example:",
            "  spr learning-curve --data amc.csv --sizes 50,100,200,400,800,1600 --kinds linear,cnn --out-dir curves/",
            "  spr learning-curve --data kappa.csv --target s_kappa --log10 --kinds linear,xgboost --sizes 25,50,100 --out-dir k/",
            "  (scalars: also the std of log10(predicted/reference) and the median relative error)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable or malformed dataset"})
public final class LearningCurveCommand implements Callable<Integer> {

    @Mixin
    TrainingDataOptions options;




    @Option(names = "--sizes", required = true, split = ",", paramLabel = "N[,N…]", description = "training-set sizes")
    int[] sizes;

    @Option(names = "--kinds", split = ",", defaultValue = "linear,cnn", description = "model kinds to compare: linear, cnn, xgboost (scalars) (default: ${DEFAULT-VALUE})")
    List<String> kinds;

    @Option(names = "--alpha", defaultValue = "0", description = "linear L1 weight (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--beta", defaultValue = "0", description = "linear L2 weight (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--epochs", defaultValue = "300", description = "CNN maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;





    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "directory for learning_curve.csv and .png")
    Path outDirectory;

    @Override
    public Integer call() {
        OutputGuard.inputs().add("--data", options.data).add("the sidecar of --data", DatasetColumns.sidecar(options.data))
                .checkOutputDirectory("--out-dir", outDirectory);
        OutputGuard.requireWritable("--out-dir", outDirectory, true);
        return run();
    }

    private int run() {
        TrainingDataOptions.Split read = options.read();
        Dataset dataset = read.dataset();
        DatasetSplit split = read.split();
        TrainingData training = read.training();
        String target = options.target;
        long seed = options.seed;
        int[] test = dataset.withTarget(split.test(), dataset.targets(target));
        Map<String, Trainer> trainers = new LinkedHashMap<>();
        for (String kind : kinds) {
            ModelKind modelKind = ModelKind.parse(kind);
            trainers.put(modelKind.label(), switch (modelKind) {
                case LINEAR -> new LinearTrainer(alpha, beta);
                case CNN -> new CnnTrainer(CnnTrainer.Settings.defaults(seed).withEpochs(epochs, 25));
                case XGBOOST -> {
                    if (training.outputSpec().isSpectrum()) {
                        throw SprException.usage("xgboost is for scalar targets (--target s_<name>); spectra compare linear and cnn");
                    }
                    yield new XgboostTrainer(new XgboostTrainer.Settings(300, 4, 0.05, 0.8, 0.5, 1, 5, seed));
                }
            });
        }
        List<LearningCurve.Point> points;
        try (Progress progress = new Progress("learning curve", (long) sizes.length * trainers.size())) {
            points = LearningCurve.run(training, Dataset.select(dataset.gr(), test), Dataset.select(dataset.targets(target), test),
                    trainers, sizes, seed, point -> progress.step());
        }
        LearningCurve.write(points, outDirectory);
        for (LearningCurve.Point point : points) {
            System.out.printf(Locale.ROOT, "%-7s n=%-6d test MSE %.4g  R² %.5f%s%n", point.trainer(), point.size(), point.metrics().mse(),
                    point.metrics().r2(), point.scalar() == null ? "" : String.format(Locale.ROOT,
                            "  std log10(ŷ/y) %.3f  median relative error %.1f %%", point.scalar().log10RatioStd(),
                            100 * point.scalar().relativeMedian()));
        }
        return ExitCodes.OK;
    }
}
