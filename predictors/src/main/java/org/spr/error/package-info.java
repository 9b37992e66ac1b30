/**
 * The error model shared by every module above the bridge: {@link org.spr.error.SprException} carries its
 * {@link org.spr.error.ExitCode}; user errors are one sentence, internal errors keep their stack trace. It lives in
 * {@code predictors} (the lowest module besides {@code lammps-bridge}) so that readers, datasets and models can throw
 * it without depending on LAMMPS; the bridge's {@code LammpsException} is mapped to {@code LAMMPS_ERROR} by the CLI.
 */
package org.spr.error;
