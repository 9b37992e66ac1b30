package org.spr.potential;

/**
 * Grids of a LAMMPS setfl file: F(ρ) on ρ_k = k·Δρ (k = 0 … N_ρ−1), f(r) and r·φ(r) on r_k = k·Δr (k = 0 … N_r−1) with
 * Δr = cutoff/(N_r − 1), Δρ = ρ_max/(N_ρ − 1).
 *
 * @param densityPoints        N_ρ, at least 5 (LAMMPS interpolates with cubic splines)
 * @param densityMaximumFactor ρ_max as a multiple of the largest equilibrium density ρ_e of the elements written;
 *                             must exceed the high-density break 1.15 (denser states are extrapolated by LAMMPS)
 * @param radialPoints         N_r, at least 5
 * @param cutoff               r_c (Å); the Zhou functions are below 10⁻³ of their peak beyond ~6.5 Å for Cu, Al, Zr
 */
public record EamTabulation(int densityPoints, double densityMaximumFactor, int radialPoints, double cutoff) {

    /** N_ρ = N_r = 2000, ρ_max = 3·ρ_e, cutoff 7 Å. */
    public static final EamTabulation DEFAULT = new EamTabulation(2000, 3.0, 2000, 7.0);

    public EamTabulation {
        if (densityPoints < 5) {
            throw new IllegalArgumentException("EAM table needs at least 5 density points, got " + densityPoints);
        }
        if (radialPoints < 5) {
            throw new IllegalArgumentException("EAM table needs at least 5 radial points, got " + radialPoints);
        }
        if (!(densityMaximumFactor > 1.15) || !Double.isFinite(densityMaximumFactor)) {
            throw new IllegalArgumentException("EAM density maximum factor must be a number above 1.15, got " + densityMaximumFactor);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("EAM cutoff must be a positive number of Å, got " + cutoff);
        }
    }

    /** Δr = cutoff/(N_r − 1). */
    public double radialStep() {
        return cutoff / (radialPoints - 1);
    }
}
