/**
 * Value types for one atomic configuration: the periodic {@link org.spr.structure.Box} (orthogonal or
 * triclinic, LAMMPS conventions) and the {@link org.spr.structure.Frame} (positions, types, species, masses).
 * Lengths are in the units of the source (Å for LAMMPS {@code metal}, σ for {@code lj}).
 */
package org.spr.structure;
