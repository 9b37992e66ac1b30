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

    /*
     * The periodic chain of the chain tests: atoms of mass 12 spaced 1.5 Å along x, neighbours joined by harmonic
     * springs k = 20 eV/Å² of rest length 1.2 Å (shorter than the spacing: under tension, so that the transverse modes
     * have frequencies too).
     */
    static final int CHAIN_ATOMS = 12;
    static final double CHAIN_SPACING = 1.5;
    static final double CHAIN_STIFFNESS = 20.0;
    static final double CHAIN_REST_LENGTH = 1.2;
    static final double CHAIN_MASS = 12.0;

    /** The chain's atoms on the x axis, x_i = i·a. */
    static double[] chainPositions() {
        double[] x = new double[3 * CHAIN_ATOMS];
        for (int i = 0; i < CHAIN_ATOMS; i++) {
            x[3 * i] = i * CHAIN_SPACING;
        }
        return x;
    }

    /** The chain's springs (each atom to the next, the last to the first) in a box {@code box} (lengths; 0: not periodic). */
    static PairForceField chainSprings(double[] box) {
        int[][] bonds = new int[CHAIN_ATOMS][];
        for (int i = 0; i < CHAIN_ATOMS; i++) {
            bonds[i] = new int[] {i, (i + 1) % CHAIN_ATOMS};
        }
        return new PairForceField(PairPotential.harmonic(CHAIN_STIFFNESS, CHAIN_REST_LENGTH), bonds, box);
    }

    static double[] uniformMasses(int atomCount, double mass) {
        double[] masses = new double[atomCount];
        java.util.Arrays.fill(masses, mass);
        return masses;
    }
}
