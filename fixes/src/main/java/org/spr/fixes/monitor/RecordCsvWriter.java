package org.spr.fixes.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spr.report.CsvLog;

/**
 * Writes any stream of Java records to CSV files, one file per record type (and source), columns named after the
 * record's components; arrays become one column per element ({@code name_0, name_1, …}). Each row is flushed, so
 * the files are readable at any moment and survive a kill ({@link CsvLog}; NaN is an empty cell). Used for hook output
 * whose shape the CLI does not know.
 */
public final class RecordCsvWriter implements AutoCloseable {

    private final Path directory;
    private final Map<String, CsvLog> writers = new LinkedHashMap<>();

    public RecordCsvWriter(Path directory) {
        this.directory = directory;
    }

    /** Files written so far. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String name : writers.keySet()) {
            files.add(directory.resolve(name));
        }
        return files;
    }

    /** Appends a record (a Java record; anything else is written with its toString in one column). */
    public void write(String source, Object record) {
        String name = fileName(source, record);
        CsvLog writer = writers.get(name);
        List<Object> values = new ArrayList<>();
        List<String> header = new ArrayList<>();
        flatten(record, header, values);
        if (writer == null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + directory.resolve(name) + ": " + e.getMessage(), e);
            }
            writer = CsvLog.create(directory.resolve(name));
            writers.put(name, writer);
            writer.header(header);
        }
        writer.row(values);
    }

    private static String fileName(String source, Object record) {
        String type = record.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return (source == null ? "" : source + "-") + type + ".csv";
    }

    private static void flatten(Object record, List<String> header, List<Object> values) {
        if (!record.getClass().isRecord()) {
            header.add("value");
            values.add(String.valueOf(record));
            return;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            String name = component.getName();
            if (value instanceof double[] array) {
                for (int i = 0; i < array.length; i++) {
                    header.add(name + "_" + i);
                    values.add(array[i]);
                }
            } else if (value instanceof int[] array) {
                for (int i = 0; i < array.length; i++) {
                    header.add(name + "_" + i);
                    values.add(array[i]);
                }
            } else if (value instanceof Double number) {
                header.add(name);
                values.add(number);
            } else {
                header.add(name);
                values.add(String.valueOf(value));
            }
        }
    }

    @Override
    public void close() {
        for (CsvLog writer : writers.values()) {
            writer.close();
        }
    }
}
