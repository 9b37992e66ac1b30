package org.spr.cli;


import org.spr.io.ExperimentalPdfGrReader;
import org.spr.io.FrameSelection;
import org.spr.io.InputFormatException;
import org.spr.io.GrCsvReader;
import org.spr.io.GrInput;
import org.spr.io.GrInputReader;
import org.spr.io.StructureGrReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spr.model.BoundPredictor;
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
            "Predict a spectrum or scalar from g(r), structures, trajectories or experimental PDFs.",
            "",
            "Reads g(r) CSV files, structure files (LAMMPS dumps, every",
            "frame or --every/--frames; LAMMPS data files; extended XYZ; POSCAR) or experimental PDFs G(r) (.gr, needs",
            "--density). For structures the g(r) is computed on the model's own grid and dimension (a 2D model reads",
            "frames as monolayers). A g(r) CSV has a header and columns r,g with r at the bin centres (0.01, 0.03, … for",
            "dr = 0.02); its dimension, g(r) kind and species are taken to be the model's unless given; a different grid",
            "is refused unless --resample is given and only the resolution differs.",
            "The output CSV has one row per frame or file: source, frame, step, domain_distance (1 = edge of the model's",
            "training set; NaN when the model file records no domain), out_of_domain (distance > --domain-threshold),",
            "then the predictions (y_<grid value> per spectrum point, or the scalar's name).",
            "",
            "Examples:",
            "  spr predict --model amc-linear.sprmodel --input frame.csv --out pdos.csv",
            "  spr predict --model amc-linear.sprmodel --input quench.lammpstrj.gz --every 10 --frames 100: --out pdos.csv",
            "  spr predict --model sio2-linear.sprmodel --input sample.gr --density 0.0662 --out pdos.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable model or input file",
            "4:input does not fit the model (grid, dimension, species)"})
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

    @Option(names = {"--input", "--gr"}, required = true, arity = "1..*", paramLabel = "FILE",
            description = "input file(s): g(r) CSV (columns r,g), structure file or dump, experimental .gr")
    List<Path> inputs;

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
        return predict();
    }

    private int predict() {
        double domainThreshold = threshold.value();
        FrameSelection selection = frameOptions.selection();
        try (SprModel model = ModelFile.load(modelFile)) {
            DescriptorSpec expected = model.inputSpec();
            List<GrInputReader> readers = new ArrayList<>(READERS);
            readers.add(new ExperimentalPdfGrReader(density));
            readers.add(new StructureGrReader(selection, threads));
            readers.add(new GrCsvReader(dimension, grKind == null ? null : GrKind.parse(grKind), species));
            OutputSpec output = model.outputSpec();
            Resampling resampling = resample ? Resampling.RESAMPLE : Resampling.REFUSE;
            List<String> header = new ArrayList<>(List.of("source", "frame", "step", "domain_distance", "out_of_domain"));
            header.addAll(predictionColumns(output));
            List<List<?>> rows = new ArrayList<>();
            int outside = 0;
            for (Path input : inputs) {
                GrInputReader reader = readers.stream().filter(r -> r.accepts(input)).findFirst()
                        .orElseThrow(() -> new InputFormatException(input, 0,
                                "no reader for this file (g(r) CSV .csv, experimental .gr, or a LAMMPS dump or data file, extended XYZ, POSCAR)"));
                for (GrInput gr : reader.read(input, expected)) {
                    BoundPredictor predictor = model.bind(gr.spec(), resampling);
                    double[] prediction = predictor.predict(gr.gr(), null);
                    double distance = predictor.domainDistance(gr.gr());
                    boolean outOfDomain = TrainingDomain.isOutOfDomain(distance, domainThreshold);
                    if (outOfDomain) {
                        outside++;
                    }
                    List<Object> row = new ArrayList<>(List.of(gr.source(), gr.frame(), gr.step() < 0 ? "" : Long.toString(gr.step()),
                            distance, outOfDomain));
                    for (double value : prediction) {
                        row.add(value);
                    }
                    rows.add(row);
                }
            }
            CsvTables.write(out, header, rows);
            System.out.println("wrote " + out + " (" + rows.size() + " input(s), " + output + ")");
            if (model.domain() == null) {
                System.out.println("the model file records no training domain: inputs cannot be flagged as out of domain");
            } else if (outside > 0) {
                System.out.printf(Locale.ROOT, "warning: %d of %d input(s) lie outside the model's training domain (distance > %g):"
                        + " their predictions are extrapolations%n", outside, rows.size(), domainThreshold);
            }
            return ExitCodes.OK;
        }
    }

    /**
     * Names of the prediction columns: {@code y_<x>} per spectrum point with x printed to 3 decimals (more when needed
     * to keep the names distinct), or the scalar's name.
     */
    static List<String> predictionColumns(OutputSpec output) {
        if (!output.isSpectrum()) {
            return List.of(output.name());
        }
        double[] x = output.grid().values();
        for (int decimals = 3; ; decimals++) {
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (double value : x) {
                names.add(String.format(Locale.ROOT, "y_%." + decimals + "f", value));
            }
            seen.addAll(names);
            if (seen.size() == names.size() || decimals >= 12) {
                return names;
            }
        }
    }
}
