package org.spr.electronic;

import org.spr.model.SpectrumGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test support: graphene's Dirac cone, against which the π tight-binding DOS near the Fermi level is checked. */
final class DiracCone {

    /** Nearest-neighbour hopping t₀ (eV). */
    static final double T0 = 2.7;
    /** Graphene's Dirac-cone DOS per atom and spin: ρ(E) = |E| / (√3 π t₀²) (from ħv_F = 3t₀a₀/2, 3√3a₀²/4 per atom). */
    static final double SLOPE = 1 / (Math.sqrt(3) * Math.PI * T0 * T0);

    private DiracCone() {
    }

    /** The levels at E = 0 (to 1e-9 eV); asserts that every other level is at least {@code gap} (eV) away from it. */
    static int levelsAtTheDiracPoint(double[] levels, double gap) {
        int zero = 0;
        for (double level : levels) {
            if (Math.abs(level) < 1e-9) {
                zero++;
            } else {
                assertTrue(Math.abs(level) > gap, "level " + level + " near the Dirac point");
            }
        }
        return zero;
    }

    /**
     * ρ(E) / (SLOPE·|E|) averaged over the bins with 0.5 ≤ |E| ≤ 1.5 eV; asserts on the way that ρ is even in E
     * (electron–hole symmetry of the bipartite lattice) on a grid symmetric about 0.
     */
    static double slopeRatio(double[] density, SpectrumGrid grid) {
        double ratio = 0;
        int points = 0;
        for (int k = 0; k < grid.count(); k++) {
            double energy = grid.value(k);
            assertEquals(density[grid.count() - 1 - k], density[k], 1e-10, "electron–hole symmetry at " + energy);
            if (Math.abs(energy) >= 0.5 - 1e-9 && Math.abs(energy) <= 1.5 + 1e-9) {
                ratio += density[k] / (SLOPE * Math.abs(energy));
                points++;
            }
        }
        return ratio / points;
    }
}
