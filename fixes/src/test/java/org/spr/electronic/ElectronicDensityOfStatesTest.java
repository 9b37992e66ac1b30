package org.spr.electronic;

import org.junit.jupiter.api.Test;
import org.spr.model.SpectrumGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElectronicDensityOfStatesTest {

    @Test
    void fermiLevelIsMidGapForEvenAndTheHalfFilledLevelForOddAtomCounts() {
        // 4 electrons fill levels −2 and −1; E_F midway to 0.5
        assertEquals(-0.25, ElectronicDensityOfStates.fermiLevel(new double[] {-2, -1, 0.5, 3}), 0.0);
        // 5 electrons: −2, −1 full, 0.2 half filled
        assertEquals(0.2, ElectronicDensityOfStates.fermiLevel(new double[] {-2, -1, 0.2, 0.5, 3}), 0.0);
        assertEquals(0.0, ElectronicDensityOfStates.fermiLevel(new double[] {-1, 0, 0, 1}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ElectronicDensityOfStates.fermiLevel(new double[0]));
    }

    @Test
    void broadenedDensityIntegratesToOneStatePerAtomAndSpinAndMatchesThePointValue() {
        double[] levels = {-7.5, -2.0, -1.99, 0.0, 0.3, 4.0, 7.9};
        SpectrumGrid grid = new SpectrumGrid(-10, 0.01, 2001, "eV", "");
        double[] density = ElectronicDensityOfStates.broaden(levels, 0.0, grid, 0.1, null);
        double area = 0;
        for (double value : density) {
            area += value * grid.step();
        }
        assertEquals(1.0, area, 1e-10);
        for (int k = 0; k < grid.count(); k += 37) {
            assertEquals(ElectronicDensityOfStates.densityAt(levels, grid.value(k), 0.1), density[k], 1e-12);
        }
        // a reference shifts the grid: E − E_ref
        double[] shifted = ElectronicDensityOfStates.broaden(levels, 4.0, grid, 0.1, null);
        assertEquals(density[1400], shifted[1000], 1e-12);
        assertEquals(1.0 / (levels.length * 0.1 * Math.sqrt(2 * Math.PI)), shifted[1000], 1e-6);
    }
}
