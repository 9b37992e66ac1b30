package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.DatasetColumns;
import org.spr.dataset.DatasetWriter;
import org.spr.generate.DatasetGenerator;
import org.spr.generate.Recipes;

/** Issue 15, failure 2: {@code spr generate --system lj3d --out <an lj2d dataset>} is refused (real LAMMPS version probe). */
@Tag("lammps")
class DatasetAppendCommandTest {

    @Test
    void generatingAnotherSystemIntoADatasetIsRefusedNamingTheFirstDifference(@TempDir Path directory) throws Exception {
        Path csv = directory.resolve("lj2d.csv");
        DatasetGenerator lj2d = new DatasetGenerator(DatasetGenerator.Options.defaults(Recipes.recipe("lj2d", Map.of()), 1, csv));
        DatasetWriter.open(csv, lj2d.metadata(20210929)).close();
        byte[] rows = Files.readAllBytes(csv);
        byte[] sidecar = Files.readAllBytes(DatasetColumns.sidecar(csv));
        SprRun run = SprRun.of("generate", "--system", "lj3d", "--count", "1", "--out", csv.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.oneCleanSentence() && run.err().contains("normalisation 2D vs 3D"), run.err());
        assertArrayEquals(rows, Files.readAllBytes(csv));
        assertArrayEquals(sidecar, Files.readAllBytes(DatasetColumns.sidecar(csv)));
        assertTrue(Files.notExists(directory.resolve("lj2d.failed.csv")) && Files.notExists(directory.resolve("lj2d.timings.csv")));
    }
}
