package org.spr.cli;

import org.spr.error.SprException;

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
            "On the dataset the model was trained on, only its test rows are used (same seed and fractions as in training);",
            "on any other dataset, all rows.",
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

    @Option(names = "--rows", defaultValue = "auto", description = "test, all, or auto (test rows on the training dataset, else all; default)")
    String rows;

    @Option(names = "--plots", paramLabel = "DIR", description = "write metrics.csv, per_bin_error.csv, domain.csv and the PNG plots here")
    Path plots;


    @Override
    public Integer call() {
        return evaluate();
    }

    private int evaluate() {
        double domainThreshold = threshold.value();
        try (SprModel model = ModelFile.load(modelFile)) {
            Dataset dataset = Dataset.read(data);
            model.bind(dataset.metadata().input(), Resampling.REFUSE);
            OutputSpec output = model.outputSpec();
            String target = output.isSpectrum() ? OutputSpec.SPECTRUM : "s_" + output.name();
            double[][] y = dataset.targets(target);
            boolean sameDataset = data.getFileName().toString().equals(model.metadata().training().datasetName());
            boolean testOnly = switch (rows) {
                case "test" -> true;
                case "all" -> false;
                case "auto" -> sameDataset;
                default -> throw SprException.usage("--rows must be test, all or auto, got '" + rows + "'");
            };
            int[] selected;
            if (testOnly) {
                var metrics = model.metadata().heldOutMetrics();
                double validation = metrics.getOrDefault("split_validation_fraction", 0.1);
                double test = metrics.getOrDefault("split_test_fraction", 0.1);
                selected = DatasetSplit.of(dataset.ids(), model.metadata().training().splitSeed(), validation, test).test();
            } else {
                selected = new int[dataset.size()];
                for (int i = 0; i < selected.length; i++) {
                    selected[i] = i;
                }
            }
            selected = dataset.withTarget(selected, y);
            if (selected.length == 0) {
                throw SprException.usage("no rows with a " + target + " value to evaluate on");
            }
            double[][] inputs = Dataset.select(dataset.gr(), selected);
            RegressionMetrics metrics = ModelEvaluation.evaluate(model, inputs, Dataset.select(y, selected), plots);
            System.out.printf(Locale.ROOT, "%s on %d %s rows of %s: MSE %.4g, MAE %.4g, R² %.5f (around per-bin means %.5f)%n",
                    model.kind().label(), metrics.rows(), testOnly ? "test" : "", data.getFileName(), metrics.mse(), metrics.mae(),
                    metrics.r2(), metrics.r2PerBinMean());
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
