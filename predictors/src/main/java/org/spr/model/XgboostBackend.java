package org.spr.model;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** The XGBoost backend for scalar targets: a booster predicting one value (training space, e.g. log10 κ). Weights: UBJSON booster bytes. */
public final class XgboostBackend implements ModelBackend {

    private final Booster booster;
    private final int inputs;
    private final byte[] bytes;

    XgboostBackend(Booster booster, int inputs) {
        this.booster = booster;
        this.inputs = inputs;
        try {
            this.bytes = booster.toByteArray("ubj");
            booster.setParam("nthread", 1); // one row at a time: threads cost more than they save
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the XGBoost booster: " + e.getMessage(), e);
        }
    }

    @Override
    public ModelKind kind() {
        return ModelKind.XGBOOST;
    }

    @Override
    public int inputLength() {
        return inputs;
    }

    @Override
    public int outputLength() {
        return 1;
    }

    @Override
    public void predict(double[] input, double[] output) {
        float[] row = new float[inputs];
        for (int k = 0; k < inputs; k++) {
            row[k] = (float) input[k];
        }
        try {
            output[0] = booster.inplace_predict(row, 1, inputs, Float.NaN)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** Predicts many rows at once (training space). */
    public double[] predictBatch(double[][] rows) {
        float[] data = XgboostTrainer.flatten(rows, inputs);
        try {
            float[][] predicted = booster.inplace_predict(data, rows.length, inputs, Float.NaN);
            double[] out = new double[rows.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = predicted[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** Layout: int number of inputs, then the booster in UBJSON. */
    @Override
    public byte[] weights() {
        byte[] out = new byte[4 + bytes.length];
        java.nio.ByteBuffer.wrap(out).putInt(inputs).put(bytes);
        return out;
    }

    /** Reads {@link #weights()} back. */
    public static XgboostBackend fromWeights(byte[] weights) {
        if (weights.length < 5) {
            throw new IllegalArgumentException("the XGBoost weights section is too short");
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(weights);
        int inputs = buffer.getInt();
        byte[] model = new byte[weights.length - 4];
        buffer.get(model);
        try {
            return new XgboostBackend(XGBoost.loadModel(model), inputs);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("XGBoost cannot read the booster (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
