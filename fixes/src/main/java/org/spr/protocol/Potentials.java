package org.spr.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds potential files: {@code $LAMMPS_POTENTIALS} first, then Debian's {@code /usr/share/lammps/potentials}
 * (package {@code lammps-data}).
 */
public final class Potentials {

    public static final Path DEBIAN = Path.of("/usr/share/lammps/potentials");

    private Potentials() {
    }

    /** Absolute path of a potential file by name; a clear exception when it is in neither place. */
    public static String path(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute() || Files.exists(given)) {
            if (Files.isReadable(given)) {
                return given.toAbsolutePath().toString();
            }
            throw new IllegalArgumentException("Potential file " + name + " does not exist or is not readable.");
        }
        String environment = System.getenv("LAMMPS_POTENTIALS");
        if (environment != null && Files.isReadable(Path.of(environment, name))) {
            return Path.of(environment, name).toString();
        }
        if (Files.isReadable(DEBIAN.resolve(name))) {
            return DEBIAN.resolve(name).toString();
        }
        throw new IllegalArgumentException("Potential file " + name + " was found neither in $LAMMPS_POTENTIALS nor in "
                + DEBIAN + "; install it with 'apt-get install lammps-data' or give its path.");
    }
}
