package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path directory;

    @Test
    void spectrumAxesNameTheirQuantityInEveryUnitSystem() {
        assertEquals("frequency (THz)", ModelEvaluation.gridAxis(OutputSpec.spectrum(new SpectrumGrid(0.25, 0.5, 3, "THz", "unit area"), "1/THz")));
        assertEquals("frequency ν (1/τ, reduced units)",
                ModelEvaluation.gridAxis(OutputSpec.spectrum(new SpectrumGrid(0.25, 0.5, 3, "reduced", "unit area"), "1/reduced")));
        assertEquals("E − E_F (eV)", ModelEvaluation.gridAxis(OutputSpec.spectrum(new SpectrumGrid(0.25, 0.5, 3, "eV", "unit area"), "1/eV")));
    }

    @Test
    void metricsOfAKnownCase() {
        double[][] reference = {{0, 2}, {2, 4}};
        double[][] predicted = {{1, 2}, {2, 2}};
        RegressionMetrics metrics = RegressionMetrics.of(predicted, reference);
        assertEquals(5.0 / 4, metrics.mse(), 1e-15);
        assertEquals(3.0 / 4, metrics.mae(), 1e-15);
        // global mean 2: Σ(y − 2)² = 4 + 0 + 0 + 4 = 8; per-bin means 1, 3: Σ = 1 + 1 + 1 + 1 = 4
        assertEquals(1 - 5.0 / 8, metrics.r2(), 1e-15);
        assertEquals(1 - 5.0 / 4, metrics.r2PerBinMean(), 1e-15);
        assertEquals(0.5, metrics.perBinMse()[0], 1e-15);
        assertEquals(2.0, metrics.perBinMse()[1], 1e-15);
        assertEquals(Math.log10(2), RegressionMetrics.log10Ratios(new double[][]{{2}}, new double[][]{{1}})[0], 1e-15);
    }

    @Test
    void evaluationAndInterpretationWriteTheirReports() throws Exception {
        SprModel model = ModelFileTest.smallLinearModel();
        Random random = new Random(2);
        double[][] x = SyntheticData.gaussian(30, 40, random);
        double[][] y = model.predictAll(x);
        RegressionMetrics metrics = ModelEvaluation.evaluate(model, x, y, directory);
        assertEquals(0, metrics.mse(), 1e-20);
        LinearInterpretation.write(model, new double[5], directory);
        for (String name : List.of("metrics.csv", "per_bin_error.csv", "parity.png", "error_histogram.png", "examples.png", "weights.png", "bias.png")) {
            assertTrue(Files.size(directory.resolve(name)) > 0, name);
        }
    }

    @Test
    void aScalarModelsWeightsArePlottedAsALineOverR() throws Exception {
        Random random = new Random(3);
        int p = 40;
        double[][] x = SyntheticData.gaussian(100, p, random);
        double[] w = new double[p];
        for (int k = 0; k < p; k++) {
            w[k] = random.nextGaussian();
        }
        double[][] y = SyntheticData.linearTargets(x, w, new double[]{1}, 0.1, random);
        SprModel model = new LinearTrainer(0, 1e-3).train(TrainingData.of(x, y, SyntheticData.spec(p, 0.1), OutputSpec.scalar("kappa", "W/(m K)", false)));
        LinearInterpretation.write(model, new double[1], directory);
        assertTrue(Files.size(directory.resolve("weights.png")) > 0);
        assertTrue(Files.notExists(directory.resolve("bias.png")), "no bias plot for one value");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(directory.resolve("weights.png").toFile());
        int coloured = 0;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int j = 0; j < image.getHeight(); j++) {
                int rgb = image.getRGB(i, j);
                int red = (rgb >> 16) & 0xff;
                int blue = rgb & 0xff;
                if (Math.abs(red - blue) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured < image.getWidth() * image.getHeight() / 10, "a line, not a filled heat map: " + coloured + " coloured pixels");
    }

    @Test
    void learningCurveImprovesWithDataOnTheSameSplit() throws Exception {
        Random random = new Random(8);
        int p = 20;
        double[] w = SyntheticData.gaussian(1, p, random)[0];
        double[][] x = SyntheticData.gaussian(400, p, random);
        double[][] y = SyntheticData.linearTargets(x, w, new double[]{1}, 0.5, random);
        TrainingData train = TrainingData.of(java.util.Arrays.copyOf(x, 300), java.util.Arrays.copyOf(y, 300),
                SyntheticData.spec(p, 0.1), OutputSpec.scalar("s", "", false));
        double[][] testX = java.util.Arrays.copyOfRange(x, 300, 400);
        double[][] testY = java.util.Arrays.copyOfRange(y, 300, 400);
        Map<String, Trainer> trainers = new LinkedHashMap<>();
        trainers.put("linear", new LinearTrainer(0, 0));
        trainers.put("ridge", new LinearTrainer(0, 0.1));
        List<LearningCurve.Point> points = LearningCurve.run(train, testX, testY, trainers, new int[]{25, 100, 300}, 3, point -> { });
        assertEquals(6, points.size());
        assertTrue(points.get(4).metrics().mse() < points.get(0).metrics().mse(), "more data, lower test error");
        LearningCurve.write(points, directory);
        assertEquals(7, Files.readAllLines(directory.resolve("learning_curve.csv")).size());
        assertTrue(Files.size(directory.resolve("learning_curve.png")) > 0);
    }
}
