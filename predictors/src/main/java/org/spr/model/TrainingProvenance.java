package org.spr.model;

import java.util.List;
import java.util.Map;

/**
 * Where a model's training data came from and how it was trained.
 *
 * @param datasetName        name of the dataset file (no directory)
 * @param datasetHash        SHA-256 (hex) of the training rows used
 * @param trainingSize       number of training rows
 * @param validationSize     number of validation rows (early stopping, model selection)
 * @param testSize           number of held-out test rows
 * @param splitSeed          seed of the train/validation/test split
 * @param seed               seed of the trainer (initialisation, shuffling)
 * @param hyperparameters    the trainer's settings, as text
 * @param datasetContentHash SHA-256 (hex) of every row of the dataset (how {@code spr evaluate} recognises the training
 *                           dataset, whatever its file name); empty in files written before it existed
 * @param splitSource        where the split came from ({@code seeded}, {@code split column}, {@code file NAME})
 * @param testIds            ids of the held-out test rows (empty when none, or in older files)
 */
public record TrainingProvenance(String datasetName, String datasetHash, int trainingSize, int validationSize, int testSize,
                                 long splitSeed, long seed, Map<String, String> hyperparameters, String datasetContentHash,
                                 String splitSource, List<String> testIds) {

    public TrainingProvenance {
        datasetName = datasetName == null ? "" : datasetName;
        datasetHash = datasetHash == null ? "" : datasetHash;
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
        datasetContentHash = datasetContentHash == null ? "" : datasetContentHash;
        splitSource = splitSource == null ? "" : splitSource;
        testIds = testIds == null ? List.of() : List.copyOf(testIds);
    }

    /** Provenance without the whole-dataset hash, split source and test ids (tests, learning curves). */
    public TrainingProvenance(String datasetName, String datasetHash, int trainingSize, int validationSize, int testSize,
                              long splitSeed, long seed, Map<String, String> hyperparameters) {
        this(datasetName, datasetHash, trainingSize, validationSize, testSize, splitSeed, seed, hyperparameters, "", "", List.of());
    }

    /** Returns a copy with the trainer's seed and hyperparameters filled in. */
    public TrainingProvenance withTraining(long trainerSeed, Map<String, String> settings) {
        return new TrainingProvenance(datasetName, datasetHash, trainingSize, validationSize, testSize, splitSeed, trainerSeed, settings,
                datasetContentHash, splitSource, testIds);
    }

    /** Provenance for data that came from no file (tests, synthetic data). */
    public static TrainingProvenance synthetic(int trainingSize) {
        return new TrainingProvenance("synthetic", "", trainingSize, 0, 0, 0, 0, Map.of());
    }
}
