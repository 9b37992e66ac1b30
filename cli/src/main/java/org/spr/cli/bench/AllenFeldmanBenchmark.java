package org.spr.cli.bench;

import org.spr.label.AllenFeldmanConductivity;
import org.spr.label.AllenFeldmanParameters;

import org.spr.linalg.RandomMatrices;

import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolvers;

import java.util.Locale;
import java.util.Random;

/**
 * Benchmark harness (run by hand): Allen–Feldman time at ~200 and ~800 atoms (arguments: atom counts) for a random
 * symmetric "dynamical matrix" with positive spectrum, split into eigensolver (with eigenvectors) and the velocity
 * products + sums. Positions are random in a cubic box.
 */
public final class AllenFeldmanBenchmark {

    private AllenFeldmanBenchmark() {
    }

    public static void main(String[] args) {
        int[] atomCounts = args.length == 0 ? new int[] {200, 800}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        SymmetricEigensolver solver = SymmetricEigensolvers.preferred();
        System.out.printf(Locale.ROOT, "%6s %16s %16s   (%s)%n", "atoms", "eigensolver [s]", "AF products [s]", solver.name());
        for (int atoms : atomCounts) {
            int n = 3 * atoms;
            double[] matrix = RandomMatrices.uniformSymmetric(n, atoms);
            for (int i = 0; i < n; i++) {
                matrix[i * n + i] += 2 * Math.sqrt(n);
            }
            double[] positions = new double[n];
            Random random = new Random(atoms);
            double length = Math.cbrt(atoms * 11.0);
            for (int k = 0; k < n; k++) {
                positions[k] = length * random.nextDouble();
            }
            long start = System.nanoTime();
            SymmetricEigenDecomposition modes = solver.decompose(matrix.clone(), n, true);
            long middle = System.nanoTime();
            new AllenFeldmanConductivity(AllenFeldmanParameters.bulk(0.5, true, 300)).compute(matrix, modes, positions,
                    new double[] {length, length, length});
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%6d %16.3f %16.3f%n", atoms, (middle - start) * 1e-9, (end - middle) * 1e-9);
        }
    }
}
