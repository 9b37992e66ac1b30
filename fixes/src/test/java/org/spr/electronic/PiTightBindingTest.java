package org.spr.electronic;

import org.junit.jupiter.api.Test;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PiTightBindingTest {

    private static final PiTightBindingParameters CARBON = PiTightBindingParameters.CARBON;

    @Test
    void hoppingIsT0AtTheBondLengthDecaysWithBetaAndTapersContinuouslyToZero() {
        assertEquals(2.7, CARBON.hoppingAt(1.42), 1e-12);
        // β = −d ln t / d ln r at a₀
        double h = 1e-5;
        double logSlope = (Math.log(CARBON.hoppingAt(1.42 * (1 + h))) - Math.log(CARBON.hoppingAt(1.42 * (1 - h)))) / (2 * h);
        assertEquals(-3.37, logSlope, 1e-6);
        assertEquals(3.188, CARBON.hoppingAt(1.35), 1e-3);
        // continuous at both ends of the taper, zero beyond it: graphene's second neighbours (2.46 Å) do not hop
        assertEquals(CARBON.hoppingAt(1.9 - 1e-9), CARBON.hoppingAt(1.9 + 1e-9), 1e-8);
        assertEquals(0.0, CARBON.hoppingAt(2.2 - 1e-7), 1e-10);
        assertEquals(0.0, CARBON.hoppingAt(2.2), 0.0);
        assertEquals(0.0, CARBON.hoppingAt(2.46), 0.0);
        double previous = Double.POSITIVE_INFINITY;
        for (double r = 1.2; r < 2.3; r += 0.01) {
            double t = CARBON.hoppingAt(r);
            assertTrue(t <= previous, "hopping must not grow with distance, at r = " + r);
            previous = t;
        }
    }

    @Test
    void invalidParametersAreRefusedNamingTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PiTightBindingParameters(-1, 1.42, 3.37, 1.9, 2.2, 0, 0)).getMessage().contains("t0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PiTightBindingParameters(2.7, 1.42, 3.37, 2.2, 1.9, 0, 0)).getMessage().contains("r_c1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CARBON.withAndersonDisorder(-0.5, 1)).getMessage().contains("Anderson"));
    }

    /**
     * The supercell sampled at Γ holds graphene's Bloch states at the 2·nx·ny wavevectors commensurate with it, so its
     * eigenvalues are exactly ±t₀|1 + e^{ik·δ₂₁} + e^{ik·δ₃₁}| there (nearest neighbours δ at 1.42 Å).
     */
    @Test
    void grapheneSpectrumIsTheNearestNeighbourBandStructureAtTheCommensurateWavevectors() {
        int nx = 5;
        int ny = 3;
        Frame graphene = CarbonStructures.graphene(nx, ny);
        int n = graphene.atomCount();
        double[] levels = SymmetricEigensolvers.preferred()
                .decompose(new PiTightBinding(CARBON).hamiltonian(graphene, null), n, false).eigenvalues();
        double a = CarbonStructures.LATTICE;
        double[][] neighbours = {{a / 2, a / (2 * Math.sqrt(3))}, {-a / 2, a / (2 * Math.sqrt(3))}, {0, -a / Math.sqrt(3)}};
        double[] expected = new double[n];
        int k = 0;
        for (int m1 = 0; m1 < nx; m1++) {
            for (int m2 = 0; m2 < 2 * ny; m2++) {
                double kx = 2 * Math.PI * m1 / (nx * a);
                double ky = 2 * Math.PI * m2 / (ny * Math.sqrt(3) * a);
                double re = 0;
                double im = 0;
                for (double[] delta : neighbours) {
                    re += Math.cos(kx * delta[0] + ky * delta[1]);
                    im += Math.sin(kx * delta[0] + ky * delta[1]);
                }
                double energy = 2.7 * Math.hypot(re, im);
                expected[k++] = energy;
                expected[k++] = -energy;
            }
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, levels, 1e-10);
    }

    /** Tr H = Σ ε_i = 0 and Tr H² = Σ_ij H_ij² = 3N t₀² for graphene (three bonds per atom), plus N W²/12 on average with Anderson disorder. */
    @Test
    void hamiltonianIsSymmetricWithThreeBondsPerAtomAndItsMomentsFollow() {
        Frame graphene = CarbonStructures.graphene(6, 4);
        int n = graphene.atomCount();
        double[] h = new PiTightBinding(CARBON).hamiltonian(graphene, null);
        double trace = 0;
        double traceSquare = 0;
        for (int i = 0; i < n; i++) {
            int bonds = 0;
            trace += h[i * n + i];
            for (int j = 0; j < n; j++) {
                assertEquals(h[i * n + j], h[j * n + i], 0.0);
                traceSquare += h[i * n + j] * h[i * n + j];
                if (h[i * n + j] != 0 && i != j) {
                    bonds++;
                    assertEquals(-2.7, h[i * n + j], 1e-9);
                }
            }
            assertEquals(3, bonds, "atom " + i);
        }
        assertEquals(0.0, trace, 0.0);
        assertEquals(3 * n * 2.7 * 2.7, traceSquare, 1e-8);

        double w = 2.0;
        double[] disordered = new PiTightBinding(CARBON.withAndersonDisorder(w, 11)).hamiltonian(graphene, null);
        double onSiteSquares = 0;
        for (int i = 0; i < n; i++) {
            double epsilon = disordered[i * n + i];
            assertTrue(Math.abs(epsilon) <= w / 2, "on-site energy " + epsilon + " outside ±W/2");
            onSiteSquares += epsilon * epsilon;
        }
        // ⟨ε²⟩ = W²/12 = 0.333 eV², 96 draws: standard error ≈ 0.03
        assertEquals(w * w / 12, onSiteSquares / n, 0.1);
        assertArrayEquals(disordered, new PiTightBinding(CARBON.withAndersonDisorder(w, 11)).hamiltonian(graphene, null), 0.0);
    }

    @Test
    void positionWeightedMatrixIsAntisymmetricAndUsesTheMinimumImage() {
        Frame graphene = CarbonStructures.graphene(3, 2);
        int n = graphene.atomCount();
        double[] h = new PiTightBinding(CARBON).hamiltonian(graphene, null);
        for (int alpha = 0; alpha < 3; alpha++) {
            double[] x = PiTightBinding.positionWeighted(h, graphene, alpha, null);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(-x[j * n + i], x[i * n + j], 0.0);
                    largest = Math.max(largest, Math.abs(x[i * n + j]));
                }
            }
            // |H_ij (r_i − r_j)_α| ≤ t₀·1.42 Å: bonds across the cell edge use the short image, not the box length
            assertTrue(largest <= 2.7 * 1.42 + 1e-9, "largest |X| " + largest);
            if (alpha == 2) {
                assertEquals(0.0, largest, 0.0);
            }
        }
    }

    @Test
    void cellNarrowerThanTwiceTheCutoffIsRefused() {
        Frame narrow = new Frame(new double[] {0, 0, 0, 1.42, 0, 0}, new int[] {1, 1}, 1, null, null, null,
                Box.orthogonal(4.0, 20, 20), 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PiTightBinding(CARBON).hamiltonian(narrow, null));
        assertTrue(e.getMessage().contains("2·r_c2"), e.getMessage());
    }
}
