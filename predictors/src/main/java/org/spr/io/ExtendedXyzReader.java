package org.spr.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Streams frames from an extended XYZ file: per frame an atom count line, a comment line with
 * {@code Lattice="ax ay az bx by bz cx cy cz"} (required), optional {@code Properties=species:S:1:pos:R:3:…}
 * (default: species then pos) and optional {@code pbc="T T T"}, then one line per atom. Species are numbered as
 * types in order of first appearance across the file. A general lattice is rotated into the LAMMPS convention
 * (a along x, b in the xy plane); an already lower-triangular lattice keeps positions bit-for-bit.
 */
public final class ExtendedXyzReader extends StreamingFrameReader {

    private final Map<String, Integer> speciesTypes = new LinkedHashMap<>();

    /** Opens {@code file}; frames get {@code dimension} (2 or 3). */
    public ExtendedXyzReader(Path file, int dimension) {
        super(file, dimension);
    }

    private Frame truncated(long start, String what) {
        warnings.add(source() + ": the last frame (starting at line " + start + ") is truncated " + what
                + "; it was skipped and the " + framesRead + " frame(s) before it are kept");
        return null;
    }

    @Override
    protected Frame readFrame() {
        boolean any;
        while ((any = lines.next()) && lines.blank()) {
            // skip blank lines between frames
        }
        if (!any) {
            return null;
        }
        long start = lines.lineNumber();
        int n = lines.parseInt(0);
        if (n < 1) {
            throw lines.error("atom count must be at least 1, got " + n);
        }
        if (!lines.next()) {
            return truncated(start, "before its comment line");
        }
        Map<String, String> info = parseInfo(lines.line());
        String lattice = info.get("lattice");
        if (lattice == null) {
            throw lines.error("the comment line has no Lattice=\"...\"; a periodic cell is needed for g(r)");
        }
        String[] numbers = lattice.trim().split("\\s+");
        if (numbers.length != 9) {
            throw lines.error("Lattice needs 9 numbers, found " + numbers.length);
        }
        double[][] vectors = new double[3][3];
        try {
            for (int k = 0; k < 9; k++) {
                vectors[k / 3][k % 3] = Double.parseDouble(numbers[k]);
            }
        } catch (NumberFormatException e) {
            throw lines.error("Lattice holds a value that is not a number");
        }
        boolean[] periodic = {true, true, true};
        String pbc = info.get("pbc");
        if (pbc != null) {
            String[] flags = pbc.trim().split("\\s+");
            for (int d = 0; d < 3 && d < flags.length; d++) {
                periodic[d] = flags[d].equalsIgnoreCase("T") || flags[d].equalsIgnoreCase("true") || flags[d].equals("1");
            }
        }
        int speciesColumn = 0, positionColumn = 1, columns = 4;
        String properties = info.get("properties");
        if (properties != null) {
            String[] parts = properties.split(":");
            if (parts.length % 3 != 0) {
                throw lines.error("Properties must be name:type:count triples, got '" + properties + "'");
            }
            speciesColumn = -1;
            positionColumn = -1;
            int column = 0;
            for (int p = 0; p < parts.length; p += 3) {
                int count;
                try {
                    count = Integer.parseInt(parts[p + 2]);
                } catch (NumberFormatException e) {
                    throw lines.error("Properties has a count '" + parts[p + 2] + "' that is not an integer");
                }
                String name = parts[p].toLowerCase(Locale.ROOT);
                if (name.equals("species") || (name.equals("element") && speciesColumn < 0)) {
                    speciesColumn = column;
                } else if (name.equals("pos")) {
                    positionColumn = column;
                }
                column += count;
            }
            columns = column;
            if (speciesColumn < 0 || positionColumn < 0) {
                throw lines.error("Properties must include species and pos");
            }
        }
        boolean aligned = vectors[0][1] == 0 && vectors[0][2] == 0 && vectors[1][2] == 0
                && vectors[0][0] > 0 && vectors[1][1] > 0 && vectors[2][2] > 0;
        Box box = CellVectors.box(vectors, aligned, lines, "Lattice").withPeriodicity(periodic[0], periodic[1], periodic[2]);
        double[][] inverse = aligned ? null : invert(vectors, lines);
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            String truncation = nextAtomLine(i, n, columns);
            if (truncation != null) {
                return truncated(start, truncation);
            }
            String species = lines.token(speciesColumn);
            types[i] = speciesTypes.computeIfAbsent(species, key -> speciesTypes.size() + 1);
            double x = lines.parseDouble(positionColumn), y = lines.parseDouble(positionColumn + 1), z = lines.parseDouble(positionColumn + 2);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw lines.error("atom position is not a finite number");
            }
            CellVectors.place(x, y, z, box, inverse, s, positions, i);
            box.wrap(positions, 3 * i);
        }
        int typeCount = speciesTypes.size();
        String[] names = speciesTypes.keySet().toArray(new String[0]);
        return new Frame(positions, types, typeCount, names, null, null, box, dimension, framesRead);
    }

    /** Inverse of the matrix whose rows are the cell vectors: fractional s = r · inverse (row vector). */
    private static double[][] invert(double[][] m, TextLines lines) {
        if (!(Matrix3.determinant(m) > 0)) {
            throw lines.error("Lattice vectors must form a right-handed cell with positive volume");
        }
        return Matrix3.inverse(m);
    }

    /** key=value pairs of an extended XYZ comment line (keys lower-cased; values may be double-quoted). */
    static Map<String, String> parseInfo(String line) {
        Map<String, String> info = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int keyStart = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String key = line.substring(keyStart, i).toLowerCase(Locale.ROOT);
            if (i < n && line.charAt(i) == '=') {
                i++;
                String value;
                if (i < n && line.charAt(i) == '"') {
                    int end = line.indexOf('"', i + 1);
                    if (end < 0) {
                        end = n;
                    }
                    value = line.substring(i + 1, end);
                    i = Math.min(n, end + 1);
                } else {
                    int valueStart = i;
                    while (i < n && !Character.isWhitespace(line.charAt(i))) {
                        i++;
                    }
                    value = line.substring(valueStart, i);
                }
                info.put(key, value);
            } else if (!key.isEmpty()) {
                info.put(key, "T");
            }
        }
        return info;
    }
}
