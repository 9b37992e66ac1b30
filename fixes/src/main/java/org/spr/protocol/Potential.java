package org.spr.protocol;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An interatomic potential as the LAMMPS commands that define it, with the species it maps to atom types
 * 1…n and their masses. Built by the factories ({@link #tersoff}, {@link #eamAlloy}, {@link #eamFs},
 * {@link #lennardJones}, {@link #kobAndersen}, {@link #mlIapUnified}) or directly for any other pair style.
 *
 * <p>Checked when constructed, before any simulation: units are {@code metal} or {@code lj}; masses are positive and
 * one per species; and when a potential file is named, its species (Tersoff, eam/alloy, eam/fs files) include every
 * species asked for ({@link PotentialFiles#requireSpecies}).
 *
 * @param name              short name for reports and dataset rows (e.g. "SiC.tersoff")
 * @param units             LAMMPS units the potential is written in ("metal" or "lj")
 * @param pairStyle         the {@code pair_style} arguments, e.g. "tersoff" or "lj/cut 2.5"
 * @param pairCoefficients  the {@code pair_coeff} arguments, one line each (file paths absolute)
 * @param settings          further commands after pair_coeff, e.g. "pair_modify shift yes"
 * @param species           species of types 1…n
 * @param masses            masses of types 1…n (amu or LJ mass units)
 * @param file              absolute path of the potential file whose species were checked, or null
 */
public record Potential(String name, String units, String pairStyle, List<String> pairCoefficients,
                        List<String> settings, List<String> species, List<Double> masses, String file)
        implements Serializable {

    public Potential {
        pairCoefficients = List.copyOf(pairCoefficients);
        settings = List.copyOf(settings);
        species = List.copyOf(species);
        masses = List.copyOf(masses);
        if (!"metal".equals(units) && !"lj".equals(units)) {
            throw new IllegalArgumentException("Potential units must be metal or lj, got " + units + ".");
        }
        if (species.isEmpty() || species.size() != masses.size()) {
            throw new IllegalArgumentException("Potential " + name + " needs one mass per species, got species " + species
                    + " and masses " + masses + ".");
        }
        for (double mass : masses) {
            if (!(mass > 0) || !Double.isFinite(mass)) {
                throw new IllegalArgumentException("Potential " + name + " masses must be positive, got " + masses + ".");
            }
        }
        if (pairStyle == null || pairStyle.isBlank() || pairCoefficients.isEmpty()) {
            throw new IllegalArgumentException("Potential " + name + " needs a pair style and at least one pair_coeff line.");
        }
        if (file != null) {
            PotentialFiles.requireSpecies(Path.of(file), pairStyle, species);
        }
    }

    /** Tersoff from a file (found by {@link Potentials#path}), e.g. {@code tersoff("SiC.tersoff", "Si", "C")}. */
    public static Potential tersoff(String fileName, String... species) {
        return withFile("tersoff", fileName, List.of(species));
    }

    /** EAM in setfl format ({@code eam/alloy}), e.g. Zhou's Cu–Al–Zr file. */
    public static Potential eamAlloy(String fileName, String... species) {
        return withFile("eam/alloy", fileName, List.of(species));
    }

    /** Finnis–Sinclair EAM ({@code eam/fs}), e.g. {@code eamFs("CuZr_mm.eam.fs", "Cu", "Zr")}. */
    public static Potential eamFs(String fileName, String... species) {
        return withFile("eam/fs", fileName, List.of(species));
    }

    /**
     * A machine-learned potential through ML-IAP's unified interface ({@code pair_style mliap unified MODEL 0}), e.g. a
     * MACE model exported for LAMMPS. Needs a LAMMPS with the ML-IAP and PYTHON packages ({@link Systems#requireMlIap}); the
     * model file must exist, its species are not checked here.
     */
    public static Potential mlIapUnified(String modelFile, String... species) {
        String path = Potentials.path(modelFile);
        List<Double> masses = new ArrayList<>();
        for (String name : species) {
            masses.add(AtomicMasses.of(name));
        }
        return new Potential(Path.of(modelFile).getFileName().toString(), "metal", "mliap unified " + path + " 0",
                List.of("* * " + String.join(" ", species)), List.of(), List.of(species), masses, null);
    }

    /**
     * One-component Lennard-Jones in {@code lj} units (ε = σ = m = 1), cut at {@code cutoff} σ with the energy
     * shifted to zero there ({@code pair_modify shift yes}).
     */
    public static Potential lennardJones(double cutoff) {
        if (!(cutoff > 1.0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("Lennard-Jones cutoff must exceed 1 σ, got " + cutoff + ".");
        }
        return new Potential(String.format(Locale.ROOT, "lj/cut %.3g", cutoff), "lj",
                String.format(Locale.ROOT, "lj/cut %.6f", cutoff), List.of("* * 1.0 1.0"),
                List.of("pair_modify shift yes"), List.of("LJ"), List.of(1.0), null);
    }

    /**
     * The Kob–Andersen binary Lennard-Jones glass former (Kob &amp; Andersen, PRE 51, 4626 (1995)) in {@code lj} units:
     * species A (type 1) and B (type 2), masses 1; ε_AA = 1, σ_AA = 1, ε_AB = 1.5, σ_AB = 0.8, ε_BB = 0.5, σ_BB = 0.88,
     * each pair cut at 2.5 σ_αβ with the energy shifted to zero there. At 80:20 and ρ* = 1.2 it does not crystallise
     * on simulation time scales, unlike the one-component LJ.
     */
    public static Potential kobAndersen() {
        return new Potential("kob-andersen", "lj", "lj/cut 2.5",
                List.of("1 1 1.0 1.0 2.5", "1 2 1.5 0.8 2.0", "2 2 0.5 0.88 2.2"),
                List.of("pair_modify shift yes"), List.of("A", "B"), List.of(1.0, 1.0), null);
    }

    private static Potential withFile(String style, String fileName, List<String> species) {
        if (species.isEmpty()) {
            throw new IllegalArgumentException("Potential " + fileName + " needs at least one species.");
        }
        String path = Potentials.path(fileName);
        List<Double> masses = new ArrayList<>();
        for (String name : species) {
            masses.add(AtomicMasses.of(name));
        }
        return new Potential(Path.of(fileName).getFileName().toString(), "metal", style,
                List.of("* * " + path + " " + String.join(" ", species)), List.of(), species, masses, path);
    }

    /** Number of atom types (= species). */
    public int types() {
        return species.size();
    }

    /** {@code pair_style}, {@code pair_coeff} and settings commands (no masses). */
    public String pairCommands() {
        List<String> lines = new ArrayList<>();
        lines.add("pair_style " + pairStyle);
        for (String coefficients : pairCoefficients) {
            lines.add("pair_coeff " + coefficients);
        }
        lines.addAll(settings);
        lines.add("");
        return String.join("\n", lines);
    }

    /** {@code mass} commands for types 1…n. */
    public String massCommands() {
        List<String> lines = new ArrayList<>();
        for (int type = 1; type <= masses.size(); type++) {
            lines.add(String.format(Locale.ROOT, "mass %d %.10g", type, masses.get(type - 1)));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    /** Species as {@link ProtocolResult} wants them: index 0 unused, then types 1…n. */
    String[] speciesByType() {
        String[] byType = new String[species.size() + 1];
        for (int i = 0; i < species.size(); i++) {
            byType[i + 1] = species.get(i);
        }
        return byType;
    }

    /** Whether the pair style needs the ML-IAP package. */
    public boolean needsMlIap() {
        return pairStyle.strip().startsWith("mliap");
    }
}
