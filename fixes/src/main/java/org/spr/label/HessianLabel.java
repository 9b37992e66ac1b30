package org.spr.label;

import org.spr.lammps.EngineTask;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.Serializable;

/**
 * The phonon DOS of the structure currently in LAMMPS (normally right after a protocol's minimisation), as an
 * engine task: Hessian from 6N force evaluations through {@link LammpsForceField}, then {@link HessianPhononDos}.
 * Emits a {@link Progress} record every 5 % of the force evaluations. The positions are restored afterwards.
 * {@link VibrationalLabel} gives the Allen–Feldman κ from the same Hessian as well.
 *
 * @param parameters  grid, broadening, units
 * @param displacement finite-difference displacement (Å or σ)
 */
public record HessianLabel(PhononDosParameters parameters, double displacement) implements EngineTask<PhononDos> {

    /** Progress of the force evaluations. */
    public record Progress(int done, int total) implements Serializable {
    }

    public static HessianLabel metalDefaults() {
        return new HessianLabel(PhononDosParameters.metalDefaults(), HessianAssembler.DEFAULT_DISPLACEMENT);
    }

    @Override
    public PhononDos run(Lammps lammps, RecordSink sink) {
        return new VibrationalLabel(parameters, displacement, null).run(lammps, sink).phononDos();
    }
}
