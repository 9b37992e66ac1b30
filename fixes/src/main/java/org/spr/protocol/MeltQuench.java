package org.spr.protocol;

import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Melt-quench from a random packing, the high-throughput amorphous workflow (Aykol et al. heuristics as used by the
 * GNN amorphous-materials workflow): N atoms at uniformly random positions (seeded, in Java) in a cubic box whose volume
 * per atom is {@code volumeFactor} (1.15) × the crystal's, types at the crystal's composition; overlaps removed by
 * minimisations with a soft-sphere potential E = A[1 + cos(πr/r_c)] (r_c = {@code softCutoffFactor}·V^{1/3}, V the
 * crystal volume per atom; A ramped 1, 10, 100 energy units), then with the real potential; NVT Nosé–Hoover at the melt
 * temperature, linear cooling to the final temperature, NVT at the final temperature; energy minimisation (optionally
 * with the box relaxed to zero pressure). Defaults (metal units): 3,000 K for 1,500 steps, cooled to 300 K over 2,500
 * steps, 1,500 steps at 300 K, 2 fs step. Deterministic for a seed (serial run). 3D only.
 *
 * @param system             potential, and the crystal whose volume per atom and composition set the packing
 * @param atoms              N, at least 2
 * @param volumeFactor       box volume per atom over the crystal's (1.15), positive
 * @param softCutoffFactor   soft-sphere cutoff over the crystal's V^{1/3} (0.8), positive
 * @param softIterations     iteration limit of each soft-sphere minimisation (and of the real-potential one)
 * @param meltTemperature    melt temperature (K, or ε/k_B in lj units)
 * @param meltSteps          steps at the melt temperature
 * @param finalTemperature   temperature the melt is cooled to
 * @param coolSteps          steps of the linear cooling
 * @param annealSteps        steps at the final temperature
 * @param timestep           MD time step (ps in metal units, τ in lj units)
 * @param boxRelax           relax the box isotropically to zero pressure in the final minimisation
 * @param forceTolerance     largest force component accepted after minimisation
 * @param seed               random seed (positions, types, velocities)
 */
public record MeltQuench(MaterialSystem system, int atoms, double volumeFactor, double softCutoffFactor,
                         int softIterations, double meltTemperature, int meltSteps, double finalTemperature,
                         int coolSteps, int annealSteps, double timestep, boolean boxRelax, double forceTolerance,
                         long seed) implements Protocol {

    private static final int PURPOSE_POSITIONS = 11;
    private static final int PURPOSE_TYPES = 12;
    private static final int PURPOSE_VELOCITIES = 13;
    private static final double[] SOFT_PREFACTORS = {1, 10, 100};

    public MeltQuench {
        if (system == null) {
            throw new IllegalArgumentException("A melt-quench protocol needs a system.");
        }
        if (system.crystal().dimension() != 3) {
            throw new IllegalArgumentException("Melt-quench packs atoms in a cubic box: system " + system.name()
                    + " is " + system.crystal().dimension() + "D, use DistortRemoveRelax for 2D systems.");
        }
        require(atoms >= 2, "Atom count must be at least 2, got " + atoms + ".");
        require(volumeFactor > 0 && Double.isFinite(volumeFactor), "Volume factor must be positive, got " + volumeFactor + ".");
        require(softCutoffFactor > 0 && Double.isFinite(softCutoffFactor),
                "Soft-sphere cutoff factor must be positive, got " + softCutoffFactor + ".");
        require(softIterations >= 0, "Soft-sphere iteration limit must not be negative, got " + softIterations + ".");
        require(meltTemperature > 0 && finalTemperature > 0 && Double.isFinite(meltTemperature),
                "Temperatures must be positive, got melt " + meltTemperature + " and final " + finalTemperature + ".");
        require(meltSteps >= 0 && coolSteps >= 0 && annealSteps >= 0,
                "Step counts must not be negative, got " + meltSteps + ", " + coolSteps + ", " + annealSteps + ".");
        require(timestep > 0 && Double.isFinite(timestep), "Time step must be positive, got " + timestep + ".");
        require(!"metal".equals(system.crystal().units()) || timestep <= 0.005,
                "Time step must not exceed 0.005 ps in metal units, got " + timestep + ".");
        require(forceTolerance > 0, "Force tolerance must be positive, got " + forceTolerance + ".");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The workflow's defaults for a metal-units system: 1.15 × crystal volume, 3,000 K × 1,500 steps, cooled to 300 K
     * over 2,500 steps, 1,500 steps at 300 K, 2 fs, box relaxed at the end, 10⁻³ eV/Å.
     */
    public static MeltQuench defaults(MaterialSystem system, int atoms, long seed) {
        if (!"metal".equals(system.crystal().units())) {
            throw new IllegalArgumentException("Melt-quench defaults are in metal units (K, ps); system " + system.name()
                    + " is in " + system.crystal().units() + " units, give its temperatures and time step explicitly.");
        }
        return new MeltQuench(system, atoms, 1.15, 0.8, 200, 3000, 1500, 300, 2500, 1500, 0.002, true, 1e-3, seed);
    }

    public MeltQuench withSeed(long newSeed) {
        return new MeltQuench(system, atoms, volumeFactor, softCutoffFactor, softIterations, meltTemperature, meltSteps,
                finalTemperature, coolSteps, annealSteps, timestep, boxRelax, forceTolerance, newSeed);
    }

    public MeltQuench withSchedule(int melt, int cool, int anneal) {
        return new MeltQuench(system, atoms, volumeFactor, softCutoffFactor, softIterations, meltTemperature, melt,
                finalTemperature, cool, anneal, timestep, boxRelax, forceTolerance, seed);
    }

    public MeltQuench withTemperatures(double melt, double end) {
        return new MeltQuench(system, atoms, volumeFactor, softCutoffFactor, softIterations, melt, meltSteps, end,
                coolSteps, annealSteps, timestep, boxRelax, forceTolerance, seed);
    }

    public MeltQuench withForceTolerance(double tolerance) {
        return new MeltQuench(system, atoms, volumeFactor, softCutoffFactor, softIterations, meltTemperature, meltSteps,
                finalTemperature, coolSteps, annealSteps, timestep, boxRelax, tolerance, seed);
    }

    /** Edge of the cubic box: L = (f · N · V_crystal)^{1/3}. */
    public double boxLength() {
        return Math.cbrt(volumeFactor * atoms * system.crystal().volumePerAtom());
    }

    /** Total MD steps. */
    public int totalSteps() {
        return meltSteps + coolSteps + annealSteps;
    }

    /** The parameters as name → value, for dataset rows. */
    @Override
    public String name() {
        return "melt-quench";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("system", system.name());
        map.put("potential", system.potential().name());
        map.put("atoms", atoms);
        map.put("volume_factor", volumeFactor);
        map.put("melt_temperature", meltTemperature);
        map.put("melt_steps", meltSteps);
        map.put("final_temperature", finalTemperature);
        map.put("cool_steps", coolSteps);
        map.put("quench_rate", coolSteps > 0 ? (meltTemperature - finalTemperature) / (coolSteps * timestep) : Double.NaN);
        map.put("anneal_steps", annealSteps);
        map.put("timestep", timestep);
        map.put("box_relax", boxRelax);
        return map;
    }

    @Override
    public ProtocolResult run(Lammps lammps, RecordSink sink) {
        Potential potential = system.potential();
        if (potential.needsMlIap()) {
            Systems.requireMlIap(lammps, potential);
        }
        double length = boxLength();
        lammps.commands(String.join("\n",
                "units " + system.crystal().units(),
                "dimension 3",
                "atom_style atomic",
                "atom_modify map array sort 0 0.0",
                "boundary p p p",
                String.format(Locale.ROOT, "region spr_box block 0 %.12g 0 %.12g 0 %.12g units box", length, length, length),
                "create_box " + potential.types() + " spr_box",
                ""));
        sink.emit(new ProtocolStage("pack", 0));
        int created = lammps.createAtoms(ids(), types(), positions(length), null, false);
        if (created != atoms || lammps.natoms() != atoms) {
            throw new IllegalStateException("LAMMPS created " + lammps.natoms() + " of the " + atoms + " packed atoms.");
        }
        lammps.commands(potential.massCommands());
        lammps.commands(String.join("\n",
                "thermo_style custom step temp pe press fmax",
                "thermo_modify lost ignore",
                "thermo 1000",
                "neigh_modify every 1 delay 0 check yes",
                "min_style fire",
                ""));
        sink.emit(new ProtocolStage("soft", 0));
        double cutoff = softCutoffFactor * Math.cbrt(system.crystal().volumePerAtom());
        lammps.command(String.format(Locale.ROOT, "pair_style soft %.12g", cutoff));
        for (double prefactor : SOFT_PREFACTORS) {
            lammps.command(String.format(Locale.ROOT, "pair_coeff * * %g", prefactor));
            lammps.command("minimize 0.0 1.0e-6 " + softIterations + " " + 10 * softIterations);
        }
        lammps.commands(potential.pairCommands());
        lammps.command("minimize 0.0 1.0e-4 " + softIterations + " " + 10 * softIterations);
        lammps.command("reset_timestep 0");
        lammps.command(String.format(Locale.ROOT, "timestep %.10g", timestep));
        lammps.command(String.format(Locale.ROOT, "velocity all create %.6f %d mom yes rot no dist gaussian",
                meltTemperature, Seeds.lammps(seed, PURPOSE_VELOCITIES)));
        double damping = 100 * timestep;
        stage(lammps, sink, "melt", meltTemperature, meltTemperature, damping, meltSteps);
        stage(lammps, sink, "cool", meltTemperature, finalTemperature, damping, coolSteps);
        stage(lammps, sink, "anneal", finalTemperature, finalTemperature, damping, annealSteps);
        sink.emit(new ProtocolStage("minimise", 0));
        return Minimisation.minimise(lammps, system.name(), seed, atoms, boxRelax ? "iso 0.0" : null, forceTolerance,
                3, potential.speciesByType());
    }

    private static void stage(Lammps lammps, RecordSink sink, String name, double from, double to, double damping,
                              int steps) {
        if (steps <= 0) {
            return;
        }
        sink.emit(new ProtocolStage(name, steps));
        lammps.command(String.format(Locale.ROOT, "fix spr_md all nvt temp %.6f %.6f %.10g", from, to, damping));
        lammps.command("run " + steps);
        lammps.command("unfix spr_md");
    }

    private long[] ids() {
        long[] ids = new long[atoms];
        for (int i = 0; i < atoms; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    /** Types at the crystal's composition (largest-remainder counts), over a seeded shuffle of the atoms. */
    private int[] types() {
        List<Double> fractions = system.fractions();
        int[] counts = Composition.counts(fractions, atoms);
        List<Integer> order = Atoms.shuffledIds(atoms, Seeds.derive(seed, PURPOSE_TYPES));
        int[] types = new int[atoms];
        int next = 0;
        for (int type = 1; type <= counts.length; type++) {
            for (int k = 0; k < counts[type - 1]; k++) {
                types[order.get(next++) - 1] = type;
            }
        }
        return types;
    }

    /** Uniform positions in [0, L)³. */
    private double[] positions(double length) {
        Random random = new Random(Seeds.derive(seed, PURPOSE_POSITIONS));
        double[] positions = new double[3 * atoms];
        for (int i = 0; i < positions.length; i++) {
            double x = random.nextDouble() * length;
            positions[i] = x < length ? x : 0.0;
        }
        return positions;
    }
}
