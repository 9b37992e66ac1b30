package org.spr.fixes.hook;

import org.spr.lammps.RecordSink;

import java.io.Serializable;
import java.util.Map;

/** The simplest hook: emits step, time, temperature and potential energy per atom. */
public final class ThermoHook implements Hook {

    /** One thermodynamic sample. */
    public record Sample(long step, double time, double temperature, double potentialEnergyPerAtom)
            implements Serializable {
    }

    @Override
    public void onStep(StepContext step, RecordSink sink) {
        double pe = step.potentialEnergy();
        double temperature = step.temperature();
        long natoms = step.natoms();
        if (step.rank() != 0) {
            return;
        }
        sink.emit(new Sample(step.timestep(), step.time(), temperature, Double.isNaN(pe) ? pe : pe / natoms));
    }

    /** Makes the hook; {@code thermo} takes no parameters. */
    static Hook create(Map<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("Hook 'thermo' takes no parameters, got " + parameters.keySet());
        }
        return new ThermoHook();
    }

    /** Factory for {@code thermo}. */
    public static final class Factory extends NamedHookFactory {
        public Factory() {
            super("thermo", "step, time, temperature and potential energy per atom", ThermoHook::create);
        }
    }
}
