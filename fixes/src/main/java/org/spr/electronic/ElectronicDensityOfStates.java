package org.spr.electronic;

import org.spr.model.SpectrumGrid;

/**
 * Kernels for the electronic density of states of a spectrum of one-electron levels E_n (n = 0 … N−1, eV, spin
 * degenerate, one π electron per atom).
 *
 * <p>Fermi level at half filling: N electrons fill the levels two (spin up and down) at a time. For even N the lowest
 * N/2 levels are full and E_F = (E_{N/2−1} + E_{N/2})/2, midway between the highest occupied and lowest unoccupied
 * level (E_F = the level itself when they are degenerate, as at graphene's Dirac point). For odd N the level
 * E_{(N−1)/2} holds one electron, so it is half filled and E_F = E_{(N−1)/2}.
 *
 * <p>Density of states per atom and per spin direction, Gaussian broadened with standard deviation σ_E:
 * <pre>
 *   ρ(E) = (1/N) Σ_n exp(−(E − E_n)²/2σ_E²) / (σ_E √(2π))      states / eV / atom / spin,   ∫ ρ dE = 1
 * </pre>
 * (the spin-summed DOS is 2ρ). It is not renormalised on the grid: a window around E_F holds only part of the
 * band, and ρ keeps its absolute meaning there.
 */
public final class ElectronicDensityOfStates {

    /** Gaussians are cut beyond this many standard deviations (relative weight &lt; 2e-16). */
    static final double CUTOFF_WIDTHS = 8.5;
    private static final double INVERSE_SQRT_TWO_PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private ElectronicDensityOfStates() {
    }

    /**
     * E_F at half filling, see the class comment.
     *
     * @param levels eigenvalues in ascending order, at least one
     */
    public static double fermiLevel(double[] levels) {
        int n = levels.length;
        if (n == 0) {
            throw new IllegalArgumentException("the Fermi level needs at least one electronic level");
        }
        if (n % 2 == 1) {
            return levels[(n - 1) / 2];
        }
        return 0.5 * (levels[n / 2 - 1] + levels[n / 2]);
    }

    /** Normalised Gaussian exp(−x²/2σ²)/(σ√(2π)), 0 beyond {@link #CUTOFF_WIDTHS}·σ. */
    public static double gaussian(double x, double width) {
        double u = x / width;
        if (Math.abs(u) > CUTOFF_WIDTHS) {
            return 0.0;
        }
        return Math.exp(-0.5 * u * u) * INVERSE_SQRT_TWO_PI / width;
    }

    /**
     * ρ(E) at one energy (states/eV/atom/spin).
     *
     * @param levels eigenvalues (any order)
     * @param energy E in eV, on the same scale as the levels
     * @param width  σ_E in eV, positive
     */
    public static double densityAt(double[] levels, double energy, double width) {
        checkWidth(width);
        double sum = 0;
        for (double level : levels) {
            sum += gaussian(energy - level, width);
        }
        return sum / levels.length;
    }

    /**
     * ρ on a grid of energies relative to a reference: out[k] = ρ(reference + grid.value(k)).
     *
     * @param levels    eigenvalues (any order), eV
     * @param reference energy the grid is measured from (E_F), eV
     * @param grid      grid of E − reference in eV
     * @param width     σ_E in eV, positive
     * @param out       optional output of grid.count() values; null to allocate
     * @return ρ at the grid points, states/eV/atom/spin
     */
    public static double[] broaden(double[] levels, double reference, SpectrumGrid grid, double width, double[] out) {
        checkWidth(width);
        if (levels.length == 0) {
            throw new IllegalArgumentException("no electronic level to broaden into a density of states");
        }
        double[] density = out == null ? new double[grid.count()] : out;
        if (density.length != grid.count()) {
            throw new IllegalArgumentException("density array has " + density.length + " points, grid has " + grid.count());
        }
        java.util.Arrays.fill(density, 0.0);
        double norm = INVERSE_SQRT_TWO_PI / (width * levels.length);
        double reach = CUTOFF_WIDTHS * width;
        double step = grid.step();
        for (double level : levels) {
            double centre = level - reference;
            int first = (int) Math.max(0, Math.ceil((centre - reach - grid.start()) / step));
            int last = (int) Math.min(grid.count() - 1, Math.floor((centre + reach - grid.start()) / step));
            for (int k = first; k <= last; k++) {
                double u = (grid.value(k) - centre) / width;
                density[k] += norm * Math.exp(-0.5 * u * u);
            }
        }
        return density;
    }

    private static void checkWidth(double width) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("DOS broadening width must be a positive number of eV, got " + width);
        }
    }
}
