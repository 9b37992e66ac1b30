/**
 * Electronic labels without DFT: a π-electron tight-binding model of carbon (one p_z orbital per atom,
 * exponentially decaying hopping with a smooth cutoff, {@link org.spr.electronic.PiTightBindingParameters}),
 * its density of states near the Fermi level and its Kubo–Greenwood DC conductivity.
 *
 * <p>Pipeline ({@link org.spr.electronic.PiElectronicLabeller}): Frame →
 * {@link org.spr.electronic.PiTightBinding} (dense symmetric H, eV, minimum image; at Γ, or Bloch H(k) on a
 * {@link org.spr.electronic.KPointMesh} through its real 2N×2N embedding) →
 * {@link org.spr.linalg.SymmetricEigensolvers#preferred()} →
 * {@link org.spr.electronic.ElectronicDensityOfStates} (E_F at half filling, Gaussian DOS in
 * states/eV/atom/spin on a {@link org.spr.model.SpectrumGrid} of E − E_F) →
 * {@link org.spr.electronic.KuboGreenwood} (σ at E_F; sheet conductance in S and e²/h for a monolayer, S/m
 * via a thickness convention) → {@link org.spr.electronic.ElectronicLabel}.
 *
 * <p>Arrays: positions are flat {@code x0, y0, z0, x1, …} in Å; matrices are flat row-major {@code double[n*n]}.
 */
package org.spr.electronic;
