package org.spr.model;

import java.util.Map;

/**
 * A trained model: metadata plus a backend, behind one pipeline shared by every kind:
 * check the input spec (refuse a mismatch, or resample a pure resolution change when asked) → backend →
 * convert the output (10^y for log10-trained scalars).
 *
 * <p>For the hot path, {@link #bind(DescriptorSpec, Resampling)} checks the spec once and returns a
 * {@link BoundPredictor} whose {@code predict(g, out)} allocates nothing for the linear backend.
 */
public final class SprModel implements AutoCloseable {

    private final ModelMetadata metadata;
    private final ModelBackend backend;

    public SprModel(ModelMetadata metadata, ModelBackend backend) {
        if (metadata.input().inputLength() != backend.inputLength()) {
            throw new IllegalArgumentException("backend expects " + backend.inputLength() + " inputs but the descriptor spec has " + metadata.input().inputLength());
        }
        if (metadata.output().length() != backend.outputLength()) {
            throw new IllegalArgumentException("backend predicts " + backend.outputLength() + " values but the output spec has " + metadata.output().length());
        }
        if (metadata.kind() != backend.kind()) {
            throw new IllegalArgumentException("metadata says " + metadata.kind().label() + " but the backend is " + backend.kind().label());
        }
        if (metadata.domain() != null && metadata.domain().inputLength() != backend.inputLength()) {
            throw new IllegalArgumentException("the training domain has " + metadata.domain().inputLength() + " inputs but the backend expects "
                    + backend.inputLength());
        }
        this.metadata = metadata;
        this.backend = backend;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public ModelBackend backend() {
        return backend;
    }

    public ModelKind kind() {
        return metadata.kind();
    }

    /** The exact input the model expects. */
    public DescriptorSpec inputSpec() {
        return metadata.input();
    }

    public OutputSpec outputSpec() {
        return metadata.output();
    }

    /** Copy sharing the backend, with held-out metrics recorded in the metadata. */
    public SprModel withHeldOutMetrics(Map<String, Double> metrics) {
        return new SprModel(metadata.withHeldOutMetrics(metrics), backend);
    }

    /**
     * Checks {@code given} against the model's input and returns a predictor for inputs of that spec.
     *
     * @throws ModelMismatchException when the specs differ (and, with {@link Resampling#RESAMPLE}, the difference is
     *                                more than a resolution change)
     */
    public BoundPredictor bind(DescriptorSpec given, Resampling resampling) {
        DescriptorSpec expected = metadata.input();
        var difference = expected.firstDifference(given);
        if (difference.isEmpty()) {
            return new BoundPredictor(this, given, false);
        }
        boolean resolutionOnly = expected.canResampleFrom(given);
        if (resampling == Resampling.RESAMPLE && resolutionOnly) {
            return new BoundPredictor(this, given, true);
        }
        String hint = resolutionOnly ? " (only the resolution differs: ask for resampling to interpolate onto the model's grid)" : "";
        throw new ModelMismatchException("The model expects " + expected + " but the input is " + given
                + ": " + difference.get() + hint + ".");
    }

    /** Predicts from one g(r) of spec {@code given}, refusing any mismatch; a new output array. */
    public double[] predict(double[] g, DescriptorSpec given) {
        return predict(g, given, Resampling.REFUSE);
    }

    /** Predicts from one g(r) of spec {@code given}; a new output array. */
    public double[] predict(double[] g, DescriptorSpec given, Resampling resampling) {
        double[] out = new double[backend.outputLength()];
        bind(given, resampling).predict(g, out);
        return out;
    }

    /**
     * Predicts from an input already on the model's grid (no spec check beyond the length) into {@code output}
     * (new array when null), output in natural units.
     */
    public double[] predictOnModelGrid(double[] input, double[] output) {
        if (input.length != backend.inputLength()) {
            throw new ModelMismatchException("The model expects " + backend.inputLength() + " input values (" + metadata.input()
                    + ") but the input has " + input.length + ".");
        }
        double[] out = output == null ? new double[backend.outputLength()] : output;
        backend.predict(input, out);
        toNaturalUnits(out);
        return out;
    }

    /** The applicability domain of the training inputs, or null when the model file has none. */
    public TrainingDomain domain() {
        return metadata.domain();
    }

    /**
     * How far an input on the model's grid lies from the training inputs ({@link TrainingDomain#distance}: 1 = edge of
     * the training set; out of domain beyond a threshold such as {@link TrainingDomain#DEFAULT_THRESHOLD}), or NaN when
     * the model has no recorded domain. Allocates nothing.
     */
    public double domainDistance(double[] gOnModelGrid) {
        TrainingDomain domain = metadata.domain();
        if (gOnModelGrid.length != backend.inputLength()) {
            throw new ModelMismatchException("The model expects " + backend.inputLength() + " input values (" + metadata.input()
                    + ") but the input has " + gOnModelGrid.length + ".");
        }
        return domain == null ? Double.NaN : domain.distance(gOnModelGrid);
    }

    /** Domain distances of every row of {@code inputs} (on the model's grid); NaN throughout without a domain. */
    public double[] domainDistances(double[][] inputs) {
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = domainDistance(inputs[i]);
        }
        return out;
    }

    /** Predicts every row of {@code inputs} (on the model's grid); a new matrix. */
    public double[][] predictAll(double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = predictOnModelGrid(inputs[i], null);
        }
        return out;
    }

    /** Training space → natural units (10^y for log10-trained scalars), then clipping of negative values when the output asks for it. */
    void toNaturalUnits(double[] out) {
        if (metadata.output().log10()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.pow(10.0, out[i]);
            }
        }
        if (metadata.output().clipNegative()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(0.0, out[i]);
            }
        }
    }

    /** Copy sharing the backend, with another output spec of the same length and kind (e.g. clipping switched). */
    public SprModel withOutput(OutputSpec output) {
        ModelMetadata m = metadata;
        return new SprModel(new ModelMetadata(m.formatVersion(), m.kind(), m.input(), output, m.training(), m.heldOutMetrics(),
                m.software(), m.created(), m.weightsSha256(), m.domain()), backend);
    }

    @Override
    public void close() {
        backend.close();
    }
}
