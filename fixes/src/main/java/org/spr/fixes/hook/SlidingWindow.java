package org.spr.fixes.hook;

import java.util.ArrayDeque;
import java.util.Deque;

/** Mean of the last W curves: ḡ_k = (1/n) Σ_{i ∈ last n ≤ W} g_k^(i), for window-averaged g(r). */
final class SlidingWindow {

    private final int width;
    private final Deque<double[]> recent = new ArrayDeque<>();

    SlidingWindow(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("window must be at least 1 call, got " + width);
        }
        this.width = width;
    }

    /** Adds a curve (kept, not copied) and returns the mean of the window, a new array. */
    double[] add(double[] curve) {
        recent.addLast(curve);
        if (recent.size() > width) {
            recent.removeFirst();
        }
        double[] mean = new double[curve.length];
        for (double[] g : recent) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += g[k];
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= recent.size();
        }
        return mean;
    }

    /** Curves in the window now. */
    int size() {
        return recent.size();
    }
}
