package org.spr.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * y = W g + b with W stored row-major (outputs × inputs). Prediction allocates nothing.
 */
public final class LinearBackend implements ModelBackend {

    private final int inputs;
    private final int outputs;
    private final double[] weights;
    private final double[] bias;

    /**
     * @param inputs  p
     * @param outputs m
     * @param weights W, row-major m × p (W[j·p + k] multiplies g_k for output j); copied
     * @param bias    b, length m; copied
     */
    public LinearBackend(int inputs, int outputs, double[] weights, double[] bias) {
        if (weights.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("linear model of " + inputs + " → " + outputs + " needs " + inputs * outputs
                    + " weights and " + outputs + " biases, got " + weights.length + " and " + bias.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LINEAR;
    }

    @Override
    public int inputLength() {
        return inputs;
    }

    @Override
    public int outputLength() {
        return outputs;
    }

    /**
     * y_j = b_j + Σ_k W_jk g_k. The dot product runs with four independent partial sums (k mod 4), summed at the end,
     * for instruction-level parallelism; the order is fixed, so results are reproducible bit for bit.
     */
    @Override
    public void predict(double[] input, double[] output) {
        final int p = inputs;
        final int blocked = p & ~3;
        final double[] w = weights;
        for (int j = 0; j < outputs; j++) {
            int row = j * p;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < blocked; k += 4) {
                s0 += w[row + k] * input[k];
                s1 += w[row + k + 1] * input[k + 1];
                s2 += w[row + k + 2] * input[k + 2];
                s3 += w[row + k + 3] * input[k + 3];
            }
            for (int k = blocked; k < p; k++) {
                s0 += w[row + k] * input[k];
            }
            output[j] = bias[j] + ((s0 + s1) + (s2 + s3));
        }
    }

    /** W_jk, output j and input k. */
    public double weight(int output, int input) {
        return weights[output * inputs + input];
    }

    /** A copy of W as a matrix [output][input]. */
    public double[][] weightMatrix() {
        double[][] w = new double[outputs][inputs];
        for (int j = 0; j < outputs; j++) {
            System.arraycopy(weights, j * inputs, w[j], 0, inputs);
        }
        return w;
    }

    /** A copy of b. */
    public double[] bias() {
        return bias.clone();
    }

    /** Number of weights that are exactly zero. */
    public int zeroWeights() {
        int zeros = 0;
        for (double w : weights) {
            if (w == 0.0) {
                zeros++;
            }
        }
        return zeros;
    }

    /** Layout: int p, int m, p·m doubles of W, m doubles of b, big-endian IEEE 754 (exact). */
    @Override
    public byte[] weights() {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 * (weights.length + bias.length)).order(ByteOrder.BIG_ENDIAN);
        buffer.putInt(inputs).putInt(outputs);
        for (double w : weights) {
            buffer.putDouble(w);
        }
        for (double value : bias) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    /** Reads {@link #weights()} back. */
    public static LinearBackend fromWeights(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length < 8) {
            throw new IllegalArgumentException("linear weights section is too short (" + bytes.length + " bytes)");
        }
        int p = buffer.getInt();
        int m = buffer.getInt();
        long expected = 8L + 8L * ((long) p * m + m);
        if (p <= 0 || m <= 0 || expected != bytes.length) {
            throw new IllegalArgumentException("linear weights section has " + bytes.length + " bytes, expected " + expected + " for " + p + " → " + m);
        }
        double[] w = new double[p * m];
        double[] b = new double[m];
        for (int i = 0; i < w.length; i++) {
            w[i] = buffer.getDouble();
        }
        for (int j = 0; j < m; j++) {
            b[j] = buffer.getDouble();
        }
        return new LinearBackend(p, m, w, b);
    }
}
