/**
 * The benchmark suites behind {@code spr bench bridge|labels|transport|monitor}: each measures a path of the product
 * against its peer in the same run (LAMMPS's own commands, EJML, NumPy) and prints ratios.
 */
package org.spr.cli.bench;
