package org.spr.protocol;

import org.spr.lammps.SimulationBox;

import java.io.Serializable;

/**
 * A structure a protocol made: positions ordered by atom ID (x0,y0,z0,x1,…), 1-based types, per-type masses
 * (index 0 unused), the box, the final potential energy per atom, and how the final minimisation ended.
 *
 * @param requestedAtoms atoms the protocol meant to keep (after deliberate vacancies)
 * @param lostAtoms      atoms LAMMPS lost on the way (should be 0)
 * @param maxForce       largest force component after minimisation (eV/Å or LJ units)
 * @param converged      whether the minimisation met its force tolerance
 */
public record ProtocolResult(String system, long seed, int requestedAtoms, int lostAtoms, double energyPerAtom,
                             double maxForce, boolean converged, SimulationBox box, double[] positions, int[] types,
                             double[] masses, String[] species, int dimension) implements Serializable {

    public int atoms() {
        return types.length;
    }

    /** True when the structure may be used: minimisation converged and no atom was lost. */
    public boolean usable() {
        return converged && lostAtoms == 0;
    }

    /** One sentence saying why the structure is not usable, or null. */
    public String problem() {
        if (lostAtoms > 0) {
            return lostAtoms + " atoms were lost during the protocol (seed " + seed + ")";
        }
        if (!converged) {
            return String.format(java.util.Locale.ROOT,
                    "the minimisation did not converge (max force %.3g > tolerance, seed %d)", maxForce, seed);
        }
        return null;
    }
}
