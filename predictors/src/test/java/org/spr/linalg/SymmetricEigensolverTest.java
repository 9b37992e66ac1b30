package org.spr.linalg;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigensolverTest {

    private static final int N = 120;

    @Test
    void ejmlSolvesTheEigenproblem() {
        checkDecomposition(new EjmlSymmetricEigensolver());
    }

    @Test
    void lapackSolvesTheEigenproblemAndAgreesWithEjml() {
        LapackSymmetricEigensolver lapack;
        try {
            lapack = LapackSymmetricEigensolver.load();
        } catch (UnsatisfiedLinkError e) {
            Assumptions.abort("no system LAPACK (apt-get install liblapack3): " + e.getMessage());
            return;
        }
        checkDecomposition(lapack);
        double[] fromLapack = lapack.decompose(RandomMatrices.uniformSymmetric(N, 9), N, false).eigenvalues();
        double[] fromEjml = new EjmlSymmetricEigensolver().decompose(RandomMatrices.uniformSymmetric(N, 9), N, false).eigenvalues();
        for (int k = 0; k < N; k++) {
            assertEquals(fromEjml[k], fromLapack[k], 1e-10);
        }
    }

    @Test
    void preferredSolverIsUsable() {
        SymmetricEigensolver solver = SymmetricEigensolvers.preferred();
        assertTrue(solver.name().startsWith(NativeLinearAlgebra.disabled() ? "EJML" : "LAPACK"),
                "-Dspr.linalg=" + System.getProperty(NativeLinearAlgebra.PROPERTY) + " chose " + solver.name());
        double[] values = solver.decompose(new double[] {2, 1, 1, 2}, 2, false).eigenvalues();
        assertEquals(1.0, values[0], 1e-14);
        assertEquals(3.0, values[1], 1e-14);
    }

    private static void checkDecomposition(SymmetricEigensolver solver) {
        double[] a = RandomMatrices.uniformSymmetric(N, 1);
        SymmetricEigenDecomposition d = solver.decompose(a.clone(), N, true);
        double[] values = d.eigenvalues();
        double trace = 0;
        for (int i = 0; i < N; i++) {
            trace += a[i * N + i];
        }
        double sum = 0;
        for (int k = 0; k < N; k++) {
            sum += values[k];
            if (k > 0) {
                assertTrue(values[k] >= values[k - 1], solver.name() + ": eigenvalues ascending");
            }
        }
        assertEquals(trace, sum, 1e-9, solver.name() + ": trace");
        for (int k = 0; k < N; k += 7) {
            for (int i = 0; i < N; i++) {
                double av = 0;
                for (int j = 0; j < N; j++) {
                    av += a[i * N + j] * d.eigenvectorComponent(k, j);
                }
                assertEquals(values[k] * d.eigenvectorComponent(k, i), av, 1e-9, solver.name() + ": A v = λ v");
            }
            for (int l = 0; l < N; l += 11) {
                double dot = 0;
                for (int i = 0; i < N; i++) {
                    dot += d.eigenvectorComponent(k, i) * d.eigenvectorComponent(l, i);
                }
                assertEquals(k == l ? 1.0 : 0.0, dot, 1e-10, solver.name() + ": orthonormal");
            }
        }
        SymmetricEigenDecomposition valuesOnly = solver.decompose(a.clone(), N, false);
        assertNull(valuesOnly.eigenvectors());
        for (int k = 0; k < N; k++) {
            assertEquals(values[k], valuesOnly.eigenvalues()[k], 1e-10);
        }
    }
}
