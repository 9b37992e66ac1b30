package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bring your own material and code, with no Java of the project touched: the example user hook compiled from
 * examples/hook/ and loaded with --classpath into spr run's isolated LAMMPS worker; a run no installed model fits
 * refused before its first step (exit 4) naming the nearest models.
 */
@Tag("lammps")
class BringYourOwnIntegrationTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theExampleHookCompilesAndRunsFromItsOwnClassFolder(@TempDir Path directory) throws Exception {
        Path classes = directory.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/services"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString()));
        try (Stream<Path> sources = Files.walk(REPOSITORY.resolve("examples/hook/src"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)), "the example hook compiles");
        Files.copy(REPOSITORY.resolve("examples/hook/src/META-INF/services/org.spr.fixes.hook.HookFactory"),
                classes.resolve("META-INF/services/org.spr.fixes.hook.HookFactory"));
        Path out = directory.resolve("out");
        assertEquals(ExitCodes.OK, Main.run("run", REPOSITORY.resolve("examples/hook/in.short").toString(), "--classpath",
                classes.toString(), "--monitor", "100", "--monitor-hook", "coordination:cutoff=2.8", "--out", out.toString()));
        List<String> rows = Files.readAllLines(out.resolve("spr_monitor-coordination.csv"));
        assertEquals(1 + 6, rows.size(), "header + steps 0, 100, …, 500: " + rows);
        for (String row : rows.subList(1, rows.size())) {
            double neighbours = Double.parseDouble(row.split(",")[2]);
            assertEquals(4.0, neighbours, 1e-9, "diamond Si at 300 K keeps four neighbours within 2.8 Å: " + row);
        }
    }

    @Test
    void aRunNoInstalledModelFitsStopsBeforeItsFirstStep(@TempDir Path directory) throws Exception {
        // three-dimensional copper: no installed phonon DOS model is for Cu
        Path script = directory.resolve("in.cu");
        Files.writeString(script, String.join("\n", "units metal", "atom_style atomic", "lattice fcc 3.615",
                "region box block 0 3 0 3 0 3", "create_box 1 box", "create_atoms 1 box", "mass 1 63.546",
                "pair_style eam/alloy", "pair_coeff * * Cu_zhou.eam.alloy Cu", "velocity all create 300 5",
                "fix md all nve", "run 200", ""));
        Path out = directory.resolve("out");
        ByteArrayOutputStream error = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        try {
            System.setErr(new PrintStream(error, true, StandardCharsets.UTF_8));
            code = Main.run("run", script.toString(), "--monitor", "100", "--monitor-hook", "predict", "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        String message = error.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.MODEL_MISMATCH, code, message);
        assertTrue(message.contains("species [Cu], metal units, 3D g(r)"), message);
        assertTrue(message.contains("nearest:") && message.contains("cuzr-linear (Cu, Zr; metal, 3D)"), message);
        assertTrue(message.contains("before the run"), message);
        assertTrue(!Files.exists(out.resolve("spr_monitor")) || Files.list(out.resolve("spr_monitor")).findAny().isEmpty(),
                "nothing was predicted");
    }
}
