package org.spr.linalg;

import java.util.Random;

/** Seeded random dense symmetric matrices (row-major): stand-in inputs for the eigensolver tests and benchmarks. */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** A symmetric n×n matrix with entries uniform in [−1, 1), upper triangle drawn row by row. */
    public static double[] uniformSymmetric(int n, long seed) {
        Random random = new Random(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double value = 2 * random.nextDouble() - 1;
                m[i * n + j] = value;
                m[j * n + i] = value;
            }
        }
        return m;
    }

    /** A symmetric n×n matrix of standard normal entries, lower triangle drawn row by row. */
    public static double[] gaussianSymmetric(int n, long seed) {
        double[] matrix = new double[n * n];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double value = random.nextGaussian();
                matrix[i * n + j] = value;
                matrix[j * n + i] = value;
            }
        }
        return matrix;
    }
}
