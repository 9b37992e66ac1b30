package org.spr.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Numeric kernels of the linear SPR fit, on centred data. With x̄, ȳ the column means over the n rows used,
 * G = (1/n) Σ_i (x_i − x̄)(x_i − x̄)ᵀ (p × p) and C = (1/n) Σ_i (x_i − x̄)(y_i − ȳ)ᵀ (p × m), the loss per output j
 *
 * <pre>  L_j(w, b) = (1/n) Σ_i (y_ij − w·x_i − b)² + α‖w‖₁ + β‖w‖₂²</pre>
 *
 * has the unpenalised bias b = ȳ_j − w·x̄ at its minimum, and in w it equals wᵀGw − 2 c_jᵀw + α‖w‖₁ + β‖w‖₂² + const.
 * Eliminating b this way is the Schur complement of the bias row of the (p+1)² normal matrix, so the ridge solution
 * below is exactly the closed form of the augmented normal equations with an unpenalised bias.
 * Matrices are row-major double[] (EJML style); callers pass output buffers.
 */
public final class LinearKernels {

    private LinearKernels() {
    }

    /** Column means of the selected rows into {@code mean} (length = row width). */
    public static void columnMeans(double[][] rows, int[] selected, double[] mean) {
        java.util.Arrays.fill(mean, 0.0);
        for (int i : selected) {
            double[] row = rows[i];
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k];
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= selected.length;
        }
    }

    /**
     * G = (1/n) Σ (x_i − x̄)(x_i − x̄)ᵀ into {@code gram} (p × p row-major, both triangles filled).
     * Cost n·p²/2 multiply-adds.
     */
    public static void centredGram(double[][] x, int[] selected, double[] xMean, double[] gram) {
        int p = xMean.length;
        java.util.Arrays.fill(gram, 0.0);
        double[] centred = new double[p];
        for (int i : selected) {
            double[] row = x[i];
            for (int k = 0; k < p; k++) {
                centred[k] = row[k] - xMean[k];
            }
            for (int k = 0; k < p; k++) {
                double ck = centred[k];
                if (ck == 0.0) {
                    continue;
                }
                int offset = k * p;
                for (int l = k; l < p; l++) {
                    gram[offset + l] += ck * centred[l];
                }
            }
        }
        double scale = 1.0 / selected.length;
        for (int k = 0; k < p; k++) {
            for (int l = k; l < p; l++) {
                double value = gram[k * p + l] * scale;
                gram[k * p + l] = value;
                gram[l * p + k] = value;
            }
        }
    }

    /** C = (1/n) Σ (x_i − x̄)(y_i − ȳ)ᵀ into {@code cross} (p × m row-major). Cost n·p·m. */
    public static void centredCross(double[][] x, double[][] y, int[] selected, double[] xMean, double[] yMean, double[] cross) {
        int p = xMean.length;
        int m = yMean.length;
        java.util.Arrays.fill(cross, 0.0);
        double[] centredY = new double[m];
        for (int i : selected) {
            double[] xi = x[i];
            double[] yi = y[i];
            for (int j = 0; j < m; j++) {
                centredY[j] = yi[j] - yMean[j];
            }
            for (int k = 0; k < p; k++) {
                double ck = xi[k] - xMean[k];
                if (ck == 0.0) {
                    continue;
                }
                int offset = k * m;
                for (int j = 0; j < m; j++) {
                    cross[offset + j] += ck * centredY[j];
                }
            }
        }
        double scale = 1.0 / selected.length;
        for (int i = 0; i < cross.length; i++) {
            cross[i] *= scale;
        }
    }

    /**
     * Ridge (α = 0): solves (G + βI) W = C for W (p × m, written to {@code solution}) by Cholesky (EJML
     * {@code CommonOps_DDRM.solveSPD}), over the active inputs only:
     * inputs whose variance G_kk is below 1e-14·max_k G_kk (e.g. g(r) bins inside the hard core, always 0) get weight 0.
     * If the reduced matrix is singular (β = 0 and collinear inputs) a jitter of 1e-12·mean(diag), then ×10 each retry,
     * is added to the diagonal; the jitter used is returned (0 when none was needed).
     */
    public static double ridge(double[] gram, double[] cross, int p, int m, double beta, double[] solution) {
        double maxDiagonal = 0;
        for (int k = 0; k < p; k++) {
            maxDiagonal = Math.max(maxDiagonal, gram[k * p + k]);
        }
        int[] active = activeInputs(gram, p, maxDiagonal);
        int q = active.length;
        java.util.Arrays.fill(solution, 0.0);
        if (q == 0) {
            return 0;
        }
        double meanDiagonal = 0;
        for (int k : active) {
            meanDiagonal += gram[k * p + k];
        }
        meanDiagonal /= q;
        double[] a = new double[q * q];
        double[] rhs = new double[q * m];
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            for (int s = 0; s < q; s++) {
                int k = active[s];
                for (int t = 0; t < q; t++) {
                    a[s * q + t] = gram[k * p + active[t]];
                }
                a[s * q + s] += beta + jitter;
            }
            for (int s = 0; s < q; s++) {
                System.arraycopy(cross, active[s] * m, rhs, s * m, m);
            }
            DMatrixRMaj x = new DMatrixRMaj(q, m);
            // solveSPD refuses a matrix that is not positive definite, but an exactly singular one can slip through
            // its small-matrix path as infinite or NaN weights: those count as refused too
            if (CommonOps_DDRM.solveSPD(DMatrixRMaj.wrap(q, q, a), DMatrixRMaj.wrap(q, m, rhs), x) && allFinite(x.data)) {
                for (int s = 0; s < q; s++) {
                    System.arraycopy(x.data, s * m, solution, active[s] * m, m);
                }
                return jitter;
            }
            jitter = jitter == 0 ? 1e-12 * meanDiagonal : jitter * 10;
        }
        throw new ArithmeticException("the normal matrix stays singular even with a diagonal jitter of " + jitter + "; use beta > 0");
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static int[] activeInputs(double[] gram, int p, double maxDiagonal) {
        int count = 0;
        for (int k = 0; k < p; k++) {
            if (gram[k * p + k] > 1e-14 * maxDiagonal) {
                count++;
            }
        }
        int[] active = new int[count];
        int next = 0;
        for (int k = 0; k < p; k++) {
            if (gram[k * p + k] > 1e-14 * maxDiagonal) {
                active[next++] = k;
            }
        }
        return active;
    }

    /**
     * Elastic net by cyclic coordinate descent (α > 0) for one output with Gram matrix G and cross vector c:
     * minimises wᵀGw − 2cᵀw + α‖w‖₁ + β‖w‖₂². The coordinate update is
     * <pre>  w_k ← S(c_k − (Gw)_k + G_kk w_k, α/2) / (G_kk + β),   S(z, t) = sign(z)·max(|z| − t, 0)</pre>
     * keeping q = Gw up to date (O(p) per changed weight). Sweeps alternate between all inputs and the active set
     * (non-zero weights) until the largest change |Δw_k|·√G_kk of a full sweep falls below {@code tolerance}.
     *
     * @param w         start (warm start) and result, length p
     * @param q         work buffer of length p (overwritten)
     * @param maxSweeps cap on sweeps (over all inputs or over the active set)
     * @return number of sweeps used, or maxSweeps + 1 when the cap was reached before convergence
     */
    public static int elasticNet(double[] gram, double[] c, int p, double alpha, double beta, double tolerance, int maxSweeps,
                                 double[] w, double[] q) {
        double halfAlpha = alpha / 2;
        for (int k = 0; k < p; k++) { // q = G w
            double sum = 0;
            int row = k * p;
            for (int l = 0; l < p; l++) {
                sum += gram[row + l] * w[l];
            }
            q[k] = sum;
        }
        int sweeps = 0;
        while (sweeps < maxSweeps) {
            sweeps++;
            double change = sweep(gram, c, p, halfAlpha, beta, w, q, false);
            if (change < tolerance) {
                return sweeps;
            }
            while (sweeps < maxSweeps) { // converge on the active set, then check all inputs again
                sweeps++;
                if (sweep(gram, c, p, halfAlpha, beta, w, q, true) < tolerance) {
                    break;
                }
            }
        }
        return maxSweeps + 1;
    }

    private static double sweep(double[] gram, double[] c, int p, double halfAlpha, double beta, double[] w, double[] q, boolean activeOnly) {
        double largest = 0;
        for (int k = 0; k < p; k++) {
            double old = w[k];
            if (activeOnly && old == 0.0) {
                continue;
            }
            double gkk = gram[k * p + k];
            if (gkk + beta <= 0) {
                continue;
            }
            double z = c[k] - q[k] + gkk * old;
            double updated = z > halfAlpha ? (z - halfAlpha) / (gkk + beta) : z < -halfAlpha ? (z + halfAlpha) / (gkk + beta) : 0.0;
            double delta = updated - old;
            if (delta != 0.0) {
                w[k] = updated;
                int column = k; // G symmetric: column k = row k
                int row = column * p;
                for (int l = 0; l < p; l++) {
                    q[l] += delta * gram[row + l];
                }
                largest = Math.max(largest, Math.abs(delta) * Math.sqrt(gkk));
            }
        }
        return largest;
    }
}
