/**
 * Reference labels computed from a force field: the phonon density of states (PDOS) from the
 * finite-difference Hessian, following the PDOS conventions of the design page.
 *
 * <p>Pipeline: {@link org.spr.fixes.label.HessianAssembler} (6N force evaluations through a
 * {@link org.spr.fixes.label.ForceField}) → {@link org.spr.fixes.label.ForceConstantMatrices}
 * (symmetrise, acoustic sum rule, mass weighting) → {@link org.spr.fixes.label.SymmetricEigensolver}
 * (LAPACK through JNA when the system library is present, EJML otherwise) →
 * {@link org.spr.fixes.label.PhononFrequencies} (λ → ν) → {@link org.spr.fixes.label.GaussianBroadening}
 * on a {@link org.spr.fixes.label.FrequencyGrid}. {@link org.spr.fixes.label.HessianPhononDos} runs the whole
 * chain and returns a {@link org.spr.fixes.label.PhononDos}.
 *
 * <p>Arrays: positions and forces are flat {@code x0, y0, z0, x1, …}; square matrices are flat
 * row-major {@code double[n*n]} with n = 3N.
 */
package org.spr.fixes.label;
