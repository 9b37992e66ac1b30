package org.spr.fixes.label;

import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.Serializable;

/**
 * The phonon DOS of the structure currently in LAMMPS (normally right after a protocol's minimisation), as an
 * engine task: Hessian from 6N force evaluations through {@link LammpsForceField}, then {@link HessianPhononDos}.
 * Emits a {@link Progress} record every 5 % of the force evaluations. The positions are restored afterwards.
 *
 * @param parameters  grid, broadening, units
 * @param displacement finite-difference displacement (Å or σ)
 */
public record HessianLabel(PhononDosParameters parameters, double displacement) implements EngineTask<PhononDos> {

    /** Progress of the force evaluations. */
    public record Progress(int done, int total) implements Serializable {
    }

    /**
     * A LAMMPS {@code dimension 2} system has no z degree of freedom: the Hessian is assembled, symmetrised,
     * sum-rule corrected and mass-weighted as usual, then its z rows and columns are dropped and the 2N × 2N in-plane
     * dynamical matrix is diagonalised.
     */
    private PhononDos inPlane(ForceField forceField, double[] positions, double[] masses, HessianProgressListener listener) {
        long start = System.nanoTime();
        double[] matrix = new HessianAssembler(displacement).assemble(forceField, positions, listener);
        ForceConstantMatrices.symmetrise(matrix, positions.length);
        ForceConstantMatrices.enforceAcousticSumRule(matrix, masses.length);
        ForceConstantMatrices.massWeight(matrix, masses);
        int full = positions.length;
        int n = 2 * masses.length;
        double[] planar = new double[n * n];
        for (int i = 0; i < masses.length; i++) {
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < masses.length; j++) {
                    for (int b = 0; b < 2; b++) {
                        planar[(2 * i + a) * n + 2 * j + b] = matrix[(3 * i + a) * full + 3 * j + b];
                    }
                }
            }
        }
        double forceSeconds = (System.nanoTime() - start) * 1e-9;
        SymmetricEigensolver solver = SymmetricEigensolvers.preferred();
        start = System.nanoTime();
        SymmetricEigenDecomposition modes = solver.decompose(planar, n, parameters.keepEigenvectors());
        double eigenSeconds = (System.nanoTime() - start) * 1e-9;
        return new HessianPhononDos(new HessianAssembler(displacement), solver, parameters)
                .fromEigenvalues(modes.eigenvalues(), modes.eigenvectors(), new PhononDos.Timings(forceSeconds, eigenSeconds, solver.name()));
    }

    public static HessianLabel metalDefaults() {
        return new HessianLabel(PhononDosParameters.metalDefaults(), HessianAssembler.DEFAULT_DISPLACEMENT);
    }

    @Override
    public PhononDos run(Lammps lammps, RecordSink sink) {
        LammpsForceField lammpsForces = new LammpsForceField(lammps);
        double[] positions = lammpsForces.positions();
        double[] masses = lammpsForces.masses();
        ForceField forceField = lammpsForces;
        HessianPhononDos calculator = new HessianPhononDos(new HessianAssembler(displacement),
                SymmetricEigensolvers.preferred(), parameters);
        int step = Math.max(1, 6 * masses.length / 20);
        HessianProgressListener listener = (done, total) -> {
            if (done % step == 0 || done == total) {
                sink.emit(new Progress(done, total));
            }
        };
        PhononDos dos = lammps.setting("dimension") == 2 ? inPlane(forceField, positions, masses, listener)
                : calculator.compute(forceField, positions, masses, listener);
        lammps.scatterPositions(positions);
        lammps.command("run 0");
        return dos;
    }
}
