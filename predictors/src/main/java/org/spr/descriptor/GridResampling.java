package org.spr.descriptor;

import java.util.Locale;

/**
 * Explicit resampling of a g(r) onto a grid that differs only in resolution (same r_max, other Δr), for a model
 * trained on another bin width. Values are linearly interpolated between source bin centres; below the first
 * centre and above the last one the nearest centre's value is used. Interpolation smooths sharp peaks when
 * going to a finer grid and undersamples them when going to a coarser one, so the result carries a warning that
 * the caller should print. Grids with different r_max are refused: the model would see a different range.
 */
public final class GridResampling {

    private GridResampling() {
    }

    /**
     * Moves {@code values} (on {@code from}) onto {@code to}.
     *
     * @throws IllegalArgumentException when the lengths do not match {@code from} or the r_max differ
     */
    public static ResampledCurve resample(double[] values, RadialGrid from, RadialGrid to) {
        if (values.length != from.bins()) {
            throw new IllegalArgumentException("curve has " + values.length + " values but its grid " + from + " has " + from.bins() + " bins");
        }
        if (from.sameAs(to)) {
            return new ResampledCurve(to, values.clone(), null);
        }
        if (Math.abs(from.rMax() - to.rMax()) > 1e-9 * to.rMax()) {
            throw new IllegalArgumentException("cannot resample g(r) from " + from + " to " + to
                    + ": the grids differ in r_max, not only in resolution");
        }
        int n = to.bins();
        double[] out = new double[n];
        double dr = from.dr();
        int last = values.length - 1;
        for (int k = 0; k < n; k++) {
            double position = to.centre(k) / dr - 0.5; // fractional source index
            if (position <= 0) {
                out[k] = values[0];
            } else if (position >= last) {
                out[k] = values[last];
            } else {
                int lower = (int) Math.floor(position);
                double t = position - lower;
                out[k] = (1 - t) * values[lower] + t * values[lower + 1];
            }
        }
        String warning = String.format(Locale.ROOT,
                "g(r) resampled from dr=%g (%d bins) to dr=%g (%d bins) by linear interpolation between bin centres; "
                        + "peak heights may differ from a g(r) computed directly on the model grid",
                from.dr(), from.bins(), to.dr(), to.bins());
        return new ResampledCurve(to, out, warning);
    }
}
