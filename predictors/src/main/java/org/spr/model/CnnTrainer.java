package org.spr.model;

import org.spr.dataset.SeededShuffle;

import org.spr.error.SprException;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains the SPRamNet-style CNN ({@link CnnArchitecture}) with Adam on the L2 loss of standardised targets, mini-batches
 * shuffled with a seeded {@link Random}, DJL's random seed set from the same seed (same seed → same model on the same
 * device), and early stopping: the parameters of the epoch with the lowest validation MSE are kept, training stops after
 * {@code patience} epochs without improvement. Without a validation part in the data, the last
 * {@code validationFraction} of a seeded shuffle of the training rows is held out.
 */
public final class CnnTrainer implements Trainer {

    /**
     * Training settings.
     *
     * @param convChannels       filters per convolution block
     * @param kernelSize         odd kernel width
     * @param denseUnits         hidden dense widths
     * @param residual           residual unit after each convolution
     * @param maxEpochs          epoch cap
     * @param batchSize          mini-batch size
     * @param learningRate       Adam learning rate
     * @param patience           epochs without validation improvement before stopping
     * @param validationFraction fraction held out when the data has no validation part
     * @param seed               seed of initialisation and shuffling
     * @param useGpuWhenPresent  train on a GPU when one is present (results then may differ from CPU in the last bits)
     */
    public record Settings(int[] convChannels, int kernelSize, int[] denseUnits, boolean residual, int maxEpochs, int batchSize,
                           double learningRate, int patience, double validationFraction, long seed, boolean useGpuWhenPresent) {

        public Settings {
            if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
                throw SprException.usage("CNN epochs, batch size and patience must be positive");
            }
            if (!(learningRate > 0)) {
                throw SprException.usage("CNN learning rate must be positive, got " + learningRate);
            }
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw SprException.usage("CNN validation fraction must be in (0, 1), got " + validationFraction);
            }
        }

        /** Defaults: conv 16, 32 (kernel 5), dense 128, no residual, ≤ 300 epochs, batch 32, lr 1e-3, patience 25, 10 % validation, GPU when present. */
        public static Settings defaults(long seed) {
            return new Settings(new int[]{16, 32}, 5, new int[]{128}, false, 300, 32, 1e-3, 25, 0.1, seed, true);
        }

        /** Copy with other epochs and patience. */
        public Settings withEpochs(int epochs, int newPatience) {
            return new Settings(convChannels, kernelSize, denseUnits, residual, epochs, batchSize, learningRate, newPatience, validationFraction, seed, useGpuWhenPresent);
        }

        /** Copy with another network shape. */
        public Settings withNetwork(int[] channels, int kernel, int[] dense, boolean withResidual) {
            return new Settings(channels, kernel, dense, withResidual, maxEpochs, batchSize, learningRate, patience, validationFraction, seed, useGpuWhenPresent);
        }

        /** Copy with GPU use switched. */
        public Settings withGpu(boolean gpu) {
            return new Settings(convChannels, kernelSize, denseUnits, residual, maxEpochs, batchSize, learningRate, patience, validationFraction, seed, gpu);
        }
    }

    private final Settings settings;
    private IntConsumer epochListener = epoch -> { };
    private int lastEpochs;
    private double lastBestValidationMse;
    private int lastBestEpoch;
    private double lastSecondsPerEpoch;

    public CnnTrainer(Settings settings) {
        this.settings = settings;
    }

    /** Called after each epoch with the epoch number (1-based), e.g. to advance a progress bar. */
    public CnnTrainer onEpoch(IntConsumer listener) {
        this.epochListener = listener;
        return this;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CNN;
    }

    /** Epochs run by the last {@link #train} call. */
    public int lastEpochs() {
        return lastEpochs;
    }

    /** Mean wall-clock seconds per epoch (training and validation pass) of the last call. */
    public double lastSecondsPerEpoch() {
        return lastSecondsPerEpoch;
    }

    /** Best validation MSE (standardised units) of the last call. */
    public double lastBestValidationMse() {
        return lastBestValidationMse;
    }

    @Override
    public SprModel train(TrainingData data) {
        double[][] x = data.x();
        double[][] y = data.trainingSpaceY();
        double[][] validationX = data.validationX();
        double[][] validationY = data.trainingSpaceValidationY();
        if (validationX.length == 0) {
            int n = x.length;
            int held = Math.max(1, (int) Math.round(n * settings.validationFraction()));
            if (n - held < 1) {
                throw SprException.usage("the CNN needs at least 2 training rows to hold out a validation part");
            }
            int[] order = SeededShuffle.permutation(n, settings.seed() ^ 0x5DEECE66DL);
            int[] trainRows = Arrays.copyOfRange(order, 0, n - held);
            int[] validationRows = Arrays.copyOfRange(order, n - held, n);
            Arrays.sort(trainRows);
            Arrays.sort(validationRows);
            validationX = KFold.select(x, validationRows);
            validationY = KFold.select(y, validationRows);
            x = KFold.select(x, trainRows);
            y = KFold.select(y, trainRows);
        }
        CnnArchitecture architecture = new CnnArchitecture(data.inputSpec().inputLength(), data.outputSpec().length(),
                settings.convChannels(), settings.kernelSize(), settings.denseUnits(), settings.residual(), data.inputSpec().channels());
        CnnBackend.Scaler inputScaler = CnnBackend.Scaler.fit(x);
        CnnBackend.Scaler outputScaler = CnnBackend.Scaler.fit(y);
        byte[] parameters = fit(architecture, inputScaler, outputScaler, x, y, validationX, validationY);
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("architecture", JsonCodec.gson().toJson(architecture).replaceAll("\\s+", ""));
        hyperparameters.put("max_epochs", Integer.toString(settings.maxEpochs()));
        hyperparameters.put("epochs_run", Integer.toString(lastEpochs));
        hyperparameters.put("batch_size", Integer.toString(settings.batchSize()));
        hyperparameters.put("learning_rate", Double.toString(settings.learningRate()));
        hyperparameters.put("patience", Integer.toString(settings.patience()));
        hyperparameters.put("best_epoch", Integer.toString(lastBestEpoch));
        hyperparameters.put("best_validation_mse_standardised", Double.toString(lastBestValidationMse));
        hyperparameters.put("intra_op_threads", Integer.toString(CnnThreads.currentIntraOpThreads()));
        hyperparameters.put("seconds_per_epoch", String.format(java.util.Locale.ROOT, "%.3f", lastSecondsPerEpoch));
        hyperparameters.put("device", DjlSupport.device(settings.useGpuWhenPresent()).toString());
        CnnBackend backend = new CnnBackend(architecture, inputScaler, outputScaler, parameters);
        return new SprModel(ModelMetadata.forTraining(ModelKind.CNN, data, settings.seed(), hyperparameters), backend);
    }

    private byte[] fit(CnnArchitecture architecture, CnnBackend.Scaler inputScaler, CnnBackend.Scaler outputScaler,
                       double[][] x, double[][] y, double[][] validationX, double[][] validationY) {
        Engine engine = DjlSupport.engine();
        engine.setRandomSeed((int) (settings.seed() ^ (settings.seed() >>> 32)));
        Device device = DjlSupport.device(settings.useGpuWhenPresent());
        int length = architecture.inputLength();
        int outputs = architecture.outputLength();
        float[] allX = new float[x.length * length];
        float[] allY = new float[y.length * outputs];
        for (int i = 0; i < x.length; i++) {
            inputScaler.forward(x[i], allX, i * length);
            outputScaler.forward(y[i], allY, i * outputs);
        }
        float[] validX = new float[validationX.length * length];
        float[] validY = new float[validationY.length * outputs];
        for (int i = 0; i < validationX.length; i++) {
            inputScaler.forward(validationX[i], validX, i * length);
            outputScaler.forward(validationY[i], validY, i * outputs);
        }
        Block block = architecture.build();
        try (Model model = Model.newInstance("spramnet", device, DjlSupport.ENGINE)) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build())
                    .optDevices(new Device[]{device});
            try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                int channels = architecture.inputChannels();
                int channelLength = architecture.channelLength();
                trainer.initialize(new Shape(1, channels, channelLength));
                NDManager manager = trainer.getManager();
                Random random = new Random(settings.seed());
                int n = x.length;
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                byte[] best = saveParameters(block);
                double bestMse = Double.POSITIVE_INFINITY;
                int sinceBest = 0;
                int epoch = 0;
                int bestEpoch = 0;
                long started = System.nanoTime();
                while (epoch < settings.maxEpochs() && sinceBest < settings.patience()) {
                    epoch++;
                    SeededShuffle.shuffle(order, random);
                    for (int start = 0; start < n; start += settings.batchSize()) {
                        int size = Math.min(settings.batchSize(), n - start);
                        float[] batchX = new float[size * length];
                        float[] batchY = new float[size * outputs];
                        for (int b = 0; b < size; b++) {
                            System.arraycopy(allX, order[start + b] * length, batchX, b * length, length);
                            System.arraycopy(allY, order[start + b] * outputs, batchY, b * outputs, outputs);
                        }
                        try (NDManager scope = manager.newSubManager(device)) {
                            NDArray inputs = scope.create(batchX, new Shape(size, channels, channelLength));
                            NDArray labels = scope.create(batchY, new Shape(size, outputs));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDList predictions = trainer.forward(new NDList(inputs));
                                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                    double mse = validationMse(block, manager, device, validX, validY, validationX.length, channels, channelLength, outputs);
                    if (mse < bestMse) {
                        bestMse = mse;
                        best = saveParameters(block);
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                    epochListener.accept(epoch);
                }
                lastEpochs = epoch;
                lastBestEpoch = bestEpoch;
                lastSecondsPerEpoch = (System.nanoTime() - started) / 1e9 / Math.max(1, epoch);
                lastBestValidationMse = bestMse;
                return best;
            }
        }
    }

    private static double validationMse(Block block, NDManager manager, Device device, float[] validX, float[] validY, int n,
                                        int channels, int channelLength, int outputs) {
        try (NDManager scope = manager.newSubManager(device)) {
            NDArray inputs = scope.create(validX, new Shape(n, channels, channelLength));
            float[] predicted = block.forward(new ParameterStore(scope, false), new NDList(inputs), false).singletonOrThrow().toFloatArray();
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) {
                double d = predicted[i] - validY[i];
                sum += d * d;
            }
            return sum / predicted.length;
        }
    }

    private static byte[] saveParameters(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
