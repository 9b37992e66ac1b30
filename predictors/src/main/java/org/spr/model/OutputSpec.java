package org.spr.model;

import org.spr.error.SprException;
/**
 * What a model predicts: either a spectrum on a {@link SpectrumGrid}, or a named scalar with its unit
 * (optionally trained on log10 of the value, e.g. thermal conductivity spanning decades).
 *
 * @param grid    the spectrum grid, or null for a scalar
 * @param name    name of the target: "spectrum" for spectra, the scalar name otherwise (e.g. kappa)
 * @param unit    unit of the predicted values (spectral density unit, or e.g. W/(m K))
 * @param log10   true when the backend works on log10 of the target (scalars only); predictions are converted back
 * @param clipNegative true when negative predictions are set to 0 (spectra are densities: {@code spr train --non-negative clip})
 */
public record OutputSpec(SpectrumGrid grid, String name, String unit, boolean log10, boolean clipNegative) {

    /** Target name used for spectra. */
    public static final String SPECTRUM = "spectrum";

    public OutputSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("output name must not be blank");
        }
        unit = unit == null ? "" : unit;
        if (grid != null && log10) {
            throw SprException.usage("log10 training is only supported for scalar outputs");
        }
    }

    /** Without clipping. */
    public OutputSpec(SpectrumGrid grid, String name, String unit, boolean log10) {
        this(grid, name, unit, log10, false);
    }

    /** Copy with negative predictions clipped to 0 (or not). */
    public OutputSpec withClipNegative(boolean clip) {
        return new OutputSpec(grid, name, unit, log10, clip);
    }

    /** A spectrum output on {@code grid}, values in {@code unit} (e.g. 1/THz). */
    public static OutputSpec spectrum(SpectrumGrid grid, String unit) {
        return new OutputSpec(grid, SPECTRUM, unit, false);
    }

    /** A scalar output. */
    public static OutputSpec scalar(String name, String unit, boolean log10) {
        return new OutputSpec(null, name, unit, log10);
    }

    /** True for a spectrum. */
    public boolean isSpectrum() {
        return grid != null;
    }

    /** Length of the output vector: grid points, or 1 for a scalar. */
    public int length() {
        return grid == null ? 1 : grid.count();
    }

    @Override
    public String toString() {
        return isSpectrum() ? "spectrum on " + grid + (unit.isEmpty() ? "" : " in " + unit) + (clipNegative ? ", negative values clipped to 0" : "")
                : "scalar " + name + (unit.isEmpty() ? "" : " [" + unit + "]") + (log10 ? " (trained on log10)" : "");
    }

    /** Values in the space a model of this output is trained in: log10 of each value with {@link #log10()}, else the values themselves. */
    public double[][] trainingSpace(double[][] values) {
        if (!log10) {
            return values;
        }
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[values[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = Math.log10(values[i][j]);
            }
        }
        return out;
    }
}
