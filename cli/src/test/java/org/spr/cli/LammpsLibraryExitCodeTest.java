package org.spr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LAMMPS library named explicitly that does not load is exit code 6 naming it — never a silent fallback to the
 * system's library. Runs {@code spr} in a fresh JVM: the library is loaded once per JVM.
 */
class LammpsLibraryExitCodeTest {

    private static Process spr(Path directory, String environmentLibrary, String propertyLibrary, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (propertyLibrary != null) {
            command.add("-Dspr.lammps.library=" + propertyLibrary);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("SPR_LAMMPS_LIBRARY");
        if (environmentLibrary != null) {
            builder.environment().put("SPR_LAMMPS_LIBRARY", environmentLibrary);
        }
        return builder.start();
    }

    private static String finish(Process process, int expectedCode) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(expectedCode, process.exitValue(), output);
        return output;
    }

    @Test
    void unloadableExplicitLibraryIsExitSixNamingIt(@TempDir Path directory) throws Exception {
        Path script = Files.writeString(directory.resolve("in.melt"), String.join("\n", "units lj", "atom_style atomic",
                "lattice fcc 0.8442", "region box block 0 3 0 3 0 3", "create_box 1 box", "create_atoms 1 box",
                "mass 1 1.0", "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0 2.5", "fix 1 all nve", "run 10", ""));
        Path missing = directory.resolve("lammps-build/lib/liblammps.so");
        String output = finish(spr(directory, missing.toString(), null, "run", script.toString(), "--monitor", "5"),
                ExitCodes.LAMMPS_MISSING);
        assertTrue(output.contains("SPR_LAMMPS_LIBRARY=" + missing), output);
        assertFalse(output.contains("\tat "), "one sentence, no stack trace: " + output);
        assertFalse(Files.exists(directory.resolve("spr-run/spr_monitor-sample.csv")), "nothing ran on another LAMMPS");

        Path text = Files.writeString(directory.resolve("liblammps.so"), "liblammps.so.0");
        output = finish(spr(directory, null, text.toString(), "run", script.toString()), ExitCodes.LAMMPS_MISSING);
        assertTrue(output.contains("spr.lammps.library=" + text), output);
    }
}
