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
    private final CurrentTemperature temperature;
    private double temperatureNow = Double.NaN;

    StepContext(FixExternalStep step, boolean energyTallied, CurrentTemperature temperature) {
        this.step = step;
        this.lammps = step.lammps();
        this.energyTallied = energyTallied;
        this.temperature = temperature;
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
     * O(Δt) (0.1–1.1 % in a Lennard-Jones test under a Nosé–Hoover thermostat); at the setup of a run and in minimisations the two are equal. See
     * {@link CurrentTemperature} for why it is not LAMMPS's {@code thermo_temp}.
     */
    public double temperature() {
        if (Double.isNaN(temperatureNow)) {
            temperatureNow = temperature.at(step.timestep());
        }
        return temperatureNow;
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
