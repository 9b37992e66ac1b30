package org.spr.structure;

import java.util.Arrays;

/**
 * One atomic configuration. Arrays are held, not copied, so wrapping a simulation's own arrays each step is
 * cheap; callers must not change them while a computation runs.
 *
 * @param positions    Cartesian positions, flat: x0 y0 z0 x1 y1 z1 … (length 3N)
 * @param types        per-atom type, 1-based as in LAMMPS (length N)
 * @param typeCount    number of types T; every entry of {@code types} is in 1 … T
 * @param speciesNames species name per type (index type − 1), or {@code null} when unknown
 * @param masses       mass per type (index type − 1), or {@code null} when unknown
 * @param ids          per-atom ids, or {@code null}
 * @param box          the periodic cell
 * @param dimension    2 for a monolayer (areal normalisation with the in-plane area), 3 for bulk
 * @param timestep     MD step of this frame (0 when not applicable)
 */
public record Frame(double[] positions, int[] types, int typeCount, String[] speciesNames, double[] masses,
                    int[] ids, Box box, int dimension, long timestep) {

    public Frame {
        if (positions == null || types == null || box == null) {
            throw new IllegalArgumentException("a frame needs positions, types and a box");
        }
        if (types.length == 0) {
            throw new IllegalArgumentException("a frame must contain at least one atom");
        }
        if (positions.length < 3 * types.length) {
            throw new IllegalArgumentException("positions hold " + positions.length / 3 + " atoms but types hold " + types.length);
        }
        if (typeCount < 1) {
            throw new IllegalArgumentException("type count must be at least 1, got " + typeCount);
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        if (speciesNames != null && speciesNames.length < typeCount) {
            throw new IllegalArgumentException("species names given for " + speciesNames.length + " of " + typeCount + " types");
        }
        if (masses != null && masses.length < typeCount) {
            throw new IllegalArgumentException("masses given for " + masses.length + " of " + typeCount + " types");
        }
        if (ids != null && ids.length != types.length) {
            throw new IllegalArgumentException("ids hold " + ids.length + " atoms but types hold " + types.length);
        }
    }

    /** A 3D frame with the type count taken as the largest type present; no species, masses or ids. */
    public static Frame of(double[] positions, int[] types, Box box) {
        return new Frame(positions, types, maxType(types), null, null, null, box, 3, 0);
    }

    /** The largest entry of {@code types} (at least 1). */
    public static int maxType(int[] types) {
        int max = 1;
        for (int t : types) {
            if (t > max) {
                max = t;
            }
        }
        return max;
    }

    /** Number of atoms N. */
    public int atomCount() {
        return types.length;
    }

    /** Label of type t (1-based): the species name when known, else the type number. */
    public String typeLabel(int type) {
        if (speciesNames != null && speciesNames[type - 1] != null) {
            return speciesNames[type - 1];
        }
        return Integer.toString(type);
    }

    /** Labels of all types, index type − 1. */
    public String[] typeLabels() {
        String[] labels = new String[typeCount];
        for (int t = 1; t <= typeCount; t++) {
            labels[t - 1] = typeLabel(t);
        }
        return labels;
    }

    /** Number of atoms of each type, index type − 1 (a new array). */
    public int[] countsPerType() {
        int[] counts = new int[typeCount];
        for (int t : types) {
            counts[t - 1]++;
        }
        return counts;
    }

    /** The same atoms and box with another dimension (2 or 3). */
    public Frame withDimension(int newDimension) {
        return new Frame(positions, types, typeCount, speciesNames, masses, ids, box, newDimension, timestep);
    }

    /** The same atoms in another box (e.g. a new periodicity). */
    public Frame withBox(Box newBox) {
        return new Frame(positions, types, typeCount, speciesNames, masses, ids, newBox, dimension, timestep);
    }

    @Override
    public String toString() {
        return "Frame[N=" + types.length + ", types=" + typeCount + ", species=" + Arrays.toString(speciesNames)
                + ", dimension=" + dimension + ", timestep=" + timestep + ", " + box + "]";
    }
}
