package org.spr.io;

import java.nio.file.Path;
import java.util.Locale;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Reads a LAMMPS data file ({@code read_data} format) as one frame: the header counts ({@code atoms},
 * {@code atom types}), box ({@code xlo xhi}, {@code ylo yhi}, {@code zlo zhi}, optional {@code xy xz yz} tilt line),
 * the {@code Masses} section (a trailing {@code # Name} comment names the species) and the {@code Atoms} section in
 * atom style {@code atomic} (id type x y z), {@code charge} (id type q x y z), {@code full} (id mol type q x y z) or
 * {@code molecular} (id mol type x y z). The style is taken from the {@code Atoms # style} comment, else from the
 * column count (5/8 atomic, 6/9 charge, 7/10 full). Image flags are ignored; the box is taken as fully periodic and
 * atoms outside it are wrapped. Other sections are skipped.
 */
public final class LammpsDataReader {

    private LammpsDataReader() {
    }

    /** The frame in {@code file}, with {@code dimension} 2 or 3. */
    public static Frame read(Path file, int dimension) {
        try (TextLines lines = TextLines.open(file)) {
            return read(lines, dimension);
        }
    }

    private static int contentTokens(TextLines lines) {
        int n = lines.tokens();
        for (int t = 0; t < n; t++) {
            if (lines.token(t).startsWith("#")) {
                return t;
            }
        }
        return n;
    }

    private static String comment(TextLines lines) {
        String line = lines.line();
        int hash = line.indexOf('#');
        return hash < 0 ? "" : line.substring(hash + 1).trim();
    }

    private static boolean numeric(String token) {
        char c = token.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    private static Frame read(TextLines lines, int dimension) {
        if (!lines.next()) {
            throw new InputFormatException(lines.file(), 0, "is empty");
        }
        long atoms = -1;
        int typeCount = -1;
        double[] lo = new double[3], hi = new double[3];
        boolean[] boundsSeen = new boolean[3];
        double xy = 0, xz = 0, yz = 0;
        boolean more;
        // header: lines that start with a number, until the first section keyword
        while ((more = lines.next())) {
            int n = contentTokens(lines);
            if (n == 0) {
                continue;
            }
            if (!numeric(lines.token(0))) {
                break;
            }
            String keyword = keyword(lines, n);
            switch (keyword) {
                case "atoms" -> atoms = lines.parseLong(0);
                case "atom types" -> typeCount = lines.parseInt(0);
                case "xlo xhi", "ylo yhi", "zlo zhi" -> {
                    int axis = keyword.charAt(0) - 'x';
                    lo[axis] = lines.parseDouble(0);
                    hi[axis] = lines.parseDouble(1);
                    boundsSeen[axis] = true;
                }
                case "xy xz yz" -> {
                    xy = lines.parseDouble(0);
                    xz = lines.parseDouble(1);
                    yz = lines.parseDouble(2);
                }
                default -> {
                    // other counts (bonds, angles, …) are not needed
                }
            }
        }
        if (atoms <= 0) {
            throw new InputFormatException(lines.file(), 0, "has no positive 'atoms' count in its header");
        }
        if (atoms > Integer.MAX_VALUE / 3) {
            throw new InputFormatException(lines.file(), 0, "has too many atoms (" + atoms + ")");
        }
        for (int axis = 0; axis < 3; axis++) {
            if (!boundsSeen[axis]) {
                String name = "xyz".substring(axis, axis + 1);
                throw new InputFormatException(lines.file(), 0, "has no '" + name + "lo " + name + "hi' line in its header");
            }
        }
        if (typeCount < 1) {
            throw new InputFormatException(lines.file(), 0, "has no positive 'atom types' count in its header");
        }
        Box box;
        try {
            box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz, true, true, true);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(lines.file(), 0, "has an invalid box: " + e.getMessage());
        }
        int n = (int) atoms;
        double[] positions = null;
        int[] types = null;
        int[] ids = null;
        double[] masses = null;
        String[] species = null;
        boolean afterAtoms = false;
        while (more) {
            int tokens = contentTokens(lines);
            if (tokens == 0) {
                more = lines.next();
                continue;
            }
            String section = lines.token(0);
            if (numeric(section)) {
                throw lines.error(positions != null && afterAtoms
                        ? "the Atoms section has more rows than the " + n + " atoms the header declares"
                        : "expected a section name (Atoms, Masses, Velocities …), found a row of numbers");
            }
            afterAtoms = false;
            String hint = comment(lines).toLowerCase(Locale.ROOT);
            if (section.equals("Atoms")) {
                positions = new double[3 * n];
                types = new int[n];
                ids = new int[n];
                readAtoms(lines, n, typeCount, hint, box, positions, types, ids);
                afterAtoms = true;
                more = lines.next();
            } else if (section.equals("Masses")) {
                masses = new double[typeCount];
                species = new String[typeCount];
                boolean anyName = false;
                for (int read = 0; read < typeCount; ) {
                    if (!lines.next()) {
                        throw new InputFormatException(lines.file(), lines.lineNumber(), "ends inside the Masses section");
                    }
                    if (contentTokens(lines) == 0) {
                        continue;
                    }
                    int type = lines.parseInt(0);
                    if (type < 1 || type > typeCount) {
                        throw lines.error("mass given for type " + type + " outside 1.." + typeCount);
                    }
                    masses[type - 1] = lines.parseDouble(1);
                    String name = comment(lines);
                    if (!name.isEmpty()) {
                        species[type - 1] = name.split("\\s+")[0];
                        anyName = true;
                    }
                    read++;
                }
                if (!anyName) {
                    species = null;
                }
                more = lines.next();
            } else {
                // skip an unneeded section: its entries start with a number
                while ((more = lines.next())) {
                    int t = contentTokens(lines);
                    if (t > 0 && !numeric(lines.token(0))) {
                        break;
                    }
                }
            }
        }
        if (positions == null) {
            throw new InputFormatException(lines.file(), 0, "has no Atoms section");
        }
        if (species != null) {
            for (int t = 0; t < typeCount; t++) {
                if (species[t] == null) {
                    species[t] = Integer.toString(t + 1);
                }
            }
        }
        return new Frame(positions, types, typeCount, species, masses, ids, box, dimension, 0);
    }

    private static String keyword(TextLines lines, int n) {
        StringBuilder words = new StringBuilder();
        for (int t = 0; t < n; t++) {
            String token = lines.token(t);
            if (!numeric(token)) {
                if (words.length() > 0) {
                    words.append(' ');
                }
                words.append(token);
            }
        }
        return words.toString();
    }

    private static void readAtoms(TextLines lines, int n, int typeCount, String hint, Box box,
                                  double[] positions, int[] types, int[] ids) {
        int typeColumn = -1, xColumn = -1;
        for (int read = 0; read < n; ) {
            if (!lines.next()) {
                throw new InputFormatException(lines.file(), lines.lineNumber(), "ends after " + read + " of " + n + " atoms in the Atoms section");
            }
            int tokens = contentTokens(lines);
            if (tokens == 0) {
                continue;
            }
            if (typeColumn < 0) {
                String style = hint.isEmpty() ? switch (tokens) {
                    case 5, 8 -> "atomic";
                    case 6, 9 -> "charge";
                    case 7, 10 -> "full";
                    default -> throw lines.error("cannot tell the atom style from " + tokens + " columns; add '# atomic' or '# charge' after 'Atoms'");
                } : hint.split("\\s+")[0];
                switch (style) {
                    case "atomic" -> { typeColumn = 1; xColumn = 2; }
                    case "charge" -> { typeColumn = 1; xColumn = 3; }
                    case "full" -> { typeColumn = 2; xColumn = 4; }
                    case "molecular", "bond", "angle" -> { typeColumn = 2; xColumn = 3; }
                    default -> throw lines.error("atom style '" + style + "' is not supported (atomic, charge, full, molecular)");
                }
            }
            if (tokens < xColumn + 3) {
                throw lines.error("expected at least " + (xColumn + 3) + " columns, found " + tokens);
            }
            int type = lines.parseInt(typeColumn);
            if (type < 1 || type > typeCount) {
                throw lines.error("atom type " + type + " is outside 1.." + typeCount);
            }
            ids[read] = lines.parseInt(0);
            types[read] = type;
            for (int d = 0; d < 3; d++) {
                double v = lines.parseDouble(xColumn + d);
                if (!Double.isFinite(v)) {
                    throw lines.error("atom position is not a finite number");
                }
                positions[3 * read + d] = v;
            }
            box.wrap(positions, 3 * read);
            read++;
        }
    }
}
