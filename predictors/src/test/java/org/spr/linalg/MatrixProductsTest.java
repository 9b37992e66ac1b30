package org.spr.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixProductsTest {

    /** Every transpose combination against the textbook triple loop, on rectangular shapes. */
    @Test
    void allTransposeCombinationsMatchTheDefinition() {
        Random random = new Random(7);
        int m = 5;
        int n = 3;
        int k = 4;
        double[] a = random.doubles((long) m * k, -1, 1).toArray();
        double[] b = random.doubles((long) k * n, -1, 1).toArray();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] c = MatrixProducts.multiply(a, ta, b, tb, m, n, k, null);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double expected = 0;
                        for (int p = 0; p < k; p++) {
                            double left = ta ? a[p * m + i] : a[i * k + p];
                            double right = tb ? b[j * k + p] : b[p * n + j];
                            expected += left * right;
                        }
                        assertEquals(expected, c[i * n + j], 1e-12, "C[" + i + "," + j + "] transposeA=" + ta + " transposeB=" + tb);
                    }
                }
            }
        }
        String expected = NativeLinearAlgebra.disabled() ? "EJML" : "BLAS";
        assertTrue(MatrixProducts.implementation().startsWith(expected), (NativeLinearAlgebra.disabled()
                ? "-Dspr.linalg=ejml turns BLAS off: " : "the system BLAS loads here: ") + MatrixProducts.implementation());
    }
}
