package org.spr.label;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianAssemblerTest {

    private static final PairPotential MORSE = PairPotential.morse(0.5, 1.5, 2.5);

    @Test
    void finiteDifferenceHessianMatchesAnalyticHessianOfAnharmonicCluster() {
        double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.15, 7);
        PairForceField field = PairForceField.allPairs(MORSE, 13);
        double[] numeric = new HessianAssembler(0.01).assemble(field, x, HessianProgressListener.NONE);
        double[] exact = field.analyticHessian(x);
        double scale = 0;
        double worst = 0;
        for (int k = 0; k < exact.length; k++) {
            scale = Math.max(scale, Math.abs(exact[k]));
            worst = Math.max(worst, Math.abs(numeric[k] - exact[k]));
        }
        assertTrue(worst < 1e-4 * scale, "max |H_fd − H_exact| = " + worst + " vs max |H| = " + scale);
    }

    @Test
    void errorShrinksQuadraticallyWithDisplacement() {
        double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.15, 11);
        PairForceField field = PairForceField.allPairs(MORSE, 13);
        double[] exact = field.analyticHessian(x);
        double coarse = maxDifference(new HessianAssembler(0.04).assemble(field, x, HessianProgressListener.NONE), exact);
        double fine = maxDifference(new HessianAssembler(0.02).assemble(field, x, HessianProgressListener.NONE), exact);
        assertEquals(4.0, coarse / fine, 0.4, "central differences are second order");
    }

    @Test
    void reportsProgressOncePerForceEvaluationAndLeavesPositionsUntouched() {
        double[] x = TestStructures.tetrahedron(2.5);
        double[] copy = x.clone();
        List<int[]> calls = new ArrayList<>();
        new HessianAssembler().assemble(PairForceField.allPairs(MORSE, 4), x, (done, total) -> calls.add(new int[] {done, total}));
        assertEquals(24, calls.size());
        for (int k = 0; k < calls.size(); k++) {
            assertArrayEquals(new int[] {k + 1, 24}, calls.get(k));
        }
        assertArrayEquals(copy, x);
    }

    @Test
    void refusesNonFiniteForcesWithTheAtomNamed() {
        ForceField broken = (positions, forces) -> {
            java.util.Arrays.fill(forces, 0.0);
            forces[4] = Double.NaN;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new HessianAssembler().assemble(broken, new double[6], HessianProgressListener.NONE));
        assertTrue(e.getMessage().contains("atom 1 along y"), e.getMessage());
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new HessianAssembler(0.0));
        assertThrows(IllegalArgumentException.class, () -> new HessianAssembler(Double.NaN));
        HessianAssembler assembler = new HessianAssembler();
        assertThrows(IllegalArgumentException.class,
                () -> assembler.assemble((p, f) -> { }, new double[4], HessianProgressListener.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> assembler.assemble((p, f) -> { }, new double[] {0, 0, Double.NaN}, HessianProgressListener.NONE));
    }

    private static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            worst = Math.max(worst, Math.abs(a[k] - b[k]));
        }
        return worst;
    }
}
