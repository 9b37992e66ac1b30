package org.spr.electronic;

import org.spr.structure.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Monkhorst–Pack mesh of n1 × n2 × n3 Bloch wavevectors (twisted boundary conditions) of a periodic cell.
 *
 * <p>Points in fractional coordinates of the cell's reciprocal vectors b_a (a_a·b_c = 2π δ_ac):
 * <pre>
 *   s_a = (2 r_a − n_a − 1) / (2 n_a),   r_a = 1 … n_a,      k = s_1 b_1 + s_2 b_2 + s_3 b_3
 *   k·d = 2π (s_1 f_1 + s_2 f_2 + s_3 f_3)   for a separation d = f_1 a_1 + f_2 a_2 + f_3 a_3
 * </pre>
 * so an odd n_a includes s_a = 0 and an even n_a is offset from Γ by half a step (n = 2: s = ±¼; n = 3: 0, ±⅓;
 * n = 4: ±⅛, ±⅜). The 1 × 1 × 1 mesh is Γ alone. A monolayer (frame dimension 2, in the xy plane) has n3 = 1 (k_z = 0),
 * and an axis that is not periodic has n_a = 1.
 *
 * <p>Time reversal: the tight-binding Hamiltonian has real hoppings, so H(−k) = H(k)* has the same spectrum and the
 * same |⟨n|v|m⟩|² (eigenvectors complex-conjugated); the mesh is symmetric under s → −s, so only one of each pair ±s
 * is computed. {@link #irreducible()} lists the points with weight w = 2/(n1 n2 n3) for a pair (±s) and
 * w = 1/(n1 n2 n3) for a point that is its own partner (s = 0, i.e. Γ, present only when every n_a is odd); the weights
 * sum to 1. Point counts: 2×2 → 2, 3×3 → 5 (Γ + 4 pairs), 4×4 → 8; an even n_a anywhere halves the mesh exactly.
 *
 * @param n1 points along b_1, at least 1
 * @param n2 points along b_2, at least 1
 * @param n3 points along b_3, at least 1 (1 for a monolayer)
 */
public record KPointMesh(int n1, int n2, int n3) {

    /** Largest number of points per axis accepted (a guard against typos: 64 is far beyond any useful mesh here). */
    public static final int MAX_PER_AXIS = 64;

    /** The Γ point alone. */
    public static final KPointMesh GAMMA = new KPointMesh(1, 1, 1);

    public KPointMesh {
        if (n1 < 1 || n2 < 1 || n3 < 1 || n1 > MAX_PER_AXIS || n2 > MAX_PER_AXIS || n3 > MAX_PER_AXIS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "k-point mesh needs 1 to %d points per axis, got %d×%d×%d", MAX_PER_AXIS, n1, n2, n3));
        }
    }

    /** An in-plane n1 × n2 mesh for a monolayer (n3 = 1). */
    public static KPointMesh inPlane(int n1, int n2) {
        return new KPointMesh(n1, n2, 1);
    }

    /** n1·n2·n3. */
    public int size() {
        return n1 * n2 * n3;
    }

    /** True for the Γ point alone (1 × 1 × 1). */
    public boolean gammaOnly() {
        return size() == 1;
    }

    /**
     * One wavevector of the mesh.
     *
     * @param fractional   (s_1, s_2, s_3), see the class comment
     * @param weight       w (fraction of the mesh it stands for: 1/n or 2/n with its time-reversed partner)
     * @param multiplicity how many mesh points it stands for (1, or 2 with −s)
     */
    public record KPoint(double[] fractional, double weight, int multiplicity) {

        public KPoint {
            fractional = fractional.clone();
        }

        /** True at k = 0. */
        public boolean gamma() {
            return fractional[0] == 0 && fractional[1] == 0 && fractional[2] == 0;
        }
    }

    /**
     * The time-reversal-irreducible points with their weights (see the class comment), in a fixed order: lexicographic
     * in (r_1, r_2, r_3), keeping the first of each pair ±s.
     */
    public List<KPoint> irreducible() {
        List<KPoint> points = new ArrayList<>();
        int total = size();
        for (int r1 = 0; r1 < n1; r1++) {
            for (int r2 = 0; r2 < n2; r2++) {
                for (int r3 = 0; r3 < n3; r3++) {
                    // m_a = 2 r_a − n_a + 1 (r_a from 0), s_a = m_a / (2 n_a); −s has −m
                    int[] m = {2 * r1 - n1 + 1, 2 * r2 - n2 + 1, 2 * r3 - n3 + 1};
                    int order = compare(m);
                    if (order > 0) {
                        continue;
                    }
                    int multiplicity = order == 0 ? 1 : 2;
                    points.add(new KPoint(new double[] {m[0] / (2.0 * n1), m[1] / (2.0 * n2), m[2] / (2.0 * n3)},
                            multiplicity / (double) total, multiplicity));
                }
            }
        }
        return points;
    }

    /** Sign of m relative to −m, lexicographically: negative keeps m, 0 when m = 0. */
    private static int compare(int[] m) {
        for (int value : m) {
            if (value != 0) {
                return value < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * Refuses a mesh that does not fit the frame: n3 &gt; 1 for a monolayer, or more than one point along a
     * non-periodic axis.
     */
    public void checkFits(Frame frame) {
        int[] counts = {n1, n2, n3};
        if (frame.dimension() == 2 && n3 != 1) {
            throw new IllegalArgumentException("k-point mesh of a monolayer must have n3 = 1 (k_z = 0), got "
                    + n1 + "×" + n2 + "×" + n3);
        }
        for (int axis = 0; axis < 3; axis++) {
            if (counts[axis] > 1 && !frame.box().periodic(axis)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "k-point mesh has %d points along axis %c, which is not periodic; use 1", counts[axis], "abc".charAt(axis)));
            }
        }
    }

    @Override
    public String toString() {
        return n1 + "×" + n2 + "×" + n3;
    }
}
