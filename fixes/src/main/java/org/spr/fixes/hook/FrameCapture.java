package org.spr.fixes.hook;

import org.spr.lammps.SimulationBox;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Turns the atoms LAMMPS holds at a hook call into a {@link Frame}, reusing its buffers from call to call (no
 * allocation per call once the atom count is stable), copied from the zero-copy views. Serial runs only: under MPI a
 * rank holds only its own atoms, and the g(r) is computed without gathering them ({@link DistributedRadialDistribution}).
 */
public final class FrameCapture {

    private final int dimension;
    private final String[] speciesNames;
    private double[] positions = new double[0];
    private int[] types = new int[0];

    /**
     * @param dimension    2 for a monolayer (areal normalisation), 3 for bulk, 0 to take LAMMPS's dimension
     * @param speciesNames names per type (index 0 = type 1), or null
     */
    public FrameCapture(int dimension, String[] speciesNames) {
        this.dimension = dimension;
        this.speciesNames = speciesNames;
    }

    public Frame capture(StepContext step) {
        int typeCount = step.typeCount();
        if (step.ranks() > 1) {
            throw new IllegalStateException("FrameCapture holds one rank's atoms only; under MPI use DistributedRadialDistribution");
        }
        int n = step.nlocal();
        ensure(n);
        DoubleBuffer x = step.positions();
        x.get(0, positions, 0, 3 * n);
        IntBuffer t = step.types();
        t.get(0, types, 0, n);
        int dim = dimension == 0 ? step.dimension() : dimension;
        // z periodicity follows LAMMPS's own dimension: a monolayer in a 3D LAMMPS box keeps its periodic z, as in its data file
        return new Frame(positions, types, typeCount, speciesNames, null, null, box(step.box(), step.dimension()), dim, step.timestep());
    }

    /** The structure-module box for a LAMMPS box. */
    public static Box box(SimulationBox box) {
        return box(box, 3);
    }

    /**
     * The structure-module box for a LAMMPS box; in a LAMMPS {@code dimension 2} system z is never periodic (its box is one
     * length unit thick and periodic in z, which would make every atom its own neighbour at 1 σ). Pass LAMMPS's dimension,
     * not the model's: a monolayer in a 3D LAMMPS box keeps its periodic z (atoms may straddle the z boundary).
     */
    public static Box box(SimulationBox box, int dimension) {
        return new Box(box.xlo(), box.ylo(), box.zlo(), box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz(),
                box.periodicX(), box.periodicY(), box.periodicZ() && dimension != 2);
    }

    private void ensure(int n) {
        if (types.length != n) {
            positions = new double[3 * n];
            types = new int[n];
        }
    }
}
