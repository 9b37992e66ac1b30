package org.spr.io;

import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a frame as a LAMMPS data file (atom style atomic, {@code Masses} with {@code # name} comments, tilt factors
 * for triclinic boxes), gzip-compressed when the name ends in {@code .gz}. Written to a temporary name and renamed,
 * so the file is complete or absent. {@code read_data} reads it back (uncompressed), as does {@link LammpsDataReader}.
 */
public final class LammpsDataWriter {

    private LammpsDataWriter() {
    }

    public static void write(Frame frame, String title, Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            var stream = Files.newOutputStream(temporary);
            if (file.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
                write(frame, title, out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write data file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Frame frame, String title, BufferedWriter out) throws IOException {
        Box box = frame.box();
        int n = frame.atomCount();
        out.write((title == null ? "spr structure" : title.replace('\n', ' ')) + "\n\n");
        out.write(n + " atoms\n" + frame.typeCount() + " atom types\n\n");
        out.write(String.format(Locale.ROOT, "%.16g %.16g xlo xhi%n", box.xlo(), box.xlo() + box.lx()));
        out.write(String.format(Locale.ROOT, "%.16g %.16g ylo yhi%n", box.ylo(), box.ylo() + box.ly()));
        out.write(String.format(Locale.ROOT, "%.16g %.16g zlo zhi%n", box.zlo(), box.zlo() + box.lz()));
        if (box.xy() != 0 || box.xz() != 0 || box.yz() != 0) {
            out.write(String.format(Locale.ROOT, "%.16g %.16g %.16g xy xz yz%n", box.xy(), box.xz(), box.yz()));
        }
        if (frame.masses() != null) {
            out.write("\nMasses\n\n");
            for (int t = 0; t < frame.typeCount(); t++) {
                String name = frame.speciesNames() != null ? " # " + frame.speciesNames()[t] : "";
                out.write(String.format(Locale.ROOT, "%d %.10g%s%n", t + 1, frame.masses()[t], name));
            }
        }
        out.write("\nAtoms # atomic\n\n");
        double[] x = frame.positions();
        for (int i = 0; i < n; i++) {
            long id = frame.ids() != null ? frame.ids()[i] : i + 1;
            out.write(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", id, frame.types()[i], x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
    }
}
