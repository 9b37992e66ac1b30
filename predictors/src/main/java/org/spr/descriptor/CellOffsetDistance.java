package org.spr.descriptor;

/**
 * Smallest distance between a point of one parallelepiped cell and a point of another one offset by whole cells,
 * used to prune a cell stencil to the cells that can hold a pair within the cutoff.
 *
 * <p>With cell edge vectors e_0, e_1, e_2 (Gram matrix G_de = e_d · e_e), two points of cells whose indices
 * differ by o = (o_0, o_1, o_2) are separated by Σ t_d e_d with t_d ∈ [o_d − 1, o_d + 1]. The squared distance
 * tᵀ G t is convex, so its minimum over that box satisfies the Karush–Kuhn–Tucker conditions of exactly one
 * pattern "each t_d free, at its lower bound or at its upper bound"; all 27 patterns are solved (the free
 * components from G_FF t_F = −G_FX t_X) and the smallest feasible value is the exact minimum.
 */
final class CellOffsetDistance {

    private CellOffsetDistance() {
    }

    /**
     * Whether the two cells come within √limitSquared of each other: cheap answers first (the gap between the
     * face planes, Σ_d max(0, |o_d| − 1) w_d along each axis alone, is a lower bound; the distance between the cell
     * centres, √(oᵀ G o), an upper bound), the exact minimum otherwise.
     *
     * @param perpendicular the perpendicular width w_d of a cell along each axis
     */
    static boolean within(double[] gram, double[] perpendicular, int o0, int o1, int o2, double limitSquared) {
        double gap = Math.max(Math.max(0, Math.abs(o0) - 1) * perpendicular[0],
                Math.max(Math.max(0, Math.abs(o1) - 1) * perpendicular[1], Math.max(0, Math.abs(o2) - 1) * perpendicular[2]));
        if (gap * gap > limitSquared * (1 + 1e-12)) {
            return false;
        }
        double centres = o0 * (gram[0] * o0 + gram[1] * o1 + gram[2] * o2)
                + o1 * (gram[3] * o0 + gram[4] * o1 + gram[5] * o2)
                + o2 * (gram[6] * o0 + gram[7] * o1 + gram[8] * o2);
        if (centres <= limitSquared * (1 - 1e-12)) {
            return true;
        }
        return minimumSquared(gram, o0, o1, o2) <= limitSquared;
    }

    /**
     * min over t_d ∈ [o_d − 1, o_d + 1] of tᵀ G t.
     *
     * @param gram row-major 3 × 3 Gram matrix of the cell edge vectors
     */
    static double minimumSquared(double[] gram, int o0, int o1, int o2) {
        double[] lower = {o0 - 1, o1 - 1, o2 - 1};
        double[] upper = {o0 + 1, o1 + 1, o2 + 1};
        double best = Double.POSITIVE_INFINITY;
        double[] t = new double[3];
        int[] free = new int[3];
        int[] fixed = new int[3];
        for (int pattern = 0; pattern < 27; pattern++) {
            int code = pattern;
            int freeCount = 0, fixedCount = 0;
            for (int d = 0; d < 3; d++) {
                int state = code % 3; // 0 free, 1 lower, 2 upper
                code /= 3;
                if (state == 0) {
                    free[freeCount++] = d;
                } else {
                    t[d] = state == 1 ? lower[d] : upper[d];
                    fixed[fixedCount++] = d;
                }
            }
            if (!solveFree(gram, t, free, freeCount, fixed, fixedCount)) {
                continue;
            }
            boolean feasible = true;
            for (int f = 0; f < freeCount; f++) {
                int d = free[f];
                feasible &= t[d] >= lower[d] && t[d] <= upper[d];
            }
            if (feasible) {
                best = Math.min(best, quadratic(gram, t));
            }
        }
        return Math.max(0, best);
    }

    private static double quadratic(double[] g, double[] t) {
        double sum = 0;
        for (int d = 0; d < 3; d++) {
            for (int e = 0; e < 3; e++) {
                sum += t[d] * g[3 * d + e] * t[e];
            }
        }
        return sum;
    }

    /** Solves G_FF t_F = −G_FX t_X in place (Cramer's rule, at most 3 × 3); false when singular. */
    private static boolean solveFree(double[] g, double[] t, int[] free, int freeCount, int[] fixed, int fixedCount) {
        if (freeCount == 0) {
            return true;
        }
        double[] matrix = new double[9];
        double[] rhs = new double[3];
        for (int p = 0; p < freeCount; p++) {
            int d = free[p];
            double r = 0;
            for (int q = 0; q < fixedCount; q++) {
                r -= g[3 * d + fixed[q]] * t[fixed[q]];
            }
            rhs[p] = r;
            for (int q = 0; q < freeCount; q++) {
                matrix[3 * p + q] = g[3 * d + free[q]];
            }
        }
        if (freeCount == 1) {
            if (matrix[0] <= 0) {
                return false;
            }
            t[free[0]] = rhs[0] / matrix[0];
            return true;
        }
        if (freeCount == 2) {
            double det = matrix[0] * matrix[4] - matrix[1] * matrix[3];
            if (!(Math.abs(det) > 1e-300)) {
                return false;
            }
            t[free[0]] = (rhs[0] * matrix[4] - matrix[1] * rhs[1]) / det;
            t[free[1]] = (matrix[0] * rhs[1] - rhs[0] * matrix[3]) / det;
            return true;
        }
        // all free: the unconstrained minimum of a positive semi-definite form is t = 0 (value 0)
        t[0] = 0;
        t[1] = 0;
        t[2] = 0;
        return true;
    }
}
