/**
 * The LAMMPS bridge: a raw JNA binding of {@code library.h} ({@code LibraryH}, package-private), the safe
 * {@link org.spr.lammps.Lammps} facade (typed extraction, zero-copy views, gather/scatter, {@code fix external}
 * callbacks, feature detection, MPI rank awareness) and the engines that run LAMMPS in this process
 * ({@link org.spr.lammps.InProcessEngine}) or isolated in a worker JVM ({@link org.spr.lammps.IsolatedEngine}),
 * so that LAMMPS's {@code exit()} on an error cannot take the caller down.
 */
package org.spr.lammps;
