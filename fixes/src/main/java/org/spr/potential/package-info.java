/**
 * Interatomic potential files the project generates itself, so that no download is needed: the Zhou–Johnson–Wadley
 * (2004) EAM for any subset of Cu, Al, Zr, written as a LAMMPS {@code eam/alloy} (setfl) file by
 * {@link org.spr.potential.ZhouEamAlloyWriter} from the published parameters
 * ({@link org.spr.potential.ZhouEamParameterTable}, bundled as
 * {@code org/spr/potential/zhou2004-eam-cu-al-zr.csv}).
 */
package org.spr.potential;
