package org.spr.dataset;

import org.spr.error.SprException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.spr.model.JsonCodec;
import org.spr.model.OutputSpec;
import org.spr.model.TrainingData;
import org.spr.model.TrainingProvenance;
import org.spr.report.CsvTables;

/**
 * A dataset read into memory: metadata, the text cells of every row, and the g(r), spectrum and scalar columns as
 * double matrices. A torn last line (no final newline, left by a killed writer) is ignored and reported by
 * {@link #droppedTornLine()}. Values are validated: g(r) finite, a spectrum complete or wholly missing (NaN = not
 * computed), no infinities; a row that breaks this is refused with file and line.
 */
public final class Dataset {

    private final Path source;
    private final DatasetMetadata metadata;
    private final List<List<String>> records;
    private final double[][] gr;
    private final double[][] spectra;
    private final double[][] scalars; // [row][scalar index]
    private final boolean droppedTornLine;
    private final List<String> splitLabels; // the split column's values, or null without one
    private final long[] lines; // file line of each record, for messages
    private List<String> skippedRows = List.of();

    private Dataset(Path source, DatasetMetadata metadata, List<List<String>> records, long[] lines, boolean droppedTornLine,
                    List<String> splitLabels) {
        this.source = source;
        this.metadata = metadata;
        this.records = records;
        this.lines = lines;
        this.droppedTornLine = droppedTornLine;
        this.splitLabels = splitLabels;
        int n = records.size();
        int fixed = DatasetColumns.FIXED.size() + metadata.parameters().size();
        int grLength = metadata.input().inputLength();
        int spectrumLength = metadata.spectrumGrid() == null ? 0 : metadata.spectrumGrid().count();
        int scalarCount = metadata.scalars().size();
        gr = new double[n][grLength];
        spectra = spectrumLength == 0 ? null : new double[n][spectrumLength];
        scalars = new double[n][scalarCount];
        for (int i = 0; i < n; i++) {
            List<String> cells = records.get(i);
            int column = fixed;
            for (int k = 0; k < grLength; k++) {
                gr[i][k] = number(cells, column, i);
                if (!Double.isFinite(gr[i][k])) {
                    throw notFinite(cells, column, i, "a g(r) value must be a finite number");
                }
                column++;
            }
            int missing = 0;
            int firstMissing = -1;
            for (int j = 0; j < spectrumLength; j++) {
                spectra[i][j] = number(cells, column, i);
                if (Double.isInfinite(spectra[i][j])) {
                    throw notFinite(cells, column, i, "a spectrum value must be finite");
                }
                if (Double.isNaN(spectra[i][j])) {
                    firstMissing = missing++ == 0 ? column : firstMissing;
                }
                column++;
            }
            if (missing > 0 && missing < spectrumLength) {
                throw notFinite(cells, firstMissing, i, "a spectrum is either complete or empty in every column (not computed), this row has "
                        + missing + " of " + spectrumLength + " missing");
            }
            for (int s = 0; s < scalarCount; s++) {
                scalars[i][s] = number(cells, column, i);
                if (Double.isInfinite(scalars[i][s])) {
                    throw notFinite(cells, column, i, "a scalar label must be finite (or empty/NaN when not computed)");
                }
                column++;
            }
            number(cells, 5, i);
        }
    }

    private DatasetFormatException notFinite(List<String> cells, int column, int row, String reason) {
        return new DatasetFormatException(source, lines[row], "column " + DatasetColumns.header(metadata).get(column)
                + " holds '" + cells.get(column) + "': " + reason);
    }

    /** A numeric cell: an empty cell (and the {@code NaN} of older files) is NaN, "not computed". */
    private double number(List<String> cells, int column, int row) {
        String cell = cells.get(column);
        if (cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(source, lines[row], "column " + DatasetColumns.header(metadata).get(column)
                    + " holds '" + cells.get(column) + "', not a number");
        }
    }

    /** Reads {@code csv} with the metadata of its sidecar; a row with a bad value is refused (file and line). */
    public static Dataset read(Path csv) {
        return read(csv, false);
    }

    /**
     * Reads {@code csv} with the metadata of its sidecar.
     *
     * @param skipBadRows leave out rows with a bad value (non-finite g(r), partly missing spectrum, infinity, not a
     *                    number) instead of refusing the file; {@link #skippedRows()} says which
     */
    public static Dataset read(Path csv, boolean skipBadRows) {
        if (!Files.exists(csv)) {
            throw new DatasetFormatException(csv, 0, "no such dataset file");
        }
        Path sidecar = DatasetColumns.sidecar(csv);
        DatasetMetadata metadata;
        try {
            metadata = JsonCodec.gson().fromJson(Files.readString(sidecar), DatasetMetadata.class);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(csv, 0, "the dataset has no sidecar " + sidecar.getFileName() + " beside it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sidecar + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DatasetFormatException(sidecar, 0, "the sidecar is not valid dataset metadata (" + e.getMessage() + ")");
        }
        if (metadata == null) {
            throw new DatasetFormatException(sidecar, 0, "the sidecar is empty");
        }
        if (metadata.formatVersion() > DatasetMetadata.FORMAT_VERSION) {
            throw new DatasetFormatException(sidecar, 0, "written with dataset format version " + metadata.formatVersion()
                    + ", newer than this build reads (" + DatasetMetadata.FORMAT_VERSION + ")");
        }
        return read(csv, metadata, skipBadRows);
    }

    /**
     * Reads {@code csv} with the given metadata (the header must match it, apart from an optional {@value #SPLIT_COLUMN}
     * column anywhere, whose values train, validation or test (blank: unused) give the split; see {@link #split}).
     */
    public static Dataset read(Path csv, DatasetMetadata metadata) {
        return read(csv, metadata, false);
    }

    /** Reads {@code csv} with the given metadata, leaving out rows with bad values when {@code skipBadRows}. */
    public static Dataset read(Path csv, DatasetMetadata metadata, boolean skipBadRows) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(csv, 0, "no such dataset file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        boolean torn = false;
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text = text.substring(0, text.lastIndexOf('\n') + 1);
            torn = true;
        }
        List<String> expected = DatasetColumns.header(metadata);
        List<List<String>> records = new ArrayList<>();
        int splitColumn;
        List<String> splitLabels = null;
        List<Long> lineNumbers = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CsvTables.format().parse(reader)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw new DatasetFormatException(csv, 1, "the dataset has no header line");
            }
            List<String> header = new ArrayList<>(iterator.next().toList());
            splitColumn = header.indexOf(SPLIT_COLUMN);
            if (splitColumn >= 0) {
                header.remove(splitColumn);
                splitLabels = new ArrayList<>();
            }
            if (!header.equals(expected)) {
                throw new DatasetFormatException(csv, 1, "the header does not match the sidecar's grids and labels " + describeDifference(expected, header));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            while (iterator.hasNext()) {
                CSVRecord record = iterator.next();
                long line = parser.getCurrentLineNumber();
                int width = expected.size() + (splitColumn >= 0 ? 1 : 0);
                if (record.size() != width) {
                    throw new DatasetFormatException(csv, line, "the row has " + record.size() + " columns, the header has " + width);
                }
                List<String> cells = new ArrayList<>(record.toList());
                if (splitColumn >= 0) {
                    String part = cells.remove(splitColumn).trim();
                    if (!part.isEmpty() && DatasetSplit.part(part) < 0) {
                        throw new DatasetFormatException(csv, line, "column split holds '" + part + "' (expected train, validation, test or blank)");
                    }
                    splitLabels.add(part);
                }
                if (!ids.add(cells.get(0))) {
                    throw new DatasetFormatException(csv, line, "duplicate id '" + cells.get(0) + "'");
                }
                records.add(cells);
                lineNumbers.add(line);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetFormatException(csv, 0, "the CSV cannot be parsed (" + e.getMessage() + ")");
        } catch (IllegalStateException e) {
            throw new DatasetFormatException(csv, 0, "the CSV cannot be parsed (" + e.getMessage() + ")");
        }
        if (!skipBadRows) {
            return new Dataset(csv, metadata, records, lineNumbers.stream().mapToLong(Long::longValue).toArray(), torn, splitLabels);
        }
        List<List<String>> kept = new ArrayList<>();
        List<Long> keptLines = new ArrayList<>();
        List<String> keptSplit = splitLabels == null ? null : new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                new Dataset(csv, metadata, List.of(records.get(i)), new long[]{lineNumbers.get(i)}, false, null);
                kept.add(records.get(i));
                keptLines.add(lineNumbers.get(i));
                if (keptSplit != null) {
                    keptSplit.add(splitLabels.get(i));
                }
            } catch (DatasetFormatException e) {
                skipped.add(e.getMessage());
            }
        }
        Dataset dataset = new Dataset(csv, metadata, kept, keptLines.stream().mapToLong(Long::longValue).toArray(), torn, keptSplit);
        dataset.skippedRows = List.copyOf(skipped);
        return dataset;
    }

    /** Why each row left out by {@code skipBadRows} was left out (file:line: reason), in file order. */
    public List<String> skippedRows() {
        return skippedRows;
    }

    private static String describeDifference(List<String> expected, List<String> header) {
        if (expected.size() != header.size()) {
            return "(" + header.size() + " columns, expected " + expected.size() + ")";
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(header.get(i))) {
                return "(column " + (i + 1) + " is '" + header.get(i) + "', expected '" + expected.get(i) + "')";
            }
        }
        return "";
    }

    /** Name of the optional column that assigns each row to train, validation or test. */
    public static final String SPLIT_COLUMN = "split";

    /** True when the CSV has a {@value #SPLIT_COLUMN} column. */
    public boolean hasSplitColumn() {
        return splitLabels != null;
    }

    /**
     * The split to train with: the dataset's {@value #SPLIT_COLUMN} column when it has one, else the split file when
     * given, else the seeded split of the given fractions. A split column and a split file together are refused.
     */
    public DatasetSplit split(Path splitFile, long seed, double validationFraction, double testFraction) {
        if (splitLabels != null) {
            if (splitFile != null) {
                throw SprException.usage("dataset " + source + " has a split column: --split " + splitFile + " would override it; drop one");
            }
            return DatasetSplit.fromLabels(splitLabels, DatasetSplit.COLUMN);
        }
        if (splitFile != null) {
            return DatasetSplit.fromFile(splitFile, ids());
        }
        return DatasetSplit.of(ids(), seed, validationFraction, testFraction);
    }

    public Path source() {
        return source;
    }

    public DatasetMetadata metadata() {
        return metadata;
    }

    /** Number of rows. */
    public int size() {
        return records.size();
    }

    /** True when a torn last line was ignored. */
    public boolean droppedTornLine() {
        return droppedTornLine;
    }

    /** Row ids in file order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(records.size());
        for (List<String> record : records) {
            ids.add(record.get(0));
        }
        return ids;
    }

    /** The text cells of row i (header order). */
    public List<String> record(int i) {
        return records.get(i);
    }

    /** Row i as a {@link DatasetRow} (to copy it, with other labels, into another dataset). */
    public DatasetRow row(int i) {
        List<String> record = records.get(i);
        int fixed = DatasetColumns.FIXED.size();
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int p = 0; p < metadata.parameters().size(); p++) {
            parameters.put(metadata.parameters().get(p), record.get(fixed + p));
        }
        Map<String, Double> scalarValues = new java.util.LinkedHashMap<>();
        for (int s = 0; s < metadata.scalars().size(); s++) {
            scalarValues.put(metadata.scalars().get(s).name(), scalars[i][s]);
        }
        return new DatasetRow(record.get(0), record.get(1), record.get(2), parseLong(record.get(3)), (int) parseLong(record.get(4)),
                parseDouble(record.get(5)), parameters, gr[i].clone(), spectra == null ? null : spectra[i].clone(), scalarValues);
    }

    private static long parseLong(String text) {
        return text.isBlank() ? 0 : Long.parseLong(text.trim());
    }

    private static double parseDouble(String text) {
        return text.isBlank() ? Double.NaN : Double.parseDouble(text.trim());
    }

    /** g(r) matrix, rows × input length (shared, do not modify). */
    public double[][] gr() {
        return gr;
    }

    /** Spectrum matrix, rows × grid points, or null when the dataset has no spectrum. */
    public double[][] spectra() {
        return spectra;
    }

    /** One scalar label column. */
    public double[] scalar(String name) {
        int index = scalarIndex(name);
        double[] out = new double[records.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalars[i][index];
        }
        return out;
    }

    private int scalarIndex(String name) {
        String bare = name.startsWith(DatasetColumns.SCALAR_PREFIX) ? name.substring(DatasetColumns.SCALAR_PREFIX.length()) : name;
        for (int s = 0; s < metadata.scalars().size(); s++) {
            if (metadata.scalars().get(s).name().equals(bare)) {
                return s;
            }
        }
        List<String> known = new ArrayList<>();
        if (spectra != null) {
            known.add(OutputSpec.SPECTRUM);
        }
        metadata.scalars().forEach(s -> known.add(DatasetColumns.SCALAR_PREFIX + s.name()));
        throw SprException.usage("dataset " + source + " has no target '" + name + "' (it has " + known + ")");
    }

    /** Target matrix for "spectrum" or a scalar ("s_name" or "name"), rows × output length. */
    public double[][] targets(String target) {
        if (OutputSpec.SPECTRUM.equals(target)) {
            if (spectra == null) {
                throw SprException.usage("dataset " + source + " has no spectrum columns");
            }
            return spectra;
        }
        int index = scalarIndex(target);
        double[][] out = new double[records.size()][1];
        for (int i = 0; i < out.length; i++) {
            out[i][0] = scalars[i][index];
        }
        return out;
    }

    /** The output spec of a target; {@code log10} applies to scalars only. */
    public OutputSpec outputSpec(String target, boolean log10) {
        if (OutputSpec.SPECTRUM.equals(target)) {
            targets(target);
            return OutputSpec.spectrum(metadata.spectrumGrid(), metadata.spectrumUnit());
        }
        ScalarLabel label = metadata.scalars().get(scalarIndex(target));
        return OutputSpec.scalar(label.name(), label.unit(), log10);
    }

    /** SHA-256 (hex) of all rows (without the split column: the same data with another split has the same hash). */
    public String contentHash() {
        int[] all = new int[records.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return contentHash(all);
    }

    /** SHA-256 (hex) of the canonical CSV text of the given rows, in the given order. */
    public String contentHash(int[] rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i : rows) {
                digest.update((CsvTables.format().format(records.get(i).toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Training data for {@code target} from the split's train and validation rows, with provenance (dataset name, hash of
     * the training rows, sizes, split seed). Rows whose target is NaN are left out.
     */
    public TrainingData trainingData(String target, boolean log10, DatasetSplit split) {
        double[][] y = targets(target);
        int[] train = withTarget(split.train(), y);
        int[] validation = withTarget(split.validation(), y);
        int[] test = withTarget(split.test(), y);
        List<String> allIds = ids();
        List<String> testIds = new ArrayList<>(test.length);
        for (int i : test) {
            testIds.add(allIds.get(i));
        }
        TrainingProvenance provenance = new TrainingProvenance(source.getFileName().toString(), contentHash(train), train.length,
                validation.length, test.length, split.seed(), 0, java.util.Map.of(), contentHash(), split.source(), testIds);
        return new TrainingData(select(gr, train), select(y, train), select(gr, validation), select(y, validation),
                metadata.input(), outputSpec(target, log10), provenance);
    }

    /** The rows among {@code rows} whose target has no NaN. */
    public int[] withTarget(int[] rows, double[][] y) {
        return java.util.Arrays.stream(rows).filter(i -> {
            for (double v : y[i]) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    /** Rows of a matrix (shared). */
    public static double[][] select(double[][] matrix, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = matrix[rows[i]];
        }
        return out;
    }
}
