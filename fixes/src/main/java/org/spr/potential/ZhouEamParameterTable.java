package org.spr.potential;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The published Zhou–Johnson–Wadley (2004) EAM parameters, one element per CSV row. Columns (header names):
 * element, Z, mass, re, fe, rhoe, rhos, alpha, beta, A, B, kappa, lambda, Fn0…Fn3, F0…F3, eta, Fe, rho_low_factor,
 * rho_high_factor, and optionally {@code lattice} (fcc, bcc or hcp). Lines starting with '#' are comments. Without a
 * lattice column the reference crystal is taken from {@link #DEFAULT_LATTICES} (Cu, Al fcc; Zr hcp).
 */
public final class ZhouEamParameterTable {

    /** Bundled copy of the published parameters for Cu, Al and Zr. */
    public static final String BUNDLED_RESOURCE = "/org/spr/potential/zhou2004-eam-cu-al-zr.csv";

    /** Reference crystals of the elements in the 2004 database that this project uses. */
    public static final Map<String, ZhouEamElement.ReferenceLattice> DEFAULT_LATTICES = Map.of(
            "Cu", ZhouEamElement.ReferenceLattice.FCC,
            "Al", ZhouEamElement.ReferenceLattice.FCC,
            "Zr", ZhouEamElement.ReferenceLattice.HCP,
            "Ni", ZhouEamElement.ReferenceLattice.FCC,
            "Ag", ZhouEamElement.ReferenceLattice.FCC,
            "Au", ZhouEamElement.ReferenceLattice.FCC,
            "Fe", ZhouEamElement.ReferenceLattice.BCC,
            "Ti", ZhouEamElement.ReferenceLattice.HCP);

    private static final List<String> REQUIRED_COLUMNS = List.of("element", "Z", "mass", "re", "fe", "rhoe", "rhos",
            "alpha", "beta", "A", "B", "kappa", "lambda", "Fn0", "Fn1", "Fn2", "Fn3", "F0", "F1", "F2", "F3", "eta",
            "Fe", "rho_low_factor", "rho_high_factor");

    private final Map<String, ZhouEamElement> elements;

    private ZhouEamParameterTable(Map<String, ZhouEamElement> elements) {
        this.elements = Collections.unmodifiableMap(elements);
    }

    /** The bundled Cu, Al, Zr parameters. */
    public static ZhouEamParameterTable bundled() {
        try (InputStream stream = ZhouEamParameterTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("resource " + BUNDLED_RESOURCE + " is missing from the class path");
            }
            return read(new InputStreamReader(stream, StandardCharsets.UTF_8), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BUNDLED_RESOURCE, e);
        }
    }

    /** Parameters from a CSV file in the bundled layout. */
    public static ZhouEamParameterTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read EAM parameter file " + file, e);
        }
    }

    static ZhouEamParameterTable read(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        Map<String, ZhouEamElement> elements = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : REQUIRED_COLUMNS) {
                if (!header.contains(column)) {
                    throw new ParameterFileException(source, 0, "column '" + column + "' is missing from the header " + header);
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                ZhouEamElement element = element(record, header.contains("lattice"), source, line);
                if (elements.put(element.symbol(), element) != null) {
                    throw new ParameterFileException(source, line, "element " + element.symbol() + " appears twice");
                }
            }
        }
        if (elements.isEmpty()) {
            throw new ParameterFileException(source, 0, "no element rows");
        }
        return new ZhouEamParameterTable(elements);
    }

    private static ZhouEamElement element(CSVRecord record, boolean hasLattice, String source, long line) {
        String symbol = record.get("element");
        ZhouEamElement.ReferenceLattice lattice;
        if (hasLattice && !record.get("lattice").isEmpty()) {
            try {
                lattice = ZhouEamElement.ReferenceLattice.valueOf(record.get("lattice").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterFileException(source, line, "lattice '" + record.get("lattice")
                        + "' of element " + symbol + " is not fcc, bcc or hcp");
            }
        } else {
            lattice = DEFAULT_LATTICES.get(symbol);
            if (lattice == null) {
                throw new ParameterFileException(source, line, "element " + symbol
                        + " has no lattice column and no known reference crystal; add a 'lattice' column (fcc, bcc or hcp)");
            }
        }
        Values values = new Values(record, source, line);
        double[] low = {values.number("Fn0"), values.number("Fn1"), values.number("Fn2"), values.number("Fn3")};
        double[] mid = {values.number("F0"), values.number("F1"), values.number("F2"), values.number("F3")};
        return new ZhouEamElement(symbol, (int) values.positive("Z"), values.positive("mass"), values.positive("re"),
                values.positive("fe"), values.positive("rhoe"), values.positive("rhos"), values.positive("alpha"),
                values.positive("beta"), values.number("A"), values.number("B"), values.number("kappa"),
                values.number("lambda"), low, mid, values.positive("eta"), values.number("Fe"),
                values.positive("rho_low_factor"), values.positive("rho_high_factor"), lattice);
    }

    /** Parses numeric cells with the file and line in every error. */
    private record Values(CSVRecord record, String source, long line) {

        double number(String column) {
            String text = record.get(column);
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ParameterFileException(source, line, "column '" + column + "' is not a finite number: '" + text + "'");
            }
        }

        double positive(String column) {
            double value = number(column);
            if (!(value > 0)) {
                throw new ParameterFileException(source, line, "column '" + column + "' must be positive, got " + value);
            }
            return value;
        }
    }

    /** Elements in file order. */
    public Map<String, ZhouEamElement> elements() {
        return elements;
    }

    /**
     * One element.
     *
     * @throws IllegalArgumentException naming the available elements when the symbol is absent
     */
    public ZhouEamElement element(String symbol) {
        ZhouEamElement element = elements.get(symbol);
        if (element == null) {
            throw new IllegalArgumentException("element '" + symbol + "' is not in the EAM parameter table (has "
                    + elements.keySet() + ")");
        }
        return element;
    }
}
