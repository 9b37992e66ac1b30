package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.io.FrameReader;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.LinearTrainer;
import org.spr.model.ModelFile;
import org.spr.model.OutputSpec;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;
import org.spr.model.TrainingData;
import org.spr.structure.Box;
import org.spr.structure.Frame;
import picocli.CommandLine;

/** {@code spr predict} on dumps, data files, extxyz, POSCAR and experimental PDFs, with the domain columns. */
class PredictInputsTest {

    private static final RadialGrid GRID = new RadialGrid(4.0, 0.1); // 40 bins
    private static final SpectrumGrid OUTPUT = new SpectrumGrid(0.25, 0.5, 4, "THz", "unit area");

    @TempDir
    Path directory;

    private Path dump;
    private Path data;
    private Path extxyz;
    private Path poscar;
    private Path pdf;

    @BeforeEach
    void copyFixtures() throws Exception {
        dump = fixture("sic.lammpstrj");
        data = fixture("sic.data");
        extxyz = fixture("sic.extxyz");
        poscar = fixture("POSCAR_sic");
        pdf = fixture("sample.gr");
    }

    private Path fixture(String name) throws Exception {
        Path target = directory.resolve(name);
        try (InputStream in = PredictInputsTest.class.getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** y_j = mean of g over bins 10j … 10j+9: a linear functional of g, known exactly. */
    private static double[] windowMeans(double[] g) {
        double[] y = new double[4];
        for (int j = 0; j < 4; j++) {
            for (int k = 10 * j; k < 10 * j + 10; k++) {
                y[j] += g[k] / 10;
            }
        }
        return y;
    }

    /**
     * A linear model trained on the g(r) of the SiC fixture, rattled by σ = 0.02 Å (and the fixture itself), on
     * {@code dimension} and {@code species}; the g(r) rows are computed in 3D whatever the spec says (only the spec
     * matters for the mismatch tests).
     */
    private Path sicModel(String name, int dimension, List<String> species) {
        Frame frame = FrameReader.first(data, 3);
        RadialDistribution rdf = new RadialDistribution(GRID, 1, 1);
        Random random = new Random(42);
        int n = 60;
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] positions = frame.positions().clone();
            if (i > 0) {
                for (int k = 0; k < positions.length; k++) {
                    positions[k] += 0.02 * random.nextGaussian();
                }
            }
            Frame rattled = new Frame(positions, frame.types(), frame.typeCount(), frame.speciesNames(), frame.masses(), null,
                    frame.box(), 3, 0);
            x[i] = rdf.compute(rattled).total().clone();
            y[i] = windowMeans(x[i]);
        }
        DescriptorSpec spec = DescriptorSpec.total(GRID, dimension, GrKind.INHERENT, species);
        SprModel model = new LinearTrainer(0, 1e-6).train(TrainingData.of(x, y, spec, OutputSpec.spectrum(OUTPUT, "1/THz")));
        Path file = directory.resolve(name);
        ModelFile.save(model, file);
        return file;
    }

    private record Result(int exitCode, List<String> lines, String stderr) {
    }

    private Result predict(String... args) throws Exception {
        Path out = directory.resolve("pred.csv");
        Files.deleteIfExists(out);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--threads", "1", "--out", out.toString()));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.commandLine(new PredictCommand()).execute(all.toArray(String[]::new));
        } finally {
            System.setErr(originalErr);
        }
        List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
        return new Result(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static double[] predictions(String line) {
        String[] cells = line.split(",");
        double[] values = new double[cells.length - 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(cells[5 + i]);
        }
        return values;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "value " + i);
        }
    }

    /**
     * A stored 2D LJ structure (LAMMPS {@code dimension 2}, box 1.11 σ thick and periodic in z): {@code spr rdf --dim 2}
     * gives exactly its dataset row (no periodic images along z), and the lj2d model finds it inside its training
     * domain (with z images it lay at domain distance 408, its g(r) up to 117 off).
     */
    @Test
    void lammpsTwoDimensionalStructureHasNoNeighboursAlongZ() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path structure = root.resolve("data/lj2d/structures/lj2d-000001.data.gz");
        Path dataset = root.resolve("data/lj2d/lj2d.csv");
        Path model = root.resolve("models/lj2d/lj2d-linear.sprmodel");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(structure) && Files.isReadable(dataset)
                && Files.isReadable(model), "the lj2d dataset and model are not checked out");

        Result prediction = predict("--model", model.toString(), "--input", structure.toString());
        assertEquals(0, prediction.exitCode(), prediction.stderr());
        List<String> header = List.of(prediction.lines().get(0).split(","));
        double distance = Double.parseDouble(prediction.lines().get(1).split(",")[header.indexOf("domain_distance")]);
        assertTrue(distance < 1.5, "a structure of the training set lies inside the model's domain: " + distance);

        Path gr = directory.resolve("lj2d-gr.csv");
        int code = new CommandLine(new RdfCommand()).execute(structure.toString(), "--dim", "2", "--rmax", "5",
                "--dr", "0.0125", "--threads", "1", "--out", gr.toString());
        assertEquals(0, code);
        List<String> rows = Files.readAllLines(gr);
        org.spr.dataset.Dataset stored = org.spr.dataset.Dataset.read(dataset);
        double[] expected = stored.gr()[stored.ids().indexOf("lj2d-000001")];
        assertEquals(expected.length + 1, rows.size());
        double firstShell = 0;
        for (int k = 0; k < expected.length; k++) {
            String[] cells = rows.get(k + 1).split(",");
            assertEquals(expected[k], Double.parseDouble(cells[3]), 1e-6 * Math.max(1, expected[k]), "g at bin " + k);
            if (k == Math.round(1.45 / 0.0125)) { // the bin [1.45, 1.4625) σ, at the first minimum of g
                firstShell = Double.parseDouble(cells[4]);
            }
        }
        assertTrue(firstShell > 5 && firstShell < 7, "about 6 neighbours in the first shell of a 2D LJ glass: " + firstShell);
    }

    @Test
    void everyStructureFormatGivesOneRowPerFrameAndTheSamePrediction() throws Exception {
        Path model = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Result fromDump = predict("--model", model.toString(), "--input", dump.toString());
        assertEquals(0, fromDump.exitCode(), fromDump.stderr());
        assertEquals("source,frame,step,domain_distance,out_of_domain,y_0.250,y_0.750,y_1.250,y_1.750", fromDump.lines().get(0));
        assertEquals(3, fromDump.lines().size(), "two frames");
        assertTrue(fromDump.lines().get(1).startsWith("sic.lammpstrj,0,0,"), fromDump.lines().get(1));
        assertTrue(fromDump.lines().get(2).startsWith("sic.lammpstrj,1,100,"), fromDump.lines().get(2));
        double[] reference = predictions(fromDump.lines().get(1));
        // frame 1 holds the same atoms, some as periodic images outside the cell
        assertClose(reference, predictions(fromDump.lines().get(2)), 1e-9);
        // the fixture was in the training set: inside the domain
        String[] cells = fromDump.lines().get(1).split(",");
        assertTrue(Double.parseDouble(cells[3]) < 1.5, "domain distance " + cells[3]);
        assertEquals("false", cells[4]);

        for (Path file : List.of(data, extxyz, poscar)) {
            Result result = predict("--model", model.toString(), "--input", file.toString());
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(2, result.lines().size(), file.toString());
            assertTrue(result.lines().get(1).startsWith(file.getFileName() + ",0,"), result.lines().get(1));
            assertClose(reference, predictions(result.lines().get(1)), 1e-9);
        }

        // several inputs in one call, in order
        Result several = predict("--model", model.toString(), "--input", data.toString(), poscar.toString());
        assertEquals(3, several.lines().size());
    }

    @Test
    void framesAreSelectedWithEveryAndARange() throws Exception {
        Path model = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Result every = predict("--model", model.toString(), "--input", dump.toString(), "--every", "2");
        assertEquals(2, every.lines().size());
        assertTrue(every.lines().get(1).startsWith("sic.lammpstrj,0,0,"));
        Result range = predict("--model", model.toString(), "--input", dump.toString(), "--frames", "1:");
        assertEquals(2, range.lines().size());
        assertTrue(range.lines().get(1).startsWith("sic.lammpstrj,1,100,"), range.lines().get(1));
        Result none = predict("--model", model.toString(), "--input", dump.toString(), "--frames", "5:9");
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode());
        assertTrue(none.stderr().contains("no frame"), none.stderr());
        assertEquals(ExitCodes.USAGE, predict("--model", model.toString(), "--input", dump.toString(), "--frames", "x:y").exitCode());
    }

    @Test
    void aCompressedStructureIsFlaggedOutOfDomain() throws Exception {
        Path model = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Frame frame = FrameReader.first(data, 3);
        double scale = 0.8;
        Box box = frame.box();
        StringBuilder text = new StringBuilder();
        text.append(frame.atomCount()).append('\n');
        text.append(String.format(Locale.ROOT, "Lattice=\"%s 0 0 %s %s 0 %s %s %s\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"%n",
                box.lx() * scale, box.xy() * scale, box.ly() * scale, box.xz() * scale, box.yz() * scale, box.lz() * scale));
        for (int i = 0; i < frame.atomCount(); i++) {
            text.append(frame.typeLabel(frame.types()[i]));
            for (int d = 0; d < 3; d++) {
                text.append(' ').append(frame.positions()[3 * i + d] * scale);
            }
            text.append('\n');
        }
        Path compressed = directory.resolve("compressed.extxyz");
        Files.writeString(compressed, text);
        Result result = predict("--model", model.toString(), "--input", data.toString(), compressed.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String[] inside = result.lines().get(1).split(",");
        String[] outside = result.lines().get(2).split(",");
        assertEquals("false", inside[4]);
        assertEquals("true", outside[4], "distance " + outside[3]);
        assertTrue(Double.parseDouble(outside[3]) > 1.5);
        // a looser threshold accepts it
        double distance = Double.parseDouble(outside[3]);
        Result loose = predict("--model", model.toString(), "--input", compressed.toString(), "--domain-threshold",
                Double.toString(distance * 2));
        assertEquals("false", loose.lines().get(1).split(",")[4]);
    }

    @Test
    void speciesAndDimensionMismatchesExitWithFourNamingBothSides() throws Exception {
        Path carbon = sicModel("carbon.sprmodel", 3, List.of("C"));
        Result species = predict("--model", carbon.toString(), "--input", dump.toString());
        assertEquals(ExitCodes.MODEL_MISMATCH, species.exitCode());
        assertTrue(species.stderr().contains("[C]") && species.stderr().contains("2 atom types"), species.stderr());

        Path swapped = sicModel("swapped.sprmodel", 3, List.of("C", "N"));
        Result names = predict("--model", swapped.toString(), "--input", poscar.toString());
        assertEquals(ExitCodes.MODEL_MISMATCH, names.exitCode());
        assertTrue(names.stderr().contains("[C, N]") && names.stderr().contains("[Si, C]"), names.stderr());

        Path monolayer = sicModel("monolayer.sprmodel", 2, List.of("Si", "C"));
        Result dimension = predict("--model", monolayer.toString(), "--input", data.toString());
        assertEquals(ExitCodes.MODEL_MISMATCH, dimension.exitCode());
        assertTrue(dimension.stderr().contains("2D") && dimension.stderr().contains("bulk"), dimension.stderr());
        assertFalse(Files.exists(directory.resolve("pred.csv")), "no partial output");

        // an experimental PDF is a 3D total g(r): refused by a 2D model
        Result pdf2d = predict("--model", monolayer.toString(), "--input", pdf.toString(), "--density", "0.1");
        assertEquals(ExitCodes.MODEL_MISMATCH, pdf2d.exitCode());
        assertTrue(pdf2d.stderr().contains("2D vs 3D"), pdf2d.stderr());
    }

    @Test
    void aBatchGoesPastAnUnusableFileAndListsIt() throws Exception {
        Path model = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Path broken = directory.resolve("broken.data");
        Files.writeString(broken, "LAMMPS data file\n\n  12 atoms\n  2 atom types\n\nAtoms # atomic\n\n1 1 0 0\n");
        Result batch = predict("--model", model.toString(), "--input", data.toString(), broken.toString(), poscar.toString());
        assertEquals(0, batch.exitCode(), batch.stderr());
        assertEquals(3, batch.lines().size(), "two usable inputs");
        assertTrue(batch.lines().get(1).startsWith("sic.data,") && batch.lines().get(2).startsWith("POSCAR_sic,"));
        assertTrue(batch.stderr().contains("skipped " + broken), batch.stderr());
        List<String> skipped = Files.readAllLines(directory.resolve("pred.skipped.csv"));
        assertEquals(2, skipped.size());
        assertTrue(skipped.get(1).startsWith(broken.toString()), skipped.get(1));
        // --strict stops at it, writing nothing
        Result strict = predict("--model", model.toString(), "--strict", "--input", data.toString(), broken.toString(), poscar.toString());
        assertEquals(ExitCodes.BAD_INPUT, strict.exitCode());
        assertFalse(Files.exists(directory.resolve("pred.csv")));
    }

    @Test
    void forceDimensionOverridesTheSlabOrBulkGuess() throws Exception {
        Path monolayer = sicModel("monolayer.sprmodel", 2, List.of("Si", "C"));
        Path model3d = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Result batch = predict("--model", monolayer.toString(), "--input", data.toString(), poscar.toString());
        assertEquals(ExitCodes.MODEL_MISMATCH, batch.exitCode(), "no input fits: the first reason is the exit code");
        assertTrue(batch.stderr().contains("--force-dimension"), batch.stderr());
        Result forced = predict("--model", monolayer.toString(), "--force-dimension", "--input", data.toString());
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertEquals(2, forced.lines().size());
        // computed in 2D (area normalisation): not the 3D model's prediction
        double[] in2d = predictions(forced.lines().get(1));
        double[] in3d = predictions(predict("--model", model3d.toString(), "--input", data.toString()).lines().get(1));
        assertTrue(Math.abs(in2d[0] - in3d[0]) > 1e-6);
    }

    @Test
    void datasetPredictionsHaveOneRowPerDatasetRowWithTheError() throws Exception {
        Path model = sicModel("sic.sprmodel", 3, List.of("Si", "C"));
        Frame frame = FrameReader.first(data, 3);
        double[] g = new RadialDistribution(GRID, 1, 1).compute(frame).total().clone();
        DescriptorSpec spec = DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("Si", "C"));
        Path csv = directory.resolve("rows.csv");
        try (org.spr.dataset.DatasetWriter writer = org.spr.dataset.DatasetWriter.open(csv, org.spr.dataset.DatasetMetadata.create(spec, OUTPUT,
                "1/THz", List.of(), List.of(), java.util.Map.of(), "test", java.util.Map.of()))) {
            double[] shifted = windowMeans(g).clone();
            shifted[0] += 0.5;
            writer.append(new org.spr.dataset.DatasetRow("exact", "SiC", "test", 1, 12, -1, null, g, windowMeans(g), null));
            writer.append(new org.spr.dataset.DatasetRow("shifted", "SiC", "test", 2, 12, -1, null, g, shifted, null));
            writer.append(new org.spr.dataset.DatasetRow("unlabelled", "SiC", "test", 3, 12, -1, null, g,
                    new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN}, null));
        }
        Result result = predict("--model", model.toString(), "--data", csv.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("id,domain_distance,out_of_domain,y_0.250,y_0.750,y_1.250,y_1.750,mse,rmse", result.lines().get(0));
        assertEquals(4, result.lines().size());
        String[] exact = result.lines().get(1).split(",", -1);
        String[] shifted = result.lines().get(2).split(",", -1);
        String[] unlabelled = result.lines().get(3).split(",", -1);
        assertEquals("exact", exact[0]);
        assertTrue(Double.parseDouble(exact[7]) < 1e-6, "the model reproduces the window means: mse " + exact[7]);
        assertEquals(0.25 / 4, Double.parseDouble(shifted[7]), 1e-4, "one point off by 0.5 over 4 points");
        assertEquals("", unlabelled[7], "no reference, no error");
        assertEquals(exact[3], unlabelled[3], "same g(r), same prediction");
        assertEquals(ExitCodes.USAGE, predict("--model", model.toString(), "--data", csv.toString(), "--input", data.toString()).exitCode());
    }

    @Test
    void experimentalPdfNeedsTheDensityAndIsConvertedWithIt() throws Exception {
        // a model that computes the window means of g exactly: trained on generic rows, negligible ridge
        Random random = new Random(3);
        double[][] x = new double[200][40];
        double[][] y = new double[200][];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 40; k++) {
                x[i][k] = 1 + random.nextGaussian();
            }
            y[i] = windowMeans(x[i]);
        }
        DescriptorSpec spec = DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("Si", "C"));
        SprModel exact = new LinearTrainer(0, 1e-10).train(TrainingData.of(x, y, spec, OutputSpec.spectrum(OUTPUT, "1/THz")));
        Path model = directory.resolve("exact.sprmodel");
        ModelFile.save(exact, model);

        Result missing = predict("--model", model.toString(), "--input", pdf.toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.stderr().contains("--density"), missing.stderr());

        Result result = predict("--model", model.toString(), "--input", pdf.toString(), "--density", "0.1");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.lines().get(1).startsWith("sample.gr,0,,"), result.lines().get(1));
        // the fixture's G(r) is 4π·0.1·r·exp(−r)·sin(5r): with ρ0 = 0.1, g = 1 + exp(−r) sin(5r)
        double[] g = new double[40];
        for (int k = 0; k < 40; k++) {
            double r = GRID.centre(k);
            g[k] = 1 + Math.exp(-r) * Math.sin(5 * r);
        }
        assertClose(windowMeans(g), predictions(result.lines().get(1)), 2e-3);

        // twice the density halves g − 1
        Result doubled = predict("--model", model.toString(), "--input", pdf.toString(), "--density", "0.2");
        double[] half = windowMeans(g);
        for (int j = 0; j < half.length; j++) {
            half[j] = 1 + (half[j] - 1) / 2;
        }
        assertClose(half, predictions(doubled.lines().get(1)), 2e-3);
    }
}
