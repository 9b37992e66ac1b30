package org.spr.fixes.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetMerger;
import org.spr.fixes.label.HessianAssembler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dataset generation with real LAMMPS (isolated workers): resume after a kill, shards merge to the serial dataset. */
class DatasetGeneratorIntegrationTest {

    /** Tiny AMC structures (48 atoms, fast quenches) so the test stays short. */
    private static SystemRecipe tiny() {
        return Recipes.recipe("amc", Map.of("cells", "4x3", "rate", "20000:40000", "peak", "2000:3000", "vacancies", "0:0.05"));
    }

    private static DatasetGenerator.Options options(int count, int shard, int shards, Path csv, Path structures) {
        return new DatasetGenerator.Options(tiny(), count, 100, shard, shards, 1, csv, structures, HessianAssembler.DEFAULT_DISPLACEMENT,
                java.util.Set.of());
    }

    @Test
    void shardsMergeToTheSerialDatasetAndAKilledRunResumes(@TempDir Path directory) throws Exception {
        Path serial = directory.resolve("serial.csv");
        List<DatasetGenerator.StructureReport> reports = new ArrayList<>();
        DatasetGenerator.Outcome outcome = new DatasetGenerator(options(3, 0, 1, serial, directory.resolve("structures")))
                .run(20210929, reports::add);
        assertEquals(3, outcome.written() + outcome.failed());
        assertEquals(3, reports.size());
        for (DatasetGenerator.StructureReport report : reports) {
            if (report.written()) {
                assertTrue(Files.exists(directory.resolve("structures").resolve(report.id() + ".data.gz")));
            }
        }

        Path shard0 = directory.resolve("shard0.csv");
        Path shard1 = directory.resolve("shard1.csv");
        new DatasetGenerator(options(3, 0, 2, shard0, null)).run(20210929, r -> { });
        new DatasetGenerator(options(3, 1, 2, shard1, null)).run(20210929, r -> { });
        Path merged = directory.resolve("merged.csv");
        DatasetMerger.merge(List.of(shard0, shard1), merged);
        assertRowsEqual(serial, merged);

        // a kill in the middle of writing the last row: the torn line is dropped and the row is made again
        Path killed = directory.resolve("killed.csv");
        Files.copy(serial, killed);
        Files.copy(directory.resolve("serial.json"), directory.resolve("killed.json"));
        String text = Files.readString(killed, StandardCharsets.UTF_8);
        Files.writeString(killed, text.substring(0, text.length() - 200), StandardCharsets.UTF_8);
        DatasetGenerator.Outcome resumed = new DatasetGenerator(options(3, 0, 1, killed, null)).run(20210929, r -> { });
        assertEquals(1, resumed.written() + resumed.failed() - (outcome.failed()), "only the torn row is made again");
        assertRowsEqual(serial, killed);
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("amc", Map.of("rate", "-5:10")));
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("amc", Map.of("vacancies", "0:1")));
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("graphite", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> options(3, 2, 2, Path.of("x.csv"), null));
    }

    private static void assertRowsEqual(Path expected, Path actual) {
        Dataset a = Dataset.read(expected);
        Dataset b = Dataset.read(actual);
        assertEquals(a.ids(), b.ids());
        for (int i = 0; i < a.ids().size(); i++) {
            assertArrayEquals(a.gr()[i], b.gr()[i], 0.0, "g(r) of " + a.ids().get(i));
            assertArrayEquals(a.spectra()[i], b.spectra()[i], 0.0, "PDOS of " + a.ids().get(i));
        }
    }
}
