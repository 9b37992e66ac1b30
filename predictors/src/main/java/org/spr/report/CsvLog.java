package org.spr.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * An append-only CSV log in the project's dialect ({@link CsvTables#format()}): the header once, then each record
 * flushed as it is written, so the file is readable at any moment and after a kill. Cells are printed as
 * {@link CsvTables} says: a missing value (null or NaN) is an empty cell.
 */
public final class CsvLog implements AutoCloseable {

    private final Path file;
    private final boolean append;
    private CSVPrinter printer;
    private boolean fresh;

    private CsvLog(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    /** A log that replaces {@code file} when its header is written. */
    public static CsvLog create(Path file) {
        return new CsvLog(file, false);
    }

    /** A log that appends to {@code file}, writing the header only when the file is new or empty. */
    public static CsvLog append(Path file) {
        return new CsvLog(file, true);
    }

    /** Opens the file and writes the header (once; later calls do nothing). */
    public void header(List<?> columns) {
        if (printer != null) {
            return;
        }
        try {
            fresh = !append || !Files.exists(file) || Files.size(file) == 0;
            BufferedWriter writer = append
                    ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CsvTables.format());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        if (fresh) {
            row(columns);
        }
    }

    /** Appends one record (after {@link #header}) and flushes it. */
    public void row(List<?> cells) {
        if (printer == null) {
            throw new IllegalStateException("write the header of " + file + " first");
        }
        try {
            printer.printRecord(CsvTables.cells(cells));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one record to {@code file}, with {@code header} first when the file is new: for rare event logs. */
    public static void appendRecord(Path file, List<?> header, List<?> cells) {
        try (CsvLog log = append(file)) {
            log.header(header);
            log.row(cells);
        }
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close();
            } catch (IOException ignored) {
                // every record was flushed
            }
        }
    }
}
