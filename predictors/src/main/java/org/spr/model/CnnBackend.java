package org.spr.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CNN backend: standardise the input per feature, run the network (float32, CPU), undo the per-output
 * standardisation. Weights section: magic, architecture (JSON), the four scaler vectors, DJL parameter bytes.
 */
public final class CnnBackend implements ModelBackend {

    private static final String MAGIC = "SPR-CNN-1";

    private final CnnArchitecture architecture;
    private final Scaler inputScaler;
    private final Scaler outputScaler;
    private final NDManager manager;
    private final Block block;
    private final byte[] parameters;

    /**
     * Mean and standard deviation per feature: z = (v − mean)/std.
     *
     * @param mean per-feature mean
     * @param std  per-feature standard deviation (features with zero spread get 1)
     */
    public record Scaler(double[] mean, double[] std) {
        /** Fits mean and std over the rows. */
        public static Scaler fit(double[][] rows) {
            int width = rows[0].length;
            double[] mean = new double[width];
            double[] std = new double[width];
            for (double[] row : rows) {
                for (int k = 0; k < width; k++) {
                    mean[k] += row[k];
                }
            }
            for (int k = 0; k < width; k++) {
                mean[k] /= rows.length;
            }
            double largest = 0;
            for (double[] row : rows) {
                for (int k = 0; k < width; k++) {
                    double d = row[k] - mean[k];
                    std[k] += d * d;
                }
            }
            for (int k = 0; k < width; k++) {
                std[k] = Math.sqrt(std[k] / rows.length);
                largest = Math.max(largest, std[k]);
            }
            for (int k = 0; k < width; k++) {
                if (!(std[k] > 1e-8 * largest) || std[k] == 0) {
                    std[k] = 1;
                }
            }
            return new Scaler(mean, std);
        }

        /** Standardised copy of a row as float32 into {@code out} at {@code offset}. */
        void forward(double[] row, float[] out, int offset) {
            for (int k = 0; k < row.length; k++) {
                out[offset + k] = (float) ((row[k] - mean[k]) / std[k]);
            }
        }
    }

    CnnBackend(CnnArchitecture architecture, Scaler inputScaler, Scaler outputScaler, byte[] parameters) {
        this.architecture = architecture;
        this.inputScaler = inputScaler;
        this.outputScaler = outputScaler;
        this.parameters = parameters.clone();
        DjlSupport.engine();
        this.manager = NDManager.newBaseManager(Device.cpu(), DjlSupport.ENGINE);
        this.block = architecture.build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, architecture.inputChannels(), architecture.channelLength()));
        try {
            block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException | MalformedModelException e) {
            manager.close();
            throw new IllegalArgumentException("the CNN parameters do not fit the architecture (" + e.getMessage() + ")", e);
        }
    }

    public CnnArchitecture architecture() {
        return architecture;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CNN;
    }

    @Override
    public int inputLength() {
        return architecture.inputLength();
    }

    @Override
    public int outputLength() {
        return architecture.outputLength();
    }

    @Override
    public synchronized void predict(double[] input, double[] output) {
        float[] scaled = new float[input.length];
        inputScaler.forward(input, scaled, 0);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(scaled, new Shape(1, architecture.inputChannels(), architecture.channelLength()));
            NDList result = block.forward(new ParameterStore(scope, false), new NDList(x), false);
            float[] values = result.singletonOrThrow().toFloatArray();
            double[] mean = outputScaler.mean();
            double[] std = outputScaler.std();
            for (int j = 0; j < output.length; j++) {
                output[j] = values[j] * std[j] + mean[j];
            }
        }
    }

    /** Predicts many rows in one forward pass (evaluation); training-space outputs. */
    public synchronized double[][] predictBatch(double[][] inputs) {
        int n = inputs.length;
        int length = architecture.inputLength();
        float[] scaled = new float[n * length];
        for (int i = 0; i < n; i++) {
            inputScaler.forward(inputs[i], scaled, i * length);
        }
        double[][] out = new double[n][architecture.outputLength()];
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(scaled, new Shape(n, architecture.inputChannels(), architecture.channelLength()));
            float[] values = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            int m = architecture.outputLength();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    out[i][j] = values[i * m + j] * outputScaler.std()[j] + outputScaler.mean()[j];
                }
            }
        }
        return out;
    }

    @Override
    public byte[] weights() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(JsonCodec.gson().toJson(architecture));
            for (double[] vector : new double[][]{inputScaler.mean(), inputScaler.std(), outputScaler.mean(), outputScaler.std()}) {
                out.writeInt(vector.length);
                for (double v : vector) {
                    out.writeDouble(v);
                }
            }
            out.writeInt(parameters.length);
            out.write(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #weights()} back. */
    public static CnnBackend fromWeights(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("not a CNN weights section (magic '" + magic + "')");
            }
            CnnArchitecture architecture = JsonCodec.gson().fromJson(in.readUTF(), CnnArchitecture.class);
            double[][] vectors = new double[4][];
            for (int v = 0; v < 4; v++) {
                int length = in.readInt();
                int expected = v < 2 ? architecture.inputLength() : architecture.outputLength();
                if (length != expected) {
                    throw new IllegalArgumentException("scaler " + v + " has " + length + " values, expected " + expected);
                }
                vectors[v] = new double[length];
                for (int k = 0; k < length; k++) {
                    vectors[v][k] = in.readDouble();
                }
            }
            int length = in.readInt();
            if (length < 0 || length > bytes.length) {
                throw new IllegalArgumentException("invalid parameter length " + length);
            }
            byte[] parameters = in.readNBytes(length);
            if (parameters.length != length) {
                throw new IllegalArgumentException("the parameter block is truncated");
            }
            return new CnnBackend(architecture, new Scaler(vectors[0], vectors[1]), new Scaler(vectors[2], vectors[3]), parameters);
        } catch (IOException e) {
            throw new IllegalArgumentException("the CNN weights section is truncated (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
