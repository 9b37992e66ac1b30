package org.spr.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pure-Java symmetric eigensolver: EJML's tridiagonalisation + implicit symmetric QR
 * ({@code DecompositionFactory_DDRM.eig(n, vectors, true)}). Always available; the fallback when no system LAPACK
 * can be loaded.
 */
public final class EjmlSymmetricEigensolver implements SymmetricEigensolver {

    @Override
    public String name() {
        return "EJML 0.44 symmetric QR (pure Java)";
    }

    @Override
    public SymmetricEigenDecomposition decompose(double[] matrix, int n, boolean computeVectors) {
        SymmetricEigensolver.requireSquare(matrix, n);
        EigenDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.eig(n, computeVectors, true);
        if (!decomposition.decompose(DMatrixRMaj.wrap(n, n, matrix))) {
            throw new IllegalStateException("EJML symmetric eigen-decomposition of a " + n + "×" + n + " matrix did not converge");
        }
        double[] unsorted = new double[n];
        for (int k = 0; k < n; k++) {
            unsorted[k] = decomposition.getEigenvalue(k).real;
        }
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(k -> unsorted[k]))
                .mapToInt(Integer::intValue).toArray();
        double[] eigenvalues = new double[n];
        for (int k = 0; k < n; k++) {
            eigenvalues[k] = unsorted[order[k]];
        }
        if (!computeVectors) {
            return new SymmetricEigenDecomposition(n, eigenvalues, null);
        }
        double[] eigenvectors = matrix;
        Arrays.fill(eigenvectors, 0.0);
        for (int k = 0; k < n; k++) {
            DMatrixRMaj vector = decomposition.getEigenVector(order[k]);
            System.arraycopy(vector.data, 0, eigenvectors, k * n, n);
        }
        return new SymmetricEigenDecomposition(n, eigenvalues, eigenvectors);
    }
}
