/**
 * Materials as data: the system file ({@link org.spr.system.SystemFile}, a TOML subset read by
 * {@link org.spr.system.Toml}) with species, masses, units, dimension, the potential as LAMMPS commands, the structure
 * protocol (a built-in recipe, or a user's LAMMPS script run as {@link org.spr.system.ScriptProtocol} with variables
 * drawn per structure by {@link org.spr.system.StructureVariable}), the g(r) grid and the label settings.
 */
package org.spr.system;
