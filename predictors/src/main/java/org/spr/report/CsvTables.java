package org.spr.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Small CSV tables (metrics, predictions, learning curves) written atomically with Commons CSV; numbers as Java's shortest round-trip text. */
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
                    printer.printRecord(row);
                }
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
