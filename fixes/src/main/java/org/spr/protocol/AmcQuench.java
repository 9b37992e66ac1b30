package org.spr.protocol;

import org.spr.lammps.EngineTask;
import org.spr.lammps.FixBinding;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The amorphous monolayer carbon (AMC) quench of the SPRamNet and linear-SPR papers: a pristine graphene supercell
 * (at the potential's lattice constant) with a carbon potential ({@link CarbonPotential}, default Tersoff 1988), a
 * random fraction of atoms removed (vacancies), heated to a peak temperature, held, quenched to the final temperature
 * at a given rate, then finished by {@link MonolayerFinish} (in-plane minimisation with the cell relaxed, 3D
 * relaxation, cutoff-shell nudges, plausibility; when {@code boxRelax} is false only the plain in-plane minimisation
 * at fixed cell runs). Motion is kept in the plane (z forces and velocities zero; temperatures count the in-plane
 * degrees of freedom only). Quench rate, vacancy fraction and peak temperature are the disorder knobs. With Tersoff
 * 1988 a quench gives vacancy- and Stone–Wales-defected graphene (mostly hexagons, 5–7–8 rings around the
 * vacancies): the defected-graphene end of the AMC range. Fully amorphous 5–8 networks come from
 * {@link AmcBondSwitch}. Deterministic for a seed (serial run).
 *
 * @param cellsX            graphene cells (a × √3a, 4 atoms) along x
 * @param cellsY            cells along y
 * @param vacancyFraction   fraction of atoms removed before heating, in [0, 0.5)
 * @param peakTemperature   temperature reached and held (K)
 * @param quenchRate        cooling rate from peak to final temperature (K/ps), positive
 * @param finalTemperature  temperature at the end of the quench (K)
 * @param timestep          MD time step (ps)
 * @param heatSteps         steps of the linear ramp from the final to the peak temperature
 * @param holdSteps         steps held at the peak temperature
 * @param boxRelax          relax the in-plane cell to zero stress during the final minimisation
 * @param forceTolerance    largest force component (eV/Å) accepted after minimisation
 * @param seed              random seed (vacancies, velocities)
 * @param potential         carbon potential
 * @param monitorEvery      call the fix external {@value #MONITOR_FIX} every this many steps (0: no monitor fix)
 * @param monitor           Java code bound to the monitor fix, or null
 */
public record AmcQuench(int cellsX, int cellsY, double vacancyFraction, double peakTemperature, double quenchRate,
                        double finalTemperature, double timestep, int heatSteps, int holdSteps, boolean boxRelax,
                        double forceTolerance, long seed, int monitorEvery, FixBinding monitor, CarbonPotential potential)
        implements Protocol {

    /** ID of the {@code fix external} the monitor is bound to. */
    public static final String MONITOR_FIX = "spr_monitor";
    /** File of the default potential ({@link CarbonPotential#TERSOFF_1988}). */
    public static final String POTENTIAL = "SiC.tersoff";

    public AmcQuench {
        require(cellsX >= 2 && cellsY >= 2, "cells must be at least 2 × 2, got " + cellsX + " × " + cellsY);
        require(vacancyFraction >= 0 && vacancyFraction < 0.5, "vacancy fraction must be in [0, 0.5), got " + vacancyFraction);
        require(peakTemperature > 0 && finalTemperature > 0, "temperatures must be positive (K)");
        require(peakTemperature >= finalTemperature, "peak temperature must not be below the final temperature");
        require(quenchRate > 0 && Double.isFinite(quenchRate), "quench rate must be a positive number of K/ps, got " + quenchRate);
        require(timestep > 0 && timestep <= 0.002, "time step must be in (0, 0.002] ps, got " + timestep);
        require(heatSteps >= 0 && holdSteps >= 0, "step counts must not be negative");
        require(forceTolerance > 0, "force tolerance must be positive");
        require(monitorEvery >= 0, "monitor interval must not be negative");
        if (potential == null) {
            potential = CarbonPotential.TERSOFF_1988;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Defaults: 12 × 7 cells (336 atoms), no vacancies, 5000 K peak, 1000 K/ps to 300 K, 0.5 fs steps, largest force
     * component after minimisation at most 0.05 eV/Å (Tersoff carbon has kinks at its cutoff on which tighter
     * minimisations of strongly disordered structures stall; 0.05 eV/Å changes Hessian frequencies negligibly).
     */
    public static AmcQuench defaults(long seed) {
        return new AmcQuench(12, 7, 0.0, 5000, 1000, 300, 0.0005, 2000, 2000, true, 0.05, seed, 0, null, CarbonPotential.TERSOFF_1988);
    }

    public AmcQuench withSize(int x, int y) {
        return new AmcQuench(x, y, vacancyFraction, peakTemperature, quenchRate, finalTemperature, timestep, heatSteps,
                holdSteps, boxRelax, forceTolerance, seed, monitorEvery, monitor, potential);
    }

    public AmcQuench withDisorder(double vacancies, double peak, double rate) {
        return new AmcQuench(cellsX, cellsY, vacancies, peak, rate, finalTemperature, timestep, heatSteps, holdSteps,
                boxRelax, forceTolerance, seed, monitorEvery, monitor, potential);
    }

    public AmcQuench withSchedule(double step, int heat, int hold) {
        return new AmcQuench(cellsX, cellsY, vacancyFraction, peakTemperature, quenchRate, finalTemperature, step, heat,
                hold, boxRelax, forceTolerance, seed, monitorEvery, monitor, potential);
    }

    public AmcQuench withSeed(long newSeed) {
        return new AmcQuench(cellsX, cellsY, vacancyFraction, peakTemperature, quenchRate, finalTemperature, timestep,
                heatSteps, holdSteps, boxRelax, forceTolerance, newSeed, monitorEvery, monitor, potential);
    }

    public AmcQuench withMonitor(int every, FixBinding binding) {
        return new AmcQuench(cellsX, cellsY, vacancyFraction, peakTemperature, quenchRate, finalTemperature, timestep,
                heatSteps, holdSteps, boxRelax, forceTolerance, seed, every, binding, potential);
    }

    public AmcQuench withPotential(CarbonPotential newPotential) {
        return new AmcQuench(cellsX, cellsY, vacancyFraction, peakTemperature, quenchRate, finalTemperature, timestep,
                heatSteps, holdSteps, boxRelax, forceTolerance, seed, monitorEvery, monitor, newPotential);
    }

    /** Steps of the quench from peak to final temperature: ⌈(T_peak − T_final) / (rate · Δt)⌉. */
    public int quenchSteps() {
        return (int) Math.ceil((peakTemperature - finalTemperature) / (quenchRate * timestep));
    }

    /** Total MD steps (heat + hold + quench). */
    public int totalSteps() {
        return heatSteps + holdSteps + quenchSteps();
    }

    /** Atoms kept after the vacancies are made. */
    public int keptAtoms() {
        int all = Graphene.atoms(cellsX, cellsY);
        return all - (int) Math.round(vacancyFraction * all);
    }

    @Override
    public String name() {
        return "amc-quench";
    }

    /** The parameters as name → value, for dataset rows. */
    @Override
    public java.util.Map<String, Object> parameters() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("cells_x", cellsX);
        map.put("cells_y", cellsY);
        map.put("vacancy_fraction", vacancyFraction);
        map.put("peak_temperature", peakTemperature);
        map.put("quench_rate", quenchRate);
        map.put("final_temperature", finalTemperature);
        map.put("timestep", timestep);
        map.put("potential", potential.key());
        return map;
    }

    @Override
    public ProtocolResult run(Lammps lammps, RecordSink sink) throws Exception {
        lammps.commands(Graphene.commands(cellsX, cellsY, 20.0, potential.latticeConstant()));
        lammps.commands(potential.potential().pairCommands());
        removeVacancies(lammps);
        lammps.commands(String.join("\n",
                "compute spr_t2d all temp/partial 1 1 0",
                String.format(Locale.ROOT, "velocity all create %.6f %d mom yes rot no dist gaussian temp spr_t2d",
                        finalTemperature, positiveSeed(1)),
                "velocity all set NULL NULL 0.0",
                "fix spr_plane all setforce NULL NULL 0.0",
                String.format(Locale.ROOT, "timestep %.8f", timestep),
                "thermo_style custom step temp pe press fmax",
                "thermo_modify temp spr_t2d lost ignore",  // lost atoms are counted by the minimisation, not fatal
                "thermo " + Math.max(1, monitorEvery > 0 ? monitorEvery : 1000),
                ""));
        if (monitorEvery > 0) {
            lammps.command("fix " + MONITOR_FIX + " all external pf/callback " + monitorEvery + " 1");
            if (monitor != null) {
                if (monitor.needsEnergy()) {
                    FixBinding.tallyEnergy(lammps, MONITOR_FIX, monitorEvery);
                }
                lammps.setFixExternalCallback(MONITOR_FIX, monitor.create(lammps, MONITOR_FIX, monitorEvery, sink));
            }
        }
        double damping = 100 * timestep;
        stage(lammps, sink, "heat", finalTemperature, peakTemperature, damping, heatSteps);
        stage(lammps, sink, "hold", peakTemperature, peakTemperature, damping, holdSteps);
        stage(lammps, sink, "quench", peakTemperature, finalTemperature, damping, quenchSteps());
        if (monitorEvery > 0) {
            lammps.command("unfix " + MONITOR_FIX);
            if (monitor != null && monitor.needsEnergy()) {
                lammps.command("unfix " + MONITOR_FIX + "_energy");
            }
        }
        sink.emit(new ProtocolStage("minimise", 0));
        if (boxRelax) {
            return MonolayerFinish.finish(lammps, seed, keptAtoms(), forceTolerance, potential, true);
        }
        ProtocolResult result = Minimisation.minimise(lammps, "AMC", seed, keptAtoms(), null, forceTolerance, 2,
                new String[]{null, "C"});
        // release the plane: forces (and a Hessian taken next) see the out-of-plane direction again
        lammps.command("unfix spr_plane");
        return result;
    }

    private void stage(Lammps lammps, RecordSink sink, String name, double from, double to, double damping, int steps) {
        if (steps <= 0) {
            return;
        }
        sink.emit(new ProtocolStage(name, steps));
        lammps.command(String.format(Locale.ROOT, "fix spr_md all nvt temp %.6f %.6f %.6f", from, to, damping));
        lammps.command("fix_modify spr_md temp spr_t2d");
        lammps.command("run " + steps);
        lammps.command("unfix spr_md");
    }

    private void removeVacancies(Lammps lammps) {
        int all = Graphene.atoms(cellsX, cellsY);
        int remove = all - keptAtoms();
        if (remove == 0) {
            return;
        }
        List<Integer> ids = Atoms.shuffledIds(all, seed);
        StringJoiner group = new StringJoiner(" ", "group spr_vacancies id ", "");
        ids.subList(0, remove).stream().sorted().forEach(id -> group.add(Integer.toString(id)));
        lammps.command(group.toString());
        lammps.command("delete_atoms group spr_vacancies compress yes");
        lammps.command("group spr_vacancies delete");
    }

    /** LAMMPS seeds must be positive ints; derive one per purpose from the protocol seed. */
    private int positiveSeed(int purpose) {
        long mixed = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        return (int) (Math.floorMod(mixed, 900_000_000L) + 1);
    }
}
