package org.spr.system;

import org.spr.protocol.Potential;
import org.spr.protocol.Protocol;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A user's own LAMMPS input script as a structure protocol: the drawn variables (and {@code ${seed}},
 * {@code ${system_dir}}) are defined as index variables before the script runs, exactly as {@code lmp -var NAME VALUE}
 * would (so the script's own {@code variable NAME index DEFAULT} lines keep their defaults for plain {@code lmp}); the
 * script runs; its structure is reloaded into a clean instance with an atom map (see {@link #reload}); then the system
 * file's potential (masses, pair style and coefficients) is applied, so that the labels
 * are made with the declared potential whatever the script used; then, unless switched off, an energy minimisation
 * (optionally with {@code fix box/relax}); the structure in the box is the result.
 *
 * @param system         system name (dataset rows)
 * @param script         absolute path of the script
 * @param directory      the system file's directory ({@code ${system_dir}})
 * @param values         the variables' values for this structure, in declaration order
 * @param potential      the system's potential, or null to keep the script's
 * @param dimension      LAMMPS dimension the script makes (checked)
 * @param minimize       minimise after the script
 * @param boxRelax       {@code fix box/relax} arguments for the minimisation (e.g. "iso 0.0"), or null
 * @param forceTolerance largest force component accepted after minimisation
 * @param seed           the structure's seed; {@code ${seed}} is a positive LAMMPS seed derived from it
 * @param species        species of types 1…n
 */
public record ScriptProtocol(String system, String script, String directory, LinkedHashMap<String, String> values,
                             Potential potential, int dimension, boolean minimize, String boxRelax, double forceTolerance,
                             long seed, String[] species) implements Protocol {

    @Override
    public String name() {
        return "script:" + Path.of(script).getFileName();
    }

    /** The positive LAMMPS seed {@code ${seed}}: the structure seed itself when in 1…900,000,000, else derived. */
    public int lammpsSeed() {
        if (seed >= 1 && seed <= 900_000_000L) {
            return (int) seed;
        }
        long mixed = seed * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return (int) (Math.floorMod(mixed, 900_000_000L) + 1);
    }

    @Override
    public Map<String, Object> parameters() {
        return new LinkedHashMap<>(values);
    }

    /**
     * Starts from a clean instance holding only the script's structure: written with {@code write_data}, then
     * {@code clear} and read back with an atom map ({@code atom_modify map array}, which the labels' displacements by
     * atom ID need and a user's script rarely sets) and the same units, dimension, atom style and boundaries; the
     * script's fixes, computes and groups are gone.
     */
    private static void reload(Lammps lammps) {
        String units = lammps.unitStyle();
        int dimension = lammps.setting("dimension");
        org.spr.lammps.SimulationBox box = lammps.box();
        String boundary = (box.periodicX() ? "p" : "f") + " " + (box.periodicY() ? "p" : "f") + " " + (box.periodicZ() ? "p" : "f");
        java.nio.file.Path data;
        try {
            data = java.nio.file.Files.createTempFile("spr-script-", ".data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a temporary data file: " + e.getMessage(), e);
        }
        try {
            lammps.command("write_data " + data + " nocoeff");
            String style = "atomic";
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(data)) {
                style = lines.filter(line -> line.startsWith("Atoms #")).findFirst()
                        .map(line -> line.substring("Atoms #".length()).strip()).orElse("atomic");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read " + data + ": " + e.getMessage(), e);
            }
            lammps.command("clear");
            lammps.commands(String.join("\n", "units " + units, "dimension " + dimension, "boundary " + boundary,
                    "atom_style " + style, "atom_modify map array sort 0 0.0", "read_data " + data, ""));
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(data);
            } catch (java.io.IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    @Override
    public ProtocolResult run(Lammps lammps, RecordSink sink) {
        if (potential != null && potential.needsMlIap()) {
            org.spr.protocol.Systems.requireMlIap(lammps, potential);  // one sentence naming the Tersoff variant, not LAMMPS's error
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("seed", Integer.toString(lammpsSeed()));
        all.put("system_dir", directory);
        for (Map.Entry<String, String> entry : all.entrySet()) {
            // index variables survive 'clear': delete first so that each structure gets its own value
            lammps.command("variable " + entry.getKey() + " delete");
            lammps.command("variable " + entry.getKey() + " index \"" + entry.getValue() + "\"");
        }
        lammps.file(Path.of(script));
        if (lammps.setting("dimension") != dimension) {
            throw new IllegalStateException("Script " + script + " made a " + lammps.setting("dimension")
                    + "D system but its system file declares dimension = " + dimension + ".");
        }
        int types = lammps.setting("ntypes");
        if (potential != null && types != potential.types()) {
            throw new IllegalStateException("Script " + script + " made " + types + " atom types but the system file names "
                    + potential.types() + " species " + potential.species() + ".");
        }
        reload(lammps);
        if (potential != null) {
            lammps.commands(potential.massCommands());
            lammps.commands(potential.pairCommands());
        }
        lammps.command("thermo_style custom step temp pe press fmax");
        lammps.command("thermo_modify norm no lost ignore");
        long before = lammps.natoms();
        if (minimize) {
            lammps.command("min_style cg");
            if (boxRelax != null) {
                lammps.command("fix spr_relax all box/relax " + boxRelax + " vmax 0.001");
                lammps.command(String.format(Locale.ROOT, "minimize 0.0 %.3e 5000 50000", forceTolerance / 2));
                lammps.command("unfix spr_relax");
            }
            lammps.command(String.format(Locale.ROOT, "minimize 0.0 %.3e 5000 50000", forceTolerance / 2));
        }
        lammps.command("run 0");
        double maxForce = lammps.thermo("fmax");
        long natoms = lammps.natoms();
        double energy = lammps.thermo("pe") / natoms;
        if (natoms != before && natoms > 0) {
            lammps.command("reset_atom_ids");
        }
        String[] byType = new String[types + 1];
        for (int t = 1; t <= types; t++) {
            byType[t] = species != null && t - 1 < species.length ? species[t - 1] : "type" + t;
        }
        return new ProtocolResult(system, seed, (int) before, (int) (before - natoms), energy, maxForce,
                !minimize || maxForce <= forceTolerance, lammps.box(), lammps.gatherPositions(), lammps.gatherInts("type", 1),
                lammps.massesPerType(), byType, lammps.setting("dimension"));
    }
}
