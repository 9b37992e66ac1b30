/**
 * Structure descriptors: the radial grid, the pair correlation function g(r) with partials and coordination
 * numbers ({@link org.spr.descriptor.RadialDistribution}), the bond-angle distribution, window averaging,
 * smoothing and explicit grid resampling. The normalisation is stated in
 * {@link org.spr.descriptor.PairCorrelation} and equals LAMMPS {@code compute rdf} in 3D.
 */
package org.spr.descriptor;
