package org.spr.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The project's one way to write CSV (Commons CSV): small tables written atomically ({@link #write}), append-only logs
 * ({@link CsvLog}) and datasets all use {@link #format()} and {@link #cells}. Numbers are Java's shortest round-trip
 * text unless a caller formats them. <b>Missing values</b> (NaN, null: "not computed", "not measured") are written as
 * empty cells; readers take an empty cell, and the {@code NaN} of older datasets, as NaN.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /** The CSV dialect of the project: RFC 4180, '\n' line ends, header first. */
    public static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
    }

    /** Writes a header and rows (each a list of cells; numbers printed with {@code toString}) to {@code target}, atomically. */
    public static void write(Path target, List<String> header, List<? extends List<?>> rows) {
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, format())) {
                printer.printRecord(header);
                for (List<?> row : rows) {
                    printer.printRecord(cells(row));
                }
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A number as a cell: null (an empty cell) when NaN. */
    public static Double cell(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** A number formatted with {@code format} ({@link Locale#ROOT}) as a cell: null (an empty cell) when NaN. */
    public static String cell(double value, String format) {
        return Double.isNaN(value) ? null : String.format(Locale.ROOT, format, value);
    }

    /** The cells of a record as they are printed: NaN (double or float) becomes null, an empty cell. */
    public static List<Object> cells(List<?> row) {
        List<Object> cells = new ArrayList<>(row.size());
        for (Object cell : row) {
            cells.add(cell instanceof Double d && d.isNaN() || cell instanceof Float f && f.isNaN() ? null : cell);
        }
        return cells;
    }
}
