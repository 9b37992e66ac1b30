package org.spr.fixes.hook;

import org.spr.lammps.RecordSink;

/**
 * Java code called every N steps of a LAMMPS run, through a {@code fix external}. A hook reads the step context,
 * emits records (scalars, spectra) to the sink, and may ask the run to stop by throwing {@link StopRun}.
 * Hooks are made by a {@link HookFactory} from a name and parameters, in the process that runs LAMMPS.
 *
 * <p>Under MPI every rank calls the hook at the same step: calls that are collective in LAMMPS (temperature,
 * energy, gathers) must be made on every rank in the same order; only rank 0 emits records.
 */
public interface Hook {

    void onStep(StepContext step, RecordSink sink) throws Exception;

    /**
     * Called when the hook is bound, before the run starts (the box and atoms exist): a hook that cannot work on this
     * system (species, dimension) throws {@link IllegalArgumentException} with one sentence naming both sides.
     */
    default void check(org.spr.lammps.Lammps lammps) {
    }

    /** Thrown by a hook to end the run cleanly at this step (for example when a property has converged). */
    final class StopRun extends RuntimeException {
        public StopRun(String reason) {
            super(reason);
        }
    }
}
