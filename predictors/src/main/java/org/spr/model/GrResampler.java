package org.spr.model;

import org.spr.descriptor.RadialGrid;

/** Moves a g(r) (one or more channels, concatenated) from one radial grid to another by linear interpolation between bin centres. */
public final class GrResampler {

    private GrResampler() {
    }

    /**
     * Resamples each channel: for a target centre r, g(r) = g_k + (g_{k+1} − g_k)(r − r_k)/(r_{k+1} − r_k) with r_k ≤ r < r_{k+1}
     * the source centres; below the first source centre the first value is used, above the last the last value.
     *
     * @param source     input, channels × from.bins()
     * @param from       source grid
     * @param to         target grid
     * @param channels   number of concatenated channels
     * @param output     buffer of channels × to.bins(), overwritten; may be null
     * @return the output buffer
     */
    public static double[] resample(double[] source, RadialGrid from, RadialGrid to, int channels, double[] output) {
        int nFrom = from.bins();
        int nTo = to.bins();
        if (source.length != channels * nFrom) {
            throw new IllegalArgumentException("g(r) has " + source.length + " values but " + channels + " channel(s) on " + from + " need " + channels * nFrom);
        }
        double[] out = output == null ? new double[channels * nTo] : output;
        double dr = from.dr();
        for (int c = 0; c < channels; c++) {
            int offsetFrom = c * nFrom;
            int offsetTo = c * nTo;
            for (int k = 0; k < nTo; k++) {
                double position = to.centre(k) / dr - 0.5; // fractional source index
                int lower = (int) Math.floor(position);
                if (lower < 0) {
                    out[offsetTo + k] = source[offsetFrom];
                } else if (lower >= nFrom - 1) {
                    out[offsetTo + k] = source[offsetFrom + nFrom - 1];
                } else {
                    double t = position - lower;
                    out[offsetTo + k] = source[offsetFrom + lower] * (1 - t) + source[offsetFrom + lower + 1] * t;
                }
            }
        }
        return out;
    }
}
