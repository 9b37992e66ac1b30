package org.spr.label;

import java.util.Random;

/** Small configurations for the label tests. */
final class TestStructures {

    private TestStructures() {
    }

    /** Regular tetrahedron with edge length {@code edge}, centred at the origin. */
    static double[] tetrahedron(double edge) {
        double s = edge / (2 * Math.sqrt(2));
        return new double[] {s, s, s, s, -s, -s, -s, s, -s, -s, -s, s};
    }

    /** 13-atom cuboctahedron (centre + 12 nearest neighbours of FCC) with nearest-neighbour distance {@code d}, randomly displaced. */
    static double[] perturbedCuboctahedron(double d, double amplitude, long seed) {
        double h = d / Math.sqrt(2);
        double[][] sites = {{0, 0, 0},
                {h, h, 0}, {h, -h, 0}, {-h, h, 0}, {-h, -h, 0},
                {h, 0, h}, {h, 0, -h}, {-h, 0, h}, {-h, 0, -h},
                {0, h, h}, {0, h, -h}, {0, -h, h}, {0, -h, -h}};
        Random random = new Random(seed);
        double[] x = new double[3 * sites.length];
        for (int i = 0; i < sites.length; i++) {
            for (int a = 0; a < 3; a++) {
                x[3 * i + a] = sites[i][a] + amplitude * (2 * random.nextDouble() - 1);
            }
        }
        return x;
    }

    static double[] uniformMasses(int atomCount, double mass) {
        double[] masses = new double[atomCount];
        java.util.Arrays.fill(masses, mass);
        return masses;
    }
}
