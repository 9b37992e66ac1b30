package org.spr.fixes.hook;

import org.spr.lammps.Lammps;

/**
 * The temperature hooks see: kinetic temperature of all atoms at the call, from the hook's own {@code compute temp}
 * (the definition of LAMMPS's default {@code thermo_temp}).
 *
 * <p>Why not {@code thermo_temp}: inside a run LAMMPS recomputes a thermo keyword only once per thermo output, so
 * {@code lammps_get_thermo("temp")} returned the value of the last output (one thermo interval stale); and forcing
 * {@code thermo_temp} mid-step would leave a mid-step value that a {@code thermo_press} of the same step reuses, so the
 * monitor would change what LAMMPS prints. Why two computes: LAMMPS evaluates a compute at most once per timestep, and
 * a step repeats at run boundaries (the last step of a run and the setup of the next, where commands in between may
 * have changed the velocities); the second compute serves the repeated call. A third call at one step (two
 * {@code run 0} in a row) sees the second's value.
 */
final class CurrentTemperature {

    private final Lammps lammps;
    private final String[] computes;
    private final long[] lastStep = {Long.MIN_VALUE, Long.MIN_VALUE};
    private int current;

    private CurrentTemperature(Lammps lammps, String[] computes) {
        this.lammps = lammps;
        this.computes = computes;
    }

    /** Defines the computes (before the run: commands cannot be issued during one). */
    static CurrentTemperature define(Lammps lammps, String fixId) {
        String[] ids = {"spr_temp_" + fixId, "spr_temp2_" + fixId};
        for (String id : ids) {
            if (!lammps.hasId("compute", id)) {
                lammps.command("compute " + id + " all temp");
            }
        }
        return new CurrentTemperature(lammps, ids);
    }

    /** The temperature at this call (every rank must call it at the same steps: the compute is collective). */
    double at(long step) {
        if (lastStep[current] == step) {
            current = 1 - current;
        }
        lastStep[current] = step;
        return lammps.computeScalar(computes[current]);
    }
}
