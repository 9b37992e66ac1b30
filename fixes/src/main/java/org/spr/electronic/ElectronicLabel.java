package org.spr.electronic;

import org.spr.model.SpectrumGrid;

/**
 * An electronic label from the π tight-binding model: the DOS near the Fermi level and the Kubo–Greenwood σ.
 *
 * @param grid                 energies E − E_F (eV) of {@code density}
 * @param density              ρ(E_F + grid value) in states/eV/atom/spin (Gaussian σ_E; spin-summed DOS = 2ρ)
 * @param fermiLevel           E_F in eV at half filling (one π electron per atom), on the Hamiltonian's absolute scale
 * @param densityAtFermiLevel  ρ(E_F) in states/eV/atom/spin
 * @param levels               all N eigenvalues E_n in eV, ascending; with a k-point mesh the N·n1·n2·n3 levels of the
 *                             whole mesh (each irreducible point's levels once per mesh point it stands for), whose
 *                             half filling is E_F and whose broadened DOS is {@code density}
 * @param conductivity         Kubo–Greenwood σ at E_F; null when not requested
 * @param atomCount            N
 * @param parameters           what was used, recorded with the label
 * @param timings              where the time went
 */
public record ElectronicLabel(SpectrumGrid grid, double[] density, double fermiLevel, double densityAtFermiLevel,
                             double[] levels, KuboGreenwoodConductivity conductivity, int atomCount,
                             ElectronicLabelParameters parameters, Timings timings) {

    /**
     * Wall-clock seconds per stage.
     *
     * @param hamiltonianSeconds  building H
     * @param eigensolverSeconds  diagonalisation (with eigenvectors only when σ was requested), all k-points
     * @param dosSeconds          E_F and the broadened DOS
     * @param conductivitySeconds velocity products and sums (0 when σ was not requested)
     * @param eigensolverName     which solver ran
     */
    public record Timings(double hamiltonianSeconds, double eigensolverSeconds, double dosSeconds,
                          double conductivitySeconds, String eigensolverName) {

        /** Total seconds. */
        public double totalSeconds() {
            return hamiltonianSeconds + eigensolverSeconds + dosSeconds + conductivitySeconds;
        }
    }

    /**
     * Highest occupied minus lowest unoccupied level gap E_{N/2} − E_{N/2−1} in eV (0 for odd N: a half-filled level);
     * with a k-point mesh, of the levels of the whole mesh.
     */
    public double gap() {
        int n = levels.length;
        return n % 2 == 1 || n < 2 ? 0.0 : levels[n / 2] - levels[n / 2 - 1];
    }
}
