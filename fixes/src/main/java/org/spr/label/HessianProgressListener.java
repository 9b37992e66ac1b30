package org.spr.label;

/** Receives progress of a Hessian assembly, once per force evaluation (for a progress bar with ETA). */
@FunctionalInterface
public interface HessianProgressListener {

    /** A listener that ignores progress. */
    HessianProgressListener NONE = (completed, total) -> { };

    /**
     * Called after each force evaluation.
     *
     * @param completedEvaluations force evaluations done so far, 1 … total
     * @param totalEvaluations     6N for N atoms (two displacements per coordinate)
     */
    void progress(int completedEvaluations, int totalEvaluations);
}
