package org.spr.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.spr.model.SpectrumGrid;

/**
 * The total electronic density of states of one DFT calculation, as read from a VASP DOSCAR
 * ({@link VaspDoscarReader}): D(E_i) in states/eV per cell at absolute energies E_i (eV), strictly increasing; for a
 * spin-polarised calculation D = D_up + D_down.
 *
 * <p>{@link #resample} puts it on a window of E − E_F per atom, as the electronic-label spectrum of a dataset.
 *
 * @param source        the DOSCAR (for messages)
 * @param atoms         number of ions of the cell (DOSCAR line 1), the per-atom normalisation
 * @param fermiEnergy   E_F in eV (DOSCAR line 6)
 * @param spinPolarised true for ISPIN = 2 (up and down summed into {@code total})
 * @param energies      E_i in eV, strictly increasing, at least two
 * @param total         D(E_i) in states/eV per cell
 */
public record DoscarDensityOfStates(Path source, int atoms, double fermiEnergy, boolean spinPolarised,
                                        double[] energies, double[] total) {

    /** Grid unit of {@link #window} grids: eV, relative to the Fermi energy (see the normalisation note). */
    public static final String GRID_UNIT = "eV";
    /** Unit of the resampled values. */
    public static final String SPECTRUM_UNIT = "states/eV/atom";
    /** Normalisation note of {@link #window} grids. */
    public static final String NORMALISATION = "E - E_F; total DOS per atom (states/eV/atom), mean over each bin [E - step/2, E + step/2]";

    public DoscarDensityOfStates {
        if (atoms < 1) {
            throw new IllegalArgumentException("the DOS needs a positive atom count, got " + atoms);
        }
        if (energies == null || total == null || energies.length != total.length || energies.length < 2) {
            throw new IllegalArgumentException("the DOS needs at least two energies and one value per energy");
        }
        for (int i = 1; i < energies.length; i++) {
            if (!(energies[i] > energies[i - 1])) {
                throw new IllegalArgumentException("DOS energies must increase strictly");
            }
        }
    }

    /**
     * The grid of E − E_F values {@code from}, {@code from + step}, …, {@code to} (eV), each point the centre of a bin of
     * width {@code step}, with unit {@value #GRID_UNIT} and normalisation {@value #NORMALISATION}.
     *
     * @throws IllegalArgumentException when {@code to − from} is not a positive whole number of steps
     */
    public static SpectrumGrid window(double from, double to, double step) {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the energy window needs from < to and a positive step, got %g…%g eV step %g", from, to, step));
        }
        double intervals = (to - from) / step;
        long whole = Math.round(intervals);
        if (Math.abs(intervals - whole) > 1e-6 * Math.max(1, whole)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the energy window %g…%g eV is not a whole number of %g eV steps", from, to, step));
        }
        return new SpectrumGrid(from, step, (int) whole + 1, GRID_UNIT, NORMALISATION);
    }

    /**
     * The DOS per atom on {@code grid} (values x_j = E − E_F in eV): the mean of the piecewise-linear interpolant D(E)
     * of the DOSCAR points over each bin, divided by the atom count,
     * <pre>
     *   y_j = (1 / (N Δ)) ∫_{E_F + x_j − Δ/2}^{E_F + x_j + Δ/2} D(E) dE      (Δ = grid step, N = atoms)
     * </pre>
     * in states/eV/atom. The bins tile the window, so Σ_j y_j Δ = (1/N) ∫ D dE over the window exactly for the
     * interpolant (the trapezoid rule on the DOSCAR points): the electron count in the window is conserved, and a
     * DOSCAR grid coarser than Δ is interpolated, a finer one averaged.
     *
     * @throws InputFormatException naming the DOSCAR when the window's bins reach beyond its energies
     */
    public double[] resample(SpectrumGrid grid) {
        int count = grid.count();
        double step = grid.step();
        double low = fermiEnergy + grid.start() - step / 2;
        double high = fermiEnergy + grid.start() + (count - 0.5) * step;
        double first = energies[0], last = energies[energies.length - 1];
        double tolerance = 1e-9 * Math.max(1, Math.max(Math.abs(first), Math.abs(last)));
        if (low < first - tolerance || high > last + tolerance) {
            throw new InputFormatException(source, 0, "the energy window E - E_F = " + eV(grid.value(0)) + "…" + eV(grid.value(count - 1))
                    + " eV (bin edges " + eV(low - fermiEnergy) + "…" + eV(high - fermiEnergy) + " eV) reaches beyond the DOSCAR's energies, "
                    + eV(first - fermiEnergy) + "…" + eV(last - fermiEnergy) + " eV relative to E_F = " + fermiEnergy
                    + " eV; narrow the window or rerun VASP with a wider EMIN/EMAX");
        }
        double[] cumulative = new double[energies.length];
        for (int i = 1; i < energies.length; i++) {
            cumulative[i] = cumulative[i - 1] + 0.5 * (total[i] + total[i - 1]) * (energies[i] - energies[i - 1]);
        }
        double[] y = new double[count];
        double previous = integralTo(Math.max(first, Math.min(last, low)), cumulative);
        for (int j = 0; j < count; j++) {
            double edge = fermiEnergy + grid.start() + (j + 0.5) * step;
            double next = integralTo(Math.max(first, Math.min(last, edge)), cumulative);
            y[j] = (next - previous) / (step * atoms);
            previous = next;
        }
        return y;
    }

    /** ∫_{E_0}^{e} D(E) dE of the piecewise-linear interpolant, for E_0 ≤ e ≤ E_last. */
    private double integralTo(double e, double[] cumulative) {
        int k = Arrays.binarySearch(energies, e);
        if (k >= 0) {
            return cumulative[k];
        }
        k = -k - 2; // segment [E_k, E_k+1] holding e
        double t = e - energies[k];
        double slope = (total[k + 1] - total[k]) / (energies[k + 1] - energies[k]);
        return cumulative[k] + total[k] * t + 0.5 * slope * t * t;
    }

    /** {@code value} rounded to 4 significant digits, without trailing zeros (e.g. -5, 3.025). */
    private static String eV(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Number of energy points. */
    public int points() {
        return energies.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DOS of %s: %d points %.4g…%.4g eV, E_F = %.6g eV, %d atoms%s", source, energies.length,
                energies[0], energies[energies.length - 1], fermiEnergy, atoms, spinPolarised ? ", spin-polarised" : "");
    }
}
