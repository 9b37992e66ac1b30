package org.spr.model;

import java.util.Map;

/**
 * Where a model's training data came from and how it was trained.
 *
 * @param datasetName     name of the dataset file (no directory)
 * @param datasetHash     SHA-256 (hex) of the training rows used
 * @param trainingSize    number of training rows
 * @param validationSize  number of validation rows (early stopping, model selection)
 * @param testSize        number of held-out test rows
 * @param splitSeed       seed of the train/validation/test split
 * @param seed            seed of the trainer (initialisation, shuffling)
 * @param hyperparameters the trainer's settings, as text
 */
public record TrainingProvenance(String datasetName, String datasetHash, int trainingSize, int validationSize, int testSize,
                                 long splitSeed, long seed, Map<String, String> hyperparameters) {

    public TrainingProvenance {
        datasetName = datasetName == null ? "" : datasetName;
        datasetHash = datasetHash == null ? "" : datasetHash;
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
    }

    /** Returns a copy with the trainer's seed and hyperparameters filled in. */
    public TrainingProvenance withTraining(long trainerSeed, Map<String, String> settings) {
        return new TrainingProvenance(datasetName, datasetHash, trainingSize, validationSize, testSize, splitSeed, trainerSeed, settings);
    }

    /** Provenance for data that came from no file (tests, synthetic data). */
    public static TrainingProvenance synthetic(int trainingSize) {
        return new TrainingProvenance("synthetic", "", trainingSize, 0, 0, 0, 0, Map.of());
    }
}
