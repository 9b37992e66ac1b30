package org.spr.cli;

import org.spr.error.SprException;
import org.spr.io.OutputGuard;
import org.spr.dataset.DatasetColumns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetSplit;
import org.spr.model.ModelEvaluation;
import org.spr.model.ModelFile;
import org.spr.model.OutputSpec;
import org.spr.model.RegressionMetrics;
import org.spr.model.Resampling;
import org.spr.model.SprModel;
import org.spr.model.TrainingDomain;
import org.spr.report.CsvTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spr evaluate}: metrics and plots of a model on a dataset's held-out rows (or all rows of another dataset). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Evaluate a model on a dataset's test rows: MSE, MAE, R², plots.",
            "",
            "MSE, MAE, R² over all bins and per bin; parity plot and error histogram PNGs;",
            "for scalars also the distribution of log10(predicted/reference); the fraction of rows out of the model's",
            "training domain (domain distance above --domain-threshold), per row in domain.csv.",
            "The dataset the model was trained on is recognised by content (the SHA-256 of its rows recorded in the model,",
            "whatever the file is called): there only the test rows recorded in the model are scored (all rows, with a",
            "note, when it was trained with --test 0); on any other dataset, all rows. The command says which and why;",
            "--plots writes the scored ids to domain.csv. Scalars trained on log10 are scored on log10 (RMSE, R²).",
            "",
            "Examples:",
            "  spr evaluate --model amc-linear.sprmodel --data amc.csv --plots eval/",
            "  spr evaluate --model kappa.sprmodel --data new-structures.csv --rows all"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable model or dataset", "4:dataset does not fit the model"})
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DomainThresholdOption threshold;

    @Option(names = "--model", required = true, paramLabel = "M.sprmodel", description = "model file")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "D.csv", description = "dataset CSV")
    Path data;

    @Option(names = "--skip-bad-rows", description = "leave out dataset rows with bad values (NaN/Inf in g(r), a partly missing spectrum) and count them, instead of refusing the file")
    boolean skipBadRows;

    @Option(names = "--rows", defaultValue = "auto", description = "test, all, or auto (test rows on the training dataset, else all; default)")
    String rows;

    @Option(names = "--plots", paramLabel = "DIR", description = "write metrics.csv, per_bin_error.csv, domain.csv and the PNG plots here")
    Path plots;


    /**
     * Whether a dataset is the one the model was trained on, and its test rows there.
     *
     * @param sameDataset true when the content matches
     * @param testRows    the test rows (file indices) when it does
     * @param reason      how this was decided, for the user
     */
    record Recognition(boolean sameDataset, int[] testRows, String reason) {
    }

    /**
     * Recognises the training dataset by content: the SHA-256 of all rows recorded in the model (test rows: the recorded
     * test ids); for model files without it, the SHA-256 of the training rows of the recorded seeded split.
     */
    static Recognition recognise(SprModel model, Dataset dataset) {
        var training = model.metadata().training();
        String name = training.datasetName().isEmpty() ? "" : ", trained on a file named " + training.datasetName();
        if (!training.datasetContentHash().isEmpty()) {
            String hash = dataset.contentHash();
            if (!hash.equals(training.datasetContentHash())) {
                return new Recognition(false, new int[0], "its content hash " + hash.substring(0, 12) + "… differs from the model's "
                        + training.datasetContentHash().substring(0, 12) + "…" + name);
            }
            java.util.Map<String, Integer> rowById = new java.util.HashMap<>();
            List<String> ids = dataset.ids();
            for (int i = 0; i < ids.size(); i++) {
                rowById.put(ids.get(i), i);
            }
            int[] test = training.testIds().stream().mapToInt(rowById::get).sorted().toArray();
            return new Recognition(true, test, "content hash " + hash.substring(0, 12) + "… as recorded in the model, split: "
                    + training.splitSource());
        }
        var metrics = model.metadata().heldOutMetrics();
        double validation = metrics.getOrDefault("split_validation_fraction", 0.1);
        double test = metrics.getOrDefault("split_test_fraction", 0.1);
        DatasetSplit split = DatasetSplit.of(dataset.ids(), training.splitSeed(), validation, test);
        OutputSpec output = model.outputSpec();
        double[][] y;
        try {
            y = dataset.targets(output.isSpectrum() ? OutputSpec.SPECTRUM : "s_" + output.name());
        } catch (IllegalArgumentException e) {
            return new Recognition(false, new int[0], "it has no " + output.name() + " column");
        }
        String hash = dataset.contentHash(dataset.withTarget(split.train(), y));
        if (hash.equals(training.datasetHash())) {
            return new Recognition(true, split.test(), "an older model file: the training rows of its seeded split, seed "
                    + training.splitSeed() + ", have the recorded hash");
        }
        return new Recognition(false, new int[0], "an older model file: the training rows of its seeded split do not have the recorded hash" + name);
    }

    private static int[] allRows(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    @Override
    public Integer call() {
        OutputGuard.inputs().add("--model", modelFile).add("--data", data).add("the sidecar of --data", DatasetColumns.sidecar(data))
                .checkOutputDirectory("--plots", plots);
        OutputGuard.requireWritable("--plots", plots, true);
        return evaluate();
    }

    private int evaluate() {
        double domainThreshold = threshold.value();
        try (SprModel model = ModelFile.load(modelFile)) {
            Dataset dataset = Dataset.read(data, skipBadRows);
            DatasetWarnings.report("evaluate", dataset);
            model.bind(dataset.metadata().input(), Resampling.REFUSE);
            OutputSpec output = model.outputSpec();
            String target = output.isSpectrum() ? OutputSpec.SPECTRUM : "s_" + output.name();
            double[][] y = dataset.targets(target);
            Recognition recognition = recognise(model, dataset);
            boolean testOnly = switch (rows) {
                case "test" -> true;
                case "all" -> false;
                case "auto" -> recognition.sameDataset();
                default -> throw SprException.usage("--rows must be test, all or auto, got '" + rows + "'");
            };
            int[] selected;
            String why;
            if (testOnly && !recognition.sameDataset()) {
                throw SprException.usage("--rows test: " + data.getFileName() + " is not the dataset the model was trained on ("
                        + recognition.reason() + "), so it has no test rows of this model; use --rows all");
            }
            if (testOnly && recognition.testRows().length == 0) {
                selected = allRows(dataset.size());
                why = "all " + dataset.size() + " rows of " + data.getFileName() + ": it is the model's training dataset (" + recognition.reason()
                        + ") and the model was trained without test rows (--test 0), so these are TRAINING rows: the errors below are"
                        + " training errors, not held-out errors";
            } else if (testOnly) {
                selected = recognition.testRows();
                why = "the " + selected.length + " test rows of " + data.getFileName() + " recorded in the model (" + recognition.reason() + ")";
            } else {
                selected = allRows(dataset.size());
                why = "all " + dataset.size() + " rows of " + data.getFileName() + (rows.equals("all") ? " (--rows all)"
                        : ": not the model's training dataset (" + recognition.reason() + ")");
            }
            int before = selected.length;
            selected = dataset.withTarget(selected, y);
            System.out.println("scoring " + why + (before > selected.length ? "; " + (before - selected.length)
                    + " of them have no " + target + " value and are left out" : ""));
            if (selected.length == 0) {
                throw SprException.usage("no rows with a " + target + " value to evaluate on");
            }
            double[][] inputs = Dataset.select(dataset.gr(), selected);
            RegressionMetrics metrics = ModelEvaluation.evaluate(model, inputs, Dataset.select(y, selected), plots);
            System.out.printf(Locale.ROOT, "%s on %d rows of %s: MSE %.4g, RMSE %.4g, MAE %.4g, R² %.5f%s of %s%n",
                    model.kind().label(), metrics.rows(), data.getFileName(), metrics.mse(), metrics.rmse(), metrics.mae(), metrics.r2(),
                    output.isSpectrum() ? String.format(Locale.ROOT, " (around per-bin means %.5f)", metrics.r2PerBinMean()) : "",
                    ModelEvaluation.metricSpace(output));
            if (!model.outputSpec().isSpectrum()) {
                System.out.println("  " + org.spr.model.ScalarErrors.of(ModelEvaluation.predict(model, inputs), Dataset.select(y, selected)).summary());
            }
            double[] distances = model.domainDistances(inputs);
            if (model.domain() == null) {
                System.out.println("the model file records no training domain: out-of-domain rows cannot be flagged");
            } else {
                int outside = 0;
                for (double distance : distances) {
                    if (TrainingDomain.isOutOfDomain(distance, domainThreshold)) {
                        outside++;
                    }
                }
                System.out.printf(Locale.ROOT, "out of the training domain (distance > %g): %d of %d rows (%.1f %%)%n",
                        domainThreshold, outside, distances.length, 100.0 * outside / distances.length);
            }
            if (plots != null) {
                List<List<?>> domainRows = new ArrayList<>();
                for (int i = 0; i < selected.length; i++) {
                    domainRows.add(List.of(dataset.ids().get(selected[i]), distances[i], TrainingDomain.isOutOfDomain(distances[i], domainThreshold)));
                }
                CsvTables.write(plots.resolve("domain.csv"), List.of("id", "domain_distance", "out_of_domain"), domainRows);
            }
            return ExitCodes.OK;
        }
    }
}
