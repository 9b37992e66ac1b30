package org.spr.electronic;

import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * The π tight-binding Hamiltonian of a carbon structure (see {@link PiTightBindingParameters} for the model) as a
 * dense symmetric N×N matrix in eV, row-major, and the position-weighted matrix the velocity operator needs.
 *
 * <p>Periodic images: pair separations use the minimum image of the frame's box ({@link Box#minimumImage}), and the
 * cell must be wider than 2·r_c2 across every periodic axis so that each pair hops through one image only (a
 * narrower cell is refused). Neighbours are found by an O(N²) pair loop, negligible beside the O(N³)
 * diagonalisation at the sizes a dense eigensolver handles.
 */
public final class PiTightBinding {

    private final PiTightBindingParameters parameters;

    public PiTightBinding(PiTightBindingParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public PiTightBindingParameters parameters() {
        return parameters;
    }

    /**
     * H for the atoms of {@code frame} (all taken as carbon).
     *
     * @param frame the structure; positions in Å
     * @param out   optional N×N output, overwritten; null to allocate
     * @return H in eV, symmetric, row-major
     * @throws IllegalArgumentException when a periodic cell is too narrow for the cutoff, or two atoms coincide
     */
    public double[] hamiltonian(Frame frame, double[] out) {
        int n = frame.atomCount();
        Box box = frame.box();
        checkCell(box);
        double[] h = out == null ? new double[n * n] : out;
        if (h.length < (long) n * n) {
            throw new IllegalArgumentException("Hamiltonian buffer holds " + h.length + " entries, needs " + (long) n * n);
        }
        java.util.Arrays.fill(h, 0, n * n, 0.0);
        double[] x = frame.positions();
        double[] delta = new double[3];
        double reach = parameters.cutoffEnd();
        double reachSquared = reach * reach;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!separation(x, i, j, box, delta, reach)) {
                    continue;
                }
                double squared = delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2];
                if (squared >= reachSquared) {
                    continue;
                }
                if (squared < 1e-8) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "atoms %d and %d coincide (%.3g Å apart); the tight-binding Hamiltonian needs distinct sites",
                            i + 1, j + 1, Math.sqrt(squared)));
                }
                double value = -parameters.hoppingAt(Math.sqrt(squared));
                h[i * n + j] = value;
                h[j * n + i] = value;
            }
        }
        double w = parameters.andersonDisorder();
        if (w > 0) {
            Random random = new Random(parameters.disorderSeed());
            for (int i = 0; i < n; i++) {
                h[i * n + i] = w * (random.nextDouble() - 0.5);
            }
        }
        return h;
    }

    /**
     * X^α_ij = H_ij·(r_i − r_j)_α with the minimum-image separation, in eV·Å; the velocity operator is
     * ⟨i|v_α|j⟩ = (i/ħ)[H, r_α]_ij = −(i/ħ) X^α_ij. X is antisymmetric; the diagonal is 0.
     *
     * @param hamiltonian H from {@link #hamiltonian}, N×N
     * @param frame       the same structure
     * @param alpha       Cartesian direction 0, 1, 2
     * @param out         optional N×N output; null to allocate
     */
    public static double[] positionWeighted(double[] hamiltonian, Frame frame, int alpha, double[] out) {
        int n = frame.atomCount();
        if (hamiltonian.length != (long) n * n) {
            throw new IllegalArgumentException("Hamiltonian has " + hamiltonian.length + " entries, frame has " + n + " atoms");
        }
        if (alpha < 0 || alpha > 2) {
            throw new IllegalArgumentException("direction must be 0, 1 or 2, got " + alpha);
        }
        double[] result = out == null ? new double[n * n] : out;
        Box box = frame.box();
        double[] x = frame.positions();
        double[] delta = new double[3];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            result[row + i] = 0.0;
            for (int j = i + 1; j < n; j++) {
                double value = hamiltonian[row + j];
                if (value == 0.0) {
                    result[row + j] = 0.0;
                    result[j * n + i] = 0.0;
                    continue;
                }
                delta[0] = x[3 * i] - x[3 * j];
                delta[1] = x[3 * i + 1] - x[3 * j + 1];
                delta[2] = x[3 * i + 2] - x[3 * j + 2];
                box.minimumImage(delta, 0);
                double weighted = value * delta[alpha];
                result[row + j] = weighted;
                result[j * n + i] = -weighted;
            }
        }
        return result;
    }

    /**
     * The Bloch Hamiltonian at wavevector k (twisted boundary conditions), in eV:
     * <pre>
     *   H_ij(k) = H_ij · e^{i k·d_ij},   d_ij = r_j − r_i (minimum image),   H_ii(k) = ε_i
     * </pre>
     * with H_ij the real hopping of {@link #hamiltonian}. The cell is wider than 2·r_c2 (checked), so each pair hops
     * through one image and the lattice sum Σ_R H_{i,j+R} e^{ik·(r_j + R − r_i)} has this one term. The phase uses the
     * atoms' positions (not the cell origin), so ∂H/∂k = i X with X_ij = H_ij(k)(d_ij)_α: the velocity is
     * v = (1/ħ)∂H/∂k = (i/ħ)X, {@link #embeddedPositionWeighted}. H(k) is Hermitian, H(0) = H and H(−k) = H(k)*.
     *
     * @param frame      the structure
     * @param fractional k as (s_1, s_2, s_3) in the cell's reciprocal vectors, k·d = 2π s·f(d) ({@link KPointMesh})
     * @param real       N×N output, Re H(k), row-major; null to allocate
     * @param imaginary  N×N output, Im H(k), row-major; null to allocate
     * @return {real, imaginary}
     */
    public double[][] blochHamiltonian(Frame frame, double[] fractional, double[] real, double[] imaginary) {
        int n = frame.atomCount();
        double[] re = hamiltonian(frame, real);
        double[] im = imaginary == null ? new double[n * n] : imaginary;
        if (im.length < (long) n * n) {
            throw new IllegalArgumentException("Hamiltonian buffer holds " + im.length + " entries, needs " + (long) n * n);
        }
        java.util.Arrays.fill(im, 0, n * n, 0.0);
        Box box = frame.box();
        double[] x = frame.positions();
        double[] delta = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double value = re[i * n + j];
                if (value == 0.0) {
                    continue;
                }
                separationFromTo(x, i, j, box, delta);
                double phase = 2 * Math.PI * phaseTurns(box, delta, fractional);
                double c = Math.cos(phase);
                double s = Math.sin(phase);
                re[i * n + j] = value * c;
                re[j * n + i] = value * c;
                im[i * n + j] = value * s;
                im[j * n + i] = -value * s;
            }
        }
        return new double[][] {re, im};
    }

    /**
     * The real symmetric 2N × 2N embedding of H(k) = A + iB (A symmetric, B antisymmetric):
     * <pre>
     *   M = [[A, −B], [B, A]],   M (a; b) = E (a; b)  ⇔  H (a + ib) = E (a + ib)
     * </pre>
     * Every eigenvalue of H appears twice in M: (a; b) and (−b; a) = the embedding of i(a + ib). The embedding maps
     * sums and products of complex matrices to those of their embeddings, Hermitian conjugation to transposition, and
     * Tr emb(Z) = 2 Re Tr Z.
     *
     * @param frame      the structure
     * @param fractional k, as for {@link #blochHamiltonian}
     * @param out        2N×2N output, row-major; null to allocate
     */
    public double[] embeddedBlochHamiltonian(Frame frame, double[] fractional, double[] out) {
        int n = frame.atomCount();
        double[][] h = blochHamiltonian(frame, fractional, null, null);
        return embed(h[0], h[1], n, out);
    }

    /** emb(A + iB) = [[A, −B], [B, A]] for N×N row-major A, B, as a 2N×2N row-major array. */
    static double[] embed(double[] real, double[] imaginary, int n, double[] out) {
        int m = 2 * n;
        double[] result = out == null ? new double[m * m] : out;
        if (result.length < (long) m * m) {
            throw new IllegalArgumentException("embedding buffer holds " + result.length + " entries, needs " + (long) m * m);
        }
        for (int i = 0; i < n; i++) {
            int top = i * m;
            int bottom = (i + n) * m;
            for (int j = 0; j < n; j++) {
                double a = real[i * n + j];
                double b = imaginary[i * n + j];
                result[top + j] = a;
                result[top + n + j] = -b;
                result[bottom + j] = b;
                result[bottom + n + j] = a;
            }
        }
        return result;
    }

    /**
     * The embedding of X^α(k), X^α_ij = H_ij(k)·(d_ij)_α with d_ij = r_j − r_i (minimum image), in eV·Å: as d_ij is a
     * real number per pair, emb(X) is emb(H) with each of its four N×N blocks multiplied entrywise by (d_ij)_α (the
     * on-site terms get d_ii = 0). X is anti-Hermitian (X_ji = −X_ij*), so emb(X) is antisymmetric; ⟨n|v_α|m⟩ =
     * (i/ħ)⟨n|X^α|m⟩. At k = 0 this is −{@link #positionWeighted} (whose separation is r_i − r_j).
     *
     * @param embedded emb(H(k)) from {@link #embeddedBlochHamiltonian}, 2N×2N
     * @param frame    the same structure
     * @param alpha    Cartesian direction 0, 1, 2
     * @param out      2N×2N output; null to allocate
     */
    public static double[] embeddedPositionWeighted(double[] embedded, Frame frame, int alpha, double[] out) {
        int n = frame.atomCount();
        int m = 2 * n;
        if (embedded.length != (long) m * m) {
            throw new IllegalArgumentException("embedded Hamiltonian has " + embedded.length + " entries, frame has " + n
                    + " atoms (needs 2N×2N)");
        }
        if (alpha < 0 || alpha > 2) {
            throw new IllegalArgumentException("direction must be 0, 1 or 2, got " + alpha);
        }
        double[] result = out == null ? new double[m * m] : out;
        java.util.Arrays.fill(result, 0, m * m, 0.0);
        Box box = frame.box();
        double[] x = frame.positions();
        double[] delta = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (embedded[i * m + j] == 0.0 && embedded[(i + n) * m + j] == 0.0) {
                    continue;
                }
                separationFromTo(x, i, j, box, delta);
                double d = delta[alpha];
                // (i, j) in each block carries d_ij; (j, i) carries d_ji = −d_ij
                for (int rowBlock = 0; rowBlock < 2; rowBlock++) {
                    for (int columnBlock = 0; columnBlock < 2; columnBlock++) {
                        int ij = (i + rowBlock * n) * m + j + columnBlock * n;
                        int ji = (j + rowBlock * n) * m + i + columnBlock * n;
                        result[ij] = embedded[ij] * d;
                        result[ji] = -embedded[ji] * d;
                    }
                }
            }
        }
        return result;
    }

    /** Minimum-image d = r_j − r_i into delta. */
    private static void separationFromTo(double[] x, int i, int j, Box box, double[] delta) {
        delta[0] = x[3 * j] - x[3 * i];
        delta[1] = x[3 * j + 1] - x[3 * i + 1];
        delta[2] = x[3 * j + 2] - x[3 * i + 2];
        box.minimumImage(delta, 0);
    }

    /**
     * k·d / 2π = s·f for a separation d with fractional components f in the cell vectors a = (lx, 0, 0),
     * b = (xy, ly, 0), c = (xz, yz, lz): f_c = d_z/lz, f_b = (d_y − yz f_c)/ly, f_a = (d_x − xy f_b − xz f_c)/lx.
     */
    static double phaseTurns(Box box, double[] delta, double[] fractional) {
        double fc = delta[2] / box.lz();
        double fb = (delta[1] - box.yz() * fc) / box.ly();
        double fa = (delta[0] - box.xy() * fb - box.xz() * fc) / box.lx();
        return fractional[0] * fa + fractional[1] * fb + fractional[2] * fc;
    }

    /** Minimum-image r_i − r_j into delta; false when a coordinate alone already exceeds {@code reach}. */
    private static boolean separation(double[] x, int i, int j, Box box, double[] delta, double reach) {
        delta[0] = x[3 * i] - x[3 * j];
        delta[1] = x[3 * i + 1] - x[3 * j + 1];
        delta[2] = x[3 * i + 2] - x[3 * j + 2];
        box.minimumImage(delta, 0);
        return Math.abs(delta[0]) < reach && Math.abs(delta[1]) < reach && Math.abs(delta[2]) < reach;
    }

    private void checkCell(Box box) {
        for (int axis = 0; axis < 3; axis++) {
            if (box.periodic(axis) && box.perpendicularWidth(axis) <= 2 * parameters.cutoffEnd()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the periodic cell is %.3g Å wide across axis %c, needs more than 2·r_c2 = %.3g Å so that each pair "
                                + "hops through one image; replicate the cell", box.perpendicularWidth(axis), "abc".charAt(axis),
                        2 * parameters.cutoffEnd()));
            }
        }
    }
}
