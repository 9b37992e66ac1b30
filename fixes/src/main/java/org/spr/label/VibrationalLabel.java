package org.spr.label;

import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolvers;

import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.lammps.SimulationBox;

/**
 * Phonon DOS and, optionally, Allen–Feldman κ(T) of the structure currently in LAMMPS from one finite-difference
 * Hessian, as an engine task. Emits {@link HessianLabel.Progress} every 5 % of the 6N force evaluations; the
 * positions are restored afterwards.
 *
 * <p>A LAMMPS {@code dimension 2} system has no z degree of freedom: the Hessian is assembled, symmetrised,
 * sum-rule corrected and mass-weighted as usual, then its z rows and columns are dropped and the 2N × 2N in-plane
 * dynamical matrix is diagonalised (and, for κ, used with the x, y coordinates: in-plane κ).
 *
 * @param parameters   PDOS grid, broadening, units
 * @param displacement finite-difference displacement (Å or σ)
 * @param allenFeldman κ parameters, or null for the PDOS alone (then no eigenvectors are computed)
 */
public record VibrationalLabel(PhononDosParameters parameters, double displacement, AllenFeldmanParameters allenFeldman)
        implements EngineTask<VibrationalLabels> {

    @Override
    public VibrationalLabels run(Lammps lammps, RecordSink sink) {
        LammpsForceField forceField = new LammpsForceField(lammps);
        double[] positions = forceField.positions();
        double[] masses = forceField.masses();
        int atoms = masses.length;
        int step = Math.max(1, 6 * atoms / 20);
        HessianProgressListener listener = (done, total) -> {
            if (done % step == 0 || done == total) {
                sink.emit(new HessianLabel.Progress(done, total));
            }
        };
        long start = System.nanoTime();
        double[] matrix = new HessianAssembler(displacement).assemble(forceField, positions, listener);
        lammps.scatterPositions(positions);
        lammps.command("run 0");
        ForceConstantMatrices.symmetrise(matrix, positions.length);
        ForceConstantMatrices.enforceAcousticSumRule(matrix, atoms);
        ForceConstantMatrices.massWeight(matrix, masses);
        int components = lammps.setting("dimension") == 2 ? 2 : 3;
        double[] coordinates = positions;
        if (components == 2) {
            matrix = inPlane(matrix, atoms);
            coordinates = new double[2 * atoms];
            for (int i = 0; i < atoms; i++) {
                coordinates[2 * i] = positions[3 * i];
                coordinates[2 * i + 1] = positions[3 * i + 1];
            }
        }
        int n = components * atoms;
        double forceSeconds = (System.nanoTime() - start) * 1e-9;
        boolean vectors = allenFeldman != null || parameters.keepEigenvectors();
        double[] dynamical = allenFeldman != null ? matrix.clone() : null;
        SymmetricEigensolver solver = SymmetricEigensolvers.preferred();
        start = System.nanoTime();
        SymmetricEigenDecomposition modes = solver.decompose(matrix, n, vectors);
        double eigenSeconds = (System.nanoTime() - start) * 1e-9;
        PhononDos dos = new HessianPhononDos(new HessianAssembler(displacement), solver, parameters)
                .fromEigenvalues(modes.eigenvalues(), parameters.keepEigenvectors() ? modes.eigenvectors() : null,
                        new PhononDos.Timings(forceSeconds, eigenSeconds, solver.name()));
        if (allenFeldman == null) {
            return new VibrationalLabels(dos, null, 0.0);
        }
        SimulationBox box = lammps.box();
        start = System.nanoTime();
        AllenFeldmanResult kappa = new AllenFeldmanConductivity(allenFeldman)
                .compute(dynamical, modes, coordinates, new double[] {box.lx(), box.ly(), box.lz()}, components);
        return new VibrationalLabels(dos, kappa, (System.nanoTime() - start) * 1e-9);
    }

    /** The x, y rows and columns of a 3N×3N matrix: the 2N×2N in-plane block. */
    static double[] inPlane(double[] matrix, int atoms) {
        int full = 3 * atoms;
        int n = 2 * atoms;
        double[] planar = new double[n * n];
        for (int i = 0; i < atoms; i++) {
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < atoms; j++) {
                    for (int b = 0; b < 2; b++) {
                        planar[(2 * i + a) * n + 2 * j + b] = matrix[(3 * i + a) * full + 3 * j + b];
                    }
                }
            }
        }
        return planar;
    }
}
