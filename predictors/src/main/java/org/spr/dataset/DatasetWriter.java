package org.spr.dataset;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spr.model.JsonCodec;
import org.spr.report.AtomicFiles;
import org.spr.report.CsvTables;

/**
 * Appends rows to a dataset CSV, one complete line per {@link #append} followed by a flush, so a killed process leaves
 * every finished row readable. Opening an existing file resumes it: the header must match the metadata, a torn last line
 * (no final newline) is cut off, and {@link #existingIds()} lists the rows already there so that a generator can skip them.
 *
 * <pre>{@code
 * try (DatasetWriter writer = DatasetWriter.open(Path.of("amc.csv"), metadata)) {
 *     for (...) { if (!writer.contains(id)) writer.append(new DatasetRow(id, ...)); }
 * }
 * }</pre>
 */
public final class DatasetWriter implements AutoCloseable {

    private final Path csv;
    private final DatasetMetadata metadata;
    private final List<String> header;
    private final Set<String> ids;
    private final Set<String> existing;
    private final boolean droppedTornLine;
    private final Set<String> systems = new LinkedHashSet<>();
    private final Writer writer;

    private DatasetWriter(Path csv, DatasetMetadata metadata, Set<String> existing, boolean droppedTornLine) throws IOException {
        this.csv = csv;
        this.metadata = metadata;
        this.header = DatasetColumns.header(metadata);
        this.existing = Collections.unmodifiableSet(new LinkedHashSet<>(existing));
        this.ids = new LinkedHashSet<>(existing);
        this.droppedTornLine = droppedTornLine;
        this.writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Creates {@code csv} (and its sidecar) or resumes it.
     *
     * @throws DatasetFormatException when an existing file has another header or a malformed row
     */
    public static DatasetWriter open(Path csv, DatasetMetadata metadata) {
        List<String> header = DatasetColumns.header(metadata);
        try {
            if (!Files.exists(csv) || Files.size(csv) == 0) {
                AtomicFiles.writeString(DatasetColumns.sidecar(csv), JsonCodec.gson().toJson(metadata));
                AtomicFiles.writeString(csv, CsvTables.format().format(header.toArray()) + "\n");
                return new DatasetWriter(csv, metadata, Set.of(), false);
            }
            Path sidecar = DatasetColumns.sidecar(csv);
            if (Files.exists(sidecar)) {
                DatasetMetadata stored;
                try {
                    stored = JsonCodec.gson().fromJson(Files.readString(sidecar), DatasetMetadata.class);
                } catch (RuntimeException e) {
                    throw new DatasetFormatException(sidecar, 0, "the sidecar is not valid dataset metadata (" + e.getMessage() + ")");
                }
                if (stored == null) {
                    throw new DatasetFormatException(sidecar, 0, "the sidecar is empty");
                }
                java.util.Optional<String> difference = stored.firstAppendDifference(metadata);
                if (difference.isPresent()) {
                    throw new DatasetFormatException(csv, 0, "cannot append to this dataset, its rows were made differently ("
                            + difference.get() + ", the dataset's first); write to a new file");
                }
            }
            boolean torn = cutTornLine(csv);
            Dataset present = Dataset.read(csv, metadata);
            if (!Files.exists(sidecar)) {
                AtomicFiles.writeString(sidecar, JsonCodec.gson().toJson(metadata));
            }
            DatasetWriter writer = new DatasetWriter(csv, metadata, new LinkedHashSet<>(present.ids()), torn);
            for (int i = 0; i < present.size(); i++) {
                writer.systems.add(present.record(i).get(1));
            }
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dataset " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Truncates the file after its last newline; true when something was cut. */
    static boolean cutTornLine(Path csv) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(csv.toFile(), "rw")) {
            long length = file.length();
            long position = length;
            byte[] buffer = new byte[8192];
            while (position > 0) {
                int chunk = (int) Math.min(buffer.length, position);
                file.seek(position - chunk);
                file.readFully(buffer, 0, chunk);
                for (int i = chunk - 1; i >= 0; i--) {
                    if (buffer[i] == '\n') {
                        long keep = position - chunk + i + 1;
                        if (keep < length) {
                            file.setLength(keep);
                            return true;
                        }
                        return false;
                    }
                }
                position -= chunk;
            }
            file.setLength(0);
            return length > 0;
        }
    }

    /** Ids present when the file was opened (empty for a new file). */
    public Set<String> existingIds() {
        return existing;
    }

    /** Values of the system column among the rows present when the file was opened. */
    public Set<String> existingSystems() {
        return Collections.unmodifiableSet(systems);
    }

    /**
     * Refuses to append rows of {@code system} to a dataset whose rows are of another system.
     *
     * @throws DatasetFormatException naming both systems
     */
    public void requireSystem(String system) {
        for (String present : systems) {
            if (!present.equalsIgnoreCase(system)) {
                throw new DatasetFormatException(csv, 0, "cannot append to this dataset, its rows were made differently (system "
                        + present + " vs " + system + ", the dataset's first); write to a new file");
            }
        }
    }

    /** True when a row with this id is in the file (from before or appended since). */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** True when opening cut off a torn last line. */
    public boolean droppedTornLine() {
        return droppedTornLine;
    }

    public DatasetMetadata metadata() {
        return metadata;
    }

    /**
     * Appends one row and flushes it to the operating system.
     *
     * @throws IllegalArgumentException when the row does not fit the metadata or its id is already present
     */
    public synchronized void append(DatasetRow row) {
        if (ids.contains(row.id())) {
            throw new IllegalArgumentException("dataset " + csv + " already has a row with id '" + row.id() + "'");
        }
        List<String> values = values(metadata, row);
        try {
            writer.write(CsvTables.format().format(values.toArray()) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to dataset " + csv + ": " + e.getMessage(), e);
        }
        ids.add(row.id());
    }

    /** The CSV cells of a row, checked against the metadata. */
    static List<String> values(DatasetMetadata metadata, DatasetRow row) {
        int grLength = metadata.input().inputLength();
        if (row.gr() == null || row.gr().length != grLength) {
            throw new IllegalArgumentException("row '" + row.id() + "' has " + (row.gr() == null ? 0 : row.gr().length)
                    + " g(r) values but the dataset's grid (" + metadata.input() + ") needs " + grLength);
        }
        for (double v : row.gr()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("row '" + row.id() + "' has a g(r) value " + v + "; a g(r) must be finite");
            }
        }
        int spectrumLength = metadata.spectrumGrid() == null ? 0 : metadata.spectrumGrid().count();
        int given = row.spectrum() == null ? 0 : row.spectrum().length;
        if (row.spectrum() != null) {
            long missing = java.util.Arrays.stream(row.spectrum()).filter(Double::isNaN).count();
            if (java.util.Arrays.stream(row.spectrum()).anyMatch(Double::isInfinite) || missing > 0 && missing < row.spectrum().length) {
                throw new IllegalArgumentException("row '" + row.id() + "' has an infinite or partly missing spectrum (NaN only for a"
                        + " spectrum not computed at all)");
            }
        }
        if (given != spectrumLength) {
            throw new IllegalArgumentException("row '" + row.id() + "' has " + given + " spectrum values but the dataset needs " + spectrumLength);
        }
        List<String> values = new ArrayList<>(DatasetColumns.header(metadata).size());
        values.add(row.id());
        values.add(row.system());
        values.add(row.protocol());
        values.add(Long.toString(row.seed()));
        values.add(Integer.toString(row.atoms()));
        values.add(number(row.energyPerAtom()));
        for (String parameter : metadata.parameters()) {
            String value = row.parameters().get(parameter);
            if (value == null) {
                throw new IllegalArgumentException("row '" + row.id() + "' lacks protocol parameter '" + parameter + "'");
            }
            values.add(value);
        }
        for (double v : row.gr()) {
            values.add(number(v));
        }
        if (row.spectrum() != null) {
            for (double v : row.spectrum()) {
                values.add(number(v));
            }
        }
        for (ScalarLabel scalar : metadata.scalars()) {
            Double value = row.scalars().get(scalar.name());
            if (value == null) {
                throw new IllegalArgumentException("row '" + row.id() + "' lacks scalar label '" + scalar.name() + "' (NaN when not computed)");
            }
            values.add(number(value));
        }
        return values;
    }

    /** A number cell: Java's shortest round-trip text, or null (an empty cell, "not computed") for NaN. */
    private static String number(double value) {
        return Double.isNaN(value) ? null : Double.toString(value);
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close dataset " + csv + ": " + e.getMessage(), e);
        }
    }
}
