package org.spr.fixes.hook;

import org.spr.lammps.FixBinding;
import org.spr.lammps.FixExternalCallback;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.util.Map;

/**
 * Binds a hook, given by name and parameters, to a {@code fix external}: serialisable, so it travels to the isolated
 * worker, where the hook is made and registered as soon as the script defines the fix.
 *
 * @param hook            hook name or factory class name
 * @param parameters      hook parameters
 */
public record HookBinding(String hook, Map<String, String> parameters) implements FixBinding {

    public HookBinding {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public FixExternalCallback create(Lammps lammps, String fixId, int every, RecordSink sink) throws Exception {
        Hook instance = Hooks.factory(hook).create(parameters);
        instance.check(lammps);
        CurrentTemperature temperature = CurrentTemperature.define(lammps, fixId);
        RecordSink tagged = record -> sink.emit(new HookOutput(fixId, record));
        return step -> {
            boolean tallied = step.timestep() % every == 0;
            requireFinitePositions(step);
            try {
                instance.onStep(new StepContext(step, tallied, temperature), tagged);
            } catch (Hook.StopRun stop) {
                sink.emit(new RunStopped(step.timestep(), stop.getMessage()));
                step.stopRun();
            }
        };
    }

    /** A blown-up run (NaN or infinite coordinates) is stopped at the next hook call, naming the step and atom. */
    static void requireFinitePositions(org.spr.lammps.FixExternalStep step) {
        java.nio.DoubleBuffer x = step.positions();
        for (int i = 0, n = x.limit(); i < n; i++) {
            if (!Double.isFinite(x.get(i))) {
                throw new IllegalStateException("atom " + step.id(i / 3) + " has a non-finite position at step "
                        + step.timestep() + ": the simulation blew up (time step too large, overlapping atoms?)");
            }
        }
    }

    /** Hooks read the potential energy: LAMMPS tallies it on every call. */
    @Override
    public boolean needsEnergy() {
        return true;
    }

    /** A record a hook emitted, with the ID of the fix it is bound to. */
    public record HookOutput(String fixId, java.io.Serializable record) implements java.io.Serializable {
    }

    /** Emitted when a hook ended the run. */
    public record RunStopped(long step, String reason) implements java.io.Serializable {
    }
}
