package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.generate.SystemRecipe;
import org.spr.label.DataFileStructure;
import org.spr.label.PhononDosParameters;
import org.spr.protocol.Potential;
import org.spr.io.FrameReader;
import org.spr.io.LammpsDataWriter;
import org.spr.io.StructureFormat;
import org.spr.structure.Frame;
import org.spr.system.Elements;
import org.spr.system.SystemFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One structure for a label command ({@code spr kappa}): any supported file (LAMMPS data or dump, extended XYZ, POSCAR;
 * the first frame of a trajectory) as a LAMMPS data file, with the potential from a system file or from
 * {@code --potential "pair_style …; pair_coeff …"} (species and masses then from the structure file).
 *
 * @param dataFile       the data file LAMMPS reads
 * @param temporary      whether {@code dataFile} is a temporary copy to delete afterwards
 * @param potential      the potential, types 1…n
 * @param lammpsDimension LAMMPS dimension
 * @param monolayer      in-plane (2D g(r)) system
 * @param phononDos      PDOS settings
 * @param system         the system file, or null with --potential
 */
record OneStructure(Path dataFile, boolean temporary, Potential potential, int lammpsDimension, boolean monolayer,
                    PhononDosParameters phononDos, SystemFile system) {

    /** Reads {@code structure} and sets up the potential; one sentence (UserError) for anything wrong. */
    static OneStructure prepare(Path structure, String systemName, String potentialCommands) {
        if (!Files.isReadable(structure)) {
            throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " does not exist or is not readable");
        }
        if ((systemName == null) == (potentialCommands == null)) {
            throw new SprException(ExitCode.USAGE, "give the potential by one of --system NAME|FILE or --potential \"pair_style …; "
                    + "pair_coeff …\"");
        }
        SystemFile system = null;
        SystemRecipe recipe = null;
        int dimension = 3;
        if (systemName != null) {
            system = SystemFile.resolve(systemName);
            recipe = system.recipe(java.util.Map.of());
            dimension = recipe.lammpsDimension();
        }
        StructureFormat format = StructureFormat.detect(structure);
        Frame frame;
        try (FrameReader reader = format.open(structure, dimension)) {
            if (!reader.hasNext()) {
                throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " holds no frame");
            }
            frame = reader.next();
        }
        List<String> species = new ArrayList<>();
        for (int t = 1; t <= frame.typeCount(); t++) {
            String name = frame.speciesNames() != null ? frame.speciesNames()[t - 1] : null;
            if (name == null && frame.masses() != null) {
                name = Elements.byMass(frame.masses()[t - 1]);
            }
            species.add(name);
        }
        Potential potential;
        if (system != null) {
            potential = system.recipe() != null || system.potential() == null ? recipe.potential() : system.potential();
            if (potential.types() != frame.typeCount()) {
                throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " has " + frame.typeCount()
                        + " atom types but system " + system.name() + " has " + potential.types() + " species " + potential.species());
            }
            for (int t = 0; t < species.size(); t++) {
                if (species.get(t) != null && !species.get(t).startsWith("type")
                        && !species.get(t).equals(potential.species().get(t)) && !potential.species().get(t).equals("LJ")) {
                    throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " has species " + species
                            + " for types 1…n but system " + system.name() + " expects " + potential.species());
                }
            }
        } else {
            potential = fromCommands(potentialCommands, species, frame, structure);
        }
        Path data;
        boolean temporary;
        if (format == StructureFormat.LAMMPS_DATA) {
            data = DataFileStructure.uncompressed(structure);
            temporary = !data.equals(structure);
        } else {
            try {
                data = Files.createTempFile("spr-structure-", ".data");
            } catch (IOException e) {
                throw new SprException(ExitCode.BAD_INPUT, "cannot write a temporary data file: " + e.getMessage());
            }
            LammpsDataWriter.write(frame, "from " + structure, data);
            temporary = true;
        }
        boolean monolayer = recipe != null && recipe.descriptor().dimension() == 2;
        PhononDosParameters dos = recipe != null ? recipe.phononDos() : PhononDosParameters.metalDefaults();
        return new OneStructure(data, temporary, potential, dimension, monolayer, dos, system);
    }

    /** "pair_style sw; pair_coeff * * Si.sw Si" with the structure's species (in type order) and masses. */
    private static Potential fromCommands(String commands, List<String> species, Frame frame, Path structure) {
        List<String> named = new ArrayList<>();
        List<Double> masses = new ArrayList<>();
        for (int t = 0; t < species.size(); t++) {
            String name = species.get(t);
            double mass = frame.masses() != null && frame.masses()[t] > 0 ? frame.masses()[t] : Double.NaN;
            if (Double.isNaN(mass) && name != null) {
                Double known = Elements.mass(name);
                mass = known == null ? Double.NaN : known;
            }
            if (Double.isNaN(mass)) {
                throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " gives neither a species name nor a mass "
                        + "for type " + (t + 1) + "; use a format with species (POSCAR, extended XYZ, a data file with Masses)");
            }
            named.add(name == null ? "type" + (t + 1) : name);
            masses.add(mass);
        }
        Potential potential = SystemFile.fromCommands(commands, named, masses);
        // a pair_coeff * * FILE A B … maps types to elements: it must follow the structure's type order
        String[] words = potential.pairCoefficients().get(0).split("\\s+");
        if (words.length >= 3 + species.size() && words[0].equals("*") && words[1].equals("*")) {
            List<String> mapped = Arrays.asList(words).subList(words.length - species.size(), words.length);
            if (species.stream().allMatch(s -> s != null) && !mapped.equals(species)) {
                throw new SprException(ExitCode.BAD_INPUT, "--potential maps types 1…" + species.size() + " to " + mapped
                        + " but structure " + structure + " has species " + species + " in that order");
            }
        }
        return potential;
    }

    /** Deletes the temporary data file. */
    void cleanUp() {
        if (temporary) {
            try {
                Files.deleteIfExists(dataFile);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
