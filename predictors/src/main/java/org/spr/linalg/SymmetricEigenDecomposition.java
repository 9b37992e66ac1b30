package org.spr.linalg;

/**
 * Eigenvalues (ascending) and optionally eigenvectors of a real symmetric n×n matrix.
 *
 * @param dimension    n
 * @param eigenvalues  n values in ascending order
 * @param eigenvectors null when not requested; otherwise n×n with eigenvector k (unit length, for eigenvalue k)
 *                     stored contiguously at {@code [k*n, (k+1)*n)}
 */
public record SymmetricEigenDecomposition(int dimension, double[] eigenvalues, double[] eigenvectors) {

    public SymmetricEigenDecomposition {
        if (eigenvalues.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " eigenvalues, got " + eigenvalues.length);
        }
        if (eigenvectors != null && eigenvectors.length != (long) dimension * dimension) {
            throw new IllegalArgumentException("expected " + dimension + "×" + dimension + " eigenvector entries, got "
                    + eigenvectors.length);
        }
    }

    /** Component {@code index} of eigenvector {@code mode}. */
    public double eigenvectorComponent(int mode, int index) {
        if (eigenvectors == null) {
            throw new IllegalStateException("eigenvectors were not computed for this decomposition");
        }
        return eigenvectors[mode * dimension + index];
    }
}
