package org.spr.protocol;

import org.spr.lammps.Lammps;

import java.util.Locale;

/** The final energy minimisation every protocol ends with, and the structure it hands back. */
final class Minimisation {

    /** How often a structure that did not converge is shaken and minimised again. */
    static final int SHAKES = 2;

    private Minimisation() {
    }

    /**
     * Conjugate-gradient minimisation (optionally with {@code fix box/relax}), then a check of the largest force
     * component against the tolerance and of the atom count against what the protocol meant to keep.
     *
     * @param boxRelax {@code fix box/relax} arguments (e.g. "x 0.0 y 0.0" or "iso 0.0"), or null for a fixed box
     */
    static ProtocolResult minimise(Lammps lammps, String system, long seed, int requestedAtoms, String boxRelax,
                                   double forceTolerance, int dimension, String[] species) {
        lammps.command("min_style cg");
        lammps.command("min_modify line quadratic");
        if (boxRelax != null) {
            lammps.command("fix spr_relax all box/relax " + boxRelax + " vmax 0.001");
            lammps.command(String.format(Locale.ROOT, "minimize 0.0 %.3e 2000 20000", forceTolerance / 2));
            lammps.command("unfix spr_relax");
        }
        // then in the fixed (relaxed) box: FIRE gets robustly close (floppy carbon chains stall CG), CG finishes.
        // A structure caught on a kink of the potential (e.g. a Tersoff pair exactly at its cutoff R+D, where the
        // line search fails) is shaken by 0.05 Å and minimised again, up to SHAKES times.
        for (int attempt = 0; attempt <= SHAKES; attempt++) {
            if (attempt > 0) {
                lammps.command(String.format(Locale.ROOT, "displace_atoms all random 0.05 0.05 %s %d units box",
                        dimension == 2 ? "0.0" : "0.05", 1 + Math.floorMod(seed * 31 + attempt, 900_000_000L)));
            }
            lammps.command("min_style fire");
            lammps.command(String.format(Locale.ROOT, "minimize 0.0 %.3e 2000 20000", forceTolerance / 2));
            lammps.command("min_style cg");
            lammps.command(String.format(Locale.ROOT, "minimize 0.0 %.3e 2000 20000", forceTolerance / 2));
            lammps.command("thermo_modify norm no");  // lj units normalise thermo energies by default; we divide once below
            lammps.command("run 0");
            if (lammps.thermo("fmax") <= forceTolerance) {
                break;
            }
        }
        long natoms = lammps.natoms();
        double maxForce = lammps.thermo("fmax");
        double energy = lammps.thermo("pe") / natoms;
        if (natoms != requestedAtoms && natoms > 0) {
            // atoms were lost: renumber the rest 1…n so they can be gathered by ID (the loss is reported, not hidden);
            // after this command thermo keywords are no longer current, hence read above
            lammps.command("reset_atom_ids");
        }
        return new ProtocolResult(system, seed, requestedAtoms, (int) (requestedAtoms - natoms), energy, maxForce,
                maxForce <= forceTolerance, lammps.box(), lammps.gatherPositions(), lammps.gatherInts("type", 1),
                lammps.massesPerType(), species, dimension);
    }
}
