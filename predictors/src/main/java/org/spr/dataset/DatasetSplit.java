package org.spr.dataset;

import org.spr.error.SprException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.spr.error.SprException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.spr.report.CsvTables;

/**
 * A train/validation/test split of a dataset's rows. Three sources, in order of precedence for {@code spr train}:
 * <ul>
 *   <li>a {@code split} column in the dataset CSV ({@link #fromLabels}, source {@value #COLUMN});</li>
 *   <li>a split file naming the ids of each part ({@link #fromFile}, source {@code file NAME});</li>
 *   <li>the default seeded split ({@link #of}, source {@value #SEEDED}): rows are ordered by id (so the split does not
 *   depend on row order or sharding), shuffled with {@link java.util.Random} of the recorded seed (the same on every
 *   JVM), and cut: the first ⌊n·testFraction⌉ are test, the next ⌊n·validationFraction⌉ validation, the rest training.</li>
 * </ul>
 * Indices refer to file rows, ascending. Rows a given split does not name are in no part (counted by {@link #unused(int)}).
 *
 * @param seed               shuffle seed (seeded split; 0 otherwise)
 * @param validationFraction fraction for validation (seeded split; the realised fraction otherwise)
 * @param testFraction       fraction for test (seeded split; the realised fraction otherwise)
 * @param train              training row indices
 * @param validation         validation row indices
 * @param test               test row indices
 * @param source             where the split came from: {@value #SEEDED}, {@value #COLUMN} or {@code file NAME}
 */
public record DatasetSplit(long seed, double validationFraction, double testFraction, int[] train, int[] validation, int[] test,
                           String source) {

    /** The project default seed. */
    public static final long DEFAULT_SEED = 20240901L;
    /** Source of the default split. */
    public static final String SEEDED = "seeded";
    /** Source of a split read from the dataset's {@code split} column. */
    public static final String COLUMN = "split column";
    /** The part names a split column or file may use (with the aliases val, valid, dev and training). */
    public static final List<String> PARTS = List.of("train", "validation", "test");

    public DatasetSplit {
        source = source == null ? SEEDED : source;
    }

    /** Splits rows with the given ids. */
    public static DatasetSplit of(List<String> ids, long seed, double validationFraction, double testFraction) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw SprException.usage("validation and test fractions must be >= 0 and sum to less than 1, got "
                    + validationFraction + " and " + testFraction);
        }
        int n = ids.size();
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(ids::get));
        int[] shuffle = SeededShuffle.permutation(n, seed);
        Integer[] shuffled = new Integer[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = byId[shuffle[i]];
        }
        byId = shuffled;
        int testCount = (int) Math.round(n * testFraction);
        int validationCount = (int) Math.round(n * validationFraction);
        int[] test = sorted(byId, 0, testCount);
        int[] validation = sorted(byId, testCount, testCount + validationCount);
        int[] train = sorted(byId, testCount + validationCount, n);
        return new DatasetSplit(seed, validationFraction, testFraction, train, validation, test, SEEDED);
    }

    /**
     * A split from one part name per row ({@code train}, {@code validation}, {@code test}; blank = unused).
     *
     * @param labels part name of each file row
     * @param source where the names came from (for provenance and messages)
     */
    public static DatasetSplit fromLabels(List<String> labels, String source) {
        List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || label.isBlank()) {
                continue;
            }
            int part = part(label);
            if (part < 0) {
                throw SprException.badInput(source + ": row " + (i + 1) + " has split '" + label
                        + "' (expected train, validation or test)");
            }
            parts.get(part).add(i);
        }
        int n = labels.size();
        int[][] arrays = new int[3][];
        for (int p = 0; p < 3; p++) {
            arrays[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return new DatasetSplit(0, n == 0 ? 0 : arrays[1].length / (double) n, n == 0 ? 0 : arrays[2].length / (double) n,
                arrays[0], arrays[1], arrays[2], source);
    }

    /**
     * A split from a file that names the ids of each part: a CSV with a header {@code id,split} (one row per id), or a
     * JSON object {@code {"train": [ids…], "validation": [ids…], "test": [ids…]}}. Every id must be one of the dataset's;
     * dataset rows the file does not name are unused.
     *
     * @param file split file
     * @param ids  the dataset's row ids, in file order
     * @throws DatasetFormatException naming the file and line of the first problem
     */
    public static DatasetSplit fromFile(Path file, List<String> ids) {
        Map<String, String> partById = new LinkedHashMap<>();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file, 0, "no such split file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.stripLeading().startsWith("{")) {
            Map<?, ?> json;
            try {
                json = org.spr.model.JsonCodec.gson().fromJson(text, Map.class);
            } catch (RuntimeException e) {
                throw new DatasetFormatException(file, 0, "not valid JSON (" + e.getMessage() + ")");
            }
            for (Map.Entry<?, ?> entry : json.entrySet()) {
                String part = String.valueOf(entry.getKey());
                if (part(part) < 0) {
                    throw new DatasetFormatException(file, 0, "unknown part '" + part + "' (expected train, validation or test)");
                }
                if (!(entry.getValue() instanceof List<?> list)) {
                    throw new DatasetFormatException(file, 0, "part '" + part + "' is not a list of ids");
                }
                for (Object id : list) {
                    String key = id instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(id);
                    if (partById.put(key, PARTS.get(part(part))) != null) {
                        throw new DatasetFormatException(file, 0, "id '" + key + "' is named twice");
                    }
                }
            }
        } else {
            try (Reader reader = new java.io.StringReader(text); CSVParser parser = CsvTables.format().parse(reader)) {
                var iterator = parser.iterator();
                if (!iterator.hasNext()) {
                    throw new DatasetFormatException(file, 1, "the split file is empty (expected a header id,split)");
                }
                List<String> header = iterator.next().toList();
                int idColumn = header.indexOf("id");
                int splitColumn = header.indexOf("split");
                if (idColumn < 0 || splitColumn < 0) {
                    throw new DatasetFormatException(file, 1, "the header must name the columns id and split, it is " + header);
                }
                while (iterator.hasNext()) {
                    CSVRecord record = iterator.next();
                    long line = parser.getCurrentLineNumber();
                    if (record.size() <= Math.max(idColumn, splitColumn)) {
                        throw new DatasetFormatException(file, line, "the row has " + record.size() + " columns");
                    }
                    String part = record.get(splitColumn).trim();
                    if (part(part) < 0) {
                        throw new DatasetFormatException(file, line, "split '" + part + "' (expected train, validation or test)");
                    }
                    if (partById.put(record.get(idColumn).trim(), PARTS.get(part(part))) != null) {
                        throw new DatasetFormatException(file, line, "id '" + record.get(idColumn).trim() + "' is named twice");
                    }
                }
            } catch (IOException | IllegalStateException e) {
                throw new DatasetFormatException(file, 0, "the CSV cannot be parsed (" + e.getMessage() + ")");
            }
        }
        Map<String, Integer> rowById = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rowById.put(ids.get(i), i);
        }
        String[] labels = new String[ids.size()];
        for (Map.Entry<String, String> entry : partById.entrySet()) {
            Integer row = rowById.get(entry.getKey());
            if (row == null) {
                throw new DatasetFormatException(file, 0, "id '" + entry.getKey() + "' is not in the dataset");
            }
            labels[row] = entry.getValue();
        }
        return fromLabels(Arrays.asList(labels), "file " + file.getFileName());
    }

    /** Index into {@link #PARTS} of a part name (case-insensitive, with aliases), or −1. */
    public static int part(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> 0;
            case "validation", "val", "valid", "dev" -> 1;
            case "test" -> 2;
            default -> -1;
        };
    }

    /** Rows in no part (a split column or file that leaves rows out). */
    public int unused(int rows) {
        return rows - train.length - validation.length - test.length;
    }

    private static int[] sorted(Integer[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = order[i];
        }
        Arrays.sort(out);
        return out;
    }
}
