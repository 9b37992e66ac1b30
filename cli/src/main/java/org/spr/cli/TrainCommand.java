package org.spr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetSplit;
import org.spr.model.CnnTrainer;
import org.spr.model.LinearInterpretation;
import org.spr.model.LinearTrainer;
import org.spr.model.ModelEvaluation;
import org.spr.model.ModelFile;
import org.spr.model.ModelKind;
import org.spr.model.RegressionMetrics;
import org.spr.model.ScalarErrors;
import org.spr.model.SprModel;
import org.spr.model.Trainer;
import org.spr.model.TrainingData;
import org.spr.model.XgboostTrainer;
import org.spr.report.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spr train}: trains a model from a dataset CSV on a fixed, recorded split, evaluates it on the test rows and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Train a predictor (linear y = W g + b, SPRamNet CNN, or XGBoost for scalars) from a dataset CSV.",
            "The rows are split by id with a fixed seed into train/validation/test; the test metrics, the split seed and",
            "the SHA-256 of the training rows are stored in the model file.",
            "",
            "Examples:",
            "  spr train --data amc.csv --kind linear --out amc-linear.sprmodel",
            "  spr train --data amc.csv --kind linear --alpha 0,1e-6,1e-5 --beta 0,1e-4 --plots report/ --out amc.sprmodel",
            "  spr train --data amc.csv --kind cnn --epochs 200 --out amc-cnn.sprmodel",
            "  spr train --data amc.csv --kind xgboost --target s_kappa --log10 --out kappa.sprmodel"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable or malformed dataset"})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainingDataOptions options;


    @Option(names = "--kind", defaultValue = "linear", paramLabel = "KIND", description = "linear, cnn or xgboost (default: ${DEFAULT-VALUE})")
    String kind;



    @Option(names = "--alpha", split = ",", defaultValue = "0", paramLabel = "A[,A…]", description = "L1 weight(s) of the linear model; several values: cross-validated grid (default: ${DEFAULT-VALUE})")
    double[] alphas;

    @Option(names = "--beta", split = ",", defaultValue = "0", paramLabel = "B[,B…]", description = "L2 weight(s) of the linear model; several values: cross-validated grid (default: ${DEFAULT-VALUE})")
    double[] betas;

    @Option(names = "--folds", defaultValue = "5", description = "k of the k-fold cross-validation (default: ${DEFAULT-VALUE})")
    int folds;




    @Option(names = "--epochs", defaultValue = "300", description = "CNN: maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--patience", defaultValue = "25", description = "CNN: early-stopping patience in epochs (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--residual", description = "CNN: add residual units")
    boolean residual;

    @Option(names = "--cpu", description = "CNN: train on the CPU even when a GPU is present")
    boolean cpu;

    @Option(names = "--rounds", defaultValue = "300", description = "XGBoost: boosting rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--plots", paramLabel = "DIR", description = "write test-set plots (parity, error histogram) and, for linear models, the weight heat map here")
    Path plots;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--out", required = true, paramLabel = "M.sprmodel", description = "model file to write")
    Path out;

    @Override
    public Integer call() {
        return train();
    }

    private int train() {
        ModelKind modelKind = ModelKind.parse(kind);
        PrintStream err = System.err;
        TrainingDataOptions.Split read = options.read();
        Dataset dataset = read.dataset();
        DatasetSplit split = read.split();
        TrainingData training = read.training();
        String target = options.target;
        long seed = options.seed;
        int[] testRows = dataset.withTarget(split.test(), dataset.targets(target));
        if (!quiet) {
            err.printf(Locale.ROOT, "%s: %d rows → %d train, %d validation, %d test (seed %d)%n", options.data.getFileName(), dataset.size(),
                    training.x().length, training.validationX().length, testRows.length, seed);
        }
        Trainer trainer = trainer(modelKind);
        SprModel model;
        long start = System.nanoTime();
        if (trainer instanceof CnnTrainer cnn && !quiet) {
            try (Progress progress = new Progress("cnn epochs", epochs)) {
                cnn.onEpoch(epoch -> progress.step());
                model = cnn.train(training);
            }
        } else {
            model = trainer.train(training);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("split_validation_fraction", options.validationFraction);
        metrics.put("split_test_fraction", options.testFraction);
        metrics.put("training_seconds", seconds);
        if (testRows.length > 0) {
            double[][] testX = Dataset.select(dataset.gr(), testRows);
            double[][] testY = Dataset.select(dataset.targets(target), testRows);
            RegressionMetrics test = ModelEvaluation.evaluate(model, testX, testY, plots);
            metrics.putAll(test.asMap("test_"));
            System.out.printf(Locale.ROOT, "%s %s: test MSE %.4g, MAE %.4g, R² %.5f (R² around per-bin means %.5f) on %d rows; trained in %.1f s%n",
                    modelKind.label(), target, test.mse(), test.mae(), test.r2(), test.r2PerBinMean(), test.rows(), seconds);
            if (!model.outputSpec().isSpectrum()) {
                ScalarErrors errors = ScalarErrors.of(ModelEvaluation.predict(model, testX), testY);
                metrics.putAll(errors.asMap("test_"));
                System.out.println("  test " + errors.summary());
                int[] trainRows = dataset.withTarget(split.train(), dataset.targets(target));
                double median = ScalarErrors.median(Dataset.select(dataset.targets(target), trainRows));
                double[][] constant = new double[testY.length][];
                java.util.Arrays.fill(constant, new double[]{median});
                ScalarErrors baseline = ScalarErrors.of(constant, testY);
                metrics.putAll(baseline.asMap("baseline_median_"));
                System.out.println("  baseline (the training median " + String.format(Locale.ROOT, "%.4g", median) + " for every row) "
                        + baseline.summary());
            }
        }
        model = model.withHeldOutMetrics(metrics);
        if (plots != null && modelKind == ModelKind.LINEAR) {
            double[] mean = new double[training.y()[0].length];
            for (double[] row : training.y()) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += row[j] / training.y().length;
                }
            }
            LinearInterpretation.write(model, mean, plots);
        }
        ModelFile.save(model, out);
        System.out.println("wrote " + out + " (" + model.metadata().training().hyperparameters().getOrDefault("alpha", "")
                + (modelKind == ModelKind.LINEAR ? " = alpha, beta = " + model.metadata().training().hyperparameters().get("beta") : "") + ")");
        model.close();
        return ExitCodes.OK;
    }

    private Trainer trainer(ModelKind modelKind) {
        return switch (modelKind) {
            case LINEAR -> alphas.length * betas.length > 1
                    ? new LinearTrainer(new LinearTrainer.CrossValidation(alphas, betas, folds, options.seed))
                    : new LinearTrainer(alphas[0], betas[0]);
            case CNN -> new CnnTrainer(CnnTrainer.Settings.defaults(options.seed).withEpochs(epochs, patience)
                    .withNetwork(new int[]{16, 32}, 5, new int[]{128}, residual).withGpu(!cpu));
            case XGBOOST -> new XgboostTrainer(new XgboostTrainer.Settings(rounds, 4, 0.05, 0.8, 0.5, 1, folds, options.seed));
        };
    }
}
