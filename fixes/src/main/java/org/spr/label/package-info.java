/**
 * Reference labels computed from a force field: the phonon density of states (PDOS) from the finite-difference
 * Hessian (conventions in the project README, "What works": symmetrised, acoustic sum rule, mass-weighted, ν in THz,
 * Gaussian-broadened to unit area, imaginary modes counted), Allen–Feldman and Green–Kubo thermal conductivity.
 *
 * <p>Pipeline: {@link org.spr.label.HessianAssembler} (6N force evaluations through a
 * {@link org.spr.label.ForceField}) → {@link org.spr.label.ForceConstantMatrices}
 * (symmetrise, acoustic sum rule, mass weighting) → {@link org.spr.linalg.SymmetricEigensolver}
 * (LAPACK through JNA when the system library is present, EJML otherwise) → eigenvalues λ → ν by
 * {@link org.spr.label.FrequencyUnit} → {@link org.spr.label.GaussianBroadening} on a
 * {@link org.spr.label.FrequencyGrid}. {@link org.spr.label.HessianPhononDos} runs the whole chain and returns a
 * {@link org.spr.label.PhononDos}; {@link org.spr.label.AllenFeldmanConductivity} takes the eigenmodes on to κ,
 * {@link org.spr.label.GreenKuboConductivity} runs LAMMPS for κ from the heat-current autocorrelation.
 *
 * <p>Arrays: positions and forces are flat {@code x0, y0, z0, x1, …}; square matrices are flat
 * row-major {@code double[n*n]} with n = 3N.
 */
package org.spr.label;
