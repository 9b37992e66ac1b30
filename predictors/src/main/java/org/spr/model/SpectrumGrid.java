package org.spr.model;

import java.util.Locale;

/**
 * A uniform output grid: values at x_i = start + i·step for i = 0 … count−1, in {@code unit} (e.g. THz),
 * with a note on how each spectrum on it is normalised (e.g. "unit area").
 *
 * @param start         first grid value
 * @param step          spacing, positive
 * @param count         number of points, positive
 * @param unit          unit of the grid values (e.g. THz, eV)
 * @param normalisation how spectra on this grid are normalised (free text, e.g. "unit area")
 */
public record SpectrumGrid(double start, double step, int count, String unit, String normalisation) {

    public SpectrumGrid {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(start)) {
            throw new IllegalArgumentException("spectrum grid needs a finite start and a positive step, got start=" + start + " step=" + step);
        }
        if (count < 1) {
            throw new IllegalArgumentException("spectrum grid needs at least one point, got count=" + count);
        }
        unit = unit == null ? "" : unit;
        normalisation = normalisation == null ? "" : normalisation;
    }

    /** Grid value x_i = start + i·step. */
    public double value(int i) {
        return start + i * step;
    }

    /** All grid values, a new array. */
    public double[] values() {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = value(i);
        }
        return x;
    }

    /** True when both grids have the same points (to 1e-9 relative) and unit. */
    public boolean sameAs(SpectrumGrid other) {
        return count == other.count && unit.equals(other.unit)
                && Math.abs(step - other.step) <= 1e-9 * step && Math.abs(start - other.start) <= 1e-9 * Math.max(step, Math.abs(start));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d points from %g %s step %g", count, start, unit, step);
    }
}
