package org.spr.label;

/**
 * Forces on all atoms for given positions: the only thing the Hessian needs from a simulation engine.
 *
 * <p>Arrays are flat {@code x0, y0, z0, x1, …} of length 3N. In LAMMPS {@code metal} units positions are
 * in Å and forces in eV/Å; in {@code lj} units both are reduced. A LAMMPS implementation scatters the
 * positions, runs {@code run 0} and gathers the forces. Positions handed in may lie up to one finite-difference
 * displacement outside a periodic box; the implementation must wrap or accept them.
 *
 * <p>Implementations need not be thread-safe: callers evaluate forces one configuration at a time.
 */
@FunctionalInterface
public interface ForceField {

    /**
     * Computes the forces for one configuration.
     *
     * @param positions 3N coordinates, read only (callers may reuse the array afterwards)
     * @param forcesOut 3N force components, overwritten
     */
    void forces(double[] positions, double[] forcesOut);
}
