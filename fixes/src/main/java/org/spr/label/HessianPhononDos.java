package org.spr.label;

import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolvers;

import java.util.Objects;

/**
 * Phonon DOS label from a force field, following the design's PDOS convention:
 * finite-difference Hessian ({@link HessianAssembler}) → symmetrised → acoustic sum rule → mass-weighted
 * ({@link ForceConstantMatrices}) → diagonalised ({@link SymmetricEigensolver}) → ν = sign(λ)·c·√|λ|
 * ({@link FrequencyUnit}) → Gaussian-broadened on a fixed grid and normalised to unit area
 * ({@link GaussianBroadening}).
 *
 * <p>Mode bookkeeping: with {@link PhononDosParameters#excludeTranslationalModes()} the three modes of smallest |λ|
 * are set aside as rigid translations. Of the rest, modes with ν &lt; −tolerance are imaginary: counted in
 * {@link PhononDos#imaginaryModeCount()} and left out of the DOS (which then describes the stable modes); all
 * frequencies, imaginary ones included, stay in {@link PhononDos#frequencies()}. Rotations of a free cluster are
 * ordinary near-zero modes.
 */
public final class HessianPhononDos {

    private final HessianAssembler assembler;
    private final SymmetricEigensolver eigensolver;
    private final PhononDosParameters parameters;

    public HessianPhononDos(HessianAssembler assembler, SymmetricEigensolver eigensolver, PhononDosParameters parameters) {
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.eigensolver = Objects.requireNonNull(eigensolver, "eigensolver");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Default displacement (0.01), the preferred eigensolver and the given parameters. */
    public HessianPhononDos(PhononDosParameters parameters) {
        this(new HessianAssembler(), SymmetricEigensolvers.preferred(), parameters);
    }

    public PhononDosParameters parameters() {
        return parameters;
    }

    /**
     * Computes the PDOS of a configuration.
     *
     * @param forceField forces (6N evaluations)
     * @param positions  3N coordinates, not modified
     * @param masses     N masses (amu in metal units)
     * @param listener   progress per force evaluation
     */
    public PhononDos compute(ForceField forceField, double[] positions, double[] masses, HessianProgressListener listener) {
        if (positions.length != 3 * masses.length) {
            throw new IllegalArgumentException("positions hold " + positions.length + " coordinates but " + masses.length
                    + " masses were given (need 3 coordinates per atom)");
        }
        long start = System.nanoTime();
        double[] matrix = assembler.assemble(forceField, positions, listener);
        ForceConstantMatrices.symmetrise(matrix, positions.length);
        ForceConstantMatrices.enforceAcousticSumRule(matrix, masses.length);
        ForceConstantMatrices.massWeight(matrix, masses);
        double forceConstantSeconds = (System.nanoTime() - start) * 1e-9;
        return fromDynamicalMatrix(matrix, masses.length, forceConstantSeconds);
    }

    /**
     * Computes the PDOS from a ready dynamical matrix (symmetric, mass-weighted).
     *
     * @param dynamicalMatrix row-major 3N×3N; overwritten
     * @param atomCount       N
     */
    public PhononDos fromDynamicalMatrix(double[] dynamicalMatrix, int atomCount) {
        return fromDynamicalMatrix(dynamicalMatrix, atomCount, 0.0);
    }

    private PhononDos fromDynamicalMatrix(double[] dynamicalMatrix, int atomCount, double forceConstantSeconds) {
        int n = 3 * atomCount;
        long start = System.nanoTime();
        SymmetricEigenDecomposition decomposition =
                eigensolver.decompose(dynamicalMatrix, n, parameters.keepEigenvectors());
        double eigensolverSeconds = (System.nanoTime() - start) * 1e-9;
        return fromEigenvalues(decomposition.eigenvalues(), decomposition.eigenvectors(),
                new PhononDos.Timings(forceConstantSeconds, eigensolverSeconds, eigensolver.name()));
    }

    /**
     * Builds the PDOS from eigenvalues of a dynamical matrix.
     *
     * @param eigenvalues  3N eigenvalues, ascending
     * @param eigenvectors matching eigenvectors (mode k contiguous) or null
     * @param timings      carried into the result
     */
    public PhononDos fromEigenvalues(double[] eigenvalues, double[] eigenvectors, PhononDos.Timings timings) {
        int n = eigenvalues.length;
        FrequencyUnit unit = parameters.unit();
        double[] frequencies = new double[n];
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(eigenvalues[k])) {
                throw new IllegalStateException("eigenvalue " + k + " of the dynamical matrix is " + eigenvalues[k]);
            }
            frequencies[k] = unit.frequency(eigenvalues[k]);
        }
        boolean[] translational = new boolean[n];
        int[] translationalIndices = parameters.excludeTranslationalModes() && n >= 6
                ? smallestMagnitudes(eigenvalues, 3) : new int[0];
        for (int index : translationalIndices) {
            translational[index] = true;
        }
        double tolerance = parameters.zeroModeTolerance();
        int imaginary = 0;
        int included = 0;
        double minimum = Double.POSITIVE_INFINITY;
        double[] modes = new double[n];
        for (int k = 0; k < n; k++) {
            if (translational[k]) {
                continue;
            }
            minimum = Math.min(minimum, frequencies[k]);
            if (frequencies[k] < -tolerance) {
                imaginary++;
            } else {
                modes[included++] = frequencies[k];
            }
        }
        double[] density = new double[parameters.grid().binCount()];
        double inside = GaussianBroadening.broaden(java.util.Arrays.copyOf(modes, included), parameters.grid(),
                parameters.broadeningWidth(), density);
        return new PhononDos(unit, parameters.grid(), density, frequencies, translationalIndices, imaginary, minimum,
                inside, parameters.keepEigenvectors() ? eigenvectors : null, timings);
    }

    private static int[] smallestMagnitudes(double[] values, int count) {
        int[] chosen = new int[count];
        boolean[] taken = new boolean[values.length];
        for (int c = 0; c < count; c++) {
            int best = -1;
            for (int k = 0; k < values.length; k++) {
                if (!taken[k] && (best < 0 || Math.abs(values[k]) < Math.abs(values[best]))) {
                    best = k;
                }
            }
            taken[best] = true;
            chosen[c] = best;
        }
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
