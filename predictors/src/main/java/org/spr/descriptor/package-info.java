/**
 * Structure descriptors: the radial grid, the pair correlation function g(r) with partials and coordination
 * numbers ({@link org.spr.descriptor.RadialDistribution}), the bond-angle distribution, window averaging,
 * smoothing and explicit grid resampling. Normalisation follows DESIGN.md and equals LAMMPS {@code compute rdf}.
 */
package org.spr.descriptor;
