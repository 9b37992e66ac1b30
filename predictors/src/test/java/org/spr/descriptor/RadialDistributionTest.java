package org.spr.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spr.structure.Box;
import org.spr.structure.Frame;

class RadialDistributionTest {

    /** Value of a running coordination curve at radius r (the bin containing r). */
    private static double at(double[] curve, RadialGrid grid, double r) {
        return curve[(int) (r / grid.dr())];
    }

    @Test
    void idealGasIn3DIsOneWithinStatisticalError() {
        Box box = Box.orthogonal(20, 20, 20);
        Frame frame = TestStructures.random(box, 4000, 1, 1);
        RadialGrid grid = new RadialGrid(9.0, 0.1);
        PairCorrelation g = new RadialDistribution(grid).compute(frame);
        double density = (frame.atomCount() - 1) / box.volume();
        for (int k = 5; k < grid.bins(); k++) {
            double shell = 4 * Math.PI / 3 * (Math.pow(grid.lowerEdge(k + 1), 3) - Math.pow(grid.lowerEdge(k), 3));
            double expectedPairs = frame.atomCount() * density * shell;
            double sigma = Math.sqrt(2 / expectedPairs);
            assertEquals(1.0, g.total()[k], 6 * sigma, "bin " + k);
        }
        assertEquals(frame.atomCount() / box.volume(), g.numberDensity(), 1e-15);
    }

    @Test
    void idealGasIn2DUsesTheInPlaneAreaWhateverTheVacuum() {
        Box box = Box.triclinic(30, 26, 40, 8, 0, 0);
        int n = 3000;
        Frame frame = TestStructures.random(box, n, new Random(2), () -> 0.5, i -> 1, 1, 2);
        RadialGrid grid = new RadialGrid(12.0, 0.2);
        PairCorrelation g = new RadialDistribution(grid).compute(frame);
        double density = (n - 1) / box.area();
        for (int k = 5; k < grid.bins(); k++) {
            double shell = Math.PI * (Math.pow(grid.lowerEdge(k + 1), 2) - Math.pow(grid.lowerEdge(k), 2));
            double sigma = Math.sqrt(2 / (n * density * shell));
            assertEquals(1.0, g.total()[k], 6 * sigma, "bin " + k);
        }
        assertEquals(2, g.dimension());
        assertEquals(n / box.area(), g.numberDensity(), 1e-15);
    }

    @Test
    void grapheneHasThreeNeighboursAt142AndSixAt246() {
        Frame frame = TestStructures.graphene(2.46, 8, 8, 20);
        RadialGrid grid = new RadialGrid(4.0, 0.025); // no shell on a bin edge
        PairCorrelation g = new RadialDistribution(grid).compute(frame);
        double[] n = g.coordination();
        assertEquals(0.0, at(n, grid, 1.38), 1e-12);
        assertEquals(3.0, at(n, grid, 1.44), 1e-12);
        assertEquals(3.0, at(n, grid, 2.44), 1e-12);
        assertEquals(9.0, at(n, grid, 2.47), 1e-12);
        int firstPeak = argMax(g.total(), 0, (int) (2.0 / grid.dr()));
        assertEquals(1.42, grid.centre(firstPeak), grid.dr());
        int secondPeak = argMax(g.total(), (int) (2.0 / grid.dr()), (int) (2.6 / grid.dr()));
        assertEquals(2.46, grid.centre(secondPeak), grid.dr());
    }

    @Test
    void fccHasTwelveNearestNeighboursAtAOverRootTwo() {
        double a = 3.615;
        Frame frame = TestStructures.fcc(a, 4);
        RadialGrid grid = new RadialGrid(6.0, 0.01);
        PairCorrelation g = new RadialDistribution(grid, 2, 2).compute(frame);
        double nearest = a / Math.sqrt(2);
        assertEquals(0.0, at(g.coordination(), grid, nearest - 0.02), 1e-12);
        assertEquals(12.0, at(g.coordination(), grid, nearest + 0.02), 1e-12);
        assertEquals(18.0, at(g.coordination(), grid, a + 0.02), 1e-12);
        assertEquals(nearest, grid.centre(argMax(g.total(), 0, grid.bins())), grid.dr());
    }

    @Test
    void zincblendeSiliconCarbideHasTheRightPartials() {
        double a = 4.36;
        Frame frame = TestStructures.zincblende(a, 3);
        RadialGrid grid = new RadialGrid(5.0, 0.01);
        PairCorrelation g = new RadialDistribution(grid).compute(frame);
        assertArrayEquals(new String[] {"Si", "C"}, g.typeLabels());
        double bond = a * Math.sqrt(3) / 4, second = a / Math.sqrt(2);
        int si = 0, c = 1;
        assertEquals(0.0, at(g.partialCoordination(si, c), grid, bond - 0.02), 1e-12);
        assertEquals(4.0, at(g.partialCoordination(si, c), grid, bond + 0.02), 1e-12);
        assertEquals(4.0, at(g.partialCoordination(c, si), grid, bond + 0.02), 1e-12);
        assertEquals(0.0, at(g.partialCoordination(si, si), grid, second - 0.02), 1e-12);
        assertEquals(12.0, at(g.partialCoordination(si, si), grid, second + 0.02), 1e-12);
        assertEquals(12.0, at(g.partialCoordination(c, c), grid, second + 0.02), 1e-12);
        assertEquals(4.0, at(g.coordination(), grid, bond + 0.02), 1e-12);
        assertEquals(bond, grid.centre(argMax(g.partial(si, c), 0, grid.bins())), grid.dr());
        assertEquals(second, grid.centre(argMax(g.partial(si, si), 0, grid.bins())), grid.dr());
        // the total is the concentration-weighted sum of partials
        for (int k = 0; k < grid.bins(); k++) {
            double expected = 0.25 * (g.partial(0, 0)[k] + g.partial(0, 1)[k] + g.partial(1, 0)[k] + g.partial(1, 1)[k]);
            assertEquals(expected, g.total()[k], 1e-12 * Math.max(1, expected));
        }
        assertArrayEquals(g.partial(si, c), g.partial(c, si), 1e-12);
        // equal scattering lengths give the plain total; different ones weight the partials
        assertArrayEquals(g.total(), g.weightedTotal(new double[] {4.1, 4.1}), 1e-12);
        double[] neutron = g.weightedTotal(new double[] {4.15, 6.65});
        int k = (int) (bond / grid.dr());
        double mean = 0.5 * (4.15 + 6.65);
        assertEquals(2 * 0.25 * 4.15 * 6.65 / (mean * mean) * g.partial(si, c)[k], neutron[k], 1e-9);
    }

    @Test
    void cutoffBeyondHalfTheBoxEqualsAReplicatedCell() {
        // lengths chosen so that no atom-to-own-image distance lies on a bin edge (rounding would pick either bin)
        Box small = Box.orthogonal(3.03, 3.61, 4.17);
        Frame cell = TestStructures.random(small, 7, 2, 5);
        Frame big = replicate(cell, 3, 3, 3);
        RadialGrid grid = new RadialGrid(7.0, 0.07);
        PairCorrelation fromSmall = new RadialDistribution(grid).compute(cell);
        PairCorrelation fromBig = new RadialDistribution(grid).compute(big);
        assertPerAtomEqual(fromSmall, fromBig);
    }

    @Test
    void triclinicCellEqualsTheSameLatticeDescribedOrthogonally() {
        double l = 4.03;
        Box triclinic = Box.triclinic(l, l, l, l / 2, l / 2, l / 2);
        Frame cell = TestStructures.random(triclinic, 20, 2, 9);
        // a, 2b − a and 4c − 2b − a... span an L × 2L × 4L orthogonal supercell holding the images j·b + k·c
        Box orthogonal = Box.orthogonal(l, 2 * l, 4 * l);
        int n = cell.atomCount();
        double[] positions = new double[3 * n * 8];
        int[] types = new int[n * 8];
        int atom = 0;
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < n; i++) {
                    positions[3 * atom] = cell.positions()[3 * i] + j * triclinic.xy() + k * triclinic.xz();
                    positions[3 * atom + 1] = cell.positions()[3 * i + 1] + j * l + k * triclinic.yz();
                    positions[3 * atom + 2] = cell.positions()[3 * i + 2] + k * l;
                    types[atom++] = cell.types()[i];
                }
            }
        }
        Frame supercell = new Frame(positions, types, 2, null, null, null, orthogonal, 3, 0);
        RadialGrid grid = new RadialGrid(6.3, 0.07);
        assertPerAtomEqual(new RadialDistribution(grid).compute(cell), new RadialDistribution(grid).compute(supercell));
    }

    @Test
    void parallelAndSerialAndCellSizesAgreeAndBuffersAreReused() {
        Box box = Box.triclinic(25, 22, 24, 3, -2, 4);
        Frame frame = TestStructures.random(box, 6000, 3, 11);
        RadialGrid grid = new RadialGrid(6.0, 0.05);
        RadialDistribution serial = new RadialDistribution(grid, 1, 1);
        RadialDistribution parallel = new RadialDistribution(grid, 4, 3);
        PairCorrelation a = serial.compute(frame);
        PairCorrelation b = parallel.compute(frame);
        assertArrayEquals(a.total(), b.total(), 1e-12);
        assertArrayEquals(a.partial(1, 2), b.partial(1, 2), 1e-12);
        PairCorrelation again = parallel.compute(frame, b);
        assertSame(b, again);
        assertArrayEquals(a.coordination(), again.coordination(), 1e-12);
    }

    @Test
    void atomsOutsideTheBoxAreWrapped() {
        Box box = Box.orthogonal(10, 10, 10);
        Frame inside = TestStructures.random(box, 200, 1, 3);
        double[] shifted = inside.positions().clone();
        for (int i = 0; i < shifted.length; i += 3) {
            shifted[i] += 10 * ((i / 3) % 3 - 1);
            shifted[i + 2] -= 30;
        }
        RadialGrid grid = new RadialGrid(5.0, 0.1);
        PairCorrelation a = new RadialDistribution(grid).compute(inside);
        PairCorrelation b = new RadialDistribution(grid).compute(new Frame(shifted, inside.types(), 1, null, null, null, box, 3, 0));
        assertArrayEquals(a.total(), b.total(), 1e-9);
    }

    @Test
    void emptyFramesAndNonPositiveCutoffsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RadialGrid(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RadialGrid(-1, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new Frame(new double[0], new int[0], 1, null, null, null, Box.orthogonal(1, 1, 1), 3, 0));
    }

    @Test
    void smoothingKeepsAConstantAndBroadensAPeak() {
        double[] flat = new double[100];
        java.util.Arrays.fill(flat, 1.0);
        double[] out = GaussianSmoothing.smooth(flat, 0.02, 0.1, null);
        for (double v : out) {
            assertEquals(1.0, v, 1e-12);
        }
        double[] spike = new double[101];
        spike[50] = 1;
        double[] broad = GaussianSmoothing.smooth(spike, 0.02, 0.1, null);
        assertTrue(broad[50] < 0.2 && broad[45] > 0);
        assertEquals(broad[45], broad[55], 1e-15);
    }

    static int argMax(double[] values, int from, int to) {
        int best = from;
        for (int k = from; k < to; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    static Frame replicate(Frame cell, int na, int nb, int nc) {
        Box box = cell.box();
        int n = cell.atomCount();
        int copies = na * nb * nc;
        double[] positions = new double[3 * n * copies];
        int[] types = new int[n * copies];
        int atom = 0;
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                for (int c = 0; c < nc; c++) {
                    for (int i = 0; i < n; i++) {
                        positions[3 * atom] = cell.positions()[3 * i] + a * box.lx() + b * box.xy() + c * box.xz();
                        positions[3 * atom + 1] = cell.positions()[3 * i + 1] + b * box.ly() + c * box.yz();
                        positions[3 * atom + 2] = cell.positions()[3 * i + 2] + c * box.lz();
                        types[atom++] = cell.types()[i];
                    }
                }
            }
        }
        Box big = new Box(box.xlo(), box.ylo(), box.zlo(), na * box.lx(), nb * box.ly(), nc * box.lz(),
                nb * box.xy(), nc * box.xz(), nc * box.yz(), true, true, true);
        return new Frame(positions, types, cell.typeCount(), null, null, null, big, 3, 0);
    }

    /**
     * Same per-atom neighbour counts, and g equal once the (N_b − δ_ab)/N_b factor of the ρ_b convention is
     * removed: g_ab (N_b − δ_ab)/N_b = H_ab V / (N_a N_b S) depends only on the per-atom environment.
     */
    static void assertPerAtomEqual(PairCorrelation small, PairCorrelation big) {
        int types = small.typeCount();
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) {
                assertArrayEquals(small.partialCoordination(a, b), big.partialCoordination(a, b), 1e-9, "n_" + a + b);
                double fs = (small.countsPerType()[b] - (a == b ? 1.0 : 0.0)) / small.countsPerType()[b];
                double fb = (big.countsPerType()[b] - (a == b ? 1.0 : 0.0)) / big.countsPerType()[b];
                double[] gs = small.partial(a, b), gb = big.partial(a, b);
                for (int k = 0; k < gs.length; k++) {
                    assertEquals(gs[k] * fs, gb[k] * fb, 1e-9 * Math.max(1, gb[k]), "g_" + a + b + " bin " + k);
                }
            }
        }
        assertArrayEquals(small.coordination(), big.coordination(), 1e-9);
    }
}
