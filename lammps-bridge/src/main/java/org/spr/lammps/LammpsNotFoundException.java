package org.spr.lammps;

/**
 * The LAMMPS shared library could not be loaded: none on the system, or the one named explicitly (system property
 * {@code spr.lammps.library} or {@code SPR_LAMMPS_LIBRARY}) does not load. The message names what was tried.
 */
public class LammpsNotFoundException extends LammpsException {

    public LammpsNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
