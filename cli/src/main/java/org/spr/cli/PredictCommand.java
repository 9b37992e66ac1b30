package org.spr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.OutputSpec;
import org.spr.model.Resampling;
import org.spr.model.SprModel;
import org.spr.report.CsvTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spr predict}: predictions of a model for g(r) files. Inputs are read by the first registered
 * {@link GrInputReader} that accepts them; the g(r) CSV reader is always last. Structure files, dumps and experimental
 * {@code .gr} files are wired in with {@link #registerReader(GrInputReader)}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
            "Predict a spectrum or scalar from g(r) with a trained model.",
            "A g(r) CSV has a header and columns r,g with r at the bin centres (0.01, 0.03, … for dr = 0.02).",
            "Dimension, g(r) kind and species are taken to be the model's unless given; a different grid is refused",
            "unless --resample is given and only the resolution differs.",
            "",
            "Examples:",
            "  spr predict --model amc-linear.sprmodel --gr frame.csv --out pdos.csv",
            "  spr predict --model amc-linear.sprmodel --gr coarse.csv --resample --out pdos.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or parameter", "3:unreadable model or input file", "4:input does not fit the model"})
public final class PredictCommand implements Callable<Integer> {

    private static final List<GrInputReader> READERS = new CopyOnWriteArrayList<>();

    /** Adds a reader for more input formats (tried before the g(r) CSV reader, in registration order). */
    public static void registerReader(GrInputReader reader) {
        READERS.add(reader);
    }

    @Option(names = "--model", required = true, paramLabel = "M.sprmodel", description = "model file")
    Path modelFile;

    @Option(names = "--gr", required = true, arity = "1..*", paramLabel = "FILE", description = "g(r) CSV file(s) (columns r,g), or any format of a registered reader")
    List<Path> inputs;

    @Option(names = "--dimension", description = "2 or 3: normalisation of the input g(r) (default: the model's)")
    Integer dimension;

    @Option(names = "--gr-kind", description = "instantaneous, window-averaged or inherent (default: the model's)")
    String grKind;

    @Option(names = "--species", split = ",", description = "species of the input, comma-separated (default: the model's)")
    List<String> species;

    @Option(names = "--resample", description = "interpolate a g(r) that differs from the model's grid only in resolution")
    boolean resample;

    @Option(names = "--out", required = true, paramLabel = "pred.csv", description = "predictions CSV: one row per output point (spectrum) or per input (scalar)")
    Path out;

    @Override
    public Integer call() {
        return ExitCodes.run(this::predict);
    }

    private int predict() {
        try (SprModel model = ModelFile.load(modelFile)) {
            DescriptorSpec expected = model.inputSpec();
            List<GrInputReader> readers = new ArrayList<>(READERS);
            readers.add(new GrCsvReader(dimension, grKind == null ? null : GrKind.parse(grKind), species));
            List<GrInput> all = new ArrayList<>();
            for (Path input : inputs) {
                GrInputReader reader = readers.stream().filter(r -> r.accepts(input)).findFirst()
                        .orElseThrow(() -> new InputFileException(input, 0, "no reader for this file type (a g(r) CSV must end in .csv)"));
                all.addAll(reader.read(input, expected));
            }
            OutputSpec output = model.outputSpec();
            Resampling resampling = resample ? Resampling.RESAMPLE : Resampling.REFUSE;
            List<double[]> predictions = new ArrayList<>();
            for (GrInput input : all) {
                predictions.add(model.bind(input.spec(), resampling).predict(input.gr(), null));
            }
            List<List<?>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>();
            if (output.isSpectrum()) {
                header.add("x_" + output.grid().unit());
                all.forEach(input -> header.add(input.label()));
                for (int j = 0; j < output.length(); j++) {
                    List<Object> row = new ArrayList<>();
                    row.add(output.grid().value(j));
                    for (double[] prediction : predictions) {
                        row.add(prediction[j]);
                    }
                    rows.add(row);
                }
            } else {
                header.add("input");
                header.add(output.name() + (output.unit().isEmpty() ? "" : " [" + output.unit() + "]"));
                for (int i = 0; i < all.size(); i++) {
                    rows.add(List.of(all.get(i).label(), predictions.get(i)[0]));
                }
            }
            CsvTables.write(out, header, rows);
            System.out.println("wrote " + out + " (" + all.size() + " input(s), " + output + ")");
            return ExitCodes.OK;
        }
    }
}
