package org.spr.descriptor;

import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Linked cells in fractional coordinates for a periodic (orthogonal or triclinic) box, valid for any cutoff,
 * also larger than the box: neighbour cells are visited with explicit periodic image shifts, so an atom meets
 * every image of every other atom (and its own images) within the cutoff exactly once per stencil offset.
 *
 * <p>Axis d is cut into n_d cells of fractional width 1/n_d, each at least cutoff/k wide perpendicular to its
 * faces (k = cells per cutoff). A pair with |r| &lt; cutoff differs in fractional coordinate d by less than
 * cutoff / w_d (w_d the perpendicular width of the box), so their cell indices differ by at most
 * m_d = ⌈cutoff · n_d / w_d⌉; the stencil is every offset in [−m_d, m_d]. A non-periodic axis is one cell.
 *
 * <p>Atoms are sorted by cell (counting sort) into contiguous coordinate arrays; all arrays are kept and
 * reused while the atom count and cell layout allow. Not thread-safe to rebuild; read-only use is.
 */
final class CellList {

    int cellsA, cellsB, cellsC;
    int reachA, reachB, reachC;
    /** First sorted atom of each cell; cellStart[cells] = N. */
    int[] cellStart = new int[0];
    /**
     * Wrap tables per axis: for an unwrapped cell index v in [−reach, cells − 1 + reach], entry v + reach holds
     * v mod cells ({@code wrapX}) and ⌊v / cells⌋ ({@code imageX}); they replace divisions in the pair loops.
     */
    int[] wrapA = new int[0], wrapB = new int[0], wrapC = new int[0];
    int[] imageA = new int[0], imageB = new int[0], imageC = new int[0];
    /** Cell of each original atom during the sort. */
    private int[] cellOfAtom = new int[0];
    double[] x = new double[0], y = new double[0], z = new double[0];
    int[] type = new int[0];
    int atomCount;
    Box box;
    private final double[] scratch = new double[3];
    private double[] wrapped = new double[0];

    /**
     * Rebuilds the cells for {@code frame} with cells at least {@code cutoff / cellsPerCutoff} wide.
     * Positions outside the box along a periodic axis are wrapped into it (the frame is not changed).
     */
    void build(Frame frame, double cutoff, int cellsPerCutoff) {
        box = GhostCellGrid.pairSearchBox(frame);
        int n = frame.atomCount();
        atomCount = n;
        int[] counts = new int[3];
        int maxCells = Math.max(1, 2 * n);
        for (int axis = 0; axis < 3; axis++) {
            if (box.periodic(axis)) {
                double width = box.perpendicularWidth(axis);
                counts[axis] = (int) Math.max(1, Math.min(1 << 20, Math.floor(width * cellsPerCutoff / cutoff)));
            } else {
                counts[axis] = 1;
            }
        }
        while ((long) counts[0] * counts[1] * counts[2] > maxCells) {
            int largest = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : (counts[1] >= counts[2] ? 1 : 2);
            counts[largest] = Math.max(1, counts[largest] * 3 / 4);
        }
        cellsA = counts[0];
        cellsB = counts[1];
        cellsC = counts[2];
        reachA = reach(0, cutoff, cellsA);
        reachB = reach(1, cutoff, cellsB);
        reachC = reach(2, cutoff, cellsC);
        wrapA = wrapTable(wrapA, cellsA, reachA, false);
        imageA = wrapTable(imageA, cellsA, reachA, true);
        wrapB = wrapTable(wrapB, cellsB, reachB, false);
        imageB = wrapTable(imageB, cellsB, reachB, true);
        wrapC = wrapTable(wrapC, cellsC, reachC, false);
        imageC = wrapTable(imageC, cellsC, reachC, true);
        int cells = cellsA * cellsB * cellsC;
        if (cellStart.length < cells + 1) {
            cellStart = new int[cells + 1];
        } else {
            java.util.Arrays.fill(cellStart, 0, cells + 1, 0);
        }
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
            z = new double[n];
            type = new int[n];
            cellOfAtom = new int[n];
        }
        double[] positions = frame.positions();
        int[] types = frame.types();
        int typeCount = frame.typeCount();
        double[] s = scratch;
        if (wrapped.length < 3 * n) {
            wrapped = new double[3 * n];
        }
        for (int i = 0; i < n; i++) {
            int t = types[i];
            if (t < 1 || t > typeCount) {
                throw new IllegalArgumentException("atom " + (i + 1) + " has type " + t + " outside 1.." + typeCount);
            }
            double px = positions[3 * i], py = positions[3 * i + 1], pz = positions[3 * i + 2];
            if (!Double.isFinite(px) || !Double.isFinite(py) || !Double.isFinite(pz)) {
                throw new IllegalArgumentException("atom " + (i + 1) + " has a non-finite position");
            }
            wrapped[3 * i] = px;
            wrapped[3 * i + 1] = py;
            wrapped[3 * i + 2] = pz;
            box.wrap(wrapped, 3 * i);
            box.toFractional(wrapped, 3 * i, s, 0);
            int cell = (cellIndex(s[0], cellsA) * cellsB + cellIndex(s[1], cellsB)) * cellsC + cellIndex(s[2], cellsC);
            cellOfAtom[i] = cell;
            cellStart[cell + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // place atoms; cellStart[c] is used as a moving cursor and restored afterwards
        for (int i = 0; i < n; i++) {
            int slot = cellStart[cellOfAtom[i]]++;
            x[slot] = wrapped[3 * i];
            y[slot] = wrapped[3 * i + 1];
            z[slot] = wrapped[3 * i + 2];
            type[slot] = types[i] - 1;
        }
        for (int c = cells; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }

    private static int[] wrapTable(int[] table, int cells, int reach, boolean image) {
        int length = cells + 2 * reach;
        if (table.length < length) {
            table = new int[length];
        }
        for (int v = -reach; v < cells + reach; v++) {
            int shift = Math.floorDiv(v, cells);
            table[v + reach] = image ? shift : v - shift * cells;
        }
        return table;
    }

    private int reach(int axis, double cutoff, int cells) {
        if (!box.periodic(axis)) {
            return 0;
        }
        return (int) Math.ceil(cutoff * cells / box.perpendicularWidth(axis));
    }

    /** Cell index of fractional coordinate s (already wrapped into [0, 1) up to rounding), clamped to the cells. */
    private static int cellIndex(double s, int cells) {
        if (cells == 1) {
            return 0;
        }
        int index = (int) Math.floor(s * cells);
        return index < 0 ? 0 : (index >= cells ? cells - 1 : index);
    }

    int cellCount() {
        return cellsA * cellsB * cellsC;
    }

    /** Cartesian x of the image shift ia·a + ib·b + ic·c. */
    double shiftX(int ia, int ib, int ic) {
        return ia * box.lx() + ib * box.xy() + ic * box.xz();
    }

    double shiftY(int ib, int ic) {
        return ib * box.ly() + ic * box.yz();
    }

    double shiftZ(int ic) {
        return ic * box.lz();
    }
}
