package org.spr.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Reads a VASP POSCAR/CONTCAR as one frame: comment, scale factor (negative: the cell volume), three lattice
 * vectors, species names (VASP 5; VASP 4 files may name them on the comment line), counts per species, optional
 * {@code Selective dynamics}, {@code Direct} or {@code Cartesian} (scaled by the factor), then the positions.
 * Types are the species in file order. A general lattice is rotated into the LAMMPS convention; a
 * lower-triangular one keeps Cartesian positions bit-for-bit. The cell is fully periodic.
 */
public final class PoscarReader {

    private PoscarReader() {
    }

    /** The frame in {@code file}, with {@code dimension} 2 or 3. */
    public static Frame read(Path file, int dimension) {
        try (TextLines lines = TextLines.open(file)) {
            return read(lines, dimension);
        }
    }

    private static void require(TextLines lines, String what) {
        if (!lines.next()) {
            throw new InputFormatException(lines.file(), lines.lineNumber(), "ends before " + what);
        }
    }

    private static boolean isNumber(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Frame read(TextLines lines, int dimension) {
        require(lines, "the comment line");
        String comment = lines.line().trim();
        require(lines, "the scale factor");
        double scale = lines.parseDouble(0);
        double[][] vectors = new double[3][3];
        for (int v = 0; v < 3; v++) {
            require(lines, "lattice vector " + (v + 1));
            for (int d = 0; d < 3; d++) {
                vectors[v][d] = lines.parseDouble(d);
            }
        }
        double volume = Matrix3.determinant(vectors);
        if (!(volume > 0)) {
            throw new InputFormatException(lines.file(), lines.lineNumber(), "lattice vectors must form a right-handed cell with positive volume");
        }
        if (scale < 0) {
            scale = Math.cbrt(-scale / volume);
        } else if (scale == 0) {
            throw new InputFormatException(lines.file(), 2, "scale factor must not be zero");
        }
        if (scale != 1.0) {
            for (double[] vector : vectors) {
                for (int d = 0; d < 3; d++) {
                    vector[d] *= scale;
                }
            }
        }
        require(lines, "the species or counts line");
        List<String> names = new ArrayList<>();
        if (!isNumber(lines.token(0))) {
            for (int t = 0; t < lines.tokens(); t++) {
                String name = lines.token(t);
                if (name.startsWith("#") || name.startsWith("!")) {
                    break;
                }
                names.add(name.split("/")[0]);
            }
            require(lines, "the counts line");
        }
        List<Integer> counts = new ArrayList<>();
        for (int t = 0; t < lines.tokens() && isNumber(lines.token(t)); t++) {
            int count = lines.parseInt(t);
            if (count < 0) {
                throw lines.error("species counts must not be negative");
            }
            counts.add(count);
        }
        if (counts.isEmpty()) {
            throw lines.error("expected the number of atoms of each species");
        }
        if (names.isEmpty()) {
            String[] words = comment.split("\\s+");
            if (words.length >= counts.size()) {
                for (int t = 0; t < counts.size(); t++) {
                    names.add(words[t]);
                }
            }
        } else if (names.size() != counts.size()) {
            throw lines.error(names.size() + " species names but " + counts.size() + " counts");
        }
        require(lines, "the coordinate mode line");
        char mode = lines.blank() ? ' ' : Character.toLowerCase(lines.line().trim().charAt(0));
        if (mode == 's') {
            require(lines, "the coordinate mode line");
            mode = lines.blank() ? ' ' : Character.toLowerCase(lines.line().trim().charAt(0));
        }
        boolean cartesian = mode == 'c' || mode == 'k';
        if (!cartesian && mode != 'd') {
            throw lines.error("expected 'Direct' or 'Cartesian'");
        }
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        if (n == 0) {
            throw lines.error("the structure has no atoms");
        }
        boolean aligned = vectors[0][1] == 0 && vectors[0][2] == 0 && vectors[1][2] == 0;
        Box box = CellVectors.box(vectors, aligned, lines, "lattice");
        double[][] inverse = cartesian && !aligned ? Matrix3.inverse(vectors) : null;
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        double[] s = new double[3];
        int atom = 0;
        for (int species = 0; species < counts.size(); species++) {
            for (int k = 0; k < counts.get(species); k++) {
                require(lines, "atom " + (atom + 1) + " of " + n);
                if (lines.tokens() < 3) {
                    throw lines.error("expected 3 coordinates, found " + lines.tokens());
                }
                double a = lines.parseDouble(0), b = lines.parseDouble(1), c = lines.parseDouble(2);
                if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
                    throw lines.error("atom position is not a finite number");
                }
                if (cartesian) {
                    a *= scale;
                    b *= scale;
                    c *= scale;
                    CellVectors.place(a, b, c, box, inverse, s, positions, atom);
                } else {
                    s[0] = a;
                    s[1] = b;
                    s[2] = c;
                    box.toCartesian(s, 0, positions, 3 * atom);
                }
                box.wrap(positions, 3 * atom);
                types[atom] = species + 1;
                atom++;
            }
        }
        String[] speciesNames = names.isEmpty() ? null : names.toArray(new String[0]);
        return new Frame(positions, types, counts.size(), speciesNames, null, null, box, dimension, 0);
    }
}
