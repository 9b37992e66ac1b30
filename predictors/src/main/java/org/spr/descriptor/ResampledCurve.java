package org.spr.descriptor;

/**
 * A curve moved onto another grid by {@link GridResampling}.
 *
 * @param grid    the grid the values now live on
 * @param values  one value per bin centre of {@code grid}
 * @param warning a sentence describing the resampling for the user, or {@code null} when the grids were the same
 */
public record ResampledCurve(RadialGrid grid, double[] values, String warning) {

    /** True when the values were interpolated (the caller should show {@link #warning()}). */
    public boolean resampled() {
        return warning != null;
    }
}
