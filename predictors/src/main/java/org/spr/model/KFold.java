package org.spr.model;

import org.spr.dataset.SeededShuffle;

import org.spr.error.SprException;

/** Deterministic k-fold partition of n rows (shuffled with {@link java.util.Random} of a fixed seed, so reproducible on any JVM). */
public final class KFold {

    private KFold() {
    }

    /**
     * Assigns each of n rows a fold 0 … k−1: a seeded Fisher–Yates shuffle of 0 … n−1, then round-robin.
     *
     * @return fold[i] for row i
     */
    public static int[] assign(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw SprException.usage("k-fold cross-validation needs 2 <= k <= rows, got k=" + k + " for " + n + " rows");
        }
        int[] order = SeededShuffle.permutation(n, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        return fold;
    }


    /** Row indices with fold[i] == f (inFold) or != f. */
    public static int[] rows(int[] fold, int f, boolean inFold) {
        int count = 0;
        for (int value : fold) {
            if ((value == f) == inFold) {
                count++;
            }
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    /** Rows of {@code matrix} at {@code indices} (shared, not copied). */
    public static double[][] select(double[][] matrix, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = matrix[indices[i]];
        }
        return out;
    }
}
