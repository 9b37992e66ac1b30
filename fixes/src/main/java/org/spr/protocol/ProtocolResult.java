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
 * @param diagnostics    protocol-specific measurements of the structure (name → value), recorded in dataset rows
 * @param refusal        why the protocol refuses the structure (outside its accepted ranges), or null
 */
public record ProtocolResult(String system, long seed, int requestedAtoms, int lostAtoms, double energyPerAtom,
                             double maxForce, boolean converged, SimulationBox box, double[] positions, int[] types,
                             double[] masses, String[] species, int dimension, java.util.Map<String, Double> diagnostics,
                             String refusal) implements Serializable {

    public ProtocolResult {
        diagnostics = diagnostics == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(diagnostics));
    }

    /** A result without diagnostics or refusal. */
    public ProtocolResult(String system, long seed, int requestedAtoms, int lostAtoms, double energyPerAtom,
                          double maxForce, boolean converged, SimulationBox box, double[] positions, int[] types,
                          double[] masses, String[] species, int dimension) {
        this(system, seed, requestedAtoms, lostAtoms, energyPerAtom, maxForce, converged, box, positions, types, masses,
                species, dimension, null, null);
    }

    /** The same structure with these diagnostics (name → value, recorded in dataset rows) and refusal (or null). */
    public ProtocolResult withDiagnostics(java.util.Map<String, Double> newDiagnostics, String newRefusal) {
        return new ProtocolResult(system, seed, requestedAtoms, lostAtoms, energyPerAtom, maxForce, converged, box,
                positions, types, masses, species, dimension, newDiagnostics, newRefusal);
    }

    public int atoms() {
        return types.length;
    }

    /**
     * True when the structure may be used: minimisation converged, no atom was lost and the protocol did not refuse it
     * (e.g. as implausible for the material, {@link AmcPlausibility}).
     */
    public boolean usable() {
        return converged && lostAtoms == 0 && refusal == null;
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
        if (refusal != null) {
            return refusal + " (seed " + seed + ")";
        }
        return null;
    }
}
