package org.spr.cli;


import org.spr.error.SprException;
import org.spr.io.ExperimentalPdfGrReader;
import org.spr.io.FrameSelection;
import org.spr.io.InputFormatException;
import org.spr.io.GrCsvReader;
import org.spr.io.GrInput;
import org.spr.io.GrInputReader;
import org.spr.io.StructureGrReader;
import org.spr.io.OutputGuard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spr.dataset.Dataset;
import org.spr.model.BoundPredictor;
import org.spr.dataset.DatasetPredictions;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.OutputSpec;
import org.spr.model.Resampling;
import org.spr.model.SprModel;
import org.spr.model.TrainingDomain;
import org.spr.report.CsvTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spr predict}: predictions of a model for g(r) files, structure files (every frame of a dump, or a selection),
 * and experimental PDFs, one CSV row per frame or file with its distance from the model's training domain. Inputs are
 * read by the first reader that accepts them: readers added with {@link #registerReader(GrInputReader)}, then
 * {@link ExperimentalPdfGrReader} ({@code .gr}), {@link StructureGrReader} (dump, data, extxyz, POSCAR), and last
 * {@link GrCsvReader} ({@code .csv}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
            "Predict a spectrum or scalar from g(r), structures, trajectories, experimental PDFs, or every row of a dataset.",
            "",
            "With --data DATASET: one output row per dataset row: id, domain_distance, out_of_domain, the prediction and,",
            "where the row has the target, the error (scalars: reference, error = predicted − reference, and for log10",
            "models log10_ratio; spectra: the row's mse and rmse).",
            "Reads g(r) CSV files, structure files (LAMMPS dumps, every",
            "frame or --every/--frames; LAMMPS data files; extended XYZ; POSCAR) or experimental PDFs G(r) (.gr, needs",
            "--density). For structures the g(r) is computed on the model's own grid and dimension (a 2D model reads",
            "frames as monolayers). A g(r) CSV has a header and columns r,g with r at the bin centres (0.01, 0.03, … for",
            "dr = 0.02); its dimension, g(r) kind and species are taken to be the model's unless given; a different grid",
            "is refused unless --resample is given and only the resolution differs.",
            "The output CSV has one row per frame or file: source, frame, step, domain_distance (1 = edge of the model's",
            "training set; NaN when the model file records no domain), out_of_domain (distance > --domain-threshold),",
            "then the predictions (y_<grid value> per spectrum point, or the scalar's name).",
            "A file that cannot be used (unreadable, wrong species, a slab for a bulk model …) is reported on stderr and in",
            "the skipped.csv beside --out, and the others are predicted; --strict stops at the first. The slab/bulk",
            "check is a guess from the vacuum gap along z: --force-dimension computes the model's g(r) anyway.",
            "",
            "Examples:",
            "  spr predict --model amc-linear.sprmodel --input frame.csv --out pdos.csv",
            "  spr predict --model amc-linear.sprmodel --input quench.lammpstrj.gz --every 10 --frames 100: --out pdos.csv",
            "  spr predict --model sio2-linear.sprmodel --input sample.gr --density 0.0662 --out pdos.csv",
            "  spr predict --model amc-linear.sprmodel --data amc.csv --out predictions.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable model or input file",
            "4:input does not fit the model (grid, dimension, species; with several inputs: none fitted)"})
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    FrameOptions frameOptions;

    @Mixin
    DomainThresholdOption threshold;

    private static final List<GrInputReader> READERS = new CopyOnWriteArrayList<>();

    /** Adds a reader for more input formats (tried before the built-in readers, in registration order). */
    public static void registerReader(GrInputReader reader) {
        READERS.add(reader);
    }

    @Option(names = "--model", required = true, paramLabel = "M.sprmodel", description = "model file")
    Path modelFile;

    @Option(names = {"--input", "--gr"}, arity = "1..*", paramLabel = "FILE",
            description = "input file(s): g(r) CSV (columns r,g), structure file or dump, experimental .gr")
    List<Path> inputs;

    @Option(names = "--data", paramLabel = "D.csv", description = "a dataset CSV: one prediction per row (instead of --input)")
    Path dataset;

    @Option(names = "--strict", description = "stop at the first input that cannot be used (default: report it and go on)")
    boolean strict;

    @Option(names = "--force-dimension", description = "structure files: compute the model's 2D/3D g(r) even when a frame looks like the other (a guess from the vacuum gap)")
    boolean forceDimension;

    @Option(names = "--dimension", description = "g(r) CSV only: 2 or 3, normalisation of the input g(r) (default: the model's)")
    Integer dimension;

    @Option(names = "--gr-kind", description = "g(r) CSV only: instantaneous, window-averaged or inherent (default: the model's)")
    String grKind;

    @Option(names = "--species", split = ",", description = "g(r) CSV only: species of the input, comma-separated (default: the model's)")
    List<String> species;

    @Option(names = "--resample", description = "interpolate a g(r) that differs from the model's grid only in resolution")
    boolean resample;



    @Option(names = "--density", paramLabel = "RHO0", description = "experimental .gr files: number density ρ₀ in atoms/Å³ (G = 4πρ₀ r (g − 1))")
    Double density;


    @Option(names = "--threads", paramLabel = "T", description = "g(r) worker threads for structure files (default: all processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", required = true, paramLabel = "pred.csv", description = "predictions CSV, one row per frame or file")
    Path out;

    @Override
    public Integer call() {
        OutputGuard.inputs().add("--model", modelFile).addAll("--input", inputs).checkOutput("--out", out);
        OutputGuard.requireWritable("--out", out, false);
        return predict();
    }

    private int predict() {
        double domainThreshold = threshold.value();
        FrameSelection selection = frameOptions.selection();
        if ((inputs == null || inputs.isEmpty()) == (dataset == null)) {
            throw SprException.usage("Give either --input FILE… or --data DATASET.");
        }
        if (dataset != null) {
            return predictDataset(domainThreshold);
        }
        try (SprModel model = ModelFile.load(modelFile)) {
            DescriptorSpec expected = model.inputSpec();
            List<GrInputReader> readers = new ArrayList<>(READERS);
            readers.add(new ExperimentalPdfGrReader(density));
            readers.add(new StructureGrReader(selection, threads, !forceDimension));
            readers.add(new GrCsvReader(dimension, grKind == null ? null : GrKind.parse(grKind), species));
            OutputSpec output = model.outputSpec();
            Resampling resampling = resample ? Resampling.RESAMPLE : Resampling.REFUSE;
            List<String> header = new ArrayList<>(List.of("source", "frame", "step", "domain_distance", "out_of_domain"));
            header.addAll(predictionColumns(output));
            List<List<?>> rows = new ArrayList<>();
            int outside = 0;
            List<List<?>> skipped = new ArrayList<>();
            RuntimeException firstFailure = null;
            for (Path input : inputs) {
                List<List<?>> inputRows = new ArrayList<>();
                int inputOutside = 0;
                try {
                    GrInputReader reader = readers.stream().filter(r -> r.accepts(input)).findFirst()
                            .orElseThrow(() -> new InputFormatException(input, 0,
                                    "no reader for this file (g(r) CSV .csv, experimental .gr, or a LAMMPS dump or data file, extended XYZ, POSCAR)"));
                    for (GrInput gr : reader.read(input, expected)) {
                        BoundPredictor predictor = model.bind(gr.spec(), resampling);
                        double[] prediction = predictor.predict(gr.gr(), null);
                        double distance = predictor.domainDistance(gr.gr());
                        boolean outOfDomain = TrainingDomain.isOutOfDomain(distance, domainThreshold);
                        if (outOfDomain) {
                            inputOutside++;
                        }
                        List<Object> row = new ArrayList<>(List.of(gr.source(), gr.frame(), gr.step() < 0 ? "" : Long.toString(gr.step()),
                                distance, outOfDomain));
                        for (double value : prediction) {
                            row.add(value);
                        }
                        inputRows.add(row);
                    }
                } catch (SprException | java.io.UncheckedIOException e) {
                    if (strict || inputs.size() == 1) {
                        throw e;
                    }
                    if (firstFailure == null) {
                        firstFailure = e;
                    }
                    String reason = e.getMessage();
                    if (e instanceof org.spr.model.ModelMismatchException && (reason.contains("monolayer or slab") || reason.contains("like a bulk"))) {
                        reason += " (--force-dimension predicts it anyway)";
                    }
                    System.err.println("spr predict: skipped " + input + ": " + reason);
                    skipped.add(List.of(input.toString(), reason));
                    continue;
                }
                rows.addAll(inputRows);
                outside += inputOutside;
            }
            if (rows.isEmpty() && firstFailure != null) {
                System.err.println("spr predict: no input could be used");
                throw firstFailure;
            }
            CsvTables.write(out, header, rows);
            System.out.println("wrote " + out + " (" + rows.size() + " prediction(s) of " + output + ")");
            if (!skipped.isEmpty()) {
                Path skippedFile = out.resolveSibling(baseName(out) + ".skipped.csv");
                CsvTables.write(skippedFile, List.of("input", "reason"), skipped);
                System.out.println("skipped " + skipped.size() + " of " + inputs.size() + " input(s), listed in " + skippedFile);
            }
            if (model.domain() == null) {
                System.out.println("the model file records no training domain: inputs cannot be flagged as out of domain");
            } else if (outside > 0) {
                System.out.printf(Locale.ROOT, "warning: %d of %d input(s) lie outside the model's training domain (distance > %g):"
                        + " their predictions are extrapolations%n", outside, rows.size(), domainThreshold);
            }
            return ExitCodes.OK;
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /** {@code --data}: one prediction per dataset row, with the error where the row has the target. */
    private int predictDataset(double domainThreshold) {
        try (SprModel model = ModelFile.load(modelFile)) {
            Dataset data = Dataset.read(dataset);
            model.bind(data.metadata().input(), Resampling.REFUSE);
            DatasetPredictions.Result result = DatasetPredictions.of(model, data, domainThreshold);
            CsvTables.write(out, result.header(), result.rows());
            System.out.printf(Locale.ROOT, "wrote %s (%d rows of %s; %s)%n", out, result.rows().size(), dataset.getFileName(),
                    result.withTarget() > 0 ? result.withTarget() + " with a reference value, errors in the last columns"
                            : "no reference values: predictions only");
            if (model.domain() != null && result.outOfDomain() > 0) {
                System.out.printf(Locale.ROOT, "warning: %d of %d rows lie outside the model's training domain (distance > %g)%n",
                        result.outOfDomain(), result.rows().size(), domainThreshold);
            }
            return ExitCodes.OK;
        }
    }

    /** Names of the prediction columns (see {@link DatasetPredictions#predictionColumns}). */
    static List<String> predictionColumns(OutputSpec output) {
        return DatasetPredictions.predictionColumns(output);
    }
}
