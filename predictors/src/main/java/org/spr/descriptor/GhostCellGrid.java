package org.spr.descriptor;

import java.util.Arrays;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * Atoms and their periodic images ("ghosts", as in LAMMPS) sorted into a plain grid of parallelepiped cells, with
 * a pruned half stencil, so that every unordered pair within the cutoff (an atom and any periodic image of any
 * atom, its own included) is met exactly once without image arithmetic in the pair loop. Valid for any cutoff
 * (also larger than the box), orthogonal and triclinic boxes, periodic or not.
 *
 * <p><b>Cells.</b> Cells are cut in fractional coordinates, so a lattice translation T moves a cell index by
 * exactly n_d·T_d: the cell offset from atom i to image j + T is minus the offset from j to i − T. A half stencil
 * (the offsets that are lexicographically positive, plus the own cell with j &gt; i) therefore visits each pair
 * class {(i, 0), (j, T)} ≡ {(j, 0), (i, −T)} once. Along a periodic axis of perpendicular width w there are
 * n = ⌊w·k / r_c⌋ cells (k = cells per cutoff). An axis whose atoms leave an empty gap wider than r_c across the
 * periodic boundary (the vacuum of a slab or a 2D monolayer) has no pair across that boundary: it is treated as
 * non-periodic, and, like a non-periodic axis, cut into cells over the occupied extent only (one layer for a
 * monolayer).
 *
 * <p><b>Stencil.</b> Offsets o are kept when the exact smallest distance between the two cells
 * ({@link CellOffsetDistance}) is within the cutoff; offsets sharing (o_0, o_1) form one row whose cells are
 * contiguous in memory (axis 2, the axis with the most cells, varies fastest), so a row is one index range.
 *
 * <p><b>Ghosts.</b> Each atom is copied, shifted by whole cell vectors, into every image cell within the grid
 * extended by the stencil reach (only towards +o_0 along axis 0, both ways along axes 1 and 2). Atoms are
 * counting-sorted by cell into contiguous x, y, z, type arrays. All arrays are kept between builds.
 */
final class GhostCellGrid {

    /** Original axis (0 = a, 1 = b, 2 = c) of each grid axis; grid axis 2 varies fastest in memory. */
    final int[] axisOf = new int[3];
    /** Owned cells per grid axis. */
    final int[] cells = new int[3];
    /** Extended grid per grid axis: cell indices lower[q] ≤ i &lt; lower[q] + extent[q]. */
    final int[] lower = new int[3];
    final int[] extent = new int[3];
    /** First sorted atom of each extended cell; cellStart[extended cell count] = atom count with ghosts. */
    int[] cellStart = new int[0];
    double[] x = new double[0], y = new double[0], z = new double[0];
    int[] type = new int[0];
    int atomCount;
    /** Rows of the half stencil other than the own row: atom ranges [cellStart[e + rowFirst], cellStart[e + rowEnd]). */
    int[] rowFirst = new int[0], rowEnd = new int[0];
    int rowCount;
    /** The own row (offsets (0, 0, 0…m)): partners j &gt; i up to cellStart[e + ownRowEnd]. */
    int ownRowEnd;
    /** Stencil offsets kept, for tests and diagnostics. */
    int stencilSize;

    private final boolean[] periodic = new boolean[3];
    private final double[] origin = new double[3];
    private final double[] cellWidth = new double[3];
    /** Fractional span cut into cells (1 along a periodic axis) and the cell count chosen for it. */
    private final double[] span = new double[3];
    private final int[] axisCells = new int[3];
    private double[] px = new double[0], py = new double[0], pz = new double[0];
    private double[] fa = new double[0], fb = new double[0], fc = new double[0];
    private int[] cellA = new int[0], cellB = new int[0], cellC = new int[0];
    private int[] sourceType = new int[0];
    private boolean[] occupied = new boolean[0];
    private int[] imageLow0 = new int[0], imageHigh0 = new int[0], imageLow1 = new int[0], imageHigh1 = new int[0];
    private int[] imageLow2 = new int[0], imageHigh2 = new int[0];
    private final double[] point = new double[3];
    /** Cell vectors a, b, c (rows) and the fractional coordinate arrays of the current frame. */
    private final double[][] lattice = new double[3][3];
    private final double[][] fractional = new double[3][];
    private final double[][] edge = new double[3][3];
    private final int[] reach = new int[3];
    private final double[] gram = new double[9];
    private final double[] perpendicularCell = new double[3];
    /** Gram matrix, reach, cell counts, a valid flag and the squared cutoff of the last stencil built. */
    private final double[] stencilKey = new double[17];
    private final double[] fraction = new double[3];

    /** Extended cells in memory order. */
    int extendedCellCount() {
        return extent[0] * extent[1] * extent[2];
    }

    /** Owned rows (grid axes 0 and 1); each holds cells[2] owned cells. */
    int ownedRowCount() {
        return cells[0] * cells[1];
    }

    /** Extended index of the first owned cell of owned row {@code row}. */
    int firstCellOfRow(int row) {
        int c0 = row / cells[1], c1 = row - c0 * cells[1];
        return ((c0 - lower[0]) * extent[1] + (c1 - lower[1])) * extent[2] - lower[2];
    }

    /**
     * The box the pair search uses: the frame's, except that a 2D frame is never periodic along z. A LAMMPS
     * {@code dimension 2} box is about one length unit thick and periodic in z (1.11 σ for the 2D LJ structures), so its
     * images along z would be counted as neighbours at that distance (coordination 25 instead of about 6 at 1.45 σ).
     */
    static Box pairSearchBox(Frame frame) {
        Box box = frame.box();
        return frame.dimension() == 2 && box.periodic(2) ? box.withPeriodicity(box.periodic(0), box.periodic(1), false) : box;
    }

    /**
     * Rebuilds the grid for {@code frame}. Positions outside the box along a periodic axis are wrapped into it
     * (the frame is not changed).
     *
     * @throws IllegalArgumentException for an atom type outside 1..T or a non-finite position
     */
    void build(Frame frame, double cutoff, int cellsPerCutoff) {
        Box box = pairSearchBox(frame);
        int n = frame.atomCount();
        ensureAtomScratch(n);
        readAtoms(frame, box, n);
        double[][] lattice = this.lattice;
        lattice[0][0] = box.lx();
        lattice[1][0] = box.xy();
        lattice[1][1] = box.ly();
        lattice[2][0] = box.xz();
        lattice[2][1] = box.yz();
        lattice[2][2] = box.lz();
        double[][] fractional = this.fractional;
        fractional[0] = fa;
        fractional[1] = fb;
        fractional[2] = fc;
        for (int d = 0; d < 3; d++) {
            chooseAxisCells(box, d, n, cutoff, cellsPerCutoff, lattice[d], fractional[d]);
        }
        int[] count = axisCells;
        long cap = 4L * n + 64;
        while ((long) count[0] * count[1] * count[2] > cap) {
            int largest = count[0] >= count[1] && count[0] >= count[2] ? 0 : (count[1] >= count[2] ? 1 : 2);
            count[largest] = Math.max(1, count[largest] * 3 / 4);
        }
        for (int d = 0; d < 3; d++) {
            cellWidth[d] = span[d] / count[d];
        }
        // grid axes in increasing cell count (stable): the most finely cut axis is contiguous in memory
        axisOf[0] = 0;
        axisOf[1] = 1;
        axisOf[2] = 2;
        for (int pass = 0; pass < 2; pass++) {
            for (int q = 0; q < 2; q++) {
                if (count[axisOf[q]] > count[axisOf[q + 1]]) {
                    int swap = axisOf[q];
                    axisOf[q] = axisOf[q + 1];
                    axisOf[q + 1] = swap;
                }
            }
        }
        for (int q = 0; q < 3; q++) {
            cells[q] = count[axisOf[q]];
        }
        assignCells(fractional, n);
        buildStencil(box, lattice, cutoff);
        placeAtomsAndGhosts(lattice, n);
    }


    private void ensureAtomScratch(int n) {
        if (px.length < n) {
            px = new double[n];
            py = new double[n];
            pz = new double[n];
            fa = new double[n];
            fb = new double[n];
            fc = new double[n];
            cellA = new int[n];
            cellB = new int[n];
            cellC = new int[n];
            sourceType = new int[n];
        }
    }

    /**
     * Validates, wraps and converts every atom to fractional coordinates. An atom inside the box along every
     * periodic axis keeps its Cartesian position bit for bit (only others go through {@link Box#wrap}).
     */
    private void readAtoms(Frame frame, Box box, int n) {
        double[] positions = frame.positions();
        int[] types = frame.types();
        int typeCount = frame.typeCount();
        double[] p = point, s = fraction;
        double xlo = box.xlo(), ylo = box.ylo(), zlo = box.zlo();
        double inverseX = 1 / box.lx(), inverseY = 1 / box.ly(), inverseZ = 1 / box.lz();
        double xy = box.xy(), xz = box.xz(), yz = box.yz();
        boolean periodicX = box.periodic(0), periodicY = box.periodic(1), periodicZ = box.periodic(2);
        for (int i = 0; i < n; i++) {
            int t = types[i];
            if (t < 1 || t > typeCount) {
                throw new IllegalArgumentException("atom " + (i + 1) + " has type " + t + " outside 1.." + typeCount);
            }
            double x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
            double sc = (z - zlo) * inverseZ;
            double sb = (y - ylo - yz * sc) * inverseY;
            double sa = (x - xlo - xy * sb - xz * sc) * inverseX;
            boolean outside = (periodicX && !(sa >= 0 && sa < 1)) || (periodicY && !(sb >= 0 && sb < 1))
                    || (periodicZ && !(sc >= 0 && sc < 1)) || !(Double.isFinite(sa + sb + sc));
            if (outside) {
                if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                    throw new IllegalArgumentException("atom " + (i + 1) + " has a non-finite position");
                }
                p[0] = x;
                p[1] = y;
                p[2] = z;
                box.wrap(p, 0);
                box.toFractional(p, 0, s, 0);
                x = p[0];
                y = p[1];
                z = p[2];
                sa = s[0];
                sb = s[1];
                sc = s[2];
            }
            px[i] = x;
            py[i] = y;
            pz[i] = z;
            fa[i] = sa;
            fb[i] = sb;
            fc[i] = sc;
            sourceType[i] = t - 1;
        }
    }

    /**
     * Decides whether axis d is periodic for the pair search (a periodic axis whose occupied arc leaves a gap
     * wider than the cutoff is not: atoms before the gap are moved by one cell vector so the arc is contiguous)
     * and sets its cell width (fractional) and origin.
     */
    private void chooseAxisCells(Box box, int d, int n, double cutoff, int k, double[] vector, double[] s) {
        double width = box.perpendicularWidth(d);
        if (box.periodic(d) && !unrollAcrossGap(d, n, cutoff, width, vector, s)) {
            periodic[d] = true;
            origin[d] = 0;
            span[d] = 1;
            axisCells[d] = (int) Math.max(1, Math.min(1 << 20, Math.floor(width * k / cutoff)));
            return;
        }
        periodic[d] = false;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, s[i]);
            max = Math.max(max, s[i]);
        }
        origin[d] = min;
        span[d] = Math.max(max - min, 1e-9);
        axisCells[d] = (int) Math.max(1, Math.min(1 << 20, Math.floor(span[d] * width * k / cutoff)));
    }

    /** Finds an empty arc wider than the cutoff along periodic axis d; if found, makes the atoms contiguous. */
    private boolean unrollAcrossGap(int d, int n, double cutoff, double width, double[] vector, double[] s) {
        double needed = cutoff * (1 + 1e-9) / width; // fractional gap that no pair can cross
        if (needed >= 0.5) {
            return false;
        }
        // empty bins of width needed/16: a gap a little wider than needed spans more than 16 of them
        int bins = (int) Math.min(1 << 16, Math.max(64, Math.min(2L * n + 64, (long) Math.ceil(16 / needed))));
        if (occupied.length < bins) {
            occupied = new boolean[bins];
        } else {
            Arrays.fill(occupied, 0, bins, false);
        }
        for (int i = 0; i < n; i++) {
            occupied[binOf(s[i], bins)] = true;
        }
        // longest circular run of empty bins
        int bestStart = -1, bestLength = 0, runStart = -1, runLength = 0;
        for (int b = 0; b < 2 * bins; b++) {
            if (!occupied[b % bins]) {
                if (runLength == 0) {
                    runStart = b;
                }
                runLength++;
                if (runLength > bestLength && runLength < bins) {
                    bestLength = runLength;
                    bestStart = runStart;
                }
            } else {
                runLength = 0;
            }
        }
        if (bestLength == 0 || (double) bestLength / bins <= needed) {
            return false;
        }
        int firstOccupied = (bestStart + bestLength) % bins;
        for (int i = 0; i < n; i++) {
            if (binOf(s[i], bins) < firstOccupied) {
                s[i] += 1;
                px[i] += vector[0];
                py[i] += vector[1];
                pz[i] += vector[2];
            }
        }
        return true;
    }

    private static int binOf(double s, int bins) {
        int b = (int) Math.floor(s * bins);
        return b < 0 ? 0 : (b >= bins ? bins - 1 : b);
    }

    private void assignCells(double[][] fractional, int n) {
        for (int q = 0; q < 3; q++) {
            int d = axisOf[q];
            double[] s = fractional[d];
            int[] cell = q == 0 ? cellA : (q == 1 ? cellB : cellC);
            int count = cells[q];
            double inverse = 1.0 / cellWidth[d], zero = origin[d];
            for (int i = 0; i < n; i++) {
                int c = (int) Math.floor((s[i] - zero) * inverse);
                cell[i] = c < 0 ? 0 : (c >= count ? count - 1 : c);
            }
        }
    }

    private void buildStencil(Box box, double[][] lattice, double cutoff) {
        double[][] edge = this.edge;
        int[] reach = this.reach;
        double largest = 0;
        for (int q = 0; q < 3; q++) {
            int d = axisOf[q];
            for (int e = 0; e < 3; e++) {
                edge[q][e] = cellWidth[d] * lattice[d][e];
            }
            double perpendicular = cellWidth[d] * box.perpendicularWidth(d);
            perpendicularCell[q] = perpendicular;
            reach[q] = (int) Math.min(1 << 20, Math.ceil(cutoff / perpendicular) + 1);
            if (!periodic[d]) {
                reach[q] = Math.min(reach[q], cells[q] - 1);
            }
            largest = Math.max(largest, box.perpendicularWidth(d));
        }
        double[] gram = this.gram;
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                gram[3 * p + q] = edge[p][0] * edge[q][0] + edge[p][1] * edge[q][1] + edge[p][2] * edge[q][2];
            }
        }
        double limit = cutoff * (1 + 1e-9) + 1e-12 * largest;
        double limitSquared = limit * limit;
        if (sameStencilAsBefore(gram, limitSquared, reach)) {
            return;
        }
        int maxRows = (reach[0] + 1) * (2 * reach[1] + 1);
        int[] rowO0 = new int[maxRows], rowO1 = new int[maxRows], rowMin = new int[maxRows], rowMax = new int[maxRows];
        int rows = 0;
        int kept = 0;
        int[] minOffset = new int[3], maxOffset = new int[3];
        int ownMax = 0;
        for (int o0 = 0; o0 <= reach[0]; o0++) {
            for (int o1 = o0 == 0 ? 0 : -reach[1]; o1 <= reach[1]; o1++) {
                int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
                for (int o2 = o0 == 0 && o1 == 0 ? 0 : -reach[2]; o2 <= reach[2]; o2++) {
                    if (CellOffsetDistance.within(gram, perpendicularCell, o0, o1, o2, limitSquared)) {
                        first = Math.min(first, o2);
                        last = Math.max(last, o2);
                    }
                }
                if (first > last) {
                    continue;
                }
                kept += last - first + 1;
                minOffset[1] = Math.min(minOffset[1], o1);
                maxOffset[1] = Math.max(maxOffset[1], o1);
                minOffset[2] = Math.min(minOffset[2], first);
                maxOffset[2] = Math.max(maxOffset[2], last);
                maxOffset[0] = Math.max(maxOffset[0], o0);
                if (o0 == 0 && o1 == 0) {
                    ownMax = last;
                } else {
                    rowO0[rows] = o0;
                    rowO1[rows] = o1;
                    rowMin[rows] = first;
                    rowMax[rows] = last;
                    rows++;
                }
            }
        }
        stencilSize = kept;
        long extendedCells = 1;
        for (int q = 0; q < 3; q++) {
            lower[q] = minOffset[q];
            extent[q] = cells[q] + maxOffset[q] - minOffset[q];
            extendedCells *= extent[q];
        }
        if (extendedCells > 1L << 28) {
            stencilKey[15] = 0;
            throw new IllegalArgumentException("the cutoff " + cutoff + " is too large for this box: it needs "
                    + extendedCells + " cells of periodic images");
        }
        if (rowFirst.length < rows) {
            rowFirst = new int[rows];
            rowEnd = new int[rows];
        }
        for (int r = 0; r < rows; r++) {
            int base = (rowO0[r] * extent[1] + rowO1[r]) * extent[2];
            rowFirst[r] = base + rowMin[r];
            rowEnd[r] = base + rowMax[r] + 1;
        }
        rowCount = rows;
        ownRowEnd = ownMax + 1;
    }

    /**
     * Per owned cell index c of one axis: the first (or last) image k with c + k·n inside the extended grid
     * [lo, hi); 0 along a non-periodic axis.
     */
    private static int[] imageRange(int[] table, int n, int lo, int hi, boolean periodicAxis, boolean first) {
        if (table.length < n) {
            table = new int[n];
        }
        for (int c = 0; c < n; c++) {
            table[c] = !periodicAxis ? 0 : (first ? Math.floorDiv(lo - c + n - 1, n) : Math.floorDiv(hi - 1 - c, n));
        }
        return table;
    }

    /**
     * True when the cell geometry, counts, reach and cutoff equal those of the previous build (a fixed box): the
     * stencil, rows and extended grid are then reused as they are. Otherwise remembers them.
     */
    private boolean sameStencilAsBefore(double[] gram, double limitSquared, int[] reach) {
        double[] key = stencilKey;
        boolean same = key[15] == 1;
        for (int q = 0; q < 9; q++) {
            same &= key[q] == gram[q];
        }
        for (int q = 0; q < 3; q++) {
            same &= key[9 + q] == reach[q] && key[12 + q] == cells[q];
        }
        same &= key[16] == limitSquared;
        if (!same) {
            System.arraycopy(gram, 0, key, 0, 9);
            for (int q = 0; q < 3; q++) {
                key[9 + q] = reach[q];
                key[12 + q] = cells[q];
            }
            key[15] = 1;
            key[16] = limitSquared;
        }
        return same;
    }

    private void placeAtomsAndGhosts(double[][] lattice, int n) {
        int total = extendedCellCount();
        if (cellStart.length < total + 1) {
            cellStart = new int[total + 1];
        } else {
            Arrays.fill(cellStart, 0, total + 1, 0);
        }
        int n0 = cells[0], n1 = cells[1], n2 = cells[2];
        int lo0 = lower[0], lo1 = lower[1], lo2 = lower[2];
        int hi0 = lo0 + extent[0], hi1 = lo1 + extent[1], hi2 = lo2 + extent[2];
        int e1 = extent[1], e2 = extent[2];
        boolean p0 = periodic[axisOf[0]], p1 = periodic[axisOf[1]], p2 = periodic[axisOf[2]];
        imageLow0 = imageRange(imageLow0, n0, lo0, hi0, p0, true);
        imageHigh0 = imageRange(imageHigh0, n0, lo0, hi0, p0, false);
        imageLow1 = imageRange(imageLow1, n1, lo1, hi1, p1, true);
        imageHigh1 = imageRange(imageHigh1, n1, lo1, hi1, p1, false);
        imageLow2 = imageRange(imageLow2, n2, lo2, hi2, p2, true);
        imageHigh2 = imageRange(imageHigh2, n2, lo2, hi2, p2, false);
        long ghosts = 0;
        for (int i = 0; i < n; i++) {
            int c0 = cellA[i], c1 = cellB[i], c2 = cellC[i];
            int k0lo = imageLow0[c0], k0hi = imageHigh0[c0], k1lo = imageLow1[c1], k1hi = imageHigh1[c1];
            int k2lo = imageLow2[c2], k2hi = imageHigh2[c2];
            for (int k0 = k0lo; k0 <= k0hi; k0++) {
                for (int k1 = k1lo; k1 <= k1hi; k1++) {
                    int base = ((c0 + k0 * n0 - lo0) * e1 + (c1 + k1 * n1 - lo1)) * e2 + c2 - lo2 + 1;
                    for (int k2 = k2lo; k2 <= k2hi; k2++) {
                        cellStart[base + k2 * n2]++;
                    }
                }
            }
            ghosts += (long) (k0hi - k0lo + 1) * (k1hi - k1lo + 1) * (k2hi - k2lo + 1);
        }
        if (ghosts > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the cutoff needs " + ghosts + " periodic images, more than an array holds");
        }
        int m = (int) ghosts;
        atomCount = m;
        if (x.length < m) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, m + (long) m / 8);
            x = new double[grown];
            y = new double[grown];
            z = new double[grown];
            type = new int[grown];
        }
        for (int c = 0; c < total; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // cellStart[c] is the cursor of cell c while placing; restored afterwards
        double[] v0 = lattice[axisOf[0]], v1 = lattice[axisOf[1]], v2 = lattice[axisOf[2]];
        for (int i = 0; i < n; i++) {
            int c0 = cellA[i], c1 = cellB[i], c2 = cellC[i];
            int k0lo = imageLow0[c0], k0hi = imageHigh0[c0], k1lo = imageLow1[c1], k1hi = imageHigh1[c1];
            int k2lo = imageLow2[c2], k2hi = imageHigh2[c2];
            double xi = px[i], yi = py[i], zi = pz[i];
            int t = sourceType[i];
            for (int k0 = k0lo; k0 <= k0hi; k0++) {
                for (int k1 = k1lo; k1 <= k1hi; k1++) {
                    int base = ((c0 + k0 * n0 - lo0) * e1 + (c1 + k1 * n1 - lo1)) * e2 + c2 - lo2;
                    double sx = k0 * v0[0] + k1 * v1[0], sy = k0 * v0[1] + k1 * v1[1], sz = k0 * v0[2] + k1 * v1[2];
                    for (int k2 = k2lo; k2 <= k2hi; k2++) {
                        int slot = cellStart[base + k2 * n2]++;
                        if (k0 == 0 && k1 == 0 && k2 == 0) {
                            x[slot] = xi;
                            y[slot] = yi;
                            z[slot] = zi;
                        } else {
                            x[slot] = xi + (sx + k2 * v2[0]);
                            y[slot] = yi + (sy + k2 * v2[1]);
                            z[slot] = zi + (sz + k2 * v2[2]);
                        }
                        type[slot] = t;
                    }
                }
            }
        }
        for (int c = total; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
    }
}
