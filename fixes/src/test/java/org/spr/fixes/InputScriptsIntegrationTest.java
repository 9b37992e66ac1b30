package org.spr.fixes;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spr.potential.ZhouEamAlloyWriter;
import org.spr.protocol.Systems;
import org.spr.inputs.Inputs;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input script in {@code inputs/} runs to completion, shortened with {@code -var steps 20} (and 100 atoms for
 * the melt-quench ones): through the project's script runner in an isolated LAMMPS worker (as {@code spr run} does)
 * and with the plain {@code lmp} executable. Each must end with its SPR_RESULT line, a relaxed structure and its
 * data file.
 */
@Tag("lammps")
class InputScriptsIntegrationTest {

    /** The lmp executable matching the library under test: $SPR_LMP (set by the second surefire execution) or Debian's. */
    private static final Path LMP = System.getenv("SPR_LMP") != null && Files.isExecutable(Path.of(System.getenv("SPR_LMP")))
            ? Path.of(System.getenv("SPR_LMP")) : Path.of("/usr/bin/lmp");
    private static final Pattern RESULT = Pattern.compile(
            "SPR_RESULT system=(\\S+) atoms=(\\d+) energy_per_atom=(\\S+) fmax=(\\S+)");

    @TempDir
    Path directory;

    static List<String> systems() {
        return Inputs.systems();
    }

    /** The MACE model the sic-mace script reads by default (its {@code model} variable), in the run's directory. */
    private static final String MACE_MODEL = "mace-mp0-sic-mliap_lammps.pt";

    private void assumeRunnable(String system) {
        if (system.equals("sic-mace")) {
            String reason = Systems.maceUnavailable(directory.resolve(system).resolve(MACE_MODEL));
            Assumptions.assumeTrue(reason == null, reason + " (its Tersoff variant sic is tested)");
        }
    }

    private List<String> arguments(String system, Path run) {
        List<String> arguments = new ArrayList<>(List.of("-log", "none", "-nocite", "-var", "steps", "20",
                "-var", "natoms", "100", "-var", "data", run.resolve(system + ".data").toString()));
        if (system.equals("cualzr")) {
            arguments.addAll(List.of("-var", "potfile", run.resolve("CuAlZr_zhou2004.eam.alloy").toString()));
        }
        return arguments;
    }

    @ParameterizedTest
    @MethodSource("systems")
    void runsWithTheScriptRunner(String system) throws IOException {
        assumeRunnable(system);
        Path run = directory.resolve(system);
        Path script = Inputs.copy(system, run);
        List<String> screen = new ArrayList<>();
        try (IsolatedEngine engine = new IsolatedEngine(arguments(system, run), RecordSink.NONE, screen::add)) {
            engine.runScript(script, Map.of());
        }
        checkResult(system, String.join("\n", screen), run);
    }

    @ParameterizedTest
    @MethodSource("systems")
    void runsWithPlainLmp(String system) throws Exception {
        assumeRunnable(system);
        Assumptions.assumeTrue(Files.isExecutable(LMP), "LAMMPS executable " + LMP + " is absent (apt-get install lammps)");
        Path run = directory.resolve(system);
        Path script = Inputs.copy(system, run);
        List<String> command = new ArrayList<>(List.of(LMP.toString(), "-in", script.getFileName().toString()));
        command.addAll(List.of("-log", "none", "-var", "steps", "20", "-var", "natoms", "100"));
        Process process = new ProcessBuilder(command).directory(run.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), system + " did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), system + " failed:\n" + text.substring(Math.max(0, text.length() - 2000)));
        checkResult(system, text, run);
    }

    private static void checkResult(String system, String output, Path run) throws IOException {
        Matcher matcher = RESULT.matcher(output);
        assertTrue(matcher.find(), system + " printed no SPR_RESULT line:\n"
                + output.substring(Math.max(0, output.length() - 2000)));
        assertEquals(system, matcher.group(1));
        int atoms = Integer.parseInt(matcher.group(2));
        double energy = Double.parseDouble(matcher.group(3));
        double maxForce = Double.parseDouble(matcher.group(4));
        assertTrue(atoms >= 50, system + " atoms: " + atoms);
        assertTrue(Double.isFinite(energy) && energy < 0, system + " is bound: " + energy);
        assertTrue(maxForce < 1e-3, system + " is minimised: fmax " + maxForce);
        Path data = run.resolve(system + ".data");
        assertTrue(Files.isRegularFile(data), system + " wrote " + data);
        assertTrue(Files.readString(data).contains(atoms + " atoms"), system + " data file holds the atoms");
    }

    @Test
    void maceVariantWithoutMlIapUnifiedStopsAtItsPairStyleNamingTheTersoffVariant() {
        Assumptions.assumeFalse(Lammps.libraryHasPackage("ML-IAP") && Lammps.libraryHasPackage("PYTHON"),
                "this LAMMPS has ML-IAP with PYTHON (mliap unified): sic-mace runs above when its model file exists");
        Path run = directory.resolve("sic-mace");
        Path script = Inputs.copy("sic-mace", run);
        List<String> screen = new ArrayList<>();
        org.spr.lammps.LammpsException failure;
        try (IsolatedEngine engine = new IsolatedEngine(arguments("sic-mace", run), RecordSink.NONE, screen::add)) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(org.spr.lammps.LammpsException.class,
                    () -> engine.runScript(script, Map.of()));
        }
        assertTrue(failure.getMessage().contains("pair_style") && failure.getMessage().contains("mliap"),
                failure.getMessage());
        assertTrue(String.join("\n", screen).contains("run the Tersoff variant ../sic/in.sic"),
                "the script names the Tersoff variant before LAMMPS stops");
    }

    @Test
    void shippedCuAlZrPotentialIsWhatTheWriterWrites() throws IOException {
        Path shipped = Inputs.copy("cualzr", directory.resolve("shipped")).resolveSibling("CuAlZr_zhou2004.eam.alloy");
        Path written = directory.resolve("written.eam.alloy");
        new ZhouEamAlloyWriter().write(written, List.of("Cu", "Al", "Zr"));
        assertNotNull(shipped);
        assertArrayEquals(Files.readAllBytes(written), Files.readAllBytes(shipped),
                "regenerate inputs/.../cualzr/CuAlZr_zhou2004.eam.alloy with ZhouEamAlloyWriter (Cu Al Zr)");
    }
}
