package org.spr.cli;

import org.spr.lammps.Lammps;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** {@code spr --version}: the project, Java and LAMMPS versions (LAMMPS read from the loaded library). */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        String lammps;
        try (Lammps instance = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            lammps = instance.version() + " (" + Lammps.libraryLocation() + "; exceptions "
                    + (instance.hasExceptions() ? "yes" : "no") + "; ML-IAP " + (!instance.hasPackage("ML-IAP") ? "no"
                    : instance.hasPackage("PYTHON") ? "yes, with mliap unified (MACE)" : "yes, without mliap unified (no PYTHON)") + ")";
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            lammps = "not available: " + e.getMessage();
        }
        return new String[]{
                "spr " + projectVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "LAMMPS " + lammps
        };
    }
}
