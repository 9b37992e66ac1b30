package org.spr.linalg;

/**
 * Eigen-decomposition of a dense real symmetric matrix. Implementations: {@link LapackSymmetricEigensolver}
 * (system LAPACK through JNA) and {@link EjmlSymmetricEigensolver} (pure Java); {@link SymmetricEigensolvers}
 * picks one.
 */
public interface SymmetricEigensolver {

    /** Short name for logs and benchmarks, e.g. "LAPACK dsyevd (liblapack.so.3)". */
    String name();

    /**
     * Decomposes a symmetric matrix. Only symmetric input is meaningful: implementations may read a single triangle.
     *
     * @param matrix         row-major n×n; overwritten (its storage may be reused for the returned eigenvectors)
     * @param n              dimension
     * @param computeVectors whether eigenvectors are wanted (eigenvalues alone are several times cheaper)
     * @return eigenvalues in ascending order, eigenvectors when requested
     * @throws IllegalStateException when the algorithm does not converge
     */
    SymmetricEigenDecomposition decompose(double[] matrix, int n, boolean computeVectors);

    /**
     * Checks that {@code matrix} holds a row-major n×n matrix.
     *
     * @throws IllegalArgumentException when its length is not n²
     */
    static void requireSquare(double[] matrix, int n) {
        if (matrix.length != (long) n * n) {
            throw new IllegalArgumentException("matrix has length " + matrix.length + ", expected " + n + "×" + n);
        }
    }
}
