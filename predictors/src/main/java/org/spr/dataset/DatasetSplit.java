package org.spr.dataset;

import org.spr.error.SprException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic train/validation/test split: rows are ordered by id (so the split does not depend on row order or
 * sharding), shuffled with {@link java.util.Random} of the recorded seed (the same on every JVM), and cut: the first
 * ⌊n·testFraction⌉ are test, the next ⌊n·validationFraction⌉ validation, the rest training. Indices refer to file rows, ascending.
 *
 * @param seed               shuffle seed
 * @param validationFraction fraction for validation
 * @param testFraction       fraction for test
 * @param train              training row indices
 * @param validation         validation row indices
 * @param test               test row indices
 */
public record DatasetSplit(long seed, double validationFraction, double testFraction, int[] train, int[] validation, int[] test) {

    /** The project default seed. */
    public static final long DEFAULT_SEED = 20240901L;

    /** Splits rows with the given ids. */
    public static DatasetSplit of(List<String> ids, long seed, double validationFraction, double testFraction) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw SprException.usage("validation and test fractions must be >= 0 and sum to less than 1, got "
                    + validationFraction + " and " + testFraction);
        }
        int n = ids.size();
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(ids::get));
        int[] shuffle = SeededShuffle.permutation(n, seed);
        Integer[] shuffled = new Integer[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = byId[shuffle[i]];
        }
        byId = shuffled;
        int testCount = (int) Math.round(n * testFraction);
        int validationCount = (int) Math.round(n * validationFraction);
        int[] test = sorted(byId, 0, testCount);
        int[] validation = sorted(byId, testCount, testCount + validationCount);
        int[] train = sorted(byId, testCount + validationCount, n);
        return new DatasetSplit(seed, validationFraction, testFraction, train, validation, test);
    }

    private static int[] sorted(Integer[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = order[i];
        }
        Arrays.sort(out);
        return out;
    }
}
