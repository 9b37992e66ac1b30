package org.spr.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Test force field: a pair potential over an explicit list of pairs, optionally periodic along x, y, z with the
 * minimum-image convention (box length 0 = not periodic). Also gives the analytic Hessian for cross-checks:
 * for a pair with unit vector ê and distance r, K = φ''ê êᵀ + (φ'/r)(I − ê êᵀ), H_ij = −K, H_ii += K, H_jj += K.
 */
final class PairForceField implements ForceField {

    private final PairPotential potential;
    private final int[][] pairs;
    private final double[] box;

    PairForceField(PairPotential potential, int[][] pairs, double[] box) {
        this.potential = potential;
        this.pairs = pairs;
        this.box = box;
    }

    /** All pairs of a free cluster. */
    static PairForceField allPairs(PairPotential potential, int atomCount) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < atomCount; i++) {
            for (int j = i + 1; j < atomCount; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return new PairForceField(potential, pairs.toArray(new int[0][]), new double[3]);
    }

    private double[] separation(double[] x, int i, int j) {
        double[] d = new double[3];
        for (int a = 0; a < 3; a++) {
            d[a] = x[3 * i + a] - x[3 * j + a];
            if (box[a] > 0) {
                d[a] -= box[a] * Math.rint(d[a] / box[a]);
            }
        }
        return d;
    }

    @Override
    public void forces(double[] positions, double[] forcesOut) {
        java.util.Arrays.fill(forcesOut, 0.0);
        for (int[] pair : pairs) {
            double[] d = separation(positions, pair[0], pair[1]);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double scale = -potential.firstDerivative(r) / r;
            for (int a = 0; a < 3; a++) {
                forcesOut[3 * pair[0] + a] += scale * d[a];
                forcesOut[3 * pair[1] + a] -= scale * d[a];
            }
        }
    }

    double[] analyticHessian(double[] positions) {
        int n = positions.length;
        double[] h = new double[n * n];
        for (int[] pair : pairs) {
            double[] d = separation(positions, pair[0], pair[1]);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double second = potential.secondDerivative(r);
            double firstOverR = potential.firstDerivative(r) / r;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double projector = d[a] * d[b] / (r * r);
                    double k = second * projector + firstOverR * ((a == b ? 1 : 0) - projector);
                    int i = pair[0];
                    int j = pair[1];
                    h[(3 * i + a) * n + 3 * j + b] -= k;
                    h[(3 * j + a) * n + 3 * i + b] -= k;
                    h[(3 * i + a) * n + 3 * i + b] += k;
                    h[(3 * j + a) * n + 3 * j + b] += k;
                }
            }
        }
        return h;
    }
}
