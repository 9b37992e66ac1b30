package org.spr.dataset;

import java.util.Random;

/**
 * The project's one seeded shuffle: Fisher–Yates with {@link java.util.Random} (the same sequence on every JVM), as
 * {@link java.util.Collections#shuffle(java.util.List, Random)} draws it: for i = n−1 … 1, swap element i with element
 * {@code random.nextInt(i + 1)}. Used for dataset splits, k-fold partitions, CNN mini-batches, learning-curve subsets
 * and the atoms a protocol removes or retypes.
 */
public final class SeededShuffle {

    private SeededShuffle() {
    }

    /** Shuffles {@code values} in place, drawing from {@code random}. */
    public static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** The permutation of 0 … n−1 that the shuffle with {@code new Random(seed)} makes. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(seed));
        return order;
    }
}
