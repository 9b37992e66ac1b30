package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;

class CnnTrainerTest {

    private static final int BINS = 64;
    private static final int OUT = 24;
    private static DescriptorSpec spec;
    private static double[][] trainX;
    private static double[][] trainY;
    private static double[][] testX;
    private static double[][] testY;

    @TempDir
    Path directory;

    @BeforeAll
    static void data() {
        // one intra-op thread: tiny networks gain nothing from more, and OpenMP spinning suffers on a shared machine
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        Random random = new Random(21);
        RadialGrid grid = new RadialGrid(BINS * 0.05, 0.05);
        spec = DescriptorSpec.total(grid, 2, GrKind.INHERENT, java.util.List.of("C"));
        double[] peaks = new double[300];
        double[][] g = SyntheticData.peakedGr(300, grid, random, peaks);
        double[][] y = SyntheticData.shiftedGaussians(peaks, OUT);
        trainX = Arrays.copyOfRange(g, 0, 240);
        trainY = Arrays.copyOfRange(y, 0, 240);
        testX = Arrays.copyOfRange(g, 240, 300);
        testY = Arrays.copyOfRange(y, 240, 300);
    }

    private static CnnTrainer.Settings settings(long seed) {
        return CnnTrainer.Settings.defaults(seed).withNetwork(new int[]{4, 8}, 5, new int[]{32}, false).withEpochs(40, 10).withGpu(false);
    }

    private static SprModel train(CnnTrainer.Settings settings) {
        return new CnnTrainer(settings).train(TrainingData.of(trainX, trainY, spec, SyntheticData.spectrum(OUT)));
    }

    @Test
    void learnsASmoothMapBetterThanTheMeanAndIsReproducibleAndSavable() {
        SprModel model = train(settings(5));
        double cnnMse = SyntheticData.mse(model.predictAll(testX), testY);
        double meanMse = SyntheticData.meanPredictorMse(trainY, testY);
        assertTrue(cnnMse < 0.2 * meanMse, "CNN test MSE " + cnnMse + " vs mean predictor " + meanMse);

        SprModel again = train(settings(5));
        assertArrayEquals(model.predict(testX[0], spec), again.predict(testX[0], spec), "same seed, same model");

        Path file = directory.resolve("cnn.sprmodel");
        ModelFile.save(model, file);
        try (SprModel loaded = ModelFile.load(file)) {
            assertEquals(model.domain(), loaded.domain(), "the CNN trainer attaches a domain that travels in the file");
            assertTrue(loaded.domain() != null && loaded.domain().trainingRows() == trainX.length);
            for (double[] g : testX) {
                assertArrayEquals(model.predict(g, spec), loaded.predict(g, spec));
            }
        }
        model.close();
        again.close();
    }

    @Test
    void residualVariantTrains() {
        CnnTrainer.Settings residual = settings(6).withNetwork(new int[]{4, 8}, 5, new int[]{32}, true).withEpochs(25, 10);
        try (SprModel model = train(residual)) {
            double cnnMse = SyntheticData.mse(model.predictAll(testX), testY);
            assertTrue(cnnMse < SyntheticData.meanPredictorMse(trainY, testY), "residual CNN beats the mean: " + cnnMse);
        }
    }
}
