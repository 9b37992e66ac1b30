package org.spr.lammps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which LAMMPS library loads: an explicit choice is never replaced by the system's library. */
@Tag("lammps")
class LibraryLoaderTest {

    private static final List<String> SYSTEM = List.of("lammps", "liblammps.so.0");

    @Test
    void explicitPathThatDoesNotLoadIsAnErrorNamingIt(@TempDir Path directory) throws Exception {
        Path missing = directory.resolve("nowhere/liblammps.so");
        LammpsNotFoundException notThere = assertThrows(LammpsNotFoundException.class,
                () -> LibraryLoader.load(null, missing.toString(), SYSTEM));
        assertTrue(notThere.getMessage().contains("$SPR_LAMMPS_LIBRARY=" + missing), notThere.getMessage());
        assertTrue(notThere.getMessage().contains("no such file"), notThere.getMessage());

        Path copiedLink = Files.writeString(directory.resolve("liblammps.so"), "liblammps.so.0");
        LammpsNotFoundException text = assertThrows(LammpsNotFoundException.class,
                () -> LibraryLoader.load(copiedLink.toString(), null, SYSTEM));
        assertTrue(text.getMessage().contains("-Dspr.lammps.library=" + copiedLink), text.getMessage());
        assertTrue(text.getMessage().contains("symbolic link copied as a file"), text.getMessage());

        LammpsNotFoundException emptyDirectory = assertThrows(LammpsNotFoundException.class,
                () -> LibraryLoader.load(null, Files.createDirectory(directory.resolve("empty")).toString(), SYSTEM));
        assertTrue(emptyDirectory.getMessage().contains("liblammps.so.0: no such file"), emptyDirectory.getMessage());
    }

    @Test
    void noLammpsOnTheSystemNamesWhatWasTriedAndHowToInstall() {
        LammpsNotFoundException missing = assertThrows(LammpsNotFoundException.class,
                () -> LibraryLoader.load(null, null, List.of("spr-no-such-lammps")));
        assertTrue(missing.getMessage().contains("spr-no-such-lammps"), missing.getMessage());
        assertTrue(missing.getMessage().contains("apt-get install liblammps0"), missing.getMessage());
    }

    @Test
    void theSystemLibraryLoadsWhenNothingIsNamed() {
        assertTrue(LibraryLoader.load(null, null, SYSTEM).lammps_config_package_count() > 0);
    }
}
