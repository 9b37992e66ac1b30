package org.spr.model;

/**
 * A model bound to one checked input spec: {@link #predict(double[], double[])} runs the pipeline without re-checking
 * and, with a caller-supplied output buffer, without allocating (the resampling buffer is allocated once here).
 * Not thread-safe when resampling; use one per thread.
 */
public final class BoundPredictor {

    private final SprModel model;
    private final DescriptorSpec given;
    private final double[] resampled;

    BoundPredictor(SprModel model, DescriptorSpec given, boolean resample) {
        this.model = model;
        this.given = given;
        this.resampled = resample ? new double[model.inputSpec().inputLength()] : null;
    }

    /** The spec of the inputs this predictor accepts. */
    public DescriptorSpec inputSpec() {
        return given;
    }

    /** Length of the outputs. */
    public int outputLength() {
        return model.outputSpec().length();
    }

    /**
     * Predicts into {@code output} (natural units).
     *
     * @param g      input of length {@code inputSpec().inputLength()}
     * @param output buffer of length {@link #outputLength()}, or null for a new array
     * @return the output buffer
     */
    public double[] predict(double[] g, double[] output) {
        return model.predictOnModelGrid(onModelGrid(g), output);
    }

    /**
     * Distance of {@code g} (of {@link #inputSpec()}) from the model's training inputs, after resampling onto the
     * model's grid when bound with resampling; NaN when the model has no recorded domain. See
     * {@link SprModel#domainDistance(double[])}.
     */
    public double domainDistance(double[] g) {
        return model.domainDistance(onModelGrid(g));
    }

    private double[] onModelGrid(double[] g) {
        if (g.length != given.inputLength()) {
            throw new ModelMismatchException("The input spec " + given + " has " + given.inputLength()
                    + " values but the g(r) passed has " + g.length + ".");
        }
        if (resampled == null) {
            return g;
        }
        return GrResampler.resample(g, given.grid(), model.inputSpec().grid(), given.channels(), resampled);
    }
}
