package org.spr.label;

import org.spr.linalg.SymmetricEigensolver;

/**
 * In-place corrections of a finite-difference Hessian, applied in this order by {@link HessianPhononDos}:
 * {@link #symmetrise}, {@link #enforceAcousticSumRule}, {@link #massWeight}. Matrices are flat row-major
 * n×n with n = 3N, coordinate index iα = 3i + α.
 */
public final class ForceConstantMatrices {

    private ForceConstantMatrices() {
    }

    /**
     * Replaces H by (H + Hᵀ)/2. A finite-difference Hessian is symmetric only up to O(δ²) and noise;
     * symmetric eigensolvers read a single triangle, so this must come first.
     *
     * @param matrix row-major n×n, overwritten
     * @param n      dimension
     */
    public static void symmetrise(double[] matrix, int n) {
        SymmetricEigensolver.requireSquare(matrix, n);
        for (int row = 0; row < n; row++) {
            for (int column = row + 1; column < n; column++) {
                double mean = 0.5 * (matrix[row * n + column] + matrix[column * n + row]);
                matrix[row * n + column] = mean;
                matrix[column * n + row] = mean;
            }
        }
    }

    /**
     * Enforces the acoustic sum rule (invariance of the forces under a rigid translation, Σ_j H[iα, jβ] = 0) by
     * rebuilding each atom's 3×3 self block from its off-site blocks:
     *
     * <pre>
     *   S_i[α, β]   = Σ_{j≠i} H[iα, jβ]
     *   H[iα, iβ]   = −(S_i[α, β] + S_i[β, α]) / 2
     * </pre>
     *
     * <p>Apply after {@link #symmetrise}. The self block is rebuilt from the symmetrised off-site blocks and itself
     * symmetrised, so the matrix stays exactly symmetric. For an exact Hessian S_i is symmetric and every row then sums
     * to zero exactly; for a finite-difference Hessian the residual row sum is the antisymmetric part
     * (S_i[α, β] − S_i[β, α])/2, which is of the order of the finite-difference error and, to first order, does not
     * shift the three translational eigenvalues away from zero. The self block also collects a periodic atom's
     * interaction with its own images, which the rule covers as well (a rigid translation moves the images too).
     *
     * @param matrix    row-major 3N×3N, overwritten
     * @param atomCount N
     */
    public static void enforceAcousticSumRule(double[] matrix, int atomCount) {
        int n = 3 * atomCount;
        SymmetricEigensolver.requireSquare(matrix, n);
        double[] offSite = new double[9];
        for (int i = 0; i < atomCount; i++) {
            java.util.Arrays.fill(offSite, 0.0);
            for (int alpha = 0; alpha < 3; alpha++) {
                int rowOffset = (3 * i + alpha) * n;
                for (int j = 0; j < atomCount; j++) {
                    if (j == i) {
                        continue;
                    }
                    int base = rowOffset + 3 * j;
                    offSite[3 * alpha] += matrix[base];
                    offSite[3 * alpha + 1] += matrix[base + 1];
                    offSite[3 * alpha + 2] += matrix[base + 2];
                }
            }
            for (int alpha = 0; alpha < 3; alpha++) {
                for (int beta = 0; beta < 3; beta++) {
                    matrix[(3 * i + alpha) * n + 3 * i + beta] =
                            -0.5 * (offSite[3 * alpha + beta] + offSite[3 * beta + alpha]);
                }
            }
        }
    }

    /**
     * Mass-weights a Hessian into the dynamical matrix D[iα, jβ] = H[iα, jβ] / √(m_i m_j). With H in eV/Å² and
     * m in amu, D is in eV/(Å²·amu), whose eigenvalues λ give ν = 15.633302·√λ THz.
     *
     * @param matrix row-major 3N×3N, overwritten
     * @param masses N masses, positive
     */
    public static void massWeight(double[] matrix, double[] masses) {
        int atomCount = masses.length;
        int n = 3 * atomCount;
        SymmetricEigensolver.requireSquare(matrix, n);
        double[] inverseRoot = new double[n];
        for (int i = 0; i < atomCount; i++) {
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("mass of atom " + i + " must be a positive number, got " + masses[i]);
            }
            double value = 1.0 / Math.sqrt(masses[i]);
            inverseRoot[3 * i] = value;
            inverseRoot[3 * i + 1] = value;
            inverseRoot[3 * i + 2] = value;
        }
        for (int row = 0; row < n; row++) {
            int offset = row * n;
            double rowFactor = inverseRoot[row];
            for (int column = 0; column < n; column++) {
                matrix[offset + column] *= rowFactor * inverseRoot[column];
            }
        }
    }

    /**
     * Largest |Σ_j H[iα, jβ]| over all i, α, β: how far a (non mass-weighted) Hessian is from the acoustic sum rule.
     *
     * @param matrix    row-major 3N×3N, read only
     * @param atomCount N
     */
    public static double acousticSumRuleResidual(double[] matrix, int atomCount) {
        int n = 3 * atomCount;
        SymmetricEigensolver.requireSquare(matrix, n);
        double worst = 0;
        for (int row = 0; row < n; row++) {
            for (int beta = 0; beta < 3; beta++) {
                double sum = 0;
                for (int j = 0; j < atomCount; j++) {
                    sum += matrix[row * n + 3 * j + beta];
                }
                worst = Math.max(worst, Math.abs(sum));
            }
        }
        return worst;
    }

    /**
     * Largest |H[a, b] − H[b, a]|.
     *
     * @param matrix row-major n×n, read only
     * @param n      dimension
     */
    public static double asymmetry(double[] matrix, int n) {
        SymmetricEigensolver.requireSquare(matrix, n);
        double worst = 0;
        for (int row = 0; row < n; row++) {
            for (int column = row + 1; column < n; column++) {
                worst = Math.max(worst, Math.abs(matrix[row * n + column] - matrix[column * n + row]));
            }
        }
        return worst;
    }
}
