package org.spr.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * The ghost-cell pair search against a brute-force count over every atom pair and every periodic image (the
 * definition of H_ab), for the geometries where cell lists go wrong: strong tilts, cutoffs beyond the box,
 * slabs with vacuum, non-periodic axes, every cell size. Box lengths are chosen so that no atom-to-own-image
 * distance (a lattice vector length) falls on a bin edge, where rounding may pick either bin.
 */
class GhostCellGridTest {

    /** H_ab(k) by brute force: every i, every j, every lattice image T with (j, T) ≠ (i, 0). */
    static double[] bruteForce(Frame frame, RadialGrid grid) {
        Box box = frame.box();
        int n = frame.atomCount(), types = frame.typeCount(), bins = grid.bins();
        double rMax = grid.rMax();
        double inverse = 1.0 / (rMax / bins);
        int[] reach = new int[3];
        for (int d = 0; d < 3; d++) {
            reach[d] = box.periodic(d) ? (int) Math.ceil(rMax / box.perpendicularWidth(d)) + 1 : 0;
        }
        double[] wrapped = frame.positions().clone();
        for (int i = 0; i < n; i++) {
            box.wrap(wrapped, 3 * i);
        }
        double[] h = new double[types * types * bins];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -reach[0]; a <= reach[0]; a++) {
                    for (int b = -reach[1]; b <= reach[1]; b++) {
                        for (int c = -reach[2]; c <= reach[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            double sx = a * box.lx() + b * box.xy() + c * box.xz(), sy = b * box.ly() + c * box.yz(), sz = c * box.lz();
                            double dx = wrapped[3 * i] - (wrapped[3 * j] + sx);
                            double dy = wrapped[3 * i + 1] - (wrapped[3 * j + 1] + sy);
                            double dz = wrapped[3 * i + 2] - (wrapped[3 * j + 2] + sz);
                            double rsq = dx * dx + dy * dy + dz * dz;
                            if (rsq < rMax * rMax) {
                                int bin = (int) (Math.sqrt(rsq) * inverse);
                                if (bin < bins) {
                                    int ti = frame.types()[i] - 1, tj = frame.types()[j] - 1;
                                    h[(ti * types + tj) * bins + bin]++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return h;
    }

    private static void assertSameHistogram(Frame frame, RadialGrid grid) {
        double[] expected = bruteForce(frame, grid);
        double total = 0;
        for (double v : expected) {
            total += v;
        }
        assertTrue(total > 0, "the fixture has pairs");
        for (int k = 1; k <= 4; k++) {
            for (int threads : new int[] {1, 3}) {
                double[] actual = new RadialDistribution(grid, threads, k).countPairs(frame).clone();
                assertArrayEquals(expected, actual, 0.0, "cells per cutoff " + k + ", threads " + threads);
            }
        }
    }

    @Test
    void stronglyTiltedTriclinicBox() {
        Box box = Box.triclinic(9.1, 8.3, 7.2, 4.4, -3.9, 3.4);
        assertSameHistogram(TestStructures.random(box, 150, 2, 21), new RadialGrid(3.7, 0.1));
    }

    @Test
    void cutoffSeveralTimesTheBox() {
        Box box = Box.triclinic(2.93, 3.37, 3.11, 1.23, 0.71, -1.13);
        assertSameHistogram(TestStructures.random(box, 5, 2, 4), new RadialGrid(7.9, 0.1));
    }

    @Test
    void slabWithVacuumIsNotPeriodicAcrossTheGapAndStraddlingTheBoundaryIsFine() {
        Box box = Box.triclinic(12.3, 11.1, 30.7, 2.1, 1.53, -2.07);
        Random random = new Random(5);
        // the film crosses the periodic boundary at s_c = 1
        Frame frame = TestStructures.random(box, 200, random, () -> 0.9 + 0.25 * random.nextDouble(), i -> 1 + random.nextInt(2), 2, 3);
        assertSameHistogram(frame, new RadialGrid(6.0, 0.1));
        // a vacuum narrower than the cutoff keeps the axis periodic: images across it still count
        assertSameHistogram(frame, new RadialGrid(24.0, 0.2));
    }

    @Test
    void monolayerAndNonPeriodicAxis() {
        Frame graphene = TestStructures.graphene(2.46, 5, 5, 15);
        assertSameHistogram(graphene, new RadialGrid(6.0, 0.05));
        Box open = Box.orthogonal(8, 9, 10).withPeriodicity(true, false, true);
        Frame frame = TestStructures.random(open, 120, 1, 8);
        double[] positions = frame.positions().clone();
        for (int i = 0; i < positions.length; i += 3) {
            positions[i + 1] = 3 * positions[i + 1] - 4; // well outside the nominal y bounds: not wrapped
        }
        assertSameHistogram(new Frame(positions, frame.types(), 1, null, null, null, open, 3, 0), new RadialGrid(4.0, 0.1));
    }

    @Test
    void allAtomsOnOnePlaneOrPoint() {
        Box box = Box.orthogonal(10, 10, 10);
        double[] positions = {1, 1, 5, 2, 3, 5, 7, 9, 5, 4, 4, 5};
        assertSameHistogram(new Frame(positions, new int[] {1, 1, 1, 1}, 1, null, null, null, box, 2, 0), new RadialGrid(6, 0.1));
        double[] single = {3, 3, 3};
        assertSameHistogram(new Frame(single, new int[] {1}, 1, null, null, null, Box.orthogonal(2, 2.5, 3), 3, 0), new RadialGrid(5, 0.1));
    }

    @Test
    void oneCalculatorFollowsTheBoxFromFrameToFrame() {
        RadialGrid grid = new RadialGrid(3.3, 0.1);
        RadialDistribution reused = new RadialDistribution(grid, 1);
        Box[] boxes = {Box.triclinic(9.1, 8.3, 7.2, 1.4, -0.9, 0.4), Box.triclinic(9.13, 8.31, 7.22, 1.45, -0.93, 0.41),
            Box.triclinic(9.13, 8.31, 7.22, 1.45, -0.93, 0.41), Box.orthogonal(7.3, 8.1, 9.7), Box.triclinic(9.1, 8.3, 7.2, 1.4, -0.9, 0.4)};
        for (int f = 0; f < boxes.length; f++) {
            Frame frame = TestStructures.random(boxes[f], 120, 2, 40 + f);
            assertArrayEquals(bruteForce(frame, grid), reused.countPairs(frame), 0.0, "frame " + f);
        }
    }

    @Test
    void cellDistanceIsTheExactMinimumOverBothCells() {
        Random random = new Random(3);
        double[][] edges = {{1.0, 0, 0}, {0.6, 0.9, 0}, {-0.4, 0.3, 0.7}};
        double[] gram = new double[9];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                gram[3 * p + q] = edges[p][0] * edges[q][0] + edges[p][1] * edges[q][1] + edges[p][2] * edges[q][2];
            }
        }
        // perpendicular widths V / |e_q × e_r| of the cell spanned by the edges
        double volume = edges[0][0] * edges[1][1] * edges[2][2];
        double[] perpendicular = {volume / norm(cross(edges[1], edges[2])), volume / norm(cross(edges[2], edges[0])),
            volume / norm(cross(edges[0], edges[1]))};
        for (int o0 = -3; o0 <= 3; o0++) {
            for (int o1 = -3; o1 <= 3; o1++) {
                for (int o2 = -3; o2 <= 3; o2++) {
                    double exact = CellOffsetDistance.minimumSquared(gram, o0, o1, o2);
                    double sampled = Double.POSITIVE_INFINITY;
                    for (int trial = 0; trial < 20000; trial++) { // faces, edges and corners are sampled too
                        double t0 = o0 + sample(random), t1 = o1 + sample(random), t2 = o2 + sample(random);
                        double x = t0 * edges[0][0] + t1 * edges[1][0] + t2 * edges[2][0];
                        double y = t1 * edges[1][1] + t2 * edges[2][1];
                        double z = t2 * edges[2][2];
                        sampled = Math.min(sampled, x * x + y * y + z * z);
                    }
                    assertTrue(exact <= sampled + 1e-12, "offset " + o0 + "," + o1 + "," + o2);
                    for (double limit : new double[] {0.5, 1.3, 2.2}) {
                        assertEquals(exact <= limit * limit, CellOffsetDistance.within(gram, perpendicular, o0, o1, o2, limit * limit),
                                "pruning of offset " + o0 + "," + o1 + "," + o2 + " at " + limit);
                    }
                    assertEquals(Math.sqrt(sampled), Math.sqrt(exact), 0.06, "offset " + o0 + "," + o1 + "," + o2);
                }
            }
        }
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double norm(double[] u) {
        return Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    }

    /** A point of [−1, 1]: −1, 0 or 1 with probability 1/5 each, else uniform. */
    private static double sample(Random random) {
        double u = random.nextDouble();
        return u < 0.6 ? Math.floor(u * 5) - 1 : 2 * random.nextDouble() - 1;
    }
}
