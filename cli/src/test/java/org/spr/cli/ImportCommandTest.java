package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.dataset.ScalarLabel;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.SprModel;
import picocli.CommandLine;

/**
 * {@code spr import} on the fixtures in {@code import/}: four 8-atom amorphous-carbon-like cells (diamond, atoms displaced
 * by up to 0.1–0.3 Å), three DOSCARs (8 ions; a DOS floor of 0.01 states/eV/atom plus 0.05 (|E − E_F| − gap) · scale
 * outside a gap around E_F; {@code DOSCAR_b} spin-polarised) and {@code labels.csv} with a conductivity and κ, one of
 * each left empty, and one structure without a DOSCAR.
 */
class ImportCommandTest {

    @TempDir
    Path directory;

    private static Path fixtures() {
        try {
            return Path.of(ImportCommandTest.class.getResource("import/labels.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixtures into the temporary directory (so that tests may edit them). */
    private Path copy() throws IOException {
        Path target = directory.resolve("dft");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(fixtures())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private record Result(int code, String out, String err) {
    }

    /** Runs {@code spr ARGS} through {@link Main}, capturing stdout and stderr. */
    private static Result spr(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void importsStructuresDoscarsAndLabelsIntoADatasetThatTrains() throws IOException {
        Path labels = fixtures().resolve("labels.csv");
        Path csv = directory.resolve("out/dft.csv");
        Result result = spr("import", labels.toString(), "--rmax", "4", "--dr", "0.1", "--threads", "1", "--out", csv.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("spr import: 4 rows -> " + csv + " (+ dft.json); DOS [states/eV/atom] for 3; labels s_sigma [S/m] (3), "
                + "s_kappa [W/(m K)] (3)"), result.out());
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertEquals(List.of("dft.csv", "dft.json"), files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(".dft.csv.lock")).sorted().toList(), "no temporary left (the lock file stays, unlocked)");
        }

        Dataset dataset = Dataset.read(csv);
        assertEquals(List.of("POSCAR_a", "CONTCAR_b", "POSCAR_c", "POSCAR_d"), dataset.ids());
        var metadata = dataset.metadata();
        assertEquals(GrKind.INHERENT, metadata.input().grKind());
        assertEquals(3, metadata.input().dimension());
        assertEquals(List.of("C"), metadata.input().species());
        assertEquals(40, metadata.input().inputLength());
        assertEquals(121, metadata.spectrumGrid().count());
        assertEquals(-3.0, metadata.spectrumGrid().start(), 0.0);
        assertEquals("eV", metadata.spectrumGrid().unit());
        assertTrue(metadata.spectrumGrid().normalisation().startsWith("E - E_F"));
        assertEquals("states/eV/atom", metadata.spectrumUnit());
        assertEquals(List.of(new ScalarLabel("sigma", "S/m"), new ScalarLabel("kappa", "W/(m K)")), metadata.scalars());
        assertEquals("labels", dataset.record(0).get(1), "system: the table's name");

        // DOSCAR_a: 0.01 states/eV/atom inside the ±0.5 eV gap, 0.01 + 0.05 (|x| − 0.5) outside
        double[] a = dataset.spectra()[0];
        assertEquals(0.01, a[60], 1e-12);
        assertEquals(0.01 + 0.05 * 0.5, a[80], 1e-12);
        // DOSCAR_b is spin-polarised: both spins count (gap 0.3, scale 1.2)
        assertEquals(0.01 + 1.2 * 0.05 * 0.7, dataset.spectra()[1][80], 1e-12);
        assertTrue(Double.isNaN(dataset.spectra()[3][0]), "no DOSCAR: not computed");
        assertTrue(Double.isNaN(dataset.scalar("sigma")[1]) && Double.isNaN(dataset.scalar("kappa")[3]));
        assertEquals(3.5e3, dataset.scalar("sigma")[2], 0.0);

        // g(r) of the displaced diamond cells: the first peak at the C–C bond (1.54 Å)
        double[] g = dataset.gr()[0];
        int peak = 0;
        for (int k = 0; k < g.length; k++) {
            peak = g[k] > g[peak] ? k : peak;
        }
        assertEquals(1.55, metadata.input().grid().centre(peak), 0.11);

        Path linear = directory.resolve("dos.sprmodel");
        Result trained = spr("train", "--data", csv.toString(), "--kind", "linear", "--target", "spectrum", "--beta", "1e-3", "--test", "0",
                "--validation", "0", "--quiet", "--out", linear.toString());
        assertEquals(0, trained.code(), trained.err());
        try (SprModel model = ModelFile.load(linear)) {
            assertEquals(3, model.metadata().training().trainingSize(), "the row without a DOSCAR is left out");
        }
        Path xgboost = directory.resolve("sigma.sprmodel");
        Result boosted = spr("train", "--data", csv.toString(), "--kind", "xgboost", "--target", "s_sigma", "--log10", "--rounds", "5",
                "--folds", "2", "--test", "0", "--validation", "0", "--quiet", "--out", xgboost.toString());
        assertEquals(0, boosted.code(), boosted.err());
    }

    @Test
    void optionsChangeTheWindowAndTheRecordedGrKind() throws IOException {
        Path csv = directory.resolve("wide.csv");
        Result result = spr("import", fixtures().resolve("labels.csv").toString(), "--window=-2:2", "--de", "0.1", "--rmax", "3", "--dr", "0.1",
                "--gr-kind", "instantaneous", "--format", "poscar", "--system", "a-C", "--quiet", "--out", csv.toString());
        assertEquals(0, result.code(), result.err());
        Dataset dataset = Dataset.read(csv);
        assertEquals(41, dataset.metadata().spectrumGrid().count());
        assertEquals(GrKind.INSTANTANEOUS, dataset.metadata().input().grKind());
        assertEquals("a-C", dataset.record(2).get(1));
        assertEquals("", result.err(), "--quiet");
    }

    @Test
    void refusesBadInputInOneSentenceWithItsExitCode() throws IOException {
        Path dft = copy();
        Path labels = dft.resolve("labels.csv");
        Path csv = directory.resolve("bad.csv");
        String common = "--rmax=3 --dr=0.1 --quiet --out=" + csv;

        Files.writeString(labels, "structure,doscar,sigma[S/m]\nPOSCAR_a,DOSCAR_a,1\nPOSCAR_x,DOSCAR_c,2\n");
        Result missing = spr(args("import " + labels + " " + common));
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("labels.csv:3: the structure file " + dft.resolve("POSCAR_x") + " does not exist"), missing.err());

        Files.writeString(labels, "structure,doscar,sigma[S/m]\nPOSCAR_a,DOSCAR_a,high\n");
        Result word = spr(args("import " + labels + " " + common));
        assertEquals(ExitCodes.BAD_INPUT, word.code());
        assertTrue(word.err().contains("labels.csv:2: column 3 (sigma) holds 'high'"), word.err());

        Files.writeString(dft.resolve("DOSCAR_two"), Files.readString(dft.resolve("DOSCAR_a")).replaceFirst("     8     8", "     2     2"));
        Files.writeString(labels, "structure,doscar,sigma[S/m]\nPOSCAR_a,DOSCAR_two,1\n");
        Result ions = spr(args("import " + labels + " " + common));
        assertEquals(ExitCodes.BAD_INPUT, ions.code());
        assertTrue(ions.err().contains("labels.csv:2: " + dft.resolve("DOSCAR_two") + " is for 2 ions but " + dft.resolve("POSCAR_a")
                + " has 8 atoms"), ions.err());

        Files.writeString(labels, "structure,doscar,sigma[S/m]\nPOSCAR_a,DOSCAR_a,1\n");
        Result beyond = spr(args("import " + labels + " --window=-5:5 " + common));
        assertEquals(ExitCodes.BAD_INPUT, beyond.code());
        assertTrue(beyond.err().contains("DOSCAR_a: the energy window E - E_F = -5…5 eV"), beyond.err());

        List<String> doscar = Files.readAllLines(dft.resolve("DOSCAR_a"));
        doscar.set(12, "    oops");
        Files.write(dft.resolve("DOSCAR_a"), doscar);
        Result malformed = spr(args("import " + labels + " " + common));
        assertEquals(ExitCodes.BAD_INPUT, malformed.code());
        assertTrue(malformed.err().contains("DOSCAR_a:13: energy line 7 of NEDOS = 33 has 1 columns"), malformed.err());

        Result window = spr(args("import " + labels + " --window=3 " + common));
        assertEquals(ExitCodes.USAGE, window.code());
        assertTrue(window.err().contains("--window must be FROM:TO"), window.err());
        assertEquals(ExitCodes.USAGE, spr(args("import " + labels + " --gr-kind=hot " + common)).code());
        assertEquals(ExitCodes.USAGE, spr(args("import " + labels + " --format=cif " + common)).code());
        assertFalse(Files.exists(csv), "nothing is written when the import fails");
    }

    private static String[] args(String line) {
        return line.split(" ");
    }

    @Test
    void helpTeachesTheTableWithAnExample() {
        StringWriter text = new StringWriter();
        new CommandLine(new ImportCommand()).setOut(new PrintWriter(text)).execute("--help");
        assertTrue(text.toString().contains("structure,doscar,sigma[S/m],kappa[W/(m K)]"), text.toString());
        assertTrue(text.toString().contains("spr import labels.csv --out"), text.toString());
        StringWriter main = new StringWriter();
        new CommandLine(new Main()).setOut(new PrintWriter(main)).execute("--help");
        assertTrue(main.toString().contains("import"), main.toString());
    }
}
