package org.spr.lammps;

import com.sun.jna.Pointer;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * What a {@code fix external} callback sees at one timestep: the step, the atoms owned by this rank, their IDs,
 * positions (read-only, zero-copy) and the external force array (writable, zero-copy; whatever is written there is
 * added to the atoms' forces). The views are valid only during the callback.
 */
public final class FixExternalStep {

    private final Lammps lammps;
    private final String fixId;
    private final long timestep;
    private final int nlocal;
    private final Pointer ids;
    private final Pointer x;
    private final Pointer f;
    private final int tagintSize;
    private final boolean acts;

    FixExternalStep(Lammps lammps, String fixId, long timestep, int nlocal, Pointer ids, Pointer x, Pointer f, int tagintSize,
                    boolean acts) {
        this.lammps = lammps;
        this.fixId = fixId;
        this.timestep = timestep;
        this.nlocal = nlocal;
        this.ids = ids;
        this.x = x;
        this.f = f;
        this.tagintSize = tagintSize;
        this.acts = acts;
    }

    /** The LAMMPS instance running the callback (same thread; do not issue commands that run or change atoms). */
    public Lammps lammps() {
        return lammps;
    }

    public String fixId() {
        return fixId;
    }

    public long timestep() {
        return timestep;
    }

    /** Number of atoms owned by this rank. */
    public int nlocal() {
        return nlocal;
    }

    /** The global ID of local atom i (0 ≤ i &lt; nlocal). */
    public long id(int i) {
        return tagintSize == 8 ? ids.getLong(8L * i) : ids.getInt(4L * i);
    }

    /** Positions x0,y0,z0,x1,… of the local atoms: a read-only zero-copy view of LAMMPS's array. */
    public DoubleBuffer positions() {
        return rows(x).asReadOnlyBuffer();
    }

    /**
     * The external force array fx0,fy0,fz0,… (cleared before this call): a writable zero-copy view, added to the atoms'
     * forces. Only for a callback bound as acting ({@link Lammps#setFixExternalCallback(String, FixExternalCallback,
     * boolean)}); an observer is refused, so that monitoring cannot change the run.
     */
    public DoubleBuffer externalForces() {
        requireActing("write external forces");
        return rows(f);
    }

    /** Asks LAMMPS to end the current run cleanly after this step (the command that ran it returns normally). */
    public void stopRun() {
        lammps.requestStop();
    }

    /** Sets the global energy this fix contributes (eV in metal units) to the potential energy; acting callbacks only. */
    public void setEnergy(double energy) {
        requireActing("set an energy");
        lammps.library().lammps_fix_external_set_energy_global(lammps.handle(), fixId, energy);
        lammps.checkAfterNativeCall("lammps_fix_external_set_energy_global " + fixId);
    }

    /**
     * Sets the global virial this fix contributes (xx, yy, zz, xy, xz, yz, in energy units, summed over this rank's
     * atoms as LAMMPS's virial) for this step; acting callbacks only. Without it the fix's virial is zero.
     */
    public void setVirial(double[] virial) {
        requireActing("set a virial");
        if (virial.length != 6) {
            throw new IllegalArgumentException("a virial has 6 components (xx, yy, zz, xy, xz, yz), got " + virial.length);
        }
        lammps.library().lammps_fix_external_set_virial_global(lammps.handle(), fixId, virial.clone());
        lammps.checkAfterNativeCall("lammps_fix_external_set_virial_global " + fixId);
    }

    private void requireActing(String what) {
        if (!acts) {
            throw new IllegalStateException("the callback of fix " + fixId + " is bound as an observer and cannot " + what
                    + "; bind it with setFixExternalCallback(id, callback, true) to act on the system");
        }
    }

    private DoubleBuffer rows(Pointer twoDimensional) {
        if (nlocal == 0 || twoDimensional == null) {
            return DoubleBuffer.allocate(0);
        }
        Pointer first = twoDimensional.getPointer(0);
        return first.getByteBuffer(0, 24L * nlocal).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }
}
