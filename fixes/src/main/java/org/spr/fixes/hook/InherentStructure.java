package org.spr.fixes.hook;

import org.spr.lammps.Lammps;
import org.spr.lammps.SimulationBox;
import org.spr.structure.Frame;

import java.util.List;
import java.util.Locale;

/**
 * The inherent structure of the running configuration: a copy of the atoms in a second LAMMPS instance (same
 * process) with the same potential, energy-minimised there. The run itself is not touched: its positions,
 * velocities and time integration continue exactly as before. The copy is made once and reused (box reset,
 * positions scattered) while the atom count stays the same.
 */
public final class InherentStructure implements AutoCloseable {

    private final String units;
    private final List<String> potential;
    private final boolean planar;
    private final int maxIterations;
    private final String boxRelax;
    private Lammps copy;
    private int atoms = -1;

    /**
     * @param units         LAMMPS units of the run (metal, lj, …)
     * @param potential     commands that set up the potential (pair_style, pair_coeff, …)
     * @param planar        keep z fixed while minimising (monolayers quenched in the plane)
     * @param maxIterations iterations per minimisation
     * @param boxRelax      {@code fix box/relax} arguments (e.g. "x 0.0 y 0.0"), to relax the cell as the training
     *                      protocol did, or null for a fixed cell
     */
    public InherentStructure(String units, List<String> potential, boolean planar, int maxIterations, String boxRelax) {
        if (potential.isEmpty()) {
            throw new IllegalArgumentException("the inherent structure needs the potential commands (pair_style, pair_coeff)");
        }
        this.units = units;
        this.potential = List.copyOf(potential);
        this.planar = planar;
        this.maxIterations = maxIterations;
        this.boxRelax = boxRelax;
    }

    /** Minimises a copy of {@code frame} (positions in ID order, as captured) and returns the minimised positions. */
    public double[] quench(Frame frame, Lammps running) {
        int n = frame.atomCount();
        if (copy == null || n != atoms) {
            build(frame, running);
        } else {
            SimulationBox box = running.box();
            copy.command(String.format(Locale.ROOT, "change_box all x final %.17g %.17g y final %.17g %.17g z final %.17g %.17g "
                            + "xy final %.17g xz final %.17g yz final %.17g units box", box.xlo(), box.xhi(), box.ylo(), box.yhi(),
                    box.zlo(), box.zhi(), box.xy(), box.xz(), box.yz()));
            copy.scatterPositions(java.util.Arrays.copyOf(frame.positions(), 3 * n));
        }
        if (boxRelax != null) {
            copy.command("min_style cg");
            copy.command("fix spr_relax all box/relax " + boxRelax + " vmax 0.001");
            copy.command(String.format(Locale.ROOT, "minimize 0.0 1.0e-3 %d %d", maxIterations, 10 * maxIterations));
            copy.command("unfix spr_relax");
        }
        copy.command("min_style fire");
        copy.command(String.format(Locale.ROOT, "minimize 0.0 1.0e-3 %d %d", maxIterations, 10 * maxIterations));
        return copy.gatherPositions();
    }

    /** The cell of the minimised copy (differs from the run's when the cell is relaxed). */
    public SimulationBox box() {
        return copy.box();
    }

    private void build(Frame frame, Lammps running) {
        close();
        SimulationBox box = running.box();
        copy = Lammps.open(List.of("-log", "none", "-nocite"));
        String boundary = (box.periodicX() ? "p " : "f ") + (box.periodicY() ? "p " : "f ") + (box.periodicZ() ? "p" : "f");
        copy.commands(String.join("\n", "units " + units, "atom_style atomic", "atom_modify map array sort 0 0.0",
                "boundary " + boundary, ""));
        copy.command(String.format(Locale.ROOT, "region spr_box prism %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g",
                box.xlo(), box.xhi(), box.ylo(), box.yhi(), box.zlo(), box.zhi(), box.xy(), box.xz(), box.yz()));
        copy.command("create_box " + frame.typeCount() + " spr_box");
        double[] masses = running.massesPerType();
        for (int t = 1; t <= frame.typeCount(); t++) {
            copy.command(String.format(Locale.ROOT, "mass %d %.17g", t, masses[t]));
        }
        int n = frame.atomCount();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        copy.createAtoms(ids, java.util.Arrays.copyOf(frame.types(), n), java.util.Arrays.copyOf(frame.positions(), 3 * n), null, false);
        for (String command : potential) {
            copy.command(command);
        }
        if (planar) {
            copy.command("fix spr_plane all setforce NULL NULL 0.0");
        }
        copy.command("thermo_style custom step pe fmax");
        atoms = n;
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }
}
