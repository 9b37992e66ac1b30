package org.spr.generate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetMerger;
import org.spr.label.HessianAssembler;

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
@Tag("lammps")
class DatasetGeneratorIntegrationTest {

    /** Tiny AMC structures (48 atoms, fast quenches) so the test stays short. */
    private static SystemRecipe tiny() {
        return Recipes.recipe("amc", Map.of("cells", "4x3", "rate", "20000:40000", "peak", "2000:3000", "vacancies", "0:0.05"));
    }

    private static DatasetGenerator.Options options(int count, int shard, int shards, Path csv, Path structures) {
        return new DatasetGenerator.Options(tiny(), count, 100, shard, shards, 1, csv, structures, HessianAssembler.DEFAULT_DISPLACEMENT,
                java.util.Set.of());
    }

    /**
     * The same COUNT structures generated twice: {@code plain} without labels beyond the PDOS, its structures stored in
     * {@code structures}; {@code labelled} with {@code labels} made during generation.
     */
    private static void generateTwice(int count, Path plain, Path structures, Path labelled, java.util.Set<Label> labels)
            throws Exception {
        new DatasetGenerator(options(count, 0, 1, plain, structures)).run(20210929, r -> { });
        new DatasetGenerator(options(count, 0, 1, labelled, null).withLabels(labels)).run(20210929, r -> { });
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

    /**
     * κ made during generation (from the protocol's LAMMPS state) equals κ made afterwards by {@code spr label} from
     * the stored structure: the data files keep the structure exactly.
     */
    @Test
    void labellingStoredStructuresReproducesTheLabelsMadeDuringGeneration(@TempDir Path directory) throws Exception {
        Path plain = directory.resolve("plain.csv");
        Path structures = directory.resolve("structures");
        Path withKappa = directory.resolve("kappa.csv");
        generateTwice(2, plain, structures, withKappa, java.util.Set.of(Label.KAPPA));
        Path labelled = directory.resolve("labelled.csv");
        List<DatasetLabeller.RowReport> reports = new DatasetLabeller(new DatasetLabeller.Options(plain, structures, tiny(),
                java.util.Set.of(Label.KAPPA), labelled, 1, HessianAssembler.DEFAULT_DISPLACEMENT)).run(r -> { });
        Dataset generated = Dataset.read(withKappa);
        Dataset relabelled = Dataset.read(labelled);
        String method = relabelled.metadata().scalars().get(0).method();
        assertTrue(method.contains("Allen–Feldman") && method.contains("3.35 Å") && method.contains("0.5 THz"),
                "the sidecar records how κ was made, thickness convention included: " + method);
        assertEquals(generated.ids(), relabelled.ids());
        assertTrue(generated.size() >= 1 && reports.stream().allMatch(DatasetLabeller.RowReport::written));
        double[] expected = generated.scalar("kappa");
        double[] actual = relabelled.scalar("kappa");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {  // outside Allen–Feldman's validity (no plateau in η): NaN both ways
                assertTrue(Double.isNaN(actual[i]), "κ of " + generated.ids().get(i) + " is NaN when made, not when relabelled");
                continue;
            }
            assertTrue(expected[i] > 0.1 && expected[i] < 1000, "κ of " + generated.ids().get(i) + " = " + expected[i] + " W/(m K)");
            assertEquals(expected[i], actual[i], 1e-6 * expected[i], "κ of " + generated.ids().get(i));
        }
        assertRowsEqual(plain, labelled);
        assertThrows(IllegalArgumentException.class, () -> new DatasetLabeller(new DatasetLabeller.Options(withKappa, structures,
                tiny(), java.util.Set.of(Label.KAPPA), directory.resolve("again.csv"), 1, HessianAssembler.DEFAULT_DISPLACEMENT)),
                "a dataset that already has κ is not labelled again");
    }

    /**
     * σ and the electronic DOS made during generation equal those {@code spr label} makes from the stored structure,
     * and the electronic DOS becomes the spectrum (121 points on −3…3 eV) with DOS(E_F) and σ as scalars.
     */
    @Test
    void electronicLabelsDuringGenerationEqualThoseOfTheStoredStructures(@TempDir Path directory) throws Exception {
        Path plain = directory.resolve("plain.csv");
        Path structures = directory.resolve("structures");
        Path generated = directory.resolve("electronic.csv");
        java.util.Set<Label> labels = java.util.Set.of(Label.SIGMA, Label.EDOS);
        generateTwice(1, plain, structures, generated, labels);
        Path labelled = directory.resolve("labelled.csv");
        new DatasetLabeller(new DatasetLabeller.Options(plain, structures, tiny(), labels, labelled, 1,
                HessianAssembler.DEFAULT_DISPLACEMENT)).run(r -> { });
        Dataset a = Dataset.read(generated);
        Dataset b = Dataset.read(labelled);
        assertEquals(121, a.metadata().spectrumGrid().count());
        assertEquals("eV", a.metadata().spectrumGrid().unit());
        assertEquals(a.ids(), b.ids());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.scalar("sigma")[i] > 0 && a.scalar("dos_fermi")[i] >= 0, "σ and DOS(E_F) of " + a.ids().get(i));
            assertEquals(a.scalar("sigma")[i], b.scalar("sigma")[i], 1e-9 * a.scalar("sigma")[i]);
            assertArrayEquals(a.spectra()[i], b.spectra()[i], 1e-12, "electronic DOS of " + a.ids().get(i));
        }
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator.Options(Recipes.recipe("sic", Map.of()), 1, 1, 0, 1, 1,
                Path.of("x.csv"), null, HessianAssembler.DEFAULT_DISPLACEMENT, labels), "σ is carbon only");
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("amc", Map.of("rate", "-5:10")));
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("amc", Map.of("vacancies", "0:1")));
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("graphite", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> options(3, 2, 2, Path.of("x.csv"), null));
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator.Options(Recipes.recipe("lj2d", Map.of()), 1, 1, 0, 1, 1,
                Path.of("x.csv"), null, HessianAssembler.DEFAULT_DISPLACEMENT, java.util.Set.of(Label.KAPPA)), "κ needs metal units");
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
