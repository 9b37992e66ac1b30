package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every kind uses the validation rows for model selection when the data has them. */
class ValidationSelectionTest {

    private static double mse(double[][] predicted, double[][] reference) {
        return RegressionMetrics.of(predicted, reference).mse();
    }

    @Test
    void linearGridIsScoredOnTheValidationRows() {
        Random random = new Random(3);
        int p = 30;
        double[] w = SyntheticData.gaussian(1, p, random)[0];
        double[][] x = SyntheticData.gaussian(40, p, random);
        double[][] y = SyntheticData.linearTargets(x, w, new double[]{0.5}, 2.0, random);
        double[][] vx = SyntheticData.gaussian(30, p, random);
        double[][] vy = SyntheticData.linearTargets(vx, w, new double[]{0.5}, 2.0, random);
        DescriptorSpec spec = SyntheticData.spec(p, 0.1);
        OutputSpec output = OutputSpec.scalar("s", "", false);
        TrainingData data = new TrainingData(x, y, vx, vy, spec, output, TrainingProvenance.synthetic(x.length));
        double[] betas = {1e-4, 1e-2, 1, 10, 100, 1e4};
        LinearTrainer trainer = new LinearTrainer(new LinearTrainer.CrossValidation(new double[]{0}, betas, 5, 1));
        SprModel model = trainer.train(data);
        assertEquals("validation rows (30)", model.metadata().training().hyperparameters().get("selection"));
        // the choice is the β of lowest validation MSE when fitting on the training rows alone
        int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
        double bestMse = Double.POSITIVE_INFINITY;
        double bestBeta = Double.NaN;
        for (double beta : betas) {
            LinearBackend backend = new LinearTrainer(0, beta).fit(x, y, all, 0, beta);
            double[][] predicted = new double[vx.length][1];
            for (int i = 0; i < vx.length; i++) {
                backend.predict(vx[i], predicted[i]);
            }
            double m = mse(predicted, vy);
            if (m < bestMse) {
                bestMse = m;
                bestBeta = beta;
            }
        }
        assertEquals(bestBeta, trainer.lastSearch().bestBeta());
        assertEquals(Double.toString(bestBeta), model.metadata().training().hyperparameters().get("beta"));
        // k-fold when asked
        LinearTrainer kFold = new LinearTrainer(new LinearTrainer.CrossValidation(new double[]{0}, betas, 5, 1)).selectOnValidation(false);
        assertTrue(kFold.train(data).metadata().training().hyperparameters().get("selection").contains("5-fold"));
    }

    @Test
    void edgeOfTheGridIsWarnedAbout() {
        assertTrue(LinearTrainer.edgeWarning("--beta", new double[]{1e-4, 1e-2, 1}, 1).orElseThrow().contains("largest"));
        assertTrue(LinearTrainer.edgeWarning("--beta", new double[]{1e-4, 1e-2, 1}, 1e-4).orElseThrow().contains("smallest"));
        assertTrue(LinearTrainer.edgeWarning("--beta", new double[]{0, 1e-2, 1}, 0).isEmpty(), "0 is a natural end");
        assertTrue(LinearTrainer.edgeWarning("--beta", new double[]{1e-4, 1e-2, 1}, 1e-2).isEmpty());
        assertTrue(LinearTrainer.edgeWarning("--beta", new double[]{1}, 1).isEmpty(), "no grid");
    }

    @Test
    void xgboostRoundsAreChosenOnTheValidationRows() {
        Random random = new Random(5);
        int p = 8;
        double[][] x = SyntheticData.gaussian(120, p, random);
        double[][] vx = SyntheticData.gaussian(40, p, random);
        double[][] y = new double[x.length][1];
        double[][] vy = new double[vx.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = Math.sin(x[i][0]) + 0.5 * random.nextGaussian();
        }
        for (int i = 0; i < vx.length; i++) {
            vy[i][0] = Math.sin(vx[i][0]) + 0.5 * random.nextGaussian();
        }
        TrainingData data = new TrainingData(x, y, vx, vy, SyntheticData.spec(p, 0.1), OutputSpec.scalar("s", "", false),
                TrainingProvenance.synthetic(x.length));
        XgboostTrainer.Settings settings = new XgboostTrainer.Settings(200, 4, 0.3, 0.8, 1.0, 1, 0, 11);
        XgboostTrainer trainer = new XgboostTrainer(settings);
        try (SprModel chosen = trainer.train(data)) {
            int rounds = trainer.lastChosenRounds();
            assertTrue(rounds >= 1 && rounds < 200, "noisy data with eta 0.3 over-fit long before 200 rounds: " + rounds);
            assertEquals(Integer.toString(rounds), chosen.metadata().training().hyperparameters().get("rounds_chosen"));
            TrainingData noValidation = TrainingData.of(x, y, data.inputSpec(), data.outputSpec());
            try (SprModel all = new XgboostTrainer(settings).train(noValidation)) {
                assertTrue(mse(chosen.predictAll(vx), vy) < mse(all.predictAll(vx), vy), "early stopping beats all 200 rounds on validation");
            }
        }
    }
}
