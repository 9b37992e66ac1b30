package org.spr.label;

import org.spr.lammps.Lammps;

/**
 * Forces from the LAMMPS instance's current potential: positions scattered by atom ID, one force evaluation
 * ({@code run 0 post no}: with {@code pre no} LAMMPS would not update ghost atoms, and the forces would be stale), forces
 * gathered by atom ID. Atoms must have IDs 1…N ({@code atom_modify map array}).
 */
public final class LammpsForceField implements ForceField {

    private final Lammps lammps;
    private final int atoms;
    private boolean setUp;

    public LammpsForceField(Lammps lammps) {
        this.lammps = lammps;
        this.atoms = Math.toIntExact(lammps.natoms());
    }

    /** The current positions, ordered by ID. */
    public double[] positions() {
        return lammps.gatherPositions();
    }

    /** Per-atom masses ordered by ID, from the per-type masses. */
    public double[] masses() {
        double[] perType = lammps.massesPerType();
        int[] types = lammps.gatherInts("type", 1);
        double[] masses = new double[types.length];
        for (int i = 0; i < types.length; i++) {
            masses[i] = perType[types[i]];
        }
        return masses;
    }

    @Override
    public void forces(double[] positions, double[] forcesOut) {
        if (positions.length != 3 * atoms) {
            throw new IllegalArgumentException("expected " + 3 * atoms + " coordinates, got " + positions.length);
        }
        lammps.scatterPositions(positions);
        if (!setUp) {
            lammps.command("run 0");
            setUp = true;
        } else {
            lammps.command("run 0 post no");  // "pre no" would skip the ghost-atom update: forces of the displaced image stay stale
        }
        double[] forces = lammps.gatherForces();
        System.arraycopy(forces, 0, forcesOut, 0, forces.length);
    }
}
