package org.spr.lammps;

import java.io.Serializable;

/**
 * How to make the Java callback for a {@code fix ID group external pf/callback N 1} of a script: the script runner
 * calls {@link #create} as soon as the fix exists (before any run), and the result is registered with LAMMPS.
 * Implementations must be serialisable named classes (records) so they can travel to the isolated worker.
 */
@FunctionalInterface
public interface FixBinding extends Serializable {

    /**
     * @param every the fix's call interval N (from {@code pf/callback N 1})
     */
    FixExternalCallback create(Lammps lammps, String fixId, int every, RecordSink sink) throws Exception;

    /**
     * Whether the callback reads the potential energy: the runner then makes LAMMPS tally it on every callback step
     * (a {@code fix ave/time N 1 N c_thermo_pe} named {@code ID_energy}), whatever the script's thermo interval.
     */
    default boolean needsEnergy() {
        return false;
    }

    /**
     * Whether the callback acts on the system (writes external forces, energy or virial). False (the default): it only
     * observes, and the fix contributes exactly zero force, energy and virial, so the run is the one plain {@code lmp}
     * makes (see {@link Lammps#setFixExternalCallback(String, FixExternalCallback, boolean)}).
     */
    default boolean actsOnSystem() {
        return false;
    }

    /** Makes LAMMPS tally the potential energy every {@code every} steps (see {@link #needsEnergy()}). */
    static void tallyEnergy(Lammps lammps, String fixId, int every) {
        lammps.command("fix " + fixId + "_energy all ave/time " + every + " 1 " + every + " c_thermo_pe");
    }
}
