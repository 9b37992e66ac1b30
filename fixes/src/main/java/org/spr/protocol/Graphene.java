package org.spr.protocol;

import java.util.Locale;

/**
 * Pristine graphene as LAMMPS commands: an orthogonal cell a × √3·a with 4 carbon atoms (a = 2.46 Å, C–C 1.42 Å),
 * repeated nx × ny times in the xy plane, atoms at z = 0 in a periodic box with vacuum along z.
 */
public final class Graphene {

    /** Lattice constant of graphene with the Tersoff potential family (Å). */
    public static final double LATTICE_CONSTANT = 2.46;

    private Graphene() {
    }

    /** Number of atoms of an nx × ny sheet. */
    public static int atoms(int cellsX, int cellsY) {
        return 4 * cellsX * cellsY;
    }

    /** Commands that create the box and the sheet (units metal, one atom type). */
    public static String commands(int cellsX, int cellsY, double vacuum) {
        return commands(cellsX, cellsY, vacuum, LATTICE_CONSTANT);
    }

    /** Commands that create the box and the sheet with lattice constant a (Å). */
    public static String commands(int cellsX, int cellsY, double vacuum, double latticeConstant) {
        double c = vacuum / latticeConstant;
        return String.join("\n",
                "units metal",
                "atom_style atomic",
                "atom_modify map array sort 0 0.0",
                "boundary p p p",
                String.format(Locale.ROOT,
                        "lattice custom %.6f a1 1 0 0 a2 0 1.7320508075688772 0 a3 0 0 %.10f "
                                + "basis 0 0 0 basis 0.5 0.16666666666666666 0 basis 0.5 0.5 0 "
                                + "basis 0 0.6666666666666666 0",
                        latticeConstant, c),
                String.format(Locale.ROOT, "region box block 0 %d 0 %d -0.5 0.5", cellsX, cellsY),
                "create_box 1 box",
                "create_atoms 1 box",
                "mass 1 12.011",
                "");
    }
}
