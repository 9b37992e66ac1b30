/**
 * Protocols that make structures with LAMMPS (AMC quench; distort, remove, relax; melt-quench from random packing),
 * each a serialisable record of parameters with a seed that runs as an engine task.
 */
package org.spr.protocol;
