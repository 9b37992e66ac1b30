package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearKernelsTest {

    /** The ridge solve (EJML solveSPD) equals the hand-written Cholesky it replaced, to round-off. */
    @Test
    void ridgeEqualsTheFormerHandWrittenCholeskyToRoundOff() {
        Random random = new Random(11);
        int p = 60;
        int m = 7;
        int n = 200;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] gram = new double[p * p];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gram[a * p + b] += x[r * p + a] * x[r * p + b] / n;
                }
            }
        }
        double[] cross = new double[p * m];
        for (int i = 0; i < cross.length; i++) {
            cross[i] = random.nextGaussian();
        }
        double beta = 1e-3;
        double[] solution = new double[p * m];
        assertEquals(0.0, LinearKernels.ridge(gram, cross, p, m, beta, solution), "no jitter for a regular matrix");

        double[] a = gram.clone();
        for (int k = 0; k < p; k++) {
            a[k * p + k] += beta;
        }
        double[] reference = cross.clone();
        assertTrue(cholesky(a, p));
        choleskySolve(a, p, reference, m);
        double scale = 0;
        for (double v : reference) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < solution.length; i++) {
            assertEquals(reference[i], solution[i], 1e-12 * scale, "W[" + i / m + "," + i % m + "]");
        }
    }

    /** Collinear inputs without a penalty: the jitter path still gives weights that reproduce C. */
    @Test
    void aSingularGramMatrixIsSolvedWithAJitter() {
        double[] gram = {1, 1, 1, 1};
        double[] cross = {2, 2};
        double[] solution = new double[2];
        double jitter = LinearKernels.ridge(gram, cross, 2, 1, 0.0, solution);
        assertTrue(jitter > 0, "jitter " + jitter);
        assertEquals(2.0, solution[0] + solution[1], 1e-6, "G W = C along the collinear direction");
        assertEquals(solution[0], solution[1], 1e-9, "the minimum-norm split");
    }

    /** The Cholesky factorisation the project used before EJML's solveSPD (reference for the test above). */
    private static boolean cholesky(double[] a, int p) {
        for (int j = 0; j < p; j++) {
            double diagonal = a[j * p + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * p + k] * a[j * p + k];
            }
            if (!(diagonal > 0)) {
                return false;
            }
            double pivot = Math.sqrt(diagonal);
            a[j * p + j] = pivot;
            for (int i = j + 1; i < p; i++) {
                double sum = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = sum / pivot;
            }
        }
        return true;
    }

    private static void choleskySolve(double[] l, int p, double[] b, int m) {
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < i; k++) {
                for (int j = 0; j < m; j++) {
                    b[i * m + j] -= l[i * p + k] * b[k * m + j];
                }
            }
            for (int j = 0; j < m; j++) {
                b[i * m + j] /= l[i * p + i];
            }
        }
        for (int i = p - 1; i >= 0; i--) {
            for (int k = i + 1; k < p; k++) {
                for (int j = 0; j < m; j++) {
                    b[i * m + j] -= l[k * p + i] * b[k * m + j];
                }
            }
            for (int j = 0; j < m; j++) {
                b[i * m + j] /= l[i * p + i];
            }
        }
    }
}
