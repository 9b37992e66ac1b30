/**
 * Resources shipped with the project: a LAMMPS input script, its README and (where not in Debian's lammps-data) its
 * potential file for each system of the papers, listed in {@code org/spr/inputs/systems.txt} and copied out of the
 * jar by {@link org.spr.inputs.Inputs}.
 */
package org.spr.inputs;
