package org.spr.cli;

import java.nio.file.Path;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetSplit;
import org.spr.model.TrainingData;
import picocli.CommandLine.Option;

/** The options that choose a dataset, its target and its train/validation/test split ({@code spr train}, {@code spr learning-curve}). */
final class TrainingDataOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--data", required = true, paramLabel = "D.csv", description = "dataset CSV (with its .json sidecar beside it)")
    Path data;

    @Option(names = "--skip-bad-rows", description = "leave out dataset rows with bad values (NaN/Inf in g(r), a partly missing spectrum) and count them, instead of refusing the file")
    boolean skipBadRows;

    @Option(names = "--target", defaultValue = "spectrum", paramLabel = "TARGET", description = "spectrum, or a scalar column s_<name> (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--log10", description = "train a scalar target on log10 of its value (e.g. conductivities)")
    boolean log10;

    @Option(names = "--seed", defaultValue = "20240901", description = "seed of the split and of the training (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--validation", defaultValue = "0.1", description = "validation fraction (default: ${DEFAULT-VALUE})")
    double validationFraction;

    @Option(names = "--test", defaultValue = "0.1", description = "test fraction (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--split", paramLabel = "FILE", description = "ids of the train/validation/test rows: CSV with columns id,split, or JSON {\"train\": [...], \"validation\": [...], \"test\": [...]} (default: the dataset's split column, else the seeded split)")
    Path splitFile;

    /** The dataset, its split by id and the training data of the target. */
    record Split(Dataset dataset, DatasetSplit split, TrainingData training) {
    }

    /** Reads the dataset and splits it (its split column, else --split, else the seeded split). */
    Split read() {
        Dataset dataset = Dataset.read(data, skipBadRows);
        DatasetWarnings.report(mixee == null ? "" : mixee.name(), dataset);
        DatasetSplit split = dataset.split(splitFile, seed, validationFraction, testFraction);
        return new Split(dataset, split, dataset.trainingData(target, log10, split));
    }
}
