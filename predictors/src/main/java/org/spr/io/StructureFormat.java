package org.spr.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The structure file formats this package reads, and the sniffer that picks one for a file: first by name
 * ({@code *.lammpstrj}, {@code *.dump}, {@code dump.*} → dump; {@code *.data}, {@code data.*}, {@code *.lmp} → data;
 * {@code *.xyz}, {@code *.extxyz} → extended XYZ; {@code POSCAR*}, {@code CONTCAR*}, {@code *.vasp},
 * {@code *.poscar} → POSCAR; a trailing {@code .gz} is ignored), else by content (a first line
 * {@code ITEM: TIMESTEP} → dump; an {@code atoms} header line → data; an atom count then {@code Lattice=} → extended
 * XYZ; a scale factor on line 2 → POSCAR).
 */
public enum StructureFormat {
    LAMMPS_DUMP,
    LAMMPS_DATA,
    EXTENDED_XYZ,
    POSCAR;

    /** A reader of {@code file} in this format; {@code dimension} (2 or 3) is given to every frame. */
    public FrameReader open(Path file, int dimension) {
        return switch (this) {
            case LAMMPS_DUMP -> new LammpsDumpReader(file, dimension);
            case LAMMPS_DATA -> new SingleFrameReader(file, LammpsDataReader.read(file, dimension));
            case EXTENDED_XYZ -> new ExtendedXyzReader(file, dimension);
            case POSCAR -> new SingleFrameReader(file, PoscarReader.read(file, dimension));
        };
    }

    /**
     * The format of {@code file}, from its name or else its first lines.
     *
     * @throws InputFormatException when neither tells
     */
    public static StructureFormat detect(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".lammpstrj") || lower.endsWith(".dump") || lower.startsWith("dump.") || lower.endsWith(".lammpsdump")) {
            return LAMMPS_DUMP;
        }
        if (lower.endsWith(".data") || lower.startsWith("data.") || lower.endsWith(".lmp")) {
            return LAMMPS_DATA;
        }
        if (lower.endsWith(".xyz") || lower.endsWith(".extxyz")) {
            return EXTENDED_XYZ;
        }
        if (lower.startsWith("poscar") || lower.startsWith("contcar") || lower.endsWith(".vasp") || lower.endsWith(".poscar")) {
            return POSCAR;
        }
        List<String> head = firstLines(file, 12);
        if (head.isEmpty()) {
            throw new InputFormatException(file, 0, "is empty");
        }
        if (head.get(0).startsWith("ITEM:")) {
            return LAMMPS_DUMP;
        }
        for (String line : head.subList(1, head.size())) {
            String content = line.replaceAll("#.*", "").trim();
            if (content.matches("\\d+\\s+atoms")) {
                return LAMMPS_DATA;
            }
        }
        if (head.size() > 1 && head.get(0).trim().matches("\\d+") && head.get(1).contains("Lattice=")) {
            return EXTENDED_XYZ;
        }
        if (head.size() > 1 && head.get(1).trim().matches("[-+]?[0-9.]+([eE][-+]?\\d+)?(\\s+.*)?")) {
            return POSCAR;
        }
        throw new InputFormatException(file, 0, "is not a recognised structure format (LAMMPS dump or data file, extended XYZ, POSCAR)");
    }

    private static List<String> firstLines(Path file, int count) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            List<String> lines = new ArrayList<>();
            String line;
            while (lines.size() < count && (line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new InputFormatException(file, 0, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
