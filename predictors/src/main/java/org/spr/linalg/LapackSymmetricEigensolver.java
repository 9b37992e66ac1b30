package org.spr.linalg;

import com.sun.jna.Library;

/**
 * Symmetric eigensolver calling LAPACK {@code dsyevd} (divide and conquer) from the system library through JNA.
 * On Debian: {@code apt-get install liblapack3 libopenblas0-pthread} (OpenBLAS then provides
 * {@code liblapack.so.3}, multithreaded).
 *
 * <p>A symmetric row-major matrix is its own column-major transpose, so it is passed as is; the eigenvectors LAPACK
 * returns as columns (column-major) are then contiguous rows of the returned array, as
 * {@link SymmetricEigenDecomposition} wants. Character arguments are passed with their hidden Fortran length
 * arguments.
 */
public final class LapackSymmetricEigensolver implements SymmetricEigensolver {

    /** The Fortran entry point, bound by JNA. */
    interface LapackLibrary extends Library {
        @SuppressWarnings("checkstyle:MethodName")
        void dsyevd_(byte[] jobz, byte[] uplo, int[] n, double[] a, int[] lda, double[] w,
                     double[] work, int[] lwork, int[] iwork, int[] liwork, int[] info,
                     long jobzLength, long uploLength);
    }

    private final LapackLibrary library;
    private final String libraryName;

    private LapackSymmetricEigensolver(LapackLibrary library, String libraryName) {
        this.library = library;
        this.libraryName = libraryName;
    }

    /**
     * Loads the first LAPACK library found among {@code spr.lapack.library} (if set) and
     * {@link NativeLinearAlgebra#LIBRARY_CANDIDATES}.
     *
     * @throws UnsatisfiedLinkError when none can be loaded or none exports {@code dsyevd_}, or {@code spr.linalg=ejml}
     */
    public static LapackSymmetricEigensolver load() {
        NativeLinearAlgebra.Loaded<LapackLibrary> loaded = NativeLinearAlgebra.load(LapackLibrary.class, "dsyevd_", "spr.lapack.library",
                library -> {
                    new LapackSymmetricEigensolver(library, "probe").decompose(new double[] {2.0}, 1, false);
                    return true;
                });
        return new LapackSymmetricEigensolver(loaded.library(), loaded.name());
    }

    @Override
    public String name() {
        return "LAPACK dsyevd (" + libraryName + ")";
    }

    @Override
    public SymmetricEigenDecomposition decompose(double[] matrix, int n, boolean computeVectors) {
        SymmetricEigensolver.requireSquare(matrix, n);
        byte[] jobz = {(byte) (computeVectors ? 'V' : 'N')};
        byte[] uplo = {(byte) 'L'};
        int[] size = {n};
        int[] leading = {Math.max(1, n)};
        double[] eigenvalues = new double[n];
        int[] info = {0};
        double[] workQuery = new double[1];
        int[] iworkQuery = new int[1];
        library.dsyevd_(jobz, uplo, size, matrix, leading, eigenvalues, workQuery, new int[] {-1}, iworkQuery,
                new int[] {-1}, info, 1L, 1L);
        checkInfo(info[0], n);
        int lwork = Math.max(1, (int) Math.ceil(workQuery[0]));
        int liwork = Math.max(1, iworkQuery[0]);
        library.dsyevd_(jobz, uplo, size, matrix, leading, eigenvalues, new double[lwork], new int[] {lwork},
                new int[liwork], new int[] {liwork}, info, 1L, 1L);
        checkInfo(info[0], n);
        return new SymmetricEigenDecomposition(n, eigenvalues, computeVectors ? matrix : null);
    }

    private static void checkInfo(int info, int n) {
        if (info < 0) {
            throw new IllegalArgumentException("LAPACK dsyevd rejected argument " + (-info) + " for a " + n + "×" + n + " matrix");
        }
        if (info > 0) {
            throw new IllegalStateException("LAPACK dsyevd did not converge for a " + n + "×" + n + " matrix (info=" + info + ")");
        }
    }
}
