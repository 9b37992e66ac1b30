package org.spr.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.model.TrainingData;

/** Splits given by a dataset's split column or by a split file are honoured exactly; the seeded split stays the default. */
class SplitTest {

    @TempDir
    Path directory;

    private Path dataset(int rows) {
        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, DatasetTest.metadata())) {
            for (int i = 0; i < rows; i++) {
                writer.append(DatasetTest.row(i));
            }
        }
        return csv;
    }

    /** Copies the dataset with a split column inserted after the id column, values from {@code parts} by row. */
    private Path withSplitColumn(Path csv, String[] parts) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            out.add(line.substring(0, comma) + "," + (i == 0 ? "split" : parts[i - 1]) + line.substring(comma));
        }
        Path copy = directory.resolve("with-split.csv");
        Files.write(copy, out);
        Files.copy(DatasetColumns.sidecar(csv), DatasetColumns.sidecar(copy));
        return copy;
    }

    @Test
    void splitColumnIsHonouredRowByRow() throws Exception {
        String[] parts = {"test", "train", "train", "validation", "", "train", "test", "val", "train", "train"};
        Dataset dataset = Dataset.read(withSplitColumn(dataset(10), parts));
        assertTrue(dataset.hasSplitColumn());
        DatasetSplit split = dataset.split(null, 1, 0.1, 0.1);
        assertEquals(DatasetSplit.COLUMN, split.source());
        assertArrayEquals(new int[]{1, 2, 5, 8, 9}, split.train());
        assertArrayEquals(new int[]{3, 7}, split.validation());
        assertArrayEquals(new int[]{0, 6}, split.test());
        assertEquals(1, split.unused(dataset.size()));
        // the data itself is read as without the column: same content hash as the plain dataset
        assertEquals(Dataset.read(directory.resolve("data.csv")).contentHash(), dataset.contentHash());
        TrainingData data = dataset.trainingData("spectrum", false, split);
        assertEquals(5, data.x().length);
        assertEquals(2, data.validationX().length);
        assertEquals(List.of("amc-000", "amc-006"), data.provenance().testIds());
        assertEquals(DatasetSplit.COLUMN, data.provenance().splitSource());
        assertThrows(org.spr.error.SprException.class, () -> dataset.split(directory.resolve("x.csv"), 1, 0.1, 0.1),
                "a split column and a split file together are refused");
    }

    @Test
    void aBadSplitValueNamesTheLine() throws Exception {
        String[] parts = {"train", "train", "holdout", "test"};
        Path csv = withSplitColumn(dataset(4), parts);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Dataset.read(csv));
        assertTrue(e.getMessage().contains("holdout") && e.getMessage().contains(":4"), e.getMessage());
    }

    @Test
    void splitFileCsvAndJsonGiveTheSameSplit() throws Exception {
        Dataset dataset = Dataset.read(dataset(6));
        Path csvFile = directory.resolve("split.csv");
        Files.writeString(csvFile, "id,split\namc-000,train\namc-001,validation\namc-002,test\namc-003,train\namc-005,train\n");
        Path jsonFile = directory.resolve("split.json");
        Files.writeString(jsonFile, "{\"train\": [\"amc-000\", \"amc-003\", \"amc-005\"], \"validation\": [\"amc-001\"], \"test\": [\"amc-002\"]}");
        for (Path file : List.of(csvFile, jsonFile)) {
            DatasetSplit split = dataset.split(file, 1, 0.1, 0.1);
            assertArrayEquals(new int[]{0, 3, 5}, split.train(), file.toString());
            assertArrayEquals(new int[]{1}, split.validation());
            assertArrayEquals(new int[]{2}, split.test());
            assertEquals(1, split.unused(6), "amc-004 is in no part");
            assertEquals("file " + file.getFileName(), split.source());
        }
        Path unknown = directory.resolve("unknown.csv");
        Files.writeString(unknown, "id,split\namc-000,train\nnot-there,test\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> dataset.split(unknown, 1, 0.1, 0.1));
        assertTrue(e.getMessage().contains("not-there"), e.getMessage());
        Path twice = directory.resolve("twice.csv");
        Files.writeString(twice, "id,split\namc-000,train\namc-000,test\n");
        e = assertThrows(DatasetFormatException.class, () -> dataset.split(twice, 1, 0.1, 0.1));
        assertTrue(e.getMessage().contains(":3"), e.getMessage());
    }

    @Test
    void withoutColumnOrFileTheSeededSplitStays() {
        Dataset dataset = Dataset.read(dataset(10));
        DatasetSplit split = dataset.split(null, 7, 0.2, 0.2);
        DatasetSplit seeded = DatasetSplit.of(dataset.ids(), 7, 0.2, 0.2);
        assertArrayEquals(seeded.test(), split.test());
        assertArrayEquals(seeded.train(), split.train());
        assertEquals(DatasetSplit.SEEDED, split.source());
    }
}
