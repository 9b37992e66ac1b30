/**
 * Dense linear algebra on flat row-major {@code double[]} matrices: symmetric eigen-decomposition
 * ({@link org.spr.linalg.SymmetricEigensolver}; LAPACK {@code dsyevd} through JNA, EJML as the pure-Java fallback,
 * {@link org.spr.linalg.SymmetricEigensolvers#preferred()} picks one) and matrix products
 * ({@link org.spr.linalg.MatrixProducts}: BLAS {@code dgemm}, EJML fallback). Used by the phonon and κ labels and by
 * the tight-binding electronic labels; no LAMMPS.
 */
package org.spr.linalg;
