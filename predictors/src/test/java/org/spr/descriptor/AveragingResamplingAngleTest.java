package org.spr.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spr.structure.Box;
import org.spr.structure.Frame;

class AveragingResamplingAngleTest {

    @Test
    void windowAverageIsTheMeanOfFrames() {
        RadialGrid grid = new RadialGrid(4.0, 0.1);
        RadialDistribution rdf = new RadialDistribution(grid);
        Box box = Box.orthogonal(9, 9, 9);
        PairCorrelation a = rdf.compute(TestStructures.random(box, 300, 2, 1));
        PairCorrelation b = rdf.compute(TestStructures.random(box, 300, 2, 2));
        RunningAverage window = new RunningAverage();
        window.add(a);
        window.add(b);
        PairCorrelation mean = window.mean();
        assertEquals(2, window.count());
        for (int k = 0; k < grid.bins(); k++) {
            assertEquals(0.5 * (a.total()[k] + b.total()[k]), mean.total()[k], 1e-12);
            assertEquals(0.5 * (a.partial(0, 1)[k] + b.partial(0, 1)[k]), mean.partial(0, 1)[k], 1e-12);
            assertEquals(0.5 * (a.coordination()[k] + b.coordination()[k]), mean.coordination()[k], 1e-12);
        }
        PairCorrelation other = new RadialDistribution(new RadialGrid(4.0, 0.2)).compute(TestStructures.random(box, 300, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> window.add(other));
        window.reset();
        assertThrows(IllegalStateException.class, window::mean);
    }

    @Test
    void resamplingInterpolatesLinearlyAndWarns() {
        RadialGrid coarse = new RadialGrid(4.0, 0.1), fine = new RadialGrid(4.0, 0.05);
        double[] linear = new double[coarse.bins()];
        for (int k = 0; k < linear.length; k++) {
            linear[k] = 2 * coarse.centre(k) + 1;
        }
        ResampledCurve curve = GridResampling.resample(linear, coarse, fine);
        assertTrue(curve.resampled());
        assertNotNull(curve.warning());
        assertEquals(fine.bins(), curve.values().length);
        for (int k = 1; k < fine.bins() - 1; k++) {
            assertEquals(2 * fine.centre(k) + 1, curve.values()[k], 1e-12, "bin " + k);
        }
        ResampledCurve same = GridResampling.resample(linear, coarse, new RadialGrid(4.0, 0.1));
        assertFalse(same.resampled());
        assertArrayEquals(linear, same.values(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GridResampling.resample(linear, coarse, new RadialGrid(8.0, 0.1)));
    }

    @Test
    void bondAnglesOfGrapheneAre120AndOfFccAre60_90_120_180() {
        Frame graphene = TestStructures.graphene(2.46, 6, 6, 20);
        AngleHistogram angles = new AngularDistribution(1.6, 180).compute(graphene);
        assertEquals(120.5, angles.peakDegrees(), 1e-9);
        assertEquals(graphene.atomCount() * 3L, angles.tripletCount());
        double area = 0;
        for (double p : angles.density()) {
            area += p * angles.binWidthDegrees();
        }
        assertEquals(1.0, area, 1e-12);
        // FCC first shell: 12 neighbours, 66 angles per atom: 24 at 60°, 12 at 90°, 24 at 120°, 6 at 180°
        Frame fcc = TestStructures.fcc(1.0, 3);
        AngleHistogram fccAngles = new AngularDistribution(0.8, 18).compute(fcc);
        assertEquals(fcc.atomCount() * 66L, fccAngles.tripletCount());
        double[] p = fccAngles.density();
        double w = fccAngles.binWidthDegrees();
        assertEquals(24.0 / 66, (p[5] + p[6]) * w, 1e-12);
        assertEquals(12.0 / 66, (p[8] + p[9]) * w, 1e-12);
        assertEquals(24.0 / 66, (p[11] + p[12]) * w, 1e-12);
        assertEquals(6.0 / 66, p[17] * w, 1e-12);
    }
}
