package org.spr.model;

/**
 * The part of a model that differs between linear, CNN and XGBoost: maps an input vector already on the model's grid
 * to the output in training space (log10 for log-trained scalars). Everything else (input checks, resampling,
 * output conversion, metadata, file format) is shared in {@link SprModel} and {@link ModelFile}.
 */
public interface ModelBackend extends AutoCloseable {

    /** The kind, used to pick the loader of the weights. */
    ModelKind kind();

    /** Length of the input vector. */
    int inputLength();

    /** Length of the output vector. */
    int outputLength();

    /**
     * Computes the output in training space into {@code output}.
     *
     * @param input  input of length {@link #inputLength()}, not modified
     * @param output buffer of length {@link #outputLength()}, overwritten
     */
    void predict(double[] input, double[] output);

    /** The weights as bytes, the model file's weights section; loading them back gives bit-identical predictions. */
    byte[] weights();

    /** Releases native resources (no-op for pure Java backends). */
    @Override
    default void close() {
    }
}
