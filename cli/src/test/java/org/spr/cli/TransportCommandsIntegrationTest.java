package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code spr label} and {@code spr kappa} on committed AMC structures ({@code data/amc/structures}) with the real
 * LAMMPS library: the labels equal those stored in {@code data/amc-transport} and bad input gets its exit code.
 */
@Tag("lammps")
class TransportCommandsIntegrationTest {

    /** The committed AMC structure {@code id} ({@code data/amc/structures/<id>.data.gz}). */
    private static String stored(String id) {
        return repository().resolve("data/amc/structures/" + id + ".data.gz").toString();
    }

    private static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("data/amc/structures"))) {
            directory = directory.getParent();
        }
        return directory;
    }

    @Test
    void labelReproducesTheCommittedTransportLabels(@TempDir Path directory) throws Exception {
        Path root = repository();
        List<String> lines = Files.readAllLines(root.resolve("data/amc/amc.csv"));
        Path source = directory.resolve("three.csv");
        Files.write(source, lines.subList(0, 4));
        Files.copy(root.resolve("data/amc/amc.json"), directory.resolve("three.json"));
        Path out = directory.resolve("labelled.csv");
        assertEquals(ExitCodes.OK, Main.run("label", "--system", "amc", "--data", source.toString(), "--structures",
                root.resolve("data/amc/structures").toString(), "--labels", "kappa,sigma", "--out", out.toString()));
        Dataset labelled = Dataset.read(out);
        Dataset committed = Dataset.read(root.resolve("data/amc-transport/amc-transport.csv"));
        for (int i = 0; i < labelled.size(); i++) {
            int row = committed.ids().indexOf(labelled.ids().get(i));
            for (String label : List.of("kappa", "sigma")) {
                double expected = committed.scalar(label)[row];
                if (Double.isNaN(expected)) {  // κ outside Allen–Feldman's validity (no plateau in η): NaN both times
                    assertTrue(Double.isNaN(labelled.scalar(label)[i]), label + " of " + labelled.ids().get(i));
                    continue;
                }
                assertEquals(expected, labelled.scalar(label)[i], 1e-6 * Math.abs(expected), label + " of " + labelled.ids().get(i));
            }
        }
        Path empty = Files.createDirectories(directory.resolve("empty"));
        assertEquals(ExitCodes.BAD_INPUT, Main.run("label", "--system", "amc", "--data", source.toString(), "--structures",
                empty.toString(), "--labels", "sigma", "--out", directory.resolve("none.csv").toString()),
                "no stored structure: nothing labelled, one sentence naming the missing file");
        assertEquals(ExitCodes.USAGE, Main.run("label", "--system", "amc", "--data", source.toString(), "--structures",
                root.resolve("data/amc/structures").toString(), "--labels", "entropy", "--out", directory.resolve("x.csv").toString()));
        assertEquals(ExitCodes.USAGE, Main.run("label", "--system", "lj2d", "--data", source.toString(), "--structures",
                root.resolve("data/amc/structures").toString(), "--labels", "sigma", "--out", directory.resolve("y.csv").toString()),
                "σ is refused for a system that is not carbon");
    }

    /** Post-processing with the embedded κ and electronic-DOS models beside the PDOS model. */
    @Test
    void analyzeShowsFurtherModelsBesideThePdos(@TempDir Path directory) throws Exception {
        Path root = repository();
        Path out = directory.resolve("analysis");
        // two amorphous structures with a κ label (amc-000002…4 are nearly crystalline: κ outside Allen–Feldman's validity)
        assertEquals(ExitCodes.OK, Main.run("analyze", stored("amc-000001"),
                stored("amc-000005"), "--also", "amc-kappa,amc-edos",
                "--out", out.toString()));
        List<String> series = Files.readAllLines(out.resolve("timeseries.csv"));
        assertTrue(series.get(0).contains("kappa_W_per_m_K"), series.get(0));
        Dataset committed = Dataset.read(root.resolve("data/amc-transport/amc-transport.csv"));
        int column = List.of(series.get(0).split(",")).indexOf("kappa_W_per_m_K");
        String[] ids = {"amc-000001", "amc-000005"};
        for (int i = 0; i < ids.length; i++) {
            double predicted = Double.parseDouble(series.get(i + 1).split(",")[column]);
            double label = committed.scalar("kappa")[committed.ids().indexOf(ids[i])];
            assertTrue(Math.abs(Math.log10(predicted / label)) < Math.log10(1.5),
                    "κ of " + ids[i] + ": predicted " + predicted + " vs Allen–Feldman " + label);
        }
        assertEquals(2, Files.readAllLines(out.resolve("spectra.csv")).stream().filter(line -> line.startsWith("0,edos,")).count());
        assertTrue(Files.size(out.resolve("edos.png")) > 1000 && Files.size(out.resolve("kappa.png")) > 1000);
        assertEquals(ExitCodes.MODEL_MISMATCH, Main.run("analyze", stored("amc-000002"),
                "--also", root.resolve("models/lj2d/lj2d-linear.sprmodel").toString(), "--out", out.toString()),
                "a further model on another g(r) is refused");
    }

    @Test
    void kappaAllenFeldmanOfAStoredStructureEqualsItsLabel(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("af");
        assertEquals(ExitCodes.OK, Main.run("kappa", stored("amc-000003"), "--system", "amc", "--out", out.toString()));
        List<String> modes = Files.readAllLines(out.resolve("modes.csv"));
        assertEquals(1 + 3 * 160, modes.size(), "one row per mode of the 160-atom structure");
        assertTrue(Files.size(out.resolve("diffusivity.png")) > 1000);
        assertEquals(ExitCodes.BAD_INPUT, Main.run("kappa", directory.resolve("missing.data").toString(), "--system", "amc"));
        assertEquals(ExitCodes.USAGE, Main.run("kappa", stored("amc-000003"), "--system", "amc", "--method", "nemd", "--out", out.toString()));
    }
}
