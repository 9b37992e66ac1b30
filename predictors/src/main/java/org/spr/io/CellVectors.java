package org.spr.io;

import org.spr.structure.Box;

/** A cell given by three row vectors (extended XYZ {@code Lattice}, POSCAR): its box, and Cartesian positions in it. */
final class CellVectors {

    private CellVectors() {
    }

    /**
     * The box of the cell: LAMMPS's restricted triclinic form taken as it is when {@code aligned} (a along x, b in the
     * xy plane), else the cell rotated into that form.
     *
     * @param word how the file names the vectors in the refusal ("Lattice", "lattice")
     * @throws InputFormatException when the vectors are singular or not finite
     */
    static Box box(double[][] vectors, boolean aligned, TextLines lines, String word) {
        try {
            return aligned
                    ? new Box(0, 0, 0, vectors[0][0], vectors[1][1], vectors[2][2], vectors[1][0], vectors[2][0], vectors[2][1], true, true, true)
                    : Box.fromCellVectors(vectors);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(lines.file(), 0, "the " + word + " vectors do not span a cell (singular or not finite): " + e.getMessage());
        }
    }

    /**
     * Stores atom {@code atom}'s Cartesian position (x, y, z), given in the frame of the cell vectors, in the box's frame:
     * as it is when {@code inverse} is null (an aligned cell), else through the fractional coordinates s = r · inverse
     * ({@code s}: a scratch array of 3).
     */
    static void place(double x, double y, double z, Box box, double[][] inverse, double[] s, double[] positions, int atom) {
        if (inverse == null) {
            positions[3 * atom] = x;
            positions[3 * atom + 1] = y;
            positions[3 * atom + 2] = z;
        } else {
            for (int d = 0; d < 3; d++) {
                s[d] = x * inverse[0][d] + y * inverse[1][d] + z * inverse[2][d];
            }
            box.toCartesian(s, 0, positions, 3 * atom);
        }
    }
}
