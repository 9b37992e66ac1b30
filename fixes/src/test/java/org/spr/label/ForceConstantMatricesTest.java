package org.spr.label;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForceConstantMatricesTest {

    @Test
    void symmetrisedMatrixIsSymmetricAndKeepsTheMean() {
        double[] m = {1, 2, 4, 3};
        ForceConstantMatrices.symmetrise(m, 2);
        assertEquals(0.0, ForceConstantMatrices.asymmetry(m, 2));
        assertEquals(3.0, m[1]);
        assertEquals(3.0, m[2]);
        assertEquals(1.0, m[0]);
    }

    @Test
    void acousticSumRuleRestoresExactTranslationInvarianceOfACorruptedHessian() {
        double[] x = TestStructures.perturbedCuboctahedron(2.5, 0.15, 3);
        PairForceField field = PairForceField.allPairs(PairPotential.morse(0.5, 1.5, 2.5), 13);
        double[] h = field.analyticHessian(x);
        int n = 39;
        Random random = new Random(5);
        for (int i = 0; i < 13; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    h[(3 * i + a) * n + 3 * i + b] += 0.3 * random.nextGaussian();
                }
            }
        }
        assertTrue(ForceConstantMatrices.acousticSumRuleResidual(h, 13) > 0.01);
        ForceConstantMatrices.symmetrise(h, n);
        ForceConstantMatrices.enforceAcousticSumRule(h, 13);
        assertEquals(0.0, ForceConstantMatrices.asymmetry(h, n), 0.0);
        assertTrue(ForceConstantMatrices.acousticSumRuleResidual(h, 13) < 1e-12);
        double[] exact = field.analyticHessian(x);
        for (int k = 0; k < h.length; k++) {
            assertEquals(exact[k], h[k], 1e-12, "self blocks are rebuilt exactly from the off-site blocks");
        }
    }

    @Test
    void massWeightingDividesBySquareRootOfBothMasses() {
        double[] h = new double[36];
        java.util.Arrays.fill(h, 6.0);
        ForceConstantMatrices.massWeight(h, new double[] {4.0, 9.0});
        assertEquals(6.0 / 4.0, h[0], 1e-15);
        assertEquals(6.0 / 6.0, h[3], 1e-15);
        assertEquals(6.0 / 6.0, h[3 * 6], 1e-15);
        assertEquals(6.0 / 9.0, h[35], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ForceConstantMatrices.massWeight(new double[36], new double[] {1, -1}));
    }
}
