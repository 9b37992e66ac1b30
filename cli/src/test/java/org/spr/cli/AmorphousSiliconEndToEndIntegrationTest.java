package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.io.LammpsDataReader;
import org.spr.structure.Frame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A material brought as files only (examples/a-si: a system file with Si.sw and the user's melt-quench script), end
 * to end: spr generate (Hessian PDOS and Allen–Feldman κ) → spr train → spr run of the user's separate quench script
 * with the predict hook choosing that model by itself; and spr kappa of one structure given as POSCAR with
 * --potential. A smaller, faster version of scripts/byo-a-si (40 structures).
 */
@Tag("lammps")
class AmorphousSiliconEndToEndIntegrationTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "a-si").toAbsolutePath().normalize();
    /** Stillinger–Weber diamond Si: −4.3366 eV/atom at a = 5.431 Å. */
    private static final double CRYSTAL_ENERGY = -4.3366;

    @Test
    void fromSystemFileToAMonitoredRun(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("a-si.csv");
        Path structures = directory.resolve("structures");
        assertEquals(ExitCodes.OK, Main.run("generate", "--system", EXAMPLE.resolve("a-si.toml").toString(), "--count", "8",
                "--set", "rate=log-uniform 500:2000", "--labels", "kappa", "--out", data.toString(),
                "--structures", structures.toString()));
        Dataset dataset = Dataset.read(data);
        assertEquals(8, dataset.ids().size(), "all 8 structures kept");
        double[] kappa = dataset.scalar("kappa");
        for (int i = 0; i < dataset.ids().size(); i++) {
            String id = dataset.ids().get(i);
            Frame frame = LammpsDataReader.read(uncompressed(structures.resolve(id + ".data.gz"), directory), 3);
            double energy = dataset.row(i).energyPerAtom();
            // amorphous, neither the crystal (−4.3366 eV/atom, 4-fold) nor a liquid: fast SW quenches of 64 atoms give
            // a-Si 0.2–0.3 eV/atom above the crystal, over-coordinated (4.1–4.5 neighbours within 2.8 Å), as SW is known
            // to; the density stays within 10 % of the crystal's
            assertTrue(energy - CRYSTAL_ENERGY > 0.15 && energy - CRYSTAL_ENERGY < 0.4, id + ": energy " + energy);
            double coordination = meanCoordination(frame, 2.8);
            assertTrue(coordination > 3.9 && coordination < 4.6, id + ": mean coordination " + coordination);
            double density = frame.atomCount() / frame.box().volume();
            assertEquals(0.04994, density, 0.005, id + ": number density (Å⁻³)");
            assertTrue(kappa[i] > 0.2 && kappa[i] < 5, id + ": Allen–Feldman κ " + kappa[i] + " W/(m K)");
        }
        Path models = directory.resolve("models");
        assertEquals(ExitCodes.OK, Main.run("train", "--data", data.toString(), "--kind", "linear", "--beta", "1e-3",
                "--quiet", "--out", models.resolve("a-si-pdos.sprmodel").toString()));
        Path out = directory.resolve("watch");
        String stdout = capture(() -> Main.run("run", EXAMPLE.resolve("in.quench").toString(), "-var", "rate", "5000",
                "--monitor", "1000", "--monitor-hook", "predict", "--model-path", models.toString(), "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("spr_monitor/final-pdos.png")), stdout);
        List<String> series = Files.readAllLines(out.resolve("spr_monitor/timeseries.csv"));
        assertTrue(series.get(0).startsWith("step,time_ps,temperature_K,pe_eV_per_atom"), series.get(0));
        String[] last = series.get(series.size() - 1).split(",");
        double meanFrequency = Double.parseDouble(last[6]);
        assertTrue(meanFrequency > 6 && meanFrequency < 14, "predicted mean frequency of quenched SW a-Si " + meanFrequency + " THz");
    }

    /** {@code spr generate} of COUNT quickly quenched a-Si structures of the example system (exit 0 asserted). */
    private static void generate(int count, Path data, Path structures) {
        assertEquals(ExitCodes.OK, Main.run("generate", "--system", EXAMPLE.resolve("a-si.toml").toString(), "--count",
                Integer.toString(count), "--set", "rate=2000", "--out", data.toString(), "--structures", structures.toString()));
    }

    @Test
    void kappaOfAPoscarWithAOneOffPotentialEqualsTheSystemFilesKappa(@TempDir Path directory) throws Exception {
        // one structure from the user's script: 64 atoms melted and quenched
        Path structures = directory.resolve("structures");
        generate(1, directory.resolve("one.csv"), structures);
        Path stored = uncompressed(structures.resolve("a-si-000001.data.gz"), directory);
        Path poscar = directory.resolve("structure.vasp");
        writePoscar(LammpsDataReader.read(stored, 3), poscar);
        String fromPoscar = capture(() -> Main.run("kappa", poscar.toString(), "--potential",
                "pair_style sw; pair_coeff * * Si.sw Si", "--width", "0.06", "--out", directory.resolve("k1").toString()));
        String fromSystem = capture(() -> Main.run("kappa", stored.toString(), "--system", EXAMPLE.resolve("a-si.toml").toString(),
                "--width", "0.06", "--out", directory.resolve("k2").toString()));
        double a = kappa(fromPoscar);
        double b = kappa(fromSystem);
        assertTrue(a > 0.1 && a < 5, fromPoscar);
        assertEquals(b, a, 1e-3 * b, "the same structure and potential, read from POSCAR or a data file");
        List<String> modes = Files.readAllLines(directory.resolve("k1/modes.csv"));
        assertEquals(1 + 3 * 64, modes.size());
        assertTrue(modes.get(0).startsWith("frequency_THz,"));
    }

    @Test
    void labelReadsPoscarStructuresWithAOneOffPotential(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("two.csv");
        Path structures = directory.resolve("structures");
        generate(2, data, structures);
        Path withSystem = directory.resolve("with-system.csv");
        assertEquals(ExitCodes.OK, Main.run("label", "--system", EXAMPLE.resolve("a-si.toml").toString(), "--data", data.toString(),
                "--structures", structures.toString(), "--labels", "kappa", "--out", withSystem.toString()));
        Dataset generated = Dataset.read(withSystem);
        Path poscars = directory.resolve("poscars");
        Files.createDirectories(poscars);
        for (String id : generated.ids()) {
            writePoscar(LammpsDataReader.read(uncompressed(structures.resolve(id + ".data.gz"), directory), 3),
                    poscars.resolve(id + ".vasp"));
        }
        Path relabelled = directory.resolve("relabelled.csv");
        assertEquals(ExitCodes.OK, Main.run("label", "--potential", "pair_style sw; pair_coeff * * Si.sw Si", "--data",
                data.toString(), "--structures", poscars.toString(), "--labels", "kappa", "--out", relabelled.toString()));
        Dataset labelled = Dataset.read(relabelled);
        for (int i = 0; i < 2; i++) {
            double expected = generated.scalar("kappa")[i];
            assertEquals(expected, labelled.scalar("kappa")[labelled.ids().indexOf(generated.ids().get(i))], 1e-3 * expected,
                    "κ of the POSCAR with --potential equals the κ made with the system file");
        }
    }

    private static double kappa(String stdout) {
        Matcher matcher = Pattern.compile("κ_AF\\(300 K\\) = ([0-9.eE+-]+) W/\\(m K\\)").matcher(stdout);
        assertTrue(matcher.find(), stdout);
        return Double.parseDouble(matcher.group(1));
    }

    private interface Command {
        int run() throws Exception;
    }

    private static String capture(Command command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = command.run();
        } finally {
            System.setOut(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, code, text);
        return text;
    }

    private static Path uncompressed(Path gz, Path directory) throws Exception {
        Path plain = directory.resolve(gz.getFileName().toString().replace(".gz", ""));
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return plain;
    }

    /** Mean number of neighbours within {@code cutoff} (orthogonal periodic box, minimum image). */
    static double meanCoordination(Frame frame, double cutoff) {
        double[] x = frame.positions();
        double[] length = {frame.box().lx(), frame.box().ly(), frame.box().lz()};
        int n = frame.atomCount();
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = x[3 * i + k] - x[3 * j + k];
                    d -= length[k] * Math.rint(d / length[k]);
                    r2 += d * d;
                }
                pairs += r2 < cutoff * cutoff ? 1 : 0;
            }
        }
        return 2.0 * pairs / n;
    }

    /** A POSCAR (VASP 5, Cartesian) of a one-species Si frame in an orthogonal box. */
    static void writePoscar(Frame frame, Path file) throws Exception {
        StringBuilder text = new StringBuilder("a-Si from spr generate\n1.0\n");
        text.append(String.format(Locale.ROOT, "%.10f 0 0%n0 %.10f 0%n0 0 %.10f%n", frame.box().lx(), frame.box().ly(), frame.box().lz()));
        text.append("Si\n").append(frame.atomCount()).append("\nCartesian\n");
        double[] x = frame.positions();
        for (int i = 0; i < frame.atomCount(); i++) {
            text.append(String.format(Locale.ROOT, "%.10f %.10f %.10f%n", x[3 * i] - frame.box().xlo(),
                    x[3 * i + 1] - frame.box().ylo(), x[3 * i + 2] - frame.box().zlo()));
        }
        Files.writeString(file, text.toString());
    }
}
