package org.spr.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeededShuffleTest {

    /** The same draws as Collections.shuffle (which the protocols used), so splits, folds and vacancies are unchanged. */
    @Test
    void drawsTheSameOrderAsCollectionsShuffle() {
        for (long seed : new long[] {0, 7, 20240901, -3}) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 257; i++) {
                expected.add(i);
            }
            Collections.shuffle(expected, new Random(seed));
            int[] order = SeededShuffle.permutation(257, seed);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), order, "seed " + seed);
        }
    }

    @Test
    void isAPermutationThatDependsOnTheSeed() {
        int[] order = SeededShuffle.permutation(100, 1);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(Arrays.toString(order), Arrays.toString(SeededShuffle.permutation(100, 2)));
        assertArrayEquals(order, SeededShuffle.permutation(100, 1), "the same seed, the same order");
    }
}
