package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.descriptor.RadialGrid;
import org.spr.fixes.hook.PredictHook;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;

/**
 * Issue 15, failures 5 and 6: inputs are validated, not truncated, and every user error is one printable sentence with
 * the exit code of the README's table.
 */
class InputValidationTest {

    @TempDir
    Path directory;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static SprRun expect(int code, String shown, String... args) {
        SprRun run = SprRun.of(args);
        assertEquals(code, run.exitCode(), String.join(" ", args) + " → " + run.err());
        assertTrue(run.oneCleanSentence(), run.err());
        assertTrue(run.err().contains(shown), "expected '" + shown + "' in: " + run.err());
        return run;
    }

    private static final String DATA_HEADER = "test\n\n3 atoms\n1 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\n"
            + "Masses\n\n1 1.0\n\nAtoms # atomic\n\n";

    @Test
    void aDataFileWithMoreAtomRowsThanItsHeaderDeclaresIsRefusedAtTheFirstExtraRow() throws Exception {
        Path data = file("extra.data", DATA_HEADER + "1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n4 1 4 4 4\n");
        expect(ExitCodes.BAD_INPUT, data + ":19: the Atoms section has more rows than the 3 atoms the header declares",
                "rdf", data.toString(), "--out", directory.resolve("g.csv").toString());
        assertTrue(Files.notExists(directory.resolve("g.csv")));
        Path exact = file("exact.data", DATA_HEADER + "1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n\nVelocities\n\n1 0 0 0\n2 0 0 0\n3 0 0 0\n");
        assertEquals(0, SprRun.of("rdf", exact.toString(), "--rmax", "4", "--out", directory.resolve("g.csv").toString()).exitCode());
    }

    @Test
    void aNanInAGrCsvIsRefusedWithFileAndLine() throws Exception {
        Path model = directory.resolve("amc.sprmodel");
        try (SprModel loaded = ModelFile.loadResource(PredictHook.DEFAULT_MODEL)) {
            ModelFile.save(loaded, model);
        }
        Path gr = file("g.csv", "r,g\n0.01,0\n0.03,NaN\n0.05,0\n");
        expect(ExitCodes.BAD_INPUT, gr + ":3: r and g must be finite numbers", "predict", "--model", model.toString(),
                "--input", gr.toString(), "--out", directory.resolve("p.csv").toString());
        assertTrue(Files.notExists(directory.resolve("p.csv")));
    }

    /** A 40-row toy dataset (2D g(r) on 5 bins, spectrum of 3 bins). */
    private Path dataset() {
        Path csv = directory.resolve("d.csv");
        DatasetMetadata metadata = DatasetMetadata.create(DescriptorSpec.total(new RadialGrid(0.1, 0.02), 2, GrKind.INHERENT, List.of("C")),
                new SpectrumGrid(0.25, 0.5, 3, "THz", "unit area"), "1/THz", List.of(), List.of(), Map.of(), "toy", Map.of());
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata)) {
            for (int i = 0; i < 40; i++) {
                writer.append(new DatasetRow("toy-" + i, "toy", "toy", i, 10, -1, Map.of(), new double[]{0, 0.1 * i, 1, 1.1, 1},
                        new double[]{1, i, 2}, Map.of()));
            }
        }
        return csv;
    }

    @Test
    void nonFiniteDatasetValuesAreRefusedWithFileAndLineAndATornLineIsReported() throws Exception {
        Path csv = dataset();
        String text = Files.readString(csv);
        Path model = directory.resolve("m.sprmodel");
        Files.writeString(csv, text.replace("toy-2,toy,toy,2,10,-1.0,0.0,0.2", "toy-2,toy,toy,2,10,-1.0,0.0,NaN"));
        expect(ExitCodes.BAD_INPUT, csv + ":4: column g_0.030 holds 'NaN'", "train", "--data", csv.toString(), "--out", model.toString());
        Files.writeString(csv, text.replace("toy-3,toy,toy,3,10,-1.0,0.0,0.30000000000000004,1.0,1.1,1.0,1.0,3.0",
                "toy-3,toy,toy,3,10,-1.0,0.0,0.30000000000000004,1.0,1.1,1.0,1.0,NaN"));
        expect(ExitCodes.BAD_INPUT, csv + ":5: column y_0.750 holds 'NaN'", "train", "--data", csv.toString(), "--out", model.toString());
        Files.writeString(csv, text.replace("toy-4,toy,toy,4,10,-1.0,0.0,0.4", "toy-4,toy,toy,4,10,-1.0,0.0,Infinity"));
        expect(ExitCodes.BAD_INPUT, csv + ":6:", "train", "--data", csv.toString(), "--out", model.toString());
        assertTrue(Files.notExists(model));
        SprRun skipping = SprRun.of("train", "--data", csv.toString(), "--skip-bad-rows", "--kind", "linear", "--quiet", "--out", model.toString());
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertTrue(skipping.err().contains("left out 1 row(s) with bad values") && skipping.err().contains(csv + ":6:"), skipping.err());
        Files.writeString(csv, text + "toy-40,toy,toy,40,10,-1.0,0.0,4.0,1");
        SprRun torn = SprRun.of("train", "--data", csv.toString(), "--kind", "linear", "--quiet", "--out", model.toString());
        assertEquals(0, torn.exitCode(), torn.err());
        assertTrue(torn.err().contains("warning: the last line of " + csv + " is incomplete"), torn.err());
    }

    @Test
    void unknownSettingsAndOutOfRangeParametersAreUsageErrors() throws Exception {
        expect(ExitCodes.USAGE, "--set foo: unknown option of system lj2d", "generate", "--system", "lj2d", "--set", "foo=1",
                "--out", directory.resolve("x.csv").toString());
        Path data = file("s.data", DATA_HEADER + "1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n");
        expect(ExitCodes.USAGE, "--threshold must be a positive", "analyze", data.toString(), "--threshold", "-1",
                "--out", directory.resolve("a").toString());
        Path script = file("in.lmp", "units lj\nfix ext all external pf/callback 10 1\n");
        expect(ExitCodes.USAGE, "threshold must be a positive", "run", script.toString(), "--hook", "ext=predict:threshold=-1",
                "--out", directory.resolve("r").toString());
        assertTrue(Files.notExists(directory.resolve("x.csv")));
    }

    @Test
    void userErrorsAreOnePrintableSentenceWithTheirExitCode() throws Exception {
        expect(ExitCodes.BAD_INPUT, "is a directory", "run", directory.toString(), "--out", directory.resolve("r").toString());
        Path script = file("in.lmp", "units lj\nfix ext all external pf/callback 10 1\n");
        Path corrupt = file("corrupt.sprmodel", "PK\u0003\u0004 truncated");
        expect(ExitCodes.BAD_INPUT, "corrupt.sprmodel", "run", script.toString(), "--hook", "ext=predict:model=" + corrupt,
                "--out", directory.resolve("r").toString());
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        bytes[1] = 0;
        Path binary = Files.write(directory.resolve("dump.lammpstrj"), bytes);
        Files.write(directory.resolve("binary.data"), bytes);
        Files.write(directory.resolve("binary.xyz"), bytes);
        for (String name : List.of("dump.lammpstrj", "binary.data", "binary.xyz")) {
            SprRun run = expect(ExitCodes.BAD_INPUT, name, "rdf", directory.resolve(name).toString(), "--out", directory.resolve("g.csv").toString());
            assertFalse(run.err().contains("\u0000"), run.err());
        }
        expect(ExitCodes.BAD_INPUT, "empty.xyz holds no frames", "rdf", file("empty.xyz", "").toString(), "--out", directory.resolve("g.csv").toString());
        Path singular = file("flat.xyz", "2\nLattice=\"1 0 0 2 0 0 0 0 1\" Properties=species:S:1:pos:R:3\nC 0 0 0\nC 0.5 0.5 0.5\n");
        expect(ExitCodes.BAD_INPUT, singular + ": the Lattice vectors do not span a cell", "rdf", singular.toString(),
                "--out", directory.resolve("g.csv").toString());
        assertTrue(Files.notExists(directory.resolve("g.csv")));
    }

    @Test
    void anOutputInAReadOnlyPlaceIsOneSentence() throws Exception {
        Path readOnly = Path.of("/sys/spr-test-output");
        boolean writable;
        try {
            Files.createDirectories(readOnly);
            Files.delete(readOnly);
            writable = true;
        } catch (java.io.IOException e) {
            writable = false;
        }
        Path elsewhere = directory.resolve("ro");
        if (writable) { // not a container: make a read-only directory the usual way (root ignores it, hence /sys first)
            Files.createDirectories(elsewhere);
            assumeTrue(elsewhere.toFile().setWritable(false, false) && !Files.isWritable(elsewhere), "no read-only place to test with");
            readOnly = elsewhere.resolve("out");
        }
        Path script = file("in.lmp", "units lj\nfix ext all external pf/callback 10 1\n");
        expect(ExitCodes.USAGE, "cannot write --out " + readOnly, "run", script.toString(), "--out", readOnly.toString());
        Path data = file("s.data", DATA_HEADER + "1 1 1 1 1\n2 1 2 2 2\n3 1 3 3 3\n");
        expect(ExitCodes.USAGE, "cannot write --out " + readOnly.resolve("g.csv"), "rdf", data.toString(), "--out",
                readOnly.resolve("g.csv").toString());
    }

    /** A 10σ cubic LJ box of 864 atoms (ρ = 0.864) in extended XYZ. */
    private Path ljBox() throws Exception {
        StringBuilder xyz = new StringBuilder("864\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 864; i++) {
            xyz.append(String.format(java.util.Locale.ROOT, "Ar %.4f %.4f %.4f%n", 10 * random.nextDouble(), 10 * random.nextDouble(),
                    10 * random.nextDouble()));
        }
        return file("lj.xyz", xyz.toString());
    }

    @Test
    void anExpensiveRmaxStatesItsCostAndNeedsForce() throws Exception {
        Path box = ljBox();
        expect(ExitCodes.USAGE, "refused without --force", "rdf", box.toString(), "--rmax", "20000", "--out",
                directory.resolve("g.csv").toString());
        SprRun run = SprRun.of("rdf", box.toString(), "--rmax", "20000", "--out", directory.resolve("g.csv").toString());
        assertTrue(run.err().contains("atom pairs per frame") && run.err().contains("periodic images"), run.err());
        assertTrue(Files.notExists(directory.resolve("g.csv")));
        assertEquals(0, SprRun.of("rdf", box.toString(), "--rmax", "12", "--dr", "0.05", "--out", directory.resolve("g.csv").toString()).exitCode(),
                "r_max beyond half the box is still fine");
        Path labels = file("labels.csv", "structure,kappa[W/(m K)]\n" + box.getFileName() + ",1\n");
        expect(ExitCodes.USAGE, "choose a smaller --rmax", "import", labels.toString(), "--rmax", "20000", "--out",
                directory.resolve("d.csv").toString());
        assertTrue(Files.notExists(directory.resolve("d.csv")));
    }

    @Test
    void runningOutOfHeapIsOneSentenceWithoutATrace() throws Exception {
        Path box = ljBox();
        Process spr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "rdf", box.toString(), "--rmax", "200", "--force", "--out", directory.resolve("g.csv").toString())
                .redirectErrorStream(true).start();
        String output = new String(spr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(spr.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCodes.INTERNAL, spr.exitValue(), output);
        assertTrue(output.contains("out of memory") && output.contains("-Xmx") && !output.contains("\tat "), output);
        assertEquals(1, output.strip().lines().filter(line -> line.contains("out of memory")).count(), output);
        assertFalse(output.contains("Exception") || output.contains("OutOfMemoryError"), output);
    }
}
