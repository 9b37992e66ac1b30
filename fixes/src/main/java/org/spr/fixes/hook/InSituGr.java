package org.spr.fixes.hook;

import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.lammps.Mpi;
import org.spr.structure.Frame;

/**
 * The g(r) of the running system at a hook call: serial runs bin the frame LAMMPS holds ({@link FrameCapture},
 * {@link RadialDistribution}); under MPI each rank bins its own atoms and their halo and rank 0 gets the summed
 * histogram ({@link DistributedRadialDistribution}): no rank gathers all positions. Collective under MPI.
 */
final class InSituGr {

    private final RadialGrid grid;
    private final int dimension;
    private final FrameCapture capture;
    private final RadialDistribution serial;
    private DistributedRadialDistribution distributed;
    private Mpi mpi;
    private boolean mpiChecked;
    private PairCorrelation buffer;

    /** @param dimension 2 or 3, or 0 for LAMMPS's dimension */
    InSituGr(RadialGrid grid, int dimension) {
        this.grid = grid;
        this.dimension = dimension;
        this.capture = new FrameCapture(dimension, null);
        this.serial = new RadialDistribution(grid);
    }

    /** The collectives of the run at this step (null on one rank). */
    Mpi mpi(StepContext step) {
        if (!mpiChecked) {
            mpi = Mpi.of(step.lammps());
            mpiChecked = true;
        }
        return mpi;
    }

    /** The g(r) of this step on rank 0 (a live buffer, valid until the next call); null on other ranks. */
    PairCorrelation compute(StepContext step) {
        mpi(step);
        if (mpi == null) {
            Frame frame = capture.capture(step);
            buffer = serial.compute(frame, buffer);
            return buffer;
        }
        if (distributed == null) {
            distributed = new DistributedRadialDistribution(grid);
        }
        int dim = dimension == 0 ? step.dimension() : dimension;
        PairCorrelation result = distributed.compute(mpi, step.positions(), step.types(), step.nlocal(), step.typeCount(),
                FrameCapture.box(step.box(), dim), dim, null, buffer);
        if (result != null) {
            buffer = result;
        }
        return result;
    }

    /** The distributed calculator (null in serial runs or before the first call), for diagnostics and tests. */
    DistributedRadialDistribution distributed() {
        return distributed;
    }

    /** The collectives in use (null in serial runs). */
    Mpi mpi() {
        return mpi;
    }
}
