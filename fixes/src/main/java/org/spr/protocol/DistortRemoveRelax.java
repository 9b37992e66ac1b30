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
 * The linear-SPR paper's protocol for 2D/3D Lennard-Jones, a-SiC and CuAlZr: start from the crystal, displace every atom
 * at random, remove a fraction of the atoms (vacancies), then minimise the energy (optionally with the box relaxed to
 * zero pressure). Displacement amplitude and vacancy fraction are the disorder knobs, from mildly distorted crystals
 * to amorphous structures. No MD, so it suits costly potentials.
 *
 * <p>Randomness, all in Java by atom ID (so results do not depend on the MPI decomposition), each from its own stream
 * derived from the seed: random types for alloys, displacements, vacancies. Displacements: with {@link
 * Distribution#GAUSSIAN} each Cartesian component is drawn from N(0, A²) (A is the standard deviation, RMS
 * displacement √d·A); with {@link Distribution#UNIFORM} each component from U(−A, A). In 2D only x and y move.
 * Deterministic for a seed (serial run).
 *
 * @param system           crystal and potential
 * @param amplitude        displacement amplitude A (Å or σ), not negative
 * @param distribution     how displacements are drawn
 * @param vacancyFraction  fraction of atoms removed after the displacement, in [0, 1), at least 2 atoms kept
 * @param boxRelax         relax the box to zero pressure (x, y in 2D; isotropic in 3D) during the minimisation
 * @param forceTolerance   largest force component (eV/Å or ε/σ) accepted after minimisation
 * @param seed             random seed
 */
public record DistortRemoveRelax(MaterialSystem system, double amplitude, Distribution distribution,
                                 double vacancyFraction, boolean boxRelax, double forceTolerance, long seed)
        implements Protocol {

    /** How each displacement component is drawn. */
    public enum Distribution {
        /** Normal with standard deviation A. */
        GAUSSIAN,
        /** Uniform on [−A, A]. */
        UNIFORM
    }

    private static final int PURPOSE_TYPES = 1;
    private static final int PURPOSE_DISPLACEMENTS = 2;
    private static final int PURPOSE_VACANCIES = 3;

    public DistortRemoveRelax {
        if (system == null || distribution == null) {
            throw new IllegalArgumentException("A distort-remove-relax protocol needs a system and a displacement distribution.");
        }
        if (!(amplitude >= 0) || !Double.isFinite(amplitude)) {
            throw new IllegalArgumentException("Displacement amplitude must be a non-negative length, got " + amplitude + ".");
        }
        if (!(vacancyFraction >= 0 && vacancyFraction < 1)) {
            throw new IllegalArgumentException("Vacancy fraction must be in [0, 1), got " + vacancyFraction + ".");
        }
        if (Atoms.kept(system.crystal().sites(), vacancyFraction) < 2) {
            throw new IllegalArgumentException("Vacancy fraction " + vacancyFraction + " leaves fewer than 2 of the "
                    + system.crystal().sites() + " atoms.");
        }
        if (!(forceTolerance > 0)) {
            throw new IllegalArgumentException("Force tolerance must be positive, got " + forceTolerance + ".");
        }
    }

    /** Gaussian displacements, box relaxed, force tolerance 10⁻³ eV/Å (metal) or 10⁻⁴ ε/σ (lj). */
    public static DistortRemoveRelax of(MaterialSystem system, double amplitude, double vacancyFraction, long seed) {
        double tolerance = "lj".equals(system.crystal().units()) ? 1e-4 : 1e-3;
        return new DistortRemoveRelax(system, amplitude, Distribution.GAUSSIAN, vacancyFraction, true, tolerance, seed);
    }

    public DistortRemoveRelax withSeed(long newSeed) {
        return new DistortRemoveRelax(system, amplitude, distribution, vacancyFraction, boxRelax, forceTolerance, newSeed);
    }

    public DistortRemoveRelax withDisorder(double newAmplitude, double newVacancyFraction) {
        return new DistortRemoveRelax(system, newAmplitude, distribution, newVacancyFraction, boxRelax, forceTolerance, seed);
    }

    public DistortRemoveRelax withForceTolerance(double tolerance) {
        return new DistortRemoveRelax(system, amplitude, distribution, vacancyFraction, boxRelax, tolerance, seed);
    }

    /** Atoms kept after the vacancies are made. */
    public int keptAtoms() {
        return Atoms.kept(system.crystal().sites(), vacancyFraction);
    }

    /** The parameters as name → value, for dataset rows. */
    @Override
    public String name() {
        return "distort-remove-relax";
    }

    @Override
    public Map<String, Object> parameters() {
        Crystal crystal = system.crystal();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("system", system.name());
        map.put("potential", system.potential().name());
        map.put("lattice", crystal.style());
        map.put("lattice_scale", crystal.scale());
        map.put("cells", crystal.cellsX() + "x" + crystal.cellsY() + "x" + crystal.cellsZ());
        map.put("amplitude", amplitude);
        map.put("distribution", distribution.name().toLowerCase(Locale.ROOT));
        map.put("vacancy_fraction", vacancyFraction);
        map.put("box_relax", boxRelax);
        return map;
    }

    @Override
    public ProtocolResult run(Lammps lammps, RecordSink sink) {
        Potential potential = system.potential();
        if (potential.needsMlIap()) {
            Systems.requireMlIap(lammps, potential);
        }
        Crystal crystal = system.crystal();
        lammps.commands(crystal.commands(potential.types()));
        int sites = crystal.sites();
        if (lammps.natoms() != sites) {
            throw new IllegalStateException("LAMMPS created " + lammps.natoms() + " atoms for a " + crystal.style()
                    + " crystal of " + sites + " sites.");
        }
        lammps.commands(potential.massCommands());
        lammps.commands(potential.pairCommands());
        lammps.command("thermo_style custom step pe press fmax");
        lammps.command("thermo_modify lost ignore");
        if (!crystal.typeFractions().isEmpty()) {
            Atoms.assignTypes(lammps, crystal.typeFractions(), sites, Seeds.derive(seed, PURPOSE_TYPES));
        }
        sink.emit(new ProtocolStage("distort", 0));
        displace(lammps, crystal.dimension());
        sink.emit(new ProtocolStage("remove", 0));
        List<Integer> order = Atoms.shuffledIds(sites, Seeds.derive(seed, PURPOSE_VACANCIES));
        Atoms.delete(lammps, order.subList(0, sites - keptAtoms()));
        if (crystal.dimension() == 2) {
            lammps.command("fix spr_2d all enforce2d");
        }
        sink.emit(new ProtocolStage("minimise", 0));
        String relax = !boxRelax ? null : crystal.dimension() == 2 ? "x 0.0 y 0.0" : "iso 0.0";
        return Minimisation.minimise(lammps, system.name(), seed, keptAtoms(), relax, forceTolerance,
                crystal.dimension(), potential.speciesByType());
    }

    private void displace(Lammps lammps, int dimension) {
        if (amplitude == 0) {
            return;
        }
        double[] positions = lammps.gatherPositions();
        Random random = new Random(Seeds.derive(seed, PURPOSE_DISPLACEMENTS));
        for (int i = 0; i < positions.length / 3; i++) {
            for (int k = 0; k < dimension; k++) {
                double draw = distribution == Distribution.GAUSSIAN ? random.nextGaussian() : 2 * random.nextDouble() - 1;
                positions[3 * i + k] += amplitude * draw;
            }
        }
        lammps.scatterPositions(positions);
    }
}
