package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;

class XgboostTrainerTest {

    @TempDir
    Path directory;

    @Test
    void fitsAScalarSpanningDecadesOnLog10AndSavesBitIdentically() {
        Random random = new Random(31);
        RadialGrid grid = new RadialGrid(3.2, 0.05);
        DescriptorSpec spec = DescriptorSpec.total(grid, 3, GrKind.WINDOW_AVERAGED, java.util.List.of("C"));
        int n = 400;
        double[] peaks = new double[n];
        double[][] g = SyntheticData.peakedGr(n, grid, random, peaks);
        double[][] kappa = new double[n][1];
        for (int i = 0; i < n; i++) {
            kappa[i][0] = Math.pow(10, -1 + 7.5 * (peaks[i] - 1.3)); // 0.1 … 100 W/(m K)
        }
        OutputSpec output = OutputSpec.scalar("kappa", "W/(m K)", true);
        double[][] trainX = java.util.Arrays.copyOfRange(g, 0, 300);
        double[][] trainY = java.util.Arrays.copyOfRange(kappa, 0, 300);
        XgboostTrainer trainer = new XgboostTrainer(new XgboostTrainer.Settings(150, 3, 0.1, 0.8, 0.5, 1, 3, 4));
        SprModel model = trainer.train(TrainingData.of(trainX, trainY, spec, output));
        assertTrue(trainer.lastCrossValidation().r2() > 0.9, "CV R² " + trainer.lastCrossValidation().r2());
        double residual = 0;
        double total = 0;
        double meanLog = 0;
        for (int i = 300; i < n; i++) {
            meanLog += Math.log10(kappa[i][0]) / 100;
        }
        for (int i = 300; i < n; i++) {
            double predicted = model.predict(g[i], spec)[0];
            assertTrue(predicted > 0, "predictions come back from log10 as positive values");
            double d = Math.log10(predicted) - Math.log10(kappa[i][0]);
            residual += d * d;
            total += Math.pow(Math.log10(kappa[i][0]) - meanLog, 2);
        }
        assertTrue(1 - residual / total > 0.9, "test R² of log10 κ: " + (1 - residual / total));

        Path file = directory.resolve("xgb.sprmodel");
        ModelFile.save(model, file);
        try (SprModel loaded = ModelFile.load(file)) {
            assertEquals(output, loaded.outputSpec());
            assertEquals(model.domain(), loaded.domain(), "the XGBoost trainer attaches a domain that travels in the file");
            assertTrue(loaded.domainDistance(g[300]) < TrainingDomain.DEFAULT_THRESHOLD, "a held-out row of the family is inside");
            for (int i = 300; i < n; i++) {
                assertArrayEquals(model.predict(g[i], spec), loaded.predict(g[i], spec));
            }
        }
    }

    /** A spectrum target is a usage error named as such, refused before anything is trained. */
    @Test
    void refusesSpectra() {
        double[][] x = SyntheticData.gaussian(10, 4, new Random(1));
        double[][] y = new double[10][3];
        XgboostTrainer trainer = new XgboostTrainer(XgboostTrainer.Settings.defaults(1));
        SprException refused = assertThrows(SprException.class,
                () -> trainer.train(TrainingData.of(x, y, SyntheticData.spec(4, 0.1), SyntheticData.spectrum(3))));
        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().contains("scalar targets") && refused.getMessage().contains("linear or cnn"), refused.getMessage());
    }
}
