package org.spr.linalg;

import com.sun.jna.Library;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;

import java.util.Locale;

/**
 * Dense row-major matrix products C = op(A)·op(B), op(X) = X or Xᵀ, through the system BLAS {@code dgemm}
 * (OpenBLAS, multithreaded) via JNA when it loads ({@link NativeLinearAlgebra}), else EJML. The system property
 * {@code spr.blas} = {@code blas} | {@code ejml} forces one; {@code spr.linalg=ejml} turns every native routine off.
 *
 * <p>Row-major C (m×n) = op(A)(m×k) · op(B)(k×n) is, read column-major, Cᵀ = op(B)ᵀ · op(A)ᵀ, so the Fortran routine
 * is called with the operands swapped and nothing is copied.
 */
public final class MatrixProducts {

    /** The Fortran entry point {@code dgemm_(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)}. */
    interface BlasLibrary extends Library {
        @SuppressWarnings("checkstyle:MethodName")
        void dgemm_(byte[] transa, byte[] transb, int[] m, int[] n, int[] k, double[] alpha, double[] a, int[] lda,
                    double[] b, int[] ldb, double[] beta, double[] c, int[] ldc, long transaLength, long transbLength);
    }

    private static final System.Logger LOG = System.getLogger(MatrixProducts.class.getName());
    private static final Lazy<Backend> BACKEND = new Lazy<>(() -> {
        Backend chosen = choose();
        LOG.log(System.Logger.Level.DEBUG, "matrix products: " + chosen.name());
        return chosen;
    });

    private record Backend(BlasLibrary blas, String name) {
    }

    private MatrixProducts() {
    }

    /** Which implementation this JVM uses, e.g. "BLAS dgemm (liblapack.so.3)" or "EJML". */
    public static String implementation() {
        return backend().name();
    }

    /**
     * C = op(A)·op(B) for row-major arrays.
     *
     * @param a          A, m×k (or k×m when transposeA)
     * @param transposeA use Aᵀ
     * @param b          B, k×n (or n×k when transposeB)
     * @param transposeB use Bᵀ
     * @param m          rows of C
     * @param n          columns of C
     * @param k          inner dimension
     * @param c          output m×n, overwritten; null to allocate
     * @return C
     */
    public static double[] multiply(double[] a, boolean transposeA, double[] b, boolean transposeB, int m, int n, int k,
                                    double[] c) {
        if (m < 0 || n < 0 || k < 0 || a.length < (long) m * k || b.length < (long) k * n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "matrix product sizes disagree: m=%d n=%d k=%d with A of %d and B of %d entries", m, n, k, a.length, b.length));
        }
        double[] out = c == null ? new double[m * n] : c;
        if (out.length < (long) m * n) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " entries, needs " + (long) m * n);
        }
        if (m == 0 || n == 0) {
            return out;
        }
        if (k == 0) {
            java.util.Arrays.fill(out, 0, m * n, 0.0);
            return out;
        }
        Backend chosen = backend();
        if (chosen.blas() != null) {
            chosen.blas().dgemm_(new byte[] {(byte) (transposeB ? 'T' : 'N')}, new byte[] {(byte) (transposeA ? 'T' : 'N')},
                    new int[] {n}, new int[] {m}, new int[] {k}, new double[] {1.0},
                    b, new int[] {transposeB ? k : n}, a, new int[] {transposeA ? m : k},
                    new double[] {0.0}, out, new int[] {n}, 1L, 1L);
            return out;
        }
        DMatrixRMaj left = DMatrixRMaj.wrap(transposeA ? k : m, transposeA ? m : k, a);
        DMatrixRMaj right = DMatrixRMaj.wrap(transposeB ? n : k, transposeB ? k : n, b);
        DMatrixRMaj result = DMatrixRMaj.wrap(m, n, out);
        if (transposeA && transposeB) {
            CommonOps_MT_DDRM.multTransAB(left, right, result);
        } else if (transposeA) {
            CommonOps_MT_DDRM.multTransA(left, right, result);
        } else if (transposeB) {
            CommonOps_MT_DDRM.multTransB(left, right, result);
        } else {
            CommonOps_MT_DDRM.mult(left, right, result);
        }
        return out;
    }

    private static Backend backend() {
        return BACKEND.get();
    }

    private static Backend choose() {
        String forced = System.getProperty("spr.blas", "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("ejml") || (forced.isEmpty() && NativeLinearAlgebra.disabled())) {
            return new Backend(null, "EJML");
        }
        if (!forced.isEmpty() && !forced.equals("blas")) {
            throw new IllegalArgumentException("system property spr.blas must be 'blas' or 'ejml', got '" + forced + "'");
        }
        try {
            NativeLinearAlgebra.Loaded<BlasLibrary> loaded = NativeLinearAlgebra.load(BlasLibrary.class, "dgemm_", "spr.blas.library",
                    library -> {
                        double[] c = new double[1];
                        library.dgemm_(new byte[] {'N'}, new byte[] {'N'}, new int[] {1}, new int[] {1}, new int[] {1},
                                new double[] {1.0}, new double[] {2.0}, new int[] {1}, new double[] {3.0}, new int[] {1},
                                new double[] {0.0}, c, new int[] {1}, 1L, 1L);
                        return c[0] == 6.0;
                    });
            return new Backend(loaded.library(), "BLAS dgemm (" + loaded.name() + ")");
        } catch (UnsatisfiedLinkError e) {
            if (forced.equals("blas")) {
                throw e;
            }
            return new Backend(null, "EJML (no system BLAS; install libopenblas0-pthread for speed)");
        }
    }
}
