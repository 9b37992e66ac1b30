package org.spr.cli;

import org.spr.error.SprException;
import org.spr.io.OutputGuard;
import org.spr.dataset.DatasetColumns;
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
            "The split into train/validation/test rows: the dataset's split column when it has one (values train,",
            "validation, test; blank = unused), else --split FILE (CSV id,split or JSON {\"train\": [ids], …}), else by",
            "id with a fixed seed (--seed, --validation, --test). Validation rows choose the model: α/β of a linear grid,",
            "the rounds of XGBoost, the CNN's early-stopping epoch. The test metrics (in the space the model was trained",
            "in: log10 for --log10), the split, the test ids and the SHA-256 of the dataset are stored in the model file.",
            "",
            "Examples:",
            "  spr train --data amc.csv --kind linear --out amc-linear.sprmodel",
            "  spr train --data amc.csv --kind linear --alpha 0,1e-6,1e-5 --beta 0,1e-4 --plots report/ --out amc.sprmodel",
            "  spr train --data amc.csv --kind cnn --epochs 200 --out amc-cnn.sprmodel",
            "  spr train --data published.csv --split published-split.csv --kind linear --beta 1e-4,1e-3,1e-2 --out pub.sprmodel",
            "  spr train --data amc.csv --kind xgboost --target s_kappa --log10 --out kappa.sprmodel"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable or malformed dataset", "8:another spr process writes --out"})
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




    @Option(names = "--select-by", defaultValue = "validation", paramLabel = "HOW", description = "linear grid search: validation (score on the validation rows when there are some, else k-fold) or cv (k-fold on the training rows; default: ${DEFAULT-VALUE})")
    String selectBy;

    @Option(names = "--non-negative", defaultValue = "none", paramLabel = "HOW", description = "spectra: none, or clip (negative predictions set to 0; the test MSE with and without is printed; default: ${DEFAULT-VALUE})")
    String nonNegative;

    @Option(names = "--channels", paramLabel = "C[,C…]", description = "multi-channel input computed from the stored structures (--structures): gr2d, gr3d, adf, e.g. gr2d,gr3d,adf")
    String channels;

    @Option(names = "--log-channels", description = "with --channels: each input value v enters as ln(1 + v)")
    boolean logChannels;

    @Option(names = "--adf-cutoff", paramLabel = "Å", description = "with --channels …adf: bond cutoff of the bond-angle distribution (e.g. 1.9 for carbon, the first minimum of g(r))")
    Double adfCutoff;

    @Option(names = "--structures", paramLabel = "DIR", description = "with --channels: the stored structures of the dataset's rows (DIR/<id>.data.gz)")
    Path structures;

    @Option(names = "--inputs-out", paramLabel = "D.csv", description = "with --channels: the dataset with the recomputed inputs (default: <out>.inputs.csv beside --out); evaluate and predict --data take it")
    Path inputsOut;

    @Option(names = "--network", defaultValue = "default", paramLabel = "NET", description = "CNN: default (conv 16, 32; dense 128) or deep (conv 16, 32, 64, 128 with residual units; dense 256, 128; SPRamNet's deeper network for the electronic DOS)")
    String network;

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
    public Integer call() throws Exception {
        OutputGuard.inputs().add("--data", options.data).add("the sidecar of --data", DatasetColumns.sidecar(options.data))
                .checkOutput("--out", out).checkOutputDirectory("--plots", plots);
        return OutputGuard.writeLocked("--out", out, false, () -> {
            OutputGuard.requireWritable("--plots", plots, true);
            return train();
        });
    }

    private int train() {
        Path data = options.data;
        String target = options.target;
        boolean log10 = options.log10;
        long seed = options.seed;
        double validationFraction = options.validationFraction;
        double testFraction = options.testFraction;
        Path splitFile = options.splitFile;
        ModelKind modelKind = ModelKind.parse(kind);
        if (!selectBy.equals("validation") && !selectBy.equals("cv")) {
            throw SprException.usage("--select-by must be validation or cv, got '" + selectBy + "'");
        }
        if (!nonNegative.equals("none") && !nonNegative.equals("clip")) {
            throw SprException.usage("--non-negative must be none or clip, got '" + nonNegative + "'");
        }
        PrintStream err = System.err;
        Dataset dataset = Dataset.read(data, options.skipBadRows);
        DatasetWarnings.report("train", dataset);
        if (channels != null) {
            dataset = recomputeInputs(dataset, err);
        } else if (structures != null || logChannels || adfCutoff != null || inputsOut != null) {
            throw SprException.usage("--structures, --log-channels, --adf-cutoff and --inputs-out go with --channels");
        }
        DatasetSplit split = dataset.split(splitFile, seed, validationFraction, testFraction);
        TrainingData training = dataset.trainingData(target, log10, split);
        if (nonNegative.equals("clip")) {
            if (!training.outputSpec().isSpectrum()) {
                throw SprException.usage("--non-negative clip applies to spectra; " + target + " is a scalar");
            }
            training = new TrainingData(training.x(), training.y(), training.validationX(), training.validationY(), training.inputSpec(),
                    training.outputSpec().withClipNegative(true), training.provenance());
        }
        int[] testRows = dataset.withTarget(split.test(), dataset.targets(target));
        if (!quiet) {
            int unused = split.unused(dataset.size());
            err.printf(Locale.ROOT, "%s: %d rows → %d train, %d validation, %d test (%s)%s%n", dataset.source().getFileName(), dataset.size(),
                    training.x().length, training.validationX().length, testRows.length,
                    DatasetSplit.SEEDED.equals(split.source()) ? "seeded split, seed " + seed : split.source(),
                    unused > 0 ? "; " + unused + " row(s) in no part" : "");
        }
        Trainer trainer = trainer(modelKind);
        SprModel model;
        long start = System.nanoTime();
        if (trainer instanceof CnnTrainer cnn && !quiet) {
            err.println(org.spr.model.CnnThreads.describe());
            try (Progress progress = new Progress("cnn epochs", epochs)) {
                cnn.onEpoch(epoch -> progress.step());
                model = cnn.train(training);
            }
            err.printf(Locale.ROOT, "cnn: %d epochs, %.2f s per epoch%n", cnn.lastEpochs(), cnn.lastSecondsPerEpoch());
        } else {
            model = trainer.train(training);
        }
        for (String warning : trainer.warnings()) {
            err.println("warning: " + warning);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (DatasetSplit.SEEDED.equals(split.source())) {
            metrics.put("split_validation_fraction", validationFraction);
            metrics.put("split_test_fraction", testFraction);
        }
        metrics.put("training_seconds", seconds);
        String space = ModelEvaluation.metricSpace(model.outputSpec());
        if (testRows.length > 0) {
            double[][] testX = Dataset.select(dataset.gr(), testRows);
            double[][] testY = Dataset.select(dataset.targets(target), testRows);
            RegressionMetrics test = ModelEvaluation.evaluate(model, testX, testY, plots);
            metrics.putAll(test.asMap(ModelEvaluation.metricPrefix(model.outputSpec(), "test")));
            System.out.printf(Locale.ROOT, "%s %s: test MSE %.4g, RMSE %.4g, MAE %.4g, R² %.5f%s of %s on %d rows; trained in %.1f s%n",
                    modelKind.label(), target, test.mse(), test.rmse(), test.mae(), test.r2(),
                    model.outputSpec().isSpectrum() ? String.format(Locale.ROOT, " (R² around per-bin means %.5f)", test.r2PerBinMean()) : "",
                    space, test.rows(), seconds);
            if (model.outputSpec().clipNegative()) {
                RegressionMetrics unclipped = ModelEvaluation.evaluate(model.withOutput(model.outputSpec().withClipNegative(false)), testX, testY, null);
                metrics.put("test_mse_unclipped", unclipped.mse());
                System.out.printf(Locale.ROOT, "  negative predictions clipped to 0: test MSE %.4g (unclipped %.4g, %+.2f %%)%n",
                        test.mse(), unclipped.mse(), 100 * (test.mse() / unclipped.mse() - 1));
            }
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
                RegressionMetrics baselineMetrics = RegressionMetrics.of(ModelEvaluation.trainingSpace(model, constant), ModelEvaluation.trainingSpace(model, testY));
                metrics.putAll(baselineMetrics.asMap(ModelEvaluation.metricPrefix(model.outputSpec(), "baseline_median")));
                System.out.println("  baseline (the training median " + String.format(Locale.ROOT, "%.4g", median) + " for every row) "
                        + String.format(Locale.ROOT, "RMSE %.4g of %s; ", baselineMetrics.rmse(), space) + baseline.summary());
            }
        } else {
            System.out.println(modelKind.label() + " " + target + ": no test rows (--test 0 or a split without test rows); trained in "
                    + String.format(Locale.ROOT, "%.1f s", seconds));
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
        System.out.println("wrote " + out + chosenSettings(model, modelKind));
        model.close();
        return ExitCodes.OK;
    }

    /** The dataset with multi-channel inputs computed from the stored structures (written to --inputs-out). */
    private Dataset recomputeInputs(Dataset dataset, PrintStream err) {
        java.util.List<org.spr.model.DescriptorChannel> kinds = org.spr.model.DescriptorChannel.parseList(channels);
        if (structures == null) {
            throw SprException.usage("--channels needs --structures DIR (the stored structures of the dataset's rows)");
        }
        if (kinds.contains(org.spr.model.DescriptorChannel.ADF) && adfCutoff == null) {
            throw SprException.usage("the adf channel needs --adf-cutoff (the bond length cutoff in Å, e.g. the first minimum of g(r))");
        }
        org.spr.model.DescriptorSpec spec;
        try {
            spec = dataset.metadata().input().withChannels(kinds, logChannels, adfCutoff == null ? 0 : adfCutoff);
        } catch (IllegalArgumentException refused) {
            throw SprException.usage(refused);
        }
        Path target = inputsOut != null ? inputsOut : out.resolveSibling(baseName(out) + ".inputs.csv");
        long start = System.nanoTime();
        Dataset recomputed = org.spr.dataset.DatasetDescriptors.recompute(dataset, spec, structures,
                Runtime.getRuntime().availableProcessors(), target);
        if (!quiet) {
            err.printf(Locale.ROOT, "inputs: %s for %d rows from %s in %.1f s, written to %s%n", spec, recomputed.size(), structures,
                    (System.nanoTime() - start) / 1e9, target);
        }
        return recomputed;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The chosen hyperparameters in parentheses (e.g. " (alpha 0, beta 0.01)"), or nothing when there are none to name. */
    private static String chosenSettings(SprModel model, ModelKind modelKind) {
        Map<String, String> h = model.metadata().training().hyperparameters();
        return switch (modelKind) {
            case LINEAR -> " (alpha " + h.get("alpha") + ", beta " + h.get("beta") + ")";
            case XGBOOST -> " (" + h.getOrDefault("rounds_chosen", h.get("rounds")) + " rounds)";
            case CNN -> " (" + h.get("epochs_run") + " epochs, best at " + h.getOrDefault("best_epoch", "?") + ")";
        };
    }

    private Trainer trainer(ModelKind modelKind) {
        return switch (modelKind) {
            case LINEAR -> alphas.length * betas.length > 1
                    ? new LinearTrainer(new LinearTrainer.CrossValidation(alphas, betas, folds, options.seed)).selectOnValidation(selectBy.equals("validation"))
                    : new LinearTrainer(alphas[0], betas[0]);
            case CNN -> switch (network) {
                case "default" -> new CnnTrainer(CnnTrainer.Settings.defaults(options.seed).withEpochs(epochs, patience)
                        .withNetwork(new int[]{16, 32}, 5, new int[]{128}, residual).withGpu(!cpu));
                case "deep" -> new CnnTrainer(CnnTrainer.Settings.defaults(options.seed).withEpochs(epochs, patience)
                        .withNetwork(new int[]{16, 32, 64, 128}, 5, new int[]{256, 128}, true).withGpu(!cpu));
                default -> throw SprException.usage("--network must be default or deep, got '" + network + "'");
            };
            case XGBOOST -> new XgboostTrainer(new XgboostTrainer.Settings(rounds, 4, 0.05, 0.8, 0.5, 1, folds, options.seed));
        };
    }
}
