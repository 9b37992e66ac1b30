package org.spr.model;

/** Produces a model from training data (like Tribuo's Trainer: the model carries its provenance and the exact input grid). */
public interface Trainer {

    /** The kind of model produced. */
    ModelKind kind();

    /** Trains a model; its metadata records the input and output specs and the provenance of {@code data}. */
    SprModel train(TrainingData data);

    /** Warnings of the last {@link #train} call (e.g. a chosen hyperparameter at the edge of its grid), empty by default. */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }
}
