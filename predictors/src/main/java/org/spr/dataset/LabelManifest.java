package org.spr.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.spr.report.CsvTables;

/**
 * A table of labels computed elsewhere (e.g. by DFT), one row per structure, read from a plain CSV:
 * <pre>
 *   structure,doscar,sigma[S/m],kappa[W/(m K)]
 *   a/POSCAR,a/DOSCAR,1.2e4,1.10
 *   b/CONTCAR,b/DOSCAR,,0.95
 * </pre>
 * <ul>
 *   <li>{@code structure} (required): the structure file, relative to the CSV's directory (or absolute);</li>
 *   <li>{@code doscar} (optional): its VASP DOSCAR; an empty cell means no DOS for that structure;</li>
 *   <li>{@code id} (optional): the row id in the dataset; by default the {@code structure} cell as written;</li>
 *   <li>every other column is a numeric label: header {@code name} or {@code name[unit]} (name of letters, digits and
 *       '_'); an empty cell (or {@code NaN}) means "not computed" and is read as NaN.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped; a cell may be quoted (RFC 4180) but not span lines.
 * A malformed table raises a {@link DatasetFormatException} naming the file, line and column.
 *
 * @param source  the CSV
 * @param labels  the numeric label columns, in file order
 * @param doscars true when the table has a {@code doscar} column
 * @param entries the rows, in file order
 */
public record LabelManifest(Path source, List<ScalarLabel> labels, boolean doscars, List<LabelManifest.Entry> entries) {

    /** Column of the structure files. */
    public static final String STRUCTURE = "structure";
    /** Optional column of the DOSCAR files. */
    public static final String DOSCAR = "doscar";
    /** Optional column of the row ids. */
    public static final String ID = "id";

    private static final Pattern LABEL_HEADER = Pattern.compile("([A-Za-z0-9_]+)\\s*(?:\\[(.*)\\])?");

    /**
     * One row.
     *
     * @param line      1-based line of the CSV (for messages)
     * @param id        row id
     * @param structure structure file, resolved against the CSV's directory
     * @param doscar    DOSCAR, resolved likewise, or null when the row has none
     * @param values    label values in the order of {@link LabelManifest#labels()}, NaN = not computed
     */
    public record Entry(long line, String id, Path structure, Path doscar, double[] values) {
    }

    public LabelManifest {
        labels = List.copyOf(labels);
        entries = List.copyOf(entries);
    }

    /** The labels of row {@code entry} by name (NaN = not computed). */
    public Map<String, Double> values(Entry entry) {
        Map<String, Double> map = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.get(i).name(), entry.values()[i]);
        }
        return map;
    }

    /** Reads {@code csv}. */
    public static LabelManifest read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(csv, 0, "no such label table");
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetFormatException(csv, 0, "the label table cannot be read (" + e.getMessage() + ")");
        }
        int structureColumn = -1, doscarColumn = -1, idColumn = -1;
        List<ScalarLabel> labels = new ArrayList<>();
        List<Integer> labelColumns = new ArrayList<>();
        List<String> header = null;
        long headerLine = 0;
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            long line = index + 1;
            String text = index == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(index);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = cells(csv, line, text);
            if (header == null) {
                header = cells;
                headerLine = line;
                for (int c = 0; c < cells.size(); c++) {
                    String name = cells.get(c);
                    String key = name.toLowerCase(Locale.ROOT);
                    if (key.equals(STRUCTURE) || key.equals(DOSCAR) || key.equals(ID)) {
                        int previous = key.equals(STRUCTURE) ? structureColumn : key.equals(DOSCAR) ? doscarColumn : idColumn;
                        if (previous >= 0) {
                            throw new DatasetFormatException(csv, line, "column " + (c + 1) + " repeats the column '" + key + "'");
                        }
                        if (key.equals(STRUCTURE)) {
                            structureColumn = c;
                        } else if (key.equals(DOSCAR)) {
                            doscarColumn = c;
                        } else {
                            idColumn = c;
                        }
                        continue;
                    }
                    Matcher matcher = LABEL_HEADER.matcher(name);
                    if (!matcher.matches()) {
                        throw new DatasetFormatException(csv, line, "column " + (c + 1) + " is headed '" + name
                                + "', expected structure, doscar, id, or a label name[unit] (name of letters, digits and '_')");
                    }
                    ScalarLabel label = new ScalarLabel(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2).trim());
                    if (labels.stream().anyMatch(l -> l.name().equals(label.name()))) {
                        throw new DatasetFormatException(csv, line, "column " + (c + 1) + " repeats the label '" + label.name() + "'");
                    }
                    labels.add(label);
                    labelColumns.add(c);
                }
                if (structureColumn < 0) {
                    throw new DatasetFormatException(csv, line, "the header has no 'structure' column (the structure files, relative to the table)");
                }
                if (labels.isEmpty() && doscarColumn < 0) {
                    throw new DatasetFormatException(csv, line, "the header has neither a 'doscar' column nor a label column, so there is nothing to import");
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new DatasetFormatException(csv, line, "the row has " + cells.size() + " cells but the header (line " + headerLine
                        + ") has " + header.size());
            }
            String structure = cells.get(structureColumn);
            if (structure.isEmpty()) {
                throw new DatasetFormatException(csv, line, "column " + (structureColumn + 1) + " (structure) is empty");
            }
            String id = idColumn >= 0 ? cells.get(idColumn) : structure;
            if (id.isEmpty()) {
                throw new DatasetFormatException(csv, line, "column " + (idColumn + 1) + " (id) is empty");
            }
            Long earlier = ids.putIfAbsent(id, line);
            if (earlier != null) {
                throw new DatasetFormatException(csv, line, "the id '" + id + "' is already used on line " + earlier);
            }
            String doscar = doscarColumn >= 0 ? cells.get(doscarColumn) : "";
            double[] values = new double[labels.size()];
            for (int i = 0; i < values.length; i++) {
                int c = labelColumns.get(i);
                values[i] = number(csv, line, c, labels.get(i), cells.get(c));
            }
            entries.add(new Entry(line, id, csv.resolveSibling(structure), doscar.isEmpty() ? null : csv.resolveSibling(doscar), values));
        }
        if (header == null) {
            throw new DatasetFormatException(csv, 0, "the label table is empty (expected a header such as structure,doscar,sigma[S/m])");
        }
        if (entries.isEmpty()) {
            throw new DatasetFormatException(csv, 0, "the label table has a header but no rows");
        }
        return new LabelManifest(csv, labels, doscarColumn >= 0, entries);
    }

    private static List<String> cells(Path csv, long line, String text) {
        try (CSVParser parser = CSVParser.parse(text, CsvTables.format())) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new DatasetFormatException(csv, line, "the line is not one CSV record (a quoted cell may not span lines)");
            }
            return Arrays.asList(records.get(0).toList().stream().map(String::trim).toArray(String[]::new));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException(csv, line, "the line is not valid CSV (" + e.getMessage() + ")");
        }
    }

    private static double number(Path csv, long line, int column, ScalarLabel label, String cell) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetFormatException(csv, line, "column " + (column + 1) + " (" + label.name() + ") holds '" + cell
                + "', not a finite number (leave the cell empty when the label was not computed)");
    }
}
