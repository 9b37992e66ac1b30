package org.spr.fixes.hook;

import org.spr.lammps.FixExternalStep;
import org.spr.lammps.Lammps;
import org.spr.lammps.SimulationBox;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * What a hook sees at one call: timestep, thermodynamic state, box, and zero-copy read-only views of the local
 * atoms' positions and types. Valid only during the call.
 *
 * <p>The potential energy is only known on steps where LAMMPS tallied it (thermo output steps); the runner aligns
 * the thermo interval with the hook interval, and {@link #potentialEnergy()} is NaN when it is not available.
 */
public final class StepContext {

    private final FixExternalStep step;
    private final Lammps lammps;
    private final boolean energyTallied;
    private final String temperatureCompute;

    /**
     * @param temperatureCompute ID of the {@code compute temp} the hook's temperature comes from
     *                           ({@link #defineTemperature})
     */
    public StepContext(FixExternalStep step, boolean energyTallied, String temperatureCompute) {
        this.step = step;
        this.lammps = step.lammps();
        this.energyTallied = energyTallied;
        this.temperatureCompute = temperatureCompute;
    }

    /**
     * Defines (before the run) the {@code compute ID all temp} that {@link #temperature()} evaluates, and returns its
     * ID. It is the same definition as LAMMPS's {@code thermo_temp}, but the hook's own: evaluating
     * {@code thermo_temp} inside a run would return its value from the last thermo output (LAMMPS recomputes a thermo
     * keyword only once per output), and forcing it would leave a mid-step value that a later {@code thermo_press}
     * of the same step reuses — the monitor would change what LAMMPS prints.
     */
    public static String defineTemperature(Lammps lammps, String fixId) {
        String id = "spr_temp_" + fixId;
        if (!lammps.hasId("compute", id)) {
            lammps.command("compute " + id + " all temp");
        }
        return id;
    }

    public long timestep() {
        return step.timestep();
    }

    /** Simulation time (timestep × dt, in ps for metal units). */
    public double time() {
        return step.timestep() * lammps.global("dt");
    }

    /**
     * Kinetic temperature of all atoms at this call (K or reduced units; {@code compute temp}, as LAMMPS's default
     * thermo temperature), from the velocities LAMMPS holds during the step: hooks run in the force stage
     * ({@code post_force}), before the second half-kick of velocity Verlet, so during MD this is the temperature of the
     * half-step velocities v(t − Δt/2) + … and differs from the {@code Temp} LAMMPS prints for the same step by
     * O(Δt) (0.1–0.3 % in a Lennard-Jones test); at the first step of a run and in minimisations the two are equal.
     */
    public double temperature() {
        return lammps.computeScalar(temperatureCompute);
    }

    /**
     * Total potential energy (eV or reduced; never normalised per atom, whatever {@code thermo_modify norm} says),
     * or NaN where LAMMPS did not tally it on this step.
     */
    public double potentialEnergy() {
        return energyTallied ? lammps.computeScalar("thermo_pe") : Double.NaN;
    }

    public long natoms() {
        return lammps.natoms();
    }

    public int nlocal() {
        return step.nlocal();
    }

    public int rank() {
        return lammps.rank();
    }

    public int ranks() {
        return lammps.ranks();
    }

    /** Spatial dimension of the simulation (2 or 3). */
    public int dimension() {
        return lammps.setting("dimension");
    }

    public SimulationBox box() {
        return lammps.box();
    }

    /** Positions of the local atoms, x0,y0,z0,…: zero-copy, read-only. */
    public DoubleBuffer positions() {
        return step.positions();
    }

    /** Types (1-based) of the local atoms: zero-copy, read-only. */
    public IntBuffer types() {
        return lammps.typesView();
    }

    /** Number of atom types. */
    public int typeCount() {
        return lammps.setting("ntypes");
    }

    /** The LAMMPS instance, for hooks that need more (do not run commands from a hook). */
    public Lammps lammps() {
        return lammps;
    }
}
