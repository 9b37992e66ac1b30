package org.spr.label;

import org.spr.protocol.Potential;
import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a structure from a LAMMPS data file into an empty LAMMPS instance, with a potential, so that a label
 * ({@link GreenKuboConductivity}, {@link HessianLabel}) can run on it: {@code units} of the potential,
 * {@code atom_style}, {@code atom_modify map array}, the pair style (so that a file's {@code Pair Coeffs} section,
 * as {@code write_data} writes it, can be read), {@code read_data}, then the potential's masses and pair commands, which
 * replace any coefficients from the file.
 * Returns the number of atoms. Run it through the isolated engine when the file comes from a user.
 *
 * @param dataFile  path of the data file (checked readable before LAMMPS sees it)
 * @param atomStyle the file's atom style, e.g. "atomic" or "charge"
 * @param potential potential whose types 1…n match the file's atom types
 */
public record DataFileStructure(String dataFile, String atomStyle, Potential potential) implements EngineTask<Long> {

    public DataFileStructure {
        if (dataFile == null || !Files.isReadable(Path.of(dataFile))) {
            throw new IllegalArgumentException("Data file " + dataFile + " does not exist or is not readable");
        }
        if (atomStyle == null || !atomStyle.matches("[a-z/]+")) {
            throw new IllegalArgumentException("Atom style must be a LAMMPS atom style name such as atomic, got " + atomStyle);
        }
        if (potential == null) {
            throw new IllegalArgumentException("Data file " + dataFile + " needs a potential");
        }
    }

    /**
     * A data file LAMMPS can read: {@code file} itself, or for a gzipped file ({@code .gz}, as {@code spr generate}
     * stores structures; Debian's LAMMPS 2021 reads no gzip) an uncompressed temporary copy, which the caller deletes.
     */
    public static Path uncompressed(Path file) {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return file;
        }
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            Path plain = Files.createTempFile("spr-structure-", ".data");
            Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return plain;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot unpack " + file + ": " + e.getMessage(), e);
        }
    }

    /** A data file in {@code atom_style atomic}. */
    public static DataFileStructure atomic(Path dataFile, Potential potential) {
        return new DataFileStructure(dataFile.toAbsolutePath().toString(), "atomic", potential);
    }

    @Override
    public Long run(Lammps lammps, RecordSink sink) {
        lammps.commands(String.join("\n",
                "units " + potential.units(),
                "atom_style " + atomStyle,
                "atom_modify map array sort 0 0.0",
                "pair_style " + potential.pairStyle(),
                "read_data " + dataFile,
                ""));
        lammps.commands(potential.massCommands());
        lammps.commands(potential.pairCommands());
        return lammps.natoms();
    }
}
