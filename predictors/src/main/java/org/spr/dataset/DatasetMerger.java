package org.spr.dataset;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.spr.model.JsonCodec;
import org.spr.report.AtomicFiles;
import org.spr.report.CsvTables;

/**
 * Merges shard datasets (same columns) into one dataset ordered by id, written atomically with the first shard's sidecar.
 * Rows are copied cell for cell, so the result is byte-identical to a serial run that wrote the same rows in id order.
 */
public final class DatasetMerger {

    private DatasetMerger() {
    }

    /**
     * @return number of rows written
     * @throws DatasetFormatException when shards have different columns or share an id with different content
     */
    public static int merge(List<Path> shards, Path output) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard files to merge");
        }
        Dataset first = Dataset.read(shards.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (Path shard : shards) {
            Dataset dataset = shard.equals(shards.get(0)) ? first : Dataset.read(shard);
            if (!dataset.metadata().sameColumns(first.metadata())) {
                throw new DatasetFormatException(shard, 0, "the shard's grids or labels differ from those of " + shards.get(0).getFileName());
            }
            for (int i = 0; i < dataset.size(); i++) {
                rows.add(dataset.record(i));
            }
        }
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0)));
        List<List<String>> unique = new ArrayList<>();
        for (List<String> row : rows) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).get(0).equals(row.get(0))) {
                if (!unique.get(unique.size() - 1).equals(row)) {
                    throw new DatasetFormatException(output, 0, "two shards hold id '" + row.get(0) + "' with different content");
                }
                continue;
            }
            unique.add(row);
        }
        List<String> header = DatasetColumns.header(first.metadata());
        AtomicFiles.writeString(DatasetColumns.sidecar(output), JsonCodec.gson().toJson(first.metadata()));
        AtomicFiles.write(output, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvTables.format().format(header.toArray()) + "\n");
            for (List<String> row : unique) {
                writer.write(CsvTables.format().format(row.toArray()) + "\n");
            }
            writer.flush();
        });
        return unique.size();
    }
}
