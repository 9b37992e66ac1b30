package org.spr.descriptor;

import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.IntUnaryOperator;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/** Perfect lattices and random configurations for tests. */
final class TestStructures {

    private TestStructures() {
    }

    /** FCC with lattice constant a, n×n×n conventional cells. */
    static Frame fcc(double a, int n) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        return cubic(a, n, basis, new int[] {1, 1, 1, 1}, null);
    }

    /** Zincblende SiC (type 1 = Si on FCC sites, type 2 = C shifted by a(¼,¼,¼)). */
    static Frame zincblende(double a, int n) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
        return cubic(a, n, basis, new int[] {1, 1, 1, 1, 2, 2, 2, 2}, new String[] {"Si", "C"});
    }

    private static Frame cubic(double a, int n, double[][] basis, int[] basisTypes, String[] species) {
        int count = n * n * n * basis.length;
        double[] positions = new double[3 * count];
        int[] types = new int[count];
        int atom = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int b = 0; b < basis.length; b++) {
                        positions[3 * atom] = (i + basis[b][0]) * a;
                        positions[3 * atom + 1] = (j + basis[b][1]) * a;
                        positions[3 * atom + 2] = (k + basis[b][2]) * a;
                        types[atom++] = basisTypes[b];
                    }
                }
            }
        }
        int typeCount = Frame.maxType(types);
        return new Frame(positions, types, typeCount, species, null, null, Box.orthogonal(n * a, n * a, n * a), 3, 0);
    }

    /** Graphene, lattice constant a, n1×n2 primitive cells in a triclinic (hexagonal) box with vacuum along z. */
    static Frame graphene(double a, int n1, int n2, double vacuum) {
        double[] positions = new double[3 * 2 * n1 * n2];
        int[] types = new int[2 * n1 * n2];
        int atom = 0;
        double h = Math.sqrt(3) / 2 * a;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                double x0 = i * a + j * a / 2, y0 = j * h;
                positions[3 * atom] = x0;
                positions[3 * atom + 1] = y0;
                positions[3 * atom + 2] = vacuum / 2;
                types[atom++] = 1;
                positions[3 * atom] = x0 + a / 2;
                positions[3 * atom + 1] = y0 + h / 3;
                positions[3 * atom + 2] = vacuum / 2;
                types[atom++] = 1;
            }
        }
        Box box = Box.triclinic(n1 * a, n2 * h, vacuum, n2 * a / 2, 0, 0);
        return new Frame(positions, types, 1, new String[] {"C"}, null, null, box, 2, 0);
    }

    /** n uniform random points of {@code types} types in {@code box} (fractional coordinates uniform). */
    static Frame random(Box box, int n, int typeCount, long seed) {
        Random random = new Random(seed);
        return random(box, n, random, random::nextDouble, i -> 1 + i % typeCount, typeCount, 3);
    }

    /**
     * n random points in {@code box}: per atom, the fractional coordinates a and b uniform from {@code random}, then c
     * from {@code fractionalC} (uniform, one plane, a film), then the type of atom i from {@code type}.
     *
     * @param dimension the g(r) normalisation of the frame (2 or 3)
     */
    static Frame random(Box box, int n, Random random, DoubleSupplier fractionalC, IntUnaryOperator type, int typeCount,
                        int dimension) {
        double[] positions = new double[3 * n];
        double[] s = new double[3];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            s[0] = random.nextDouble();
            s[1] = random.nextDouble();
            s[2] = fractionalC.getAsDouble();
            box.toCartesian(s, 0, positions, 3 * i);
            types[i] = type.applyAsInt(i);
        }
        return new Frame(positions, types, typeCount, null, null, null, box, dimension, 0);
    }
}
