package org.spr.cli.bench;

import org.spr.label.ForceConstantMatrices;
import org.spr.label.ForceField;
import org.spr.label.HessianAssembler;
import org.spr.label.HessianProgressListener;

import org.spr.linalg.RandomMatrices;

import org.spr.linalg.EjmlSymmetricEigensolver;
import org.spr.linalg.LapackSymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark harness (run by hand, not a test): eigensolver time for random symmetric matrices of 600², 1,200²,
 * 2,400² (≈ 200, 400, 800 atoms × 3) for LAPACK dsyevd (JNA) and EJML in one run, eigenvalues only and with
 * eigenvectors; then the Hessian assembly overhead (finite differences + symmetrise + sum rule + mass weighting)
 * with a force field that costs nothing, so the force evaluations are excluded.
 *
 * <p>Arguments: optional sizes, e.g. {@code 600 1200 2400}; system property {@code bench.ejmlVectorsMax} (default
 * 2400) skips EJML with eigenvectors above that size.
 */
public final class SymmetricEigensolverBenchmark {

    private SymmetricEigensolverBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {600, 1200, 2400}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int ejmlVectorsMax = Integer.getInteger("bench.ejmlVectorsMax", 2400);
        List<SymmetricEigensolver> solvers = new ArrayList<>();
        try {
            solvers.add(LapackSymmetricEigensolver.load());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("LAPACK not available: " + e.getMessage());
        }
        solvers.add(new EjmlSymmetricEigensolver());
        for (SymmetricEigensolver solver : solvers) {
            solver.decompose(RandomMatrices.uniformSymmetric(200, 1), 200, true);
        }
        System.out.printf(Locale.ROOT, "%-45s %6s %12s %12s%n", "solver", "n", "values [s]", "vectors [s]");
        for (int n : sizes) {
            double[] matrix = RandomMatrices.uniformSymmetric(n, n);
            for (SymmetricEigensolver solver : solvers) {
                double valuesOnly = best(solver, matrix, n, false, 2);
                boolean skip = solver instanceof EjmlSymmetricEigensolver && n > ejmlVectorsMax;
                double withVectors = skip ? Double.NaN : best(solver, matrix, n, true, n >= 2400 ? 1 : 2);
                System.out.printf(Locale.ROOT, "%-45s %6d %12.3f %12.3f%n", solver.name(), n, valuesOnly, withVectors);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-45s %6s %12s %12s%n", "Hessian assembly overhead (no force cost)", "atoms",
                "assemble [s]", "corrections [s]");
        ForceField free = (positions, forces) -> java.util.Arrays.fill(forces, 0.0);
        for (int atoms : new int[] {200, 800}) {
            double[] positions = new double[3 * atoms];
            double[] masses = uniformMasses(atoms, 12.011);
            HessianAssembler assembler = new HessianAssembler();
            double[] hessian = new double[9 * atoms * atoms];
            double assemble = Double.POSITIVE_INFINITY;
            double corrections = Double.POSITIVE_INFINITY;
            for (int repeat = 0; repeat < 3; repeat++) {
                long start = System.nanoTime();
                assembler.assemble(free, positions, HessianProgressListener.NONE, hessian);
                long middle = System.nanoTime();
                ForceConstantMatrices.symmetrise(hessian, 3 * atoms);
                ForceConstantMatrices.enforceAcousticSumRule(hessian, atoms);
                ForceConstantMatrices.massWeight(hessian, masses);
                long end = System.nanoTime();
                assemble = Math.min(assemble, (middle - start) * 1e-9);
                corrections = Math.min(corrections, (end - middle) * 1e-9);
            }
            System.out.printf(Locale.ROOT, "%-45s %6d %12.3f %12.3f%n", "", atoms, assemble, corrections);
        }
    }

    private static double best(SymmetricEigensolver solver, double[] matrix, int n, boolean vectors, int repeats) {
        double best = Double.POSITIVE_INFINITY;
        for (int repeat = 0; repeat < repeats; repeat++) {
            double[] copy = matrix.clone();
            long start = System.nanoTime();
            solver.decompose(copy, n, vectors);
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
        }
        return best;
    }

    private static double[] uniformMasses(int atoms, double mass) {
        double[] masses = new double[atoms];
        java.util.Arrays.fill(masses, mass);
        return masses;
    }
}
