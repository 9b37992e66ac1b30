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

    /**
     * Minimises a copy of {@code frame} (positions in ID order, as captured) and returns the minimised positions, or
     * null when the copy lost atoms in its minimisation (a configuration far from any minimum, such as the overlapping
     * random packing a melt-quench script starts from, can blow atoms out of a non-periodic box or past the neighbour
     * lists): there is no inherent structure of this step, the copy is rebuilt at the next one, and the run goes on.
     */
    public double[] quench(Frame frame, Lammps running) {
        int n = frame.atomCount();
        if (copy == null || n != atoms) {
            build(frame, running);
        } else {
            SimulationBox box = running.box();
            if (copy.setting("dimension") == 2) {
                copy.command(String.format(Locale.ROOT, "change_box all x final %.17g %.17g y final %.17g %.17g xy final %.17g units box",
                        box.xlo(), box.xhi(), box.ylo(), box.yhi(), box.xy()));
            } else {
                copy.command(String.format(Locale.ROOT, "change_box all x final %.17g %.17g y final %.17g %.17g z final %.17g %.17g "
                                + "xy final %.17g xz final %.17g yz final %.17g units box", box.xlo(), box.xhi(), box.ylo(), box.yhi(),
                        box.zlo(), box.zhi(), box.xy(), box.xz(), box.yz()));
            }
            copy.scatterPositions(java.util.Arrays.copyOf(frame.positions(), 3 * n));
        }
        minimise();
        if (copy.natoms() != n) {
            close();
            return null;
        }
        return copy.gatherPositions();
    }

    private void minimise() {
        if (boxRelax != null) {
            copy.command("min_style cg");
            copy.command("fix spr_relax all box/relax " + boxRelax + " vmax 0.001");
            copy.command(String.format(Locale.ROOT, "minimize 0.0 1.0e-3 %d %d", maxIterations, 10 * maxIterations));
            copy.command("unfix spr_relax");
        }
        copy.command("min_style fire");
        copy.command(String.format(Locale.ROOT, "minimize 0.0 1.0e-3 %d %d", maxIterations, 10 * maxIterations));
    }

    /**
     * Under MPI, without gathering: minimises a copy of the running configuration whose atoms stay spread over the
     * ranks. Each rank sends its own atoms (id, type, position wrapped into the cell) to the ranks whose sub-domain
     * of the copy holds them (MPI_Alltoallv; an atom within 10⁻¹⁰ of a sub-domain face goes to both sides and LAMMPS
     * keeps it on exactly one), which create them ({@code lammps_create_atoms}); the copy is then minimised as
     * {@link #quench} does. Collective. Read the result through the copy's views ({@link Lammps#positionsView()},
     * {@link Lammps#typesView()}, {@link #box()}).
     *
     * @param running   the run (its box and masses)
     * @param mpi       the collectives on the run's communicator (the copy spans the same ranks)
     * @param positions the rank's own atoms, x, y, z
     * @param types     their types
     * @param ids       their atom IDs
     * @param nlocal    how many
     * @return the minimised copy
     * @throws IllegalStateException when the copy does not end up with every atom of the run
     */
    public Lammps quenchDistributed(Lammps running, org.spr.lammps.Mpi mpi, java.nio.DoubleBuffer positions,
                                    java.nio.IntBuffer types, long[] ids, int nlocal) {
        long natoms = running.natoms();
        SimulationBox box = running.box();
        if (copy == null || natoms != atoms) {
            close();
            copy = Lammps.open(List.of("-log", "none", "-nocite"));
            setUp(box, running.setting("ntypes"), running.massesPerType(), running.setting("dimension"));
            atoms = (int) natoms;
        } else {
            copy.command("delete_atoms group all");
            copy.command(String.format(Locale.ROOT, "change_box all x final %.17g %.17g y final %.17g %.17g z final %.17g %.17g "
                            + "xy final %.17g xz final %.17g yz final %.17g units box", box.xlo(), box.xhi(), box.ylo(), box.yhi(),
                    box.zlo(), box.zhi(), box.xy(), box.xz(), box.yz()));
        }
        int ranks = mpi.size();
        double[] own = new double[6];
        double[] lo = copy.globalVector("sublo_lambda", 3), hi = copy.globalVector("subhi_lambda", 3);
        System.arraycopy(lo, 0, own, 0, 3);
        System.arraycopy(hi, 0, own, 3, 3);
        double[] domains = new double[6 * ranks];
        mpi.allgather(own, 6, domains);
        org.spr.structure.Box cell = FrameCapture.box(box, 3);
        double[] point = new double[3], fraction = new double[3];
        double[][] outgoing = new double[ranks][];
        int[] filled = new int[ranks];
        double margin = 1e-10;
        for (int i = 0; i < nlocal; i++) {
            point[0] = positions.get(3 * i);
            point[1] = positions.get(3 * i + 1);
            point[2] = positions.get(3 * i + 2);
            cell.wrap(point, 0);
            cell.toFractional(point, 0, fraction, 0);
            for (int r = 0; r < ranks; r++) {
                boolean inside = true;
                for (int d = 0; d < 3 && inside; d++) {
                    boolean periodic = cell.periodic(d);
                    double from = domains[6 * r + d], to = domains[6 * r + 3 + d];
                    // a non-periodic face of the cell: sub-domains at the edge take what lies beyond it
                    boolean first = from <= 0, last = to >= 1;
                    inside = (fraction[d] >= from - margin || (first && !periodic)) && (fraction[d] < to + margin || (last && !periodic));
                }
                if (inside) {
                    if (outgoing[r] == null) {
                        outgoing[r] = new double[5 * Math.max(16, nlocal / ranks + 16)];
                    } else if (filled[r] + 5 > outgoing[r].length) {
                        outgoing[r] = java.util.Arrays.copyOf(outgoing[r], 2 * outgoing[r].length);
                    }
                    double[] block = outgoing[r];
                    int k = filled[r];
                    block[k] = ids[i];
                    block[k + 1] = types.get(i);
                    block[k + 2] = point[0];
                    block[k + 3] = point[1];
                    block[k + 4] = point[2];
                    filled[r] += 5;
                }
            }
        }
        int[] sendCounts = filled, sendOffsets = new int[ranks], receiveCounts = new int[ranks], receiveOffsets = new int[ranks];
        int total = 0;
        for (int r = 0; r < ranks; r++) {
            sendOffsets[r] = total;
            total += filled[r];
        }
        double[] send = new double[Math.max(1, total)];
        for (int r = 0; r < ranks; r++) {
            if (filled[r] > 0) {
                System.arraycopy(outgoing[r], 0, send, sendOffsets[r], filled[r]);
            }
        }
        mpi.alltoall(sendCounts, receiveCounts);
        int received = 0;
        for (int r = 0; r < ranks; r++) {
            receiveOffsets[r] = received;
            received += receiveCounts[r];
        }
        double[] incoming = new double[Math.max(1, received)];
        mpi.alltoallv(send, sendCounts, sendOffsets, incoming, receiveCounts, receiveOffsets);
        int count = received / 5;
        long[] newIds = new long[count];
        int[] newTypes = new int[count];
        double[] newPositions = new double[3 * count];
        for (int k = 0; k < count; k++) {
            newIds[k] = (long) incoming[5 * k];
            newTypes[k] = (int) incoming[5 * k + 1];
            System.arraycopy(incoming, 5 * k + 2, newPositions, 3 * k, 3);
        }
        copy.createAtoms(newIds, newTypes, newPositions, null, false);
        if (copy.natoms() != natoms) {
            throw new IllegalStateException("the inherent-structure copy holds " + copy.natoms() + " of the run's " + natoms
                    + " atoms after distributing them over the ranks");
        }
        minimise();
        return copy;
    }

    /** The cell of the minimised copy (differs from the run's when the cell is relaxed). */
    public SimulationBox box() {
        return copy.box();
    }

    private void build(Frame frame, Lammps running) {
        close();
        copy = Lammps.open(List.of("-log", "none", "-nocite"));
        int n = frame.atomCount();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        setUp(running.box(), frame.typeCount(), running.massesPerType(), running.setting("dimension"));
        copy.createAtoms(ids, java.util.Arrays.copyOf(frame.types(), n), java.util.Arrays.copyOf(frame.positions(), 3 * n), null, false);
        atoms = n;
    }

    /**
     * The copy's cell, masses, potential and plane constraint, without atoms. A LAMMPS dimension-2 run is copied as
     * one: in 3D its thin periodic z would put each atom's own images one box height (1 σ for lj2d) away.
     */
    private void setUp(SimulationBox box, int typeCount, double[] masses, int dimension) {
        String boundary = (box.periodicX() ? "p " : "f ") + (box.periodicY() ? "p " : "f ") + (box.periodicZ() ? "p" : "f");
        copy.commands(String.join("\n", "units " + units, "dimension " + dimension, "atom_style atomic",
                "atom_modify map array sort 0 0.0", "boundary " + boundary, ""));
        copy.command(String.format(Locale.ROOT, "region spr_box prism %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g",
                box.xlo(), box.xhi(), box.ylo(), box.yhi(), box.zlo(), box.zhi(), box.xy(), box.xz(), box.yz()));
        copy.command("create_box " + typeCount + " spr_box");
        for (int t = 1; t <= typeCount; t++) {
            copy.command(String.format(Locale.ROOT, "mass %d %.17g", t, masses[t]));
        }
        for (String command : potential) {
            copy.command(command);
        }
        if (planar) {
            copy.command("fix spr_plane all setforce NULL NULL 0.0");
        }
        copy.command("thermo_style custom step pe fmax");
        // an atom lost by the copy must not end the run (Debian's LAMMPS exits on any error): quench() checks the count
        copy.command("thermo_modify lost ignore");
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }
}
