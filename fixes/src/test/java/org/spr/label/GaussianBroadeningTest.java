package org.spr.label;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GaussianBroadeningTest {

    private static final FrequencyGrid GRID = FrequencyGrid.CARBON_DEFAULT;

    /** The area of the density over its first {@code bins} bins. */
    private static double area(double[] density, int bins) {
        double area = 0;
        for (int k = 0; k < bins; k++) {
            area += density[k] * GRID.binWidth();
        }
        return area;
    }

    @Test
    void densityHasUnitAreaAndMeanAtTheModes() {
        double[] density = new double[GRID.binCount()];
        double inside = GaussianBroadening.broaden(new double[] {30.0, 50.0, 70.0}, GRID, 1.0, density);
        assertEquals(1.0, inside, 1e-9);
        assertEquals(1.0, area(density, density.length), 1e-12);
        double mean = 0;
        for (int k = 0; k < density.length; k++) {
            mean += density[k] * GRID.binWidth() * GRID.centre(k);
        }
        assertEquals(50.0, mean, 1e-9);
    }

    @Test
    void peakHeightIsThatOfANormalisedGaussian() {
        double[] density = new double[GRID.binCount()];
        GaussianBroadening.broaden(new double[] {40.25}, GRID, 2.0, density);
        assertEquals(1.0 / (2.0 * Math.sqrt(2 * Math.PI)), density[80], 1e-6);
    }

    @Test
    void weightOutsideTheGridIsReportedAndTheRestRenormalised() {
        double[] density = new double[GRID.binCount()];
        double inside = GaussianBroadening.broaden(new double[] {100.0, 50.0}, GRID, 1.0, density);
        assertEquals(0.75, inside, 1e-3);
        assertEquals(1.0, area(density, density.length), 1e-12);
    }

    @Test
    void modesNearZeroKeepTheirFullWeightByReflection() {
        double[] density = new double[GRID.binCount()];
        double inside = GaussianBroadening.broaden(new double[] {0.0, 0.3, 50.0}, GRID, 1.0, density);
        assertEquals(1.0, inside, 1e-3);
        assertEquals(2.0 / 3.0, area(density, 20), 1e-6);
        double[] flat = new double[1000];
        for (int m = 0; m < flat.length; m++) {
            flat[m] = 20.0 * (m + 0.5) / flat.length;
        }
        GaussianBroadening.broaden(flat, GRID, 1.0, density);
        assertEquals(density[20], density[0], 0.01 * density[20], "a flat DOS stays flat down to ν = 0");
    }

    @Test
    void refusesEmptyOrUnrepresentableSpectra() {
        double[] density = new double[GRID.binCount()];
        assertThrows(IllegalArgumentException.class, () -> GaussianBroadening.broaden(new double[0], GRID, 1.0, density));
        assertThrows(IllegalArgumentException.class, () -> GaussianBroadening.broaden(new double[] {500.0}, GRID, 1.0, density));
        assertThrows(IllegalArgumentException.class, () -> GaussianBroadening.broaden(new double[] {50.0}, GRID, 0.0, density));
    }
}
