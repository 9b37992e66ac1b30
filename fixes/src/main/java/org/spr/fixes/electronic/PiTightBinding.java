package org.spr.fixes.electronic;

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
