package org.spr.descriptor;

/**
 * Window average of g(r) over frames: the arithmetic mean of every partial, total and coordination curve of the
 * frames added since the last {@link #reset()}. All frames must share the grid, type count and dimension.
 * The atom count and volume reported by {@link #mean()} are those of the last frame added; the mean is what
 * a model trained on window-averaged g(r) expects.
 */
public final class RunningAverage {

    private PairCorrelation sum;
    private PairCorrelation last;
    private int count;

    /** Adds one frame's g(r). */
    public void add(PairCorrelation frame) {
        if (sum == null) {
            sum = new PairCorrelation(frame.grid(), frame.typeCount(), frame.dimension());
        } else if (!sum.grid().sameAs(frame.grid()) || sum.typeCount() != frame.typeCount() || sum.dimension() != frame.dimension()) {
            throw new IllegalArgumentException("cannot average g(r) on " + frame.grid() + " with " + frame.typeCount()
                    + " types in " + frame.dimension() + "D into a window on " + sum.grid() + " with " + sum.typeCount()
                    + " types in " + sum.dimension() + "D");
        }
        add(frame.partialsArray(), sum.partialsArray());
        add(frame.partialCoordinationArray(), sum.partialCoordinationArray());
        add(frame.total(), sum.total());
        add(frame.coordination(), sum.coordination());
        last = frame;
        count++;
    }

    private static void add(double[][] from, double[][] to) {
        for (int p = 0; p < from.length; p++) {
            add(from[p], to[p]);
        }
    }

    private static void add(double[] from, double[] to) {
        for (int k = 0; k < from.length; k++) {
            to[k] += from[k];
        }
    }

    /** Frames added since the last reset. */
    public int count() {
        return count;
    }

    /** The mean of the frames added so far, a new object. */
    public PairCorrelation mean() {
        if (count == 0) {
            throw new IllegalStateException("no frames have been added to the average");
        }
        PairCorrelation mean = sum.copy();
        scale(mean.partialsArray());
        scale(mean.partialCoordinationArray());
        scale(mean.total());
        scale(mean.coordination());
        mean.setSystem(last.dimension(), last.typeLabels(), last.countsPerType(), last.atomCount(), last.volumeOrArea());
        return mean;
    }

    private void scale(double[][] curves) {
        for (double[] curve : curves) {
            scale(curve);
        }
    }

    private void scale(double[] curve) {
        for (int k = 0; k < curve.length; k++) {
            curve[k] /= count;
        }
    }

    /** Forgets all frames. */
    public void reset() {
        sum = null;
        last = null;
        count = 0;
    }
}
