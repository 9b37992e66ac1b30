package org.spr.lammps;

/**
 * Java code called by a LAMMPS {@code fix ID group external pf/callback N 1} every N steps.
 * An exception thrown here stops the run at the next step and is rethrown from the command that ran it,
 * wrapped in a {@link LammpsException}.
 */
@FunctionalInterface
public interface FixExternalCallback {
    void onStep(FixExternalStep step) throws Exception;
}
