package org.spr.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.SpectrumGrid;
import org.spr.model.TrainingData;

class DatasetTest {

    @TempDir
    Path directory;

    static DatasetMetadata metadata() {
        DescriptorSpec input = DescriptorSpec.total(new RadialGrid(0.1, 0.02), 2, GrKind.INHERENT, List.of("C"));
        return DatasetMetadata.create(input, new SpectrumGrid(0.25, 0.5, 3, "THz", "unit area"), "1/THz",
                List.of(new ScalarLabel("kappa", "W/(m K)")), List.of("quench_rate"), Map.of("energy_per_atom", "eV"), "quench", Map.of());
    }

    static DatasetRow row(int i) {
        double[] g = {0, 0.1 * i, 1.0 / 3 + i, 2.5, 1};
        double[] y = {i, 1e-7 * i, Math.PI};
        return new DatasetRow(String.format("amc-%03d", i), "AMC", "quench", 1000 + i, 800, -7.4 + 0.01 * i,
                Map.of("quench_rate", "1e12"), g, y, Map.of("kappa", i == 3 ? Double.NaN : 1.5 * (i + 1)));
    }

    @Test
    void headerNamesColumnsByGridValue() {
        List<String> header = DatasetColumns.header(metadata());
        assertEquals(List.of("id", "system", "protocol", "seed", "atoms", "energy_per_atom", "param:quench_rate",
                "g_0.010", "g_0.030", "g_0.050", "g_0.070", "g_0.090", "y_0.250", "y_0.750", "y_1.250", "s_kappa"), header);
    }

    @Test
    void rowsRoundTripExactly() {
        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata())) {
            for (int i = 0; i < 5; i++) {
                writer.append(row(i));
            }
            assertThrows(IllegalArgumentException.class, () -> writer.append(row(2)));
        }
        Dataset dataset = Dataset.read(csv);
        assertEquals(5, dataset.size());
        assertTrue(Files.exists(directory.resolve("data.json")));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(row(i).gr(), dataset.gr()[i]);
            assertArrayEquals(row(i).spectrum(), dataset.spectra()[i]);
        }
        assertTrue(Double.isNaN(dataset.scalar("kappa")[3]));
        assertEquals(metadata().input(), dataset.metadata().input());
    }

    /** "Not computed" is an empty cell; the NaN that older datasets hold still reads as NaN. */
    @Test
    void missingValuesAreEmptyCellsAndTheOldNanIsRead() throws Exception {
        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata())) {
            writer.append(row(3));
        }
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).endsWith(","), "the kappa cell of row 3 is empty: " + lines.get(1));
        assertFalse(lines.get(1).contains("NaN"), lines.get(1));
        Files.writeString(csv, lines.get(0) + "\n" + lines.get(1) + "NaN\n");
        Dataset old = Dataset.read(csv);
        assertTrue(Double.isNaN(old.scalar("kappa")[0]));
        assertArrayEquals(row(3).gr(), old.gr()[0]);
    }

    @Test
    void rowsSurviveAKillAndResumeReportsExistingIds() throws Exception {
        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata())) {
            writer.append(row(0));
            writer.append(row(1));
        }
        // simulate a kill in the middle of writing row 2: half a line, no newline
        String full = Files.readString(csv);
        String line2 = String.join(",", DatasetWriter.values(metadata(), row(2)));
        Files.writeString(csv, line2.substring(0, line2.length() / 2), StandardOpenOption.APPEND);
        Dataset whileTorn = Dataset.read(csv);
        assertEquals(2, whileTorn.size());
        assertTrue(whileTorn.droppedTornLine());

        try (DatasetWriter resumed = DatasetWriter.open(csv, metadata())) {
            assertTrue(resumed.droppedTornLine());
            assertEquals(Set.of("amc-000", "amc-001"), resumed.existingIds());
            assertTrue(resumed.contains("amc-001"));
            assertFalse(resumed.contains("amc-002"));
            resumed.append(row(2));
        }
        assertTrue(Files.readString(csv).startsWith(full));
        Dataset after = Dataset.read(csv);
        assertEquals(List.of("amc-000", "amc-001", "amc-002"), after.ids());
        assertFalse(after.droppedTornLine());
    }

    @Test
    void shardMergeEqualsASerialWrite() throws Exception {
        Path serial = directory.resolve("serial.csv");
        try (DatasetWriter writer = DatasetWriter.open(serial, metadata())) {
            for (int i = 0; i < 12; i++) {
                writer.append(row(i));
            }
        }
        List<Path> shards = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Path shard = directory.resolve("shard" + s + ".csv");
            shards.add(shard);
            try (DatasetWriter writer = DatasetWriter.open(shard, metadata())) {
                for (int i = 11 - s; i >= 0; i -= 3) { // each shard in its own, reversed order
                    writer.append(row(i));
                }
            }
        }
        Path merged = directory.resolve("merged.csv");
        assertEquals(12, DatasetMerger.merge(shards, merged));
        assertEquals(Files.readString(serial), Files.readString(merged));
        assertEquals(Dataset.read(serial).contentHash(), Dataset.read(merged).contentHash());
    }

    @Test
    void mismatchedHeaderAndBadNumbersAreReportedWithFileAndLine() throws Exception {
        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata())) {
            writer.append(row(0));
        }
        String text = Files.readString(csv).replace("g_0.030", "g_0.031");
        Path bad = directory.resolve("bad.csv");
        Files.writeString(bad, text);
        Files.copy(directory.resolve("data.json"), directory.resolve("bad.json"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Dataset.read(bad));
        assertTrue(e.getMessage().contains("bad.csv:1") && e.getMessage().contains("g_0.031"), e.getMessage());

        Files.writeString(bad, Files.readString(csv).replace("2.5", "two"));
        e = assertThrows(DatasetFormatException.class, () -> Dataset.read(bad));
        assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("two"), e.getMessage());

        Path orphan = directory.resolve("orphan.csv");
        Files.writeString(orphan, "id\n");
        e = assertThrows(DatasetFormatException.class, () -> Dataset.read(orphan));
        assertTrue(e.getMessage().contains("orphan.json"), e.getMessage());
    }

    @Test
    void splitIsDeterministicIndependentOfRowOrderAndRecorded() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(String.format("s%03d", i));
        }
        DatasetSplit split = DatasetSplit.of(ids, 42, 0.1, 0.2);
        assertEquals(20, split.test().length);
        assertEquals(10, split.validation().length);
        assertEquals(70, split.train().length);
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        DatasetSplit other = DatasetSplit.of(reversed, 42, 0.1, 0.2);
        Set<String> testIds = new java.util.TreeSet<>();
        for (int i : split.test()) {
            testIds.add(ids.get(i));
        }
        Set<String> otherTestIds = new java.util.TreeSet<>();
        for (int i : other.test()) {
            otherTestIds.add(reversed.get(i));
        }
        assertEquals(testIds, otherTestIds);
        assertNotEquals(testIds, idsOf(DatasetSplit.of(ids, 43, 0.1, 0.2).test(), ids));

        Path csv = directory.resolve("data.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata())) {
            for (int i = 0; i < 10; i++) {
                writer.append(row(i));
            }
        }
        Dataset dataset = Dataset.read(csv);
        DatasetSplit small = DatasetSplit.of(dataset.ids(), 7, 0.2, 0.2);
        TrainingData data = dataset.trainingData("s_kappa", true, small);
        assertEquals(7, data.provenance().splitSeed());
        assertEquals(dataset.contentHash(dataset.withTarget(small.train(), dataset.targets("kappa"))), data.provenance().datasetHash());
        assertTrue(data.x().length <= 6, "rows with a NaN target are left out");
    }

    private static Set<String> idsOf(int[] rows, List<String> ids) {
        Set<String> out = new java.util.TreeSet<>();
        for (int i : rows) {
            out.add(ids.get(i));
        }
        return out;
    }
}
