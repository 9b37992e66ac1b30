package org.spr.descriptor;

import org.junit.jupiter.api.Test;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distributed g(r) kernels, with the ranks simulated in one process: atoms split over P "ranks" (slabs or at
 * random), each rank's halo selected from every rank's atoms, each rank's (local, held) pairs counted, the
 * histograms summed. The sum must be the serial ordered-pair histogram, count for count, and no rank may hold
 * all atoms when r_max is small against the cell.
 */
class HaloPairsTest {

    @Test
    void orthogonalBulkSplitIntoSlabsGivesTheSerialHistogram() {
        Box box = Box.orthogonal(40.3, 12.1, 13.7);
        Frame frame = randomFrame(box, 4000, 2, 3, 1);
        int[] fromOthers = compare(frame, new RadialGrid(3.0, 0.05), 4, false);
        for (int received : fromOthers) {
            // a slab 10 wide gets two layers 3 wide of its neighbours (and their images along y and z)
            assertTrue(received < 0.4 * frame.atomCount(), "a rank received " + received + " of " + frame.atomCount() + " atoms");
        }
    }

    @Test
    void triclinicWithRmaxBeyondHalfTheCellGivesTheSerialHistogram() {
        // lattice vector lengths off the bin edges: an atom and its own image are exactly |a| apart, and round-off in
        // how an image is placed decides the bin of a distance on an edge
        Box box = Box.triclinic(7.03, 6.57, 6.11, 1.53, -1.21, 0.83);
        Frame frame = randomFrame(box, 250, 3, 3, 2);
        compare(frame, new RadialGrid(9.0, 0.1), 1, false);
        compare(frame, new RadialGrid(9.0, 0.1), 3, false);
        compare(frame, new RadialGrid(9.0, 0.1), 5, true);
    }

    @Test
    void monolayerWithoutPeriodicityAlongZGivesTheSerialHistogram() {
        // a 2D g(r): z is not periodic, the monolayer is thinner than the cell (z box of 1.1: images would be 1.1 apart)
        Box periodic = Box.orthogonal(20, 17, 1.1);
        Frame frame = randomFrame(periodic, 500, 2, 2, 3);
        Frame planar = frame.withBox(periodic.withPeriodicity(true, true, false));
        compare(planar, new RadialGrid(6.0, 0.02), 2, false);
        compare(planar, new RadialGrid(6.0, 0.02), 3, true);
    }

    @Test
    void aRankWithoutAtomsNeitherSendsNorReceives() {
        Box box = Box.orthogonal(10, 10, 10);
        Frame frame = randomFrame(box, 400, 1, 3, 4);
        // ranks by slab along x, with 6 ranks over 3 slabs: every other rank is empty
        compare(frame, new RadialGrid(3.0, 0.05), 6, false);
    }

    /**
     * Splits the frame over {@code ranks} ranks, runs the two kernels per rank, asserts the summed histogram and the
     * normalised partials equal the serial ones; returns the atoms each rank received from other ranks.
     */
    private static int[] compare(Frame frame, RadialGrid grid, int ranks, boolean randomSplit) {
        Box box = frame.box();
        int n = frame.atomCount();
        int typeCount = frame.typeCount();
        int[] owner = new int[n];
        double[] s = new double[3];
        double[] wrapped = frame.positions().clone();
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            box.wrap(wrapped, 3 * i);
            box.toFractional(wrapped, 3 * i, s, 0);
            if (randomSplit) {
                owner[i] = random.nextInt(ranks);
            } else if (ranks == 6) { // three slabs on ranks 0, 2, 4; ranks 1, 3, 5 hold nothing
                owner[i] = 2 * Math.min(2, (int) (s[0] * 3));
            } else {
                owner[i] = Math.min(ranks - 1, (int) (s[0] * ranks));
            }
        }
        double[][] cartesian = new double[ranks][];
        double[][] fractional = new double[ranks][];
        int[][] types = new int[ranks][];
        int[] local = new int[ranks];
        double[][] bounds = new double[ranks][6];
        for (int r = 0; r < ranks; r++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                count += owner[i] == r ? 1 : 0;
            }
            cartesian[r] = new double[3 * count];
            fractional[r] = new double[3 * count];
            types[r] = new int[count];
            Arrays.fill(bounds[r], 0, 3, Double.POSITIVE_INFINITY);
            Arrays.fill(bounds[r], 3, 6, Double.NEGATIVE_INFINITY);
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (owner[i] != r) {
                    continue;
                }
                System.arraycopy(wrapped, 3 * i, cartesian[r], 3 * k, 3);
                box.toFractional(wrapped, 3 * i, fractional[r], 3 * k);
                types[r][k] = frame.types()[i];
                for (int d = 0; d < 3; d++) {
                    bounds[r][d] = Math.min(bounds[r][d], fractional[r][3 * k + d]);
                    bounds[r][3 + d] = Math.max(bounds[r][3 + d], fractional[r][3 * k + d]);
                }
                k++;
            }
            local[r] = count;
        }
        double[] reach = new double[3];
        HaloPairs.fractionalReach(box, grid.rMax(), reach);
        double[] summed = new double[typeCount * typeCount * grid.bins()];
        HaloPairs.Scratch scratch = new HaloPairs.Scratch();
        int[] fromOthers = new int[ranks];
        for (int d = 0; d < ranks; d++) {
            HaloPairs.Halo halo = new HaloPairs.Halo();
            double[] lo = Arrays.copyOfRange(bounds[d], 0, 3), hi = Arrays.copyOfRange(bounds[d], 3, 6);
            for (int r = 0; r < ranks; r++) {
                double[] ownLo = Arrays.copyOfRange(bounds[r], 0, 3), ownHi = Arrays.copyOfRange(bounds[r], 3, 6);
                int before = halo.atoms();
                if (HaloPairs.blocksMeet(ownLo, ownHi, lo, hi, reach, box)) {
                    HaloPairs.selectImages(cartesian[r], fractional[r], types[r], local[r], box, lo, hi, reach, r == d, halo);
                }
                if (local[r] == 0 || local[d] == 0) {
                    assertEquals(before, halo.atoms(), "an empty rank takes part in no halo");
                }
                if (r != d) {
                    fromOthers[d] += halo.atoms() - before;
                }
            }
            int total = local[d] + halo.atoms();
            double[] positions = Arrays.copyOf(cartesian[d], 3 * total);
            int[] heldTypes = Arrays.copyOf(types[d], total);
            for (int k = 0; k < halo.atoms(); k++) {
                System.arraycopy(halo.data(), 4 * k, positions, 3 * (local[d] + k), 3);
                heldTypes[local[d] + k] = (int) halo.data()[4 * k + 3];
            }
            HaloPairs.countLocalPairs(positions, heldTypes, local[d], total, typeCount, grid, summed, scratch);
        }
        RadialDistribution serial = new RadialDistribution(grid, 1);
        double[] expected = serial.countPairs(frame).clone();
        assertTrue(Arrays.stream(expected).sum() > 1000, "enough pairs to compare");
        assertArrayEquals(expected, summed, "summed per-rank histograms = serial ordered-pair histogram");
        PairCorrelation reference = serial.compute(frame);
        PairCorrelation distributed = new PairCorrelation(grid, typeCount, frame.dimension());
        serial.normalise(summed, frame.countsPerType(), box, frame.dimension(), frame.typeLabels(), distributed);
        for (int a = 1; a <= typeCount; a++) {
            for (int b = 1; b <= typeCount; b++) {
                assertArrayEquals(reference.partial(a - 1, b - 1), distributed.partial(a - 1, b - 1), 1e-12, "g_" + a + b);
            }
        }
        assertArrayEquals(reference.total(), distributed.total(), 1e-12);
        return fromOthers;
    }

    /** Random atoms (uniform in the cell, monolayers at |z| &lt; 0.3 when lz &lt; 2) of {@code typeCount} types. */
    private static Frame randomFrame(Box box, int n, int typeCount, int dimension, long seed) {
        Random random = new Random(seed);
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        double[] fraction = new double[3];
        for (int i = 0; i < n; i++) {
            fraction[0] = random.nextDouble();
            fraction[1] = random.nextDouble();
            fraction[2] = box.lz() < 2 ? 0.5 + 0.2 * (random.nextDouble() - 0.5) : random.nextDouble();
            box.toCartesian(fraction, 0, positions, 3 * i);
            types[i] = 1 + random.nextInt(typeCount);
        }
        return new Frame(positions, types, typeCount, null, null, null, box, dimension, 0);
    }
}
