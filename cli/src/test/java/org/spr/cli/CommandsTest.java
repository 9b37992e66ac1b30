package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.dataset.ScalarLabel;
import org.spr.descriptor.RadialGrid;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;
import picocli.CommandLine;

class CommandsTest {

    @TempDir
    Path directory;

    private static final RadialGrid GRID = new RadialGrid(2.0, 0.05); // 40 bins

    /** 200 structures: g(r) with a peak at r0, spectrum = linear in g plus noise, κ = 10^(2 r0). */
    private Path dataset() {
        Path csv = directory.resolve("toy.csv");
        DescriptorSpec input = DescriptorSpec.total(GRID, 2, GrKind.INHERENT, List.of("C"));
        DatasetMetadata metadata = DatasetMetadata.create(input, new SpectrumGrid(0.5, 1, 10, "THz", "unit area"), "1/THz",
                List.of(new ScalarLabel("kappa", "W/(m K)")), List.of("quench_rate"), Map.of(), "toy", Map.of());
        Random random = new Random(4);
        double[][] w = new double[10][40];
        for (double[] row : w) {
            for (int k = 0; k < 40; k++) {
                row[k] = 0.1 * random.nextGaussian();
            }
        }
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata)) {
            for (int i = 0; i < 200; i++) {
                double r0 = 0.8 + 0.6 * random.nextDouble();
                double[] g = new double[40];
                for (int k = 0; k < 40; k++) {
                    double r = GRID.centre(k);
                    g[k] = Math.exp(-(r - r0) * (r - r0) / 0.02) + 0.05 * random.nextGaussian();
                }
                double[] y = new double[10];
                for (int j = 0; j < 10; j++) {
                    y[j] = 1;
                    for (int k = 0; k < 40; k++) {
                        y[j] += w[j][k] * g[k];
                    }
                    y[j] += 0.001 * random.nextGaussian();
                }
                writer.append(new DatasetRow(String.format("toy-%04d", i), "toy", "toy", i, 100, -1, Map.of("quench_rate", "1"),
                        g, y, Map.of("kappa", Math.pow(10, 2 * r0))));
            }
        }
        return csv;
    }

    private static int run(Object command, String... args) {
        return Main.commandLine(command).execute(args);
    }

    @Test
    void trainEvaluatePredictRoundTrip() throws Exception {
        Path data = dataset();
        Path model = directory.resolve("linear.sprmodel");
        Path plots = directory.resolve("plots");
        assertEquals(0, run(new TrainCommand(), "--data", data.toString(), "--kind", "linear", "--alpha", "0", "--beta", "0,1e-4",
                "--folds", "3", "--plots", plots.toString(), "--quiet", "--out", model.toString()));
        try (SprModel loaded = ModelFile.load(model)) {
            assertTrue(loaded.metadata().heldOutMetrics().get("test_r2") > 0.99, "linear data, linear model");
            assertEquals("toy.csv", loaded.metadata().training().datasetName());
            assertEquals(20240901L, loaded.metadata().training().splitSeed());
        }
        assertTrue(Files.exists(plots.resolve("weights.png")) && Files.exists(plots.resolve("parity.png")));

        assertEquals(0, run(new EvaluateCommand(), "--model", model.toString(), "--data", data.toString(), "--plots", directory.resolve("eval").toString()));
        assertTrue(Files.exists(directory.resolve("eval/metrics.csv")));
        List<String> domain = Files.readAllLines(directory.resolve("eval/domain.csv"));
        assertEquals("id,domain_distance,out_of_domain", domain.get(0));
        assertTrue(domain.size() > 10, "one line per test row");

        Path gr = directory.resolve("frame.csv");
        StringBuilder text = new StringBuilder("r,g\n");
        for (int k = 0; k < 40; k++) {
            text.append(GRID.centre(k)).append(',').append(Math.exp(-Math.pow(GRID.centre(k) - 1.1, 2) / 0.02)).append('\n');
        }
        Files.writeString(gr, text);
        Path predictions = directory.resolve("pred.csv");
        assertEquals(0, run(new PredictCommand(), "--model", model.toString(), "--gr", gr.toString(), "--out", predictions.toString()));
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(2, lines.size());
        assertEquals("source,frame,step,domain_distance,out_of_domain,y_0.500,y_1.500,y_2.500,y_3.500,y_4.500,y_5.500,y_6.500,"
                + "y_7.500,y_8.500,y_9.500", lines.get(0));
        assertTrue(lines.get(1).startsWith("frame.csv,0,,"), lines.get(1));

        // a 3D input for a 2D model is refused with exit code 4
        assertEquals(ExitCodes.MODEL_MISMATCH, run(new PredictCommand(), "--model", model.toString(), "--gr", gr.toString(),
                "--dimension", "3", "--out", predictions.toString()));
        // a finer grid: refused, unless resampling is asked for
        StringBuilder fine = new StringBuilder("r,g\n");
        for (int k = 0; k < 80; k++) {
            double r = (k + 0.5) * 0.025;
            fine.append(r).append(',').append(Math.exp(-Math.pow(r - 1.1, 2) / 0.02)).append('\n');
        }
        Path fineGr = directory.resolve("fine.csv");
        Files.writeString(fineGr, fine);
        assertEquals(ExitCodes.MODEL_MISMATCH, run(new PredictCommand(), "--model", model.toString(), "--gr", fineGr.toString(), "--out", predictions.toString()));
        assertEquals(0, run(new PredictCommand(), "--model", model.toString(), "--gr", fineGr.toString(), "--resample", "--out", predictions.toString()));
    }

    @Test
    void badInputsGiveDistinctExitCodes() throws Exception {
        Path data = dataset();
        Path broken = directory.resolve("broken.sprmodel");
        Files.writeString(broken, "not a model");
        assertEquals(ExitCodes.BAD_INPUT, run(new EvaluateCommand(), "--model", broken.toString(), "--data", data.toString()));
        assertEquals(ExitCodes.BAD_INPUT, run(new TrainCommand(), "--data", directory.resolve("absent.csv").toString(), "--out", "x.sprmodel"));
        assertEquals(ExitCodes.USAGE, run(new TrainCommand(), "--data", data.toString(), "--kind", "forest", "--out", "x.sprmodel"));
        assertEquals(ExitCodes.USAGE, run(new TrainCommand(), "--data", data.toString()));
    }

    @Test
    void xgboostOnLog10ScalarAndLearningCurve() throws Exception {
        Path data = dataset();
        Path model = directory.resolve("kappa.sprmodel");
        assertEquals(0, run(new TrainCommand(), "--data", data.toString(), "--kind", "xgboost", "--target", "s_kappa", "--log10",
                "--rounds", "60", "--folds", "3", "--plots", directory.resolve("xgb").toString(), "--quiet", "--out", model.toString()));
        assertTrue(Files.exists(directory.resolve("xgb/log10_ratio.png")));
        Path curves = directory.resolve("curves");
        assertEquals(0, run(new LearningCurveCommand(), "--data", data.toString(), "--sizes", "20,80,160", "--kinds", "linear",
                "--beta", "1e-4", "--out-dir", curves.toString()));
        List<String> rows = new ArrayList<>(Files.readAllLines(curves.resolve("learning_curve.csv")));
        assertEquals(4, rows.size());
        Path scalarCurves = directory.resolve("kappa-curves");
        assertEquals(0, run(new LearningCurveCommand(), "--data", data.toString(), "--target", "s_kappa", "--log10", "--sizes", "40,160",
                "--kinds", "linear,xgboost", "--beta", "1e-3", "--out-dir", scalarCurves.toString()));
        List<String> scalarRows = Files.readAllLines(scalarCurves.resolve("learning_curve.csv"));
        assertTrue(scalarRows.get(0).contains("test_log10_ratio_std"), scalarRows.get(0));
        assertEquals(5, scalarRows.size(), "two sizes × two kinds");
        assertTrue(Files.readString(directory.resolve("xgb/metrics.csv")).contains("relative_error_median"),
                "scalar reports carry the relative-error distribution");
    }

    private static String stdout(Object command, String... args) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, run(command, args));
        } finally {
            System.setOut(original);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void evaluateRecognisesTheTrainingDatasetByContentAndSaysWhichRows() throws Exception {
        Path data = dataset();
        Path model = directory.resolve("linear.sprmodel");
        assertEquals(0, run(new TrainCommand(), "--data", data.toString(), "--beta", "1e-4", "--quiet", "--out", model.toString()));
        // the same rows under another name: its 20 recorded test rows
        Path renamed = directory.resolve("renamed.csv");
        Files.copy(data, renamed);
        Files.copy(directory.resolve("toy.json"), directory.resolve("renamed.json"));
        String same = stdout(new EvaluateCommand(), "--model", model.toString(), "--data", renamed.toString());
        assertTrue(same.contains("scoring the 20 test rows of renamed.csv recorded in the model"), same);
        // another dataset with the training file's name: all rows, and why
        Path other = Files.createDirectories(directory.resolve("other")).resolve("toy.csv");
        Files.writeString(other, String.join("\n", Files.readAllLines(data).subList(0, 51)) + "\n");
        Files.copy(directory.resolve("toy.json"), directory.resolve("other/toy.json"));
        String different = stdout(new EvaluateCommand(), "--model", model.toString(), "--data", other.toString());
        assertTrue(different.contains("scoring all 50 rows of toy.csv: not the model's training dataset (its content hash"), different);
        // --test 0: all rows, said to be training rows
        Path noTest = directory.resolve("no-test.sprmodel");
        assertEquals(0, run(new TrainCommand(), "--data", data.toString(), "--beta", "1e-4", "--test", "0", "--quiet", "--out", noTest.toString()));
        String all = stdout(new EvaluateCommand(), "--model", noTest.toString(), "--data", data.toString());
        assertTrue(all.contains("scoring all 200 rows") && all.contains("TRAINING rows"), all);
    }

    @Test
    void trainHonoursASplitFile() throws Exception {
        Path data = dataset();
        StringBuilder split = new StringBuilder("id,split\n");
        for (int i = 0; i < 200; i++) {
            split.append(String.format("toy-%04d,%s%n", i, i < 150 ? "train" : i < 170 ? "validation" : "test"));
        }
        Path splitFile = directory.resolve("split.csv");
        Files.writeString(splitFile, split);
        Path model = directory.resolve("split.sprmodel");
        assertEquals(0, run(new TrainCommand(), "--data", data.toString(), "--split", splitFile.toString(), "--beta", "1e-4,1e-2",
                "--quiet", "--out", model.toString()));
        try (SprModel loaded = ModelFile.load(model)) {
            var training = loaded.metadata().training();
            assertEquals(150, training.trainingSize());
            assertEquals(20, training.validationSize());
            assertEquals(30, training.testIds().size());
            assertEquals("toy-0170", training.testIds().get(0));
            assertEquals("file split.csv", training.splitSource());
            assertEquals("validation rows (20)", training.hyperparameters().get("selection"));
        }
        String report = stdout(new EvaluateCommand(), "--model", model.toString(), "--data", data.toString());
        assertTrue(report.contains("scoring the 30 test rows"), report);
    }

    @Test
    void helpTeachesWithAnExample() {
        java.io.StringWriter text = new java.io.StringWriter();
        new CommandLine(new TrainCommand()).setOut(new java.io.PrintWriter(text)).execute("--help");
        assertTrue(text.toString().contains("spr train --data amc.csv --kind linear"), text.toString());
    }
}
