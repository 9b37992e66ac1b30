package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearTrainerTest {

    private static final int P = 30;
    private static final int M = 8;
    private static final int N = 2000;
    private static final double SIGMA = 0.05;

    /** A known W with about half of its entries exactly zero, and a known b. */
    private static double[] knownWeights(Random random) {
        double[] w = new double[M * P];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextBoolean() ? 0.0 : (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
        }
        return w;
    }

    private static double[] knownBias(Random random) {
        double[] b = new double[M];
        for (int j = 0; j < M; j++) {
            b[j] = 3 * random.nextGaussian();
        }
        return b;
    }

    /** The known W and b, N standard-normal inputs x and y = W x + b + σ ε, drawn in that order from one seed. */
    private record KnownLinear(double[] w, double[] b, double[][] x, double[][] y) {
        static KnownLinear draw(long seed) {
            Random random = new Random(seed);
            double[] w = knownWeights(random);
            double[] b = knownBias(random);
            double[][] x = SyntheticData.gaussian(N, P, random);
            return new KnownLinear(w, b, x, SyntheticData.linearTargets(x, w, b, SIGMA, random));
        }
    }

    @Test
    void ridgeWithoutPenaltyRecoversKnownWeightsToTheNoiseLevel() {
        KnownLinear known = KnownLinear.draw(1);
        double[] w = known.w();
        double[] b = known.b();
        double[][] x = known.x();
        double[][] y = known.y();
        SprModel model = new LinearTrainer(0, 0).train(TrainingData.of(x, y, SyntheticData.spec(P, 0.1), SyntheticData.spectrum(M)));
        LinearBackend fitted = (LinearBackend) model.backend();
        // OLS standard error of each weight for unit-variance inputs: σ/√n; allow 5 standard errors
        double tolerance = 5 * SIGMA / Math.sqrt(N);
        double largest = 0;
        for (int j = 0; j < M; j++) {
            for (int k = 0; k < P; k++) {
                largest = Math.max(largest, Math.abs(fitted.weight(j, k) - w[j * P + k]));
            }
            assertEquals(b[j], fitted.bias()[j], tolerance);
        }
        assertTrue(largest < tolerance, "largest weight error " + largest + " exceeds " + tolerance);
        assertTrue(largest > 0.05 * tolerance, "a weight error far below the noise level means the noise was not fitted at all");
    }

    @Test
    void ridgeMatchesTheAugmentedNormalEquationsWithUnpenalisedBias() {
        Random random = new Random(2);
        int p = 6;
        int n = 50;
        double beta = 0.3;
        double[][] x = SyntheticData.gaussian(n, p, random);
        for (double[] row : x) {
            row[0] += 5; // a large mean: penalising the bias would visibly change the answer
        }
        double[] w = SyntheticData.gaussian(1, p, random)[0];
        double[][] y = SyntheticData.linearTargets(x, w, new double[]{2}, 0.2, random);
        LinearBackend fitted = (LinearBackend) new LinearTrainer(0, beta).train(TrainingData.of(x, y, SyntheticData.spec(p, 0.1), OutputSpec.scalar("s", "", false))).backend();
        // minimise (1/n)Σ(y − θ·[x,1])² + β Σ_{k<p} θ_k²: normal matrix A = XᵀX/n + β·diag(1…1, 0), rhs Xᵀy/n
        double[][] a = new double[p + 1][p + 2];
        for (double[] row : x) {
            double[] augmented = new double[p + 1];
            System.arraycopy(row, 0, augmented, 0, p);
            augmented[p] = 1;
            int i = java.util.Arrays.asList(x).indexOf(row);
            for (int r = 0; r <= p; r++) {
                for (int c = 0; c <= p; c++) {
                    a[r][c] += augmented[r] * augmented[c] / n;
                }
                a[r][p + 1] += augmented[r] * y[i][0] / n;
            }
        }
        for (int k = 0; k < p; k++) {
            a[k][k] += beta;
        }
        double[] theta = gaussianElimination(a);
        for (int k = 0; k < p; k++) {
            assertEquals(theta[k], fitted.weight(0, k), 1e-10);
        }
        assertEquals(theta[p], fitted.bias()[0], 1e-10);
    }

    private static double[] gaussianElimination(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    @Test
    void lassoZeroesTheWeightsThatAreTrulyZeroAndKeepsTheOthers() {
        KnownLinear known = KnownLinear.draw(3);
        double[] w = known.w();
        double[][] x = known.x();
        double[][] y = known.y();
        LinearBackend fitted = (LinearBackend) new LinearTrainer(0.05, 0).train(TrainingData.of(x, y, SyntheticData.spec(P, 0.1), SyntheticData.spectrum(M))).backend();
        int trulyZero = 0;
        for (int j = 0; j < M; j++) {
            for (int k = 0; k < P; k++) {
                double truth = w[j * P + k];
                if (truth == 0) {
                    trulyZero++;
                    assertEquals(0.0, fitted.weight(j, k), "W[" + j + "][" + k + "] is zero in the truth");
                } else {
                    assertNotEquals(0.0, fitted.weight(j, k));
                    // the L1 shrinkage of a weight is about α/(2 G_kk) ≈ 0.025 for unit-variance, nearly orthogonal inputs
                    assertEquals(truth, fitted.weight(j, k), 0.04);
                }
            }
        }
        assertEquals(trulyZero, fitted.zeroWeights());
        // without L1 no weight is exactly zero
        LinearBackend ridge = (LinearBackend) new LinearTrainer(0, 0).train(TrainingData.of(x, y, SyntheticData.spec(P, 0.1), SyntheticData.spectrum(M))).backend();
        assertEquals(0, ridge.zeroWeights());
    }

    @Test
    void hardCoreBinsThatAreAlwaysZeroGetZeroWeightWithoutBreakingTheExactSolve() {
        Random random = new Random(4);
        double[][] x = SyntheticData.gaussian(300, P, random);
        for (double[] row : x) {
            for (int k = 0; k < 5; k++) {
                row[k] = 0; // g(r) = 0 inside the hard core
            }
            row[6] = row[5]; // and two perfectly collinear bins
        }
        double[] w = knownWeights(random);
        double[][] y = SyntheticData.linearTargets(x, w, new double[M], 0.01, random);
        SprModel model = new LinearTrainer(0, 0).train(TrainingData.of(x, y, SyntheticData.spec(P, 0.1), SyntheticData.spectrum(M)));
        LinearBackend fitted = (LinearBackend) model.backend();
        for (int j = 0; j < M; j++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(0.0, fitted.weight(j, k));
            }
        }
        double[][] predicted = model.predictAll(x);
        assertTrue(SyntheticData.mse(predicted, y) < 2e-4, "fit still reaches the noise level");
    }

    @Test
    void crossValidationPrefersRegularisationWhenDataAreScarceAndNoisy() {
        Random random = new Random(5);
        int p = 40;
        double[][] x = SyntheticData.gaussian(60, p, random);
        double[] w = new double[p];
        w[3] = 1;
        double[][] y = SyntheticData.linearTargets(x, w, new double[]{0}, 1.0, random);
        LinearTrainer trainer = new LinearTrainer(new LinearTrainer.CrossValidation(new double[]{0, 0.1, 0.5}, new double[]{0, 1, 10}, 5, 7));
        SprModel model = trainer.train(TrainingData.of(x, y, SyntheticData.spec(p, 0.1), OutputSpec.scalar("s", "", false)));
        LinearTrainer.SearchResult search = trainer.lastSearch();
        double best = Double.POSITIVE_INFINITY;
        for (double[] row : search.meanMse()) {
            for (double v : row) {
                best = Math.min(best, v);
            }
        }
        assertTrue(search.bestAlpha() > 0 || search.bestBeta() > 0, "60 noisy rows and 40 inputs call for regularisation");
        assertTrue(best < search.meanMse()[0][0], "unregularised least squares over-fits here");
        assertEquals(Double.toString(search.bestAlpha()), model.metadata().training().hyperparameters().get("alpha"));
    }
}
