package org.spr.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Streams frames from a LAMMPS text dump ({@code dump atom} or {@code dump custom}, plain or {@code .gz}).
 * Columns may come in any order; positions are taken from the first complete set among {@code x y z},
 * {@code xu yu zu}, {@code xs ys zs} and {@code xsu ysu zsu} (scaled ones converted with the frame's box).
 * Types come from {@code type}, else from {@code element} (numbered by first appearance); an {@code element}
 * column also names the species of each type. Orthogonal and triclinic ({@code BOX BOUNDS xy xz yz}) boxes and
 * the periodicity flags ({@code pp} periodic, anything else not) are read per frame; atoms outside the box are
 * wrapped back along periodic axes. A file that ends inside a frame keeps the frames before it and reports the
 * truncated one in {@link #warnings()}.
 */
public final class LammpsDumpReader extends StreamingFrameReader {

    private final Map<String, Integer> elementTypes = new LinkedHashMap<>();
    private int typeCount = 1;

    /** Opens {@code file}; frames get {@code dimension} (2 or 3). */
    public LammpsDumpReader(Path file, int dimension) {
        super(file, dimension);
    }

    private Frame truncated(long startLine, String what) {
        warnings.add(source() + ": the last frame (starting at line " + startLine + ") is truncated " + what
                + "; it was skipped and the " + (framesRead + (hasPending() ? 1 : 0)) + " frame(s) before it are kept");
        return null;
    }

    private boolean nextContentLine() {
        while (lines.next()) {
            if (!lines.blank()) {
                return true;
            }
        }
        return false;
    }

    private void expectItem(String item) {
        if (!lines.startsWith(item)) {
            throw lines.error("expected '" + item + "' but found '" + abbreviate(lines.line()) + "'");
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    @Override
    protected Frame readFrame() {
        if (!nextContentLine()) {
            return null;
        }
        long start = lines.lineNumber();
        expectItem("ITEM: TIMESTEP");
        if (!lines.next()) {
            return truncated(start, "after ITEM: TIMESTEP");
        }
        long timestep = lines.parseLong(0);
        if (!lines.next()) {
            return truncated(start, "before ITEM: NUMBER OF ATOMS");
        }
        expectItem("ITEM: NUMBER OF ATOMS");
        if (!lines.next()) {
            return truncated(start, "after ITEM: NUMBER OF ATOMS");
        }
        long count = lines.parseLong(0);
        if (count <= 0 || count > Integer.MAX_VALUE / 3) {
            throw lines.error("number of atoms must be between 1 and " + Integer.MAX_VALUE / 3 + ", got " + count);
        }
        int n = (int) count;
        if (!lines.next()) {
            return truncated(start, "before ITEM: BOX BOUNDS");
        }
        expectItem("ITEM: BOX BOUNDS");
        int headerTokens = lines.tokens();
        boolean triclinic = headerTokens > 3 && lines.token(3).equals("xy");
        boolean[] periodic = {true, true, true};
        int flagsFrom = triclinic ? 6 : 3;
        for (int axis = 0; axis < 3 && flagsFrom + axis < headerTokens; axis++) {
            periodic[axis] = lines.token(flagsFrom + axis).equals("pp");
        }
        double[] lo = new double[3], hi = new double[3], tilt = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            if (!lines.next()) {
                return truncated(start, "inside BOX BOUNDS");
            }
            if (lines.tokens() < (triclinic ? 3 : 2)) {
                throw lines.error("box bounds line needs " + (triclinic ? 3 : 2) + " numbers, found " + lines.tokens());
            }
            lo[axis] = lines.parseDouble(0);
            hi[axis] = lines.parseDouble(1);
            tilt[axis] = triclinic ? lines.parseDouble(2) : 0;
        }
        double xy = tilt[0], xz = tilt[1], yz = tilt[2];
        double xlo = lo[0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
        double xhi = hi[0] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
        double ylo = lo[1] - Math.min(0, yz);
        double yhi = hi[1] - Math.max(0, yz);
        Box box;
        try {
            box = new Box(xlo, ylo, lo[2], xhi - xlo, yhi - ylo, hi[2] - lo[2], xy, xz, yz, periodic[0], periodic[1], periodic[2]);
        } catch (IllegalArgumentException e) {
            throw lines.error("invalid box: " + e.getMessage());
        }
        if (!lines.next()) {
            return truncated(start, "before ITEM: ATOMS");
        }
        expectItem("ITEM: ATOMS");
        Columns columns = Columns.parse(lines);
        int needed = columns.maxIndex + 1;
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        int[] ids = columns.id >= 0 ? new int[n] : null;
        String[] elementOfType = null;
        int frameTypes = typeCount;
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            String truncation = nextAtomLine(i, n, needed);
            if (truncation != null) {
                return truncated(start, truncation);
            }
            double px = lines.parseDouble(columns.x), py = lines.parseDouble(columns.y), pz = lines.parseDouble(columns.z);
            if (!Double.isFinite(px) || !Double.isFinite(py) || !Double.isFinite(pz)) {
                throw lines.error("atom position is not a finite number");
            }
            int type;
            if (columns.type >= 0) {
                type = lines.parseInt(columns.type);
                if (type < 1) {
                    throw lines.error("atom type must be 1 or more, got " + type);
                }
            } else if (columns.element >= 0) {
                type = elementTypes.computeIfAbsent(lines.token(columns.element), key -> elementTypes.size() + 1);
            } else {
                type = 1;
            }
            if (type > frameTypes) {
                frameTypes = type;
            }
            if (columns.element >= 0) {
                if (elementOfType == null || elementOfType.length < frameTypes) {
                    elementOfType = elementOfType == null ? new String[frameTypes] : java.util.Arrays.copyOf(elementOfType, frameTypes);
                }
                if (elementOfType[type - 1] == null) {
                    elementOfType[type - 1] = lines.token(columns.element);
                }
            }
            types[i] = type;
            if (ids != null) {
                ids[i] = lines.parseInt(columns.id);
            }
            if (columns.scaled) {
                s[0] = px;
                s[1] = py;
                s[2] = pz;
                box.toCartesian(s, 0, positions, 3 * i);
            } else {
                positions[3 * i] = px;
                positions[3 * i + 1] = py;
                positions[3 * i + 2] = pz;
            }
            box.wrap(positions, 3 * i);
        }
        typeCount = frameTypes;
        String[] species = null;
        if (elementOfType != null) {
            species = java.util.Arrays.copyOf(elementOfType, typeCount);
        }
        return new Frame(positions, types, typeCount, species, null, ids, box, dimension, timestep);
    }

    /** Column positions of one {@code ITEM: ATOMS} header. */
    private record Columns(int id, int type, int element, int x, int y, int z, boolean scaled, int maxIndex) {

        static Columns parse(TextLines lines) {
            int tokens = lines.tokens();
            List<String> names = new ArrayList<>();
            for (int t = 2; t < tokens; t++) {
                names.add(lines.token(t));
            }
            String[][] styles = {{"x", "y", "z"}, {"xu", "yu", "zu"}, {"xs", "ys", "zs"}, {"xsu", "ysu", "zsu"}};
            for (String[] style : styles) {
                int x = names.indexOf(style[0]), y = names.indexOf(style[1]), z = names.indexOf(style[2]);
                if (x >= 0 && y >= 0 && z >= 0) {
                    int id = names.indexOf("id"), type = names.indexOf("type"), element = names.indexOf("element");
                    int max = Math.max(Math.max(x, y), Math.max(z, Math.max(id, Math.max(type, element))));
                    return new Columns(id, type, element, x, y, z, style[0].startsWith("xs"), max);
                }
            }
            throw lines.error("ITEM: ATOMS has no complete set of position columns (x y z, xu yu zu, xs ys zs or xsu ysu zsu)");
        }
    }
}
