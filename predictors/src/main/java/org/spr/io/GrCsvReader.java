package org.spr.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.spr.descriptor.RadialGrid;
import org.spr.model.DescriptorSpec;

/**
 * Reads a g(r) CSV with a header and columns {@code r,g} (r at bin centres, uniform spacing). The radial grid is taken
 * from the r column (Δr = spacing, r_max = last centre + Δr/2); dimension, g(r) kind and species are not in the file and
 * are those given to the constructor, or the model's when null.
 */
public final class GrCsvReader implements GrInputReader {

    private final Integer dimension;
    private final org.spr.model.GrKind grKind;
    private final List<String> species;

    public GrCsvReader(Integer dimension, org.spr.model.GrKind grKind, List<String> species) {
        this.dimension = dimension;
        this.grKind = grKind;
        this.species = species;
    }

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public List<GrInput> read(Path file, DescriptorSpec model) {
        List<Double> r = new ArrayList<>();
        List<Double> g = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).build();
        try (Reader reader = Files.newBufferedReader(file); var parser = format.parse(reader)) {
            if (!parser.getHeaderNames().contains("r") || !parser.getHeaderNames().contains("g")) {
                throw new InputFormatException(file, 1, "a g(r) CSV needs the columns r and g, found " + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                try {
                    double rValue = Double.parseDouble(record.get("r"));
                    double gValue = Double.parseDouble(record.get("g"));
                    if (!Double.isFinite(rValue) || !Double.isFinite(gValue)) {
                        throw new InputFormatException(file, parser.getCurrentLineNumber(), "r and g must be finite numbers, found r = "
                                + record.get("r") + ", g = " + record.get("g"));
                    }
                    r.add(rValue);
                    g.add(gValue);
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file, parser.getCurrentLineNumber(), "r and g must be numbers: "
                            + Printable.of(String.join(",", record.toList())));
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, parser.getCurrentLineNumber(), "the row lacks an r or g value");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (r.size() < 2) {
            throw new InputFormatException(file, 0, "a g(r) CSV needs at least two rows");
        }
        double dr = (r.get(r.size() - 1) - r.get(0)) / (r.size() - 1);
        for (int k = 0; k < r.size(); k++) {
            double expected = (k + 0.5) * dr;
            if (Math.abs(r.get(k) - expected) > 1e-6 * Math.max(1, dr)) {
                throw new InputFormatException(file, k + 2, String.format(Locale.ROOT,
                        "r = %g is not the centre %g of bin %d of a uniform grid starting at 0 with dr = %g", r.get(k), expected, k, dr));
            }
        }
        RadialGrid grid = new RadialGrid(dr * r.size(), dr);
        DescriptorSpec spec = new DescriptorSpec(grid, dimension != null ? dimension : model.dimension(),
                grKind != null ? grKind : model.grKind(), species != null ? species : model.species(), false, model.smoothingWidth());
        double[] values = g.stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(GrInput.single(file.getFileName().toString(), values, spec));
    }
}
