package org.spr.electronic;

import java.util.Locale;

/**
 * Parameters of the π-electron tight-binding model of carbon: one p_z orbital per atom, on-site energy ε_i and a
 * distance-dependent hopping between every pair closer than the cutoff (energies in eV, lengths in Å):
 *
 * <pre>
 *   H_ii = ε_i,            ε_i uniform in [−W/2, W/2] (Anderson disorder, seeded), 0 when W = 0
 *   H_ij = −t(r_ij)·f_c(r_ij)
 *   t(r)  = t₀ · exp(−β (r/a₀ − 1))
 *   f_c(r) = 1                                    r ≤ r_c1
 *          = ½ [1 + cos(π (r − r_c1)/(r_c2 − r_c1))]   r_c1 &lt; r &lt; r_c2
 *          = 0                                    r ≥ r_c2
 * </pre>
 *
 * <p>Defaults ({@link #CARBON}): t₀ = 2.7 eV at a₀ = 1.42 Å and β = 3.37, the exponential form and values of
 * V. M. Pereira, A. H. Castro Neto and N. M. R. Peres, "Tight-binding approach to uniaxial strain in graphene",
 * Phys. Rev. B 80, 045401 (2009), where t(l) = t₀ e^{−3.37 (l/a − 1)} (β = −d ln t / d ln r at r = a₀).
 * With these, t(1.35 Å) = 3.19 eV and t(1.55 Å) = 1.98 eV: the short (double-like) and long bonds of amorphous
 * carbon hop more and less than graphene's.
 *
 * <p>Cutoff r_c1 = 1.9 Å, r_c2 = 2.2 Å: every C–C bond of graphene and of amorphous monolayer carbon (bond lengths
 * 1.3–1.7 Å) hops in full, while graphene's second neighbours (2.46 Å), the diagonals of a pentagon
 * (1.42·φ = 2.30 Å) and all longer distances are excluded. Second-neighbour hopping t' (≈ 0.1–0.3 eV in fits)
 * would break the electron–hole symmetry of the bipartite nearest-neighbour model and move the Dirac point off
 * E = 0; the exponential alone would give t(2.46 Å) = 0.23 eV, which is why a cutoff is needed at all. The cosine
 * taper makes H a continuous function of the positions, so labels change continuously with the structure (a hard
 * cutoff would make a bond flicker on and off as an atom crosses it).
 *
 * @param hopping         t₀ in eV, positive (the hopping at r = a₀)
 * @param bondLength      a₀ in Å, positive
 * @param decay           β, dimensionless, non-negative
 * @param cutoffStart     r_c1 in Å, positive, where the taper begins
 * @param cutoffEnd       r_c2 in Å, greater than r_c1, beyond which there is no hopping
 * @param andersonDisorder W in eV, non-negative: on-site energies uniform in [−W/2, W/2]
 * @param disorderSeed    seed of the on-site energies (one {@link java.util.Random} draw per atom, in atom order)
 */
public record PiTightBindingParameters(double hopping, double bondLength, double decay, double cutoffStart,
                                       double cutoffEnd, double andersonDisorder, long disorderSeed) {

    /** The default carbon π model: t₀ = 2.7 eV, a₀ = 1.42 Å, β = 3.37, taper 1.9–2.2 Å, no disorder. */
    public static final PiTightBindingParameters CARBON = new PiTightBindingParameters(2.7, 1.42, 3.37, 1.9, 2.2, 0.0, 0L);

    public PiTightBindingParameters {
        if (!(hopping > 0) || !Double.isFinite(hopping)) {
            throw new IllegalArgumentException("tight-binding hopping t0 must be a positive number of eV, got " + hopping);
        }
        if (!(bondLength > 0) || !Double.isFinite(bondLength)) {
            throw new IllegalArgumentException("tight-binding bond length a0 must be a positive number of Å, got " + bondLength);
        }
        if (!(decay >= 0) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("tight-binding decay beta must be a non-negative number, got " + decay);
        }
        if (!(cutoffStart > 0) || !(cutoffEnd > cutoffStart) || !Double.isFinite(cutoffEnd)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tight-binding cutoff needs 0 < r_c1 < r_c2 (Å), got r_c1=%g r_c2=%g", cutoffStart, cutoffEnd));
        }
        if (!(andersonDisorder >= 0) || !Double.isFinite(andersonDisorder)) {
            throw new IllegalArgumentException("Anderson disorder W must be a non-negative number of eV, got " + andersonDisorder);
        }
    }

    /** The same model with on-site Anderson disorder of strength W (eV) drawn with {@code seed}. */
    public PiTightBindingParameters withAndersonDisorder(double strength, long seed) {
        return new PiTightBindingParameters(hopping, bondLength, decay, cutoffStart, cutoffEnd, strength, seed);
    }

    /** The hopping magnitude t(r)·f_c(r) in eV (H_ij = −this). */
    public double hoppingAt(double distance) {
        if (distance >= cutoffEnd) {
            return 0.0;
        }
        double t = hopping * Math.exp(-decay * (distance / bondLength - 1.0));
        if (distance <= cutoffStart) {
            return t;
        }
        return t * 0.5 * (1.0 + Math.cos(Math.PI * (distance - cutoffStart) / (cutoffEnd - cutoffStart)));
    }
}
