package org.spr.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.SpectrumGrid;

/** Issue 15, failure 2: rows are appended only to a dataset whose sidecar describes rows made the same way. */
class DatasetAppendTest {

    @TempDir
    Path directory;

    private static DatasetMetadata metadata(int dimension, RadialGrid grid, List<ScalarLabel> scalars) {
        return DatasetMetadata.create(DescriptorSpec.total(grid, dimension, GrKind.INHERENT, List.of("LJ")),
                new SpectrumGrid(0.25, 0.5, 3, "reduced", "unit area"), "1/reduced", scalars, List.of("amplitude"), Map.of(),
                "distort-remove-relax", Map.of("lammps", "20210929"));
    }

    private static DatasetRow row(String system, int i) {
        return new DatasetRow(system.toLowerCase() + "-" + i, system, "distort-remove-relax", i, 100, -3, Map.of("amplitude", "0.1"),
                new double[]{0, 0.5, 1, 1.2, 1}, new double[]{1, 2, 3}, Map.of());
    }

    private Path lj2dDataset() {
        Path csv = directory.resolve("lj2d.csv");
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata(2, new RadialGrid(0.1, 0.02), List.of()))) {
            writer.append(row("LJ2D", 1));
        }
        return csv;
    }

    @Test
    void rowsOfAnotherDimensionGridOrLabelSetAreRefusedNamingTheFirstDifference() throws Exception {
        Path csv = lj2dDataset();
        byte[] before = Files.readAllBytes(csv);
        byte[] sidecar = Files.readAllBytes(DatasetColumns.sidecar(csv));
        DatasetFormatException dimension = assertThrows(DatasetFormatException.class,
                () -> DatasetWriter.open(csv, metadata(3, new RadialGrid(0.1, 0.02), List.of())));
        assertTrue(dimension.getMessage().contains("normalisation 2D vs 3D"), dimension.getMessage());
        DatasetFormatException grid = assertThrows(DatasetFormatException.class,
                () -> DatasetWriter.open(csv, metadata(2, new RadialGrid(0.1, 0.01), List.of())));
        assertTrue(grid.getMessage().contains("grid"), grid.getMessage());
        DatasetFormatException labels = assertThrows(DatasetFormatException.class,
                () -> DatasetWriter.open(csv, metadata(2, new RadialGrid(0.1, 0.02), List.of(new ScalarLabel("kappa", "W/(m K)")))));
        assertTrue(labels.getMessage().contains("scalar labels"), labels.getMessage());
        assertArrayEquals(before, Files.readAllBytes(csv));
        assertArrayEquals(sidecar, Files.readAllBytes(DatasetColumns.sidecar(csv)));
    }

    @Test
    void rowsOfAnotherSystemAreRefusedAndTheSameRecipeResumes() {
        Path csv = lj2dDataset();
        try (DatasetWriter writer = DatasetWriter.open(csv, metadata(2, new RadialGrid(0.1, 0.02), List.of()))) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> writer.requireSystem("LJ3D"));
            assertTrue(e.getMessage().contains("system LJ2D vs LJ3D"), e.getMessage());
            writer.requireSystem("LJ2D");
            writer.append(row("LJ2D", 2)); // a later run (new time stamp, same recipe) appends
        }
        assertEquals(List.of("lj2d-1", "lj2d-2"), Dataset.read(csv).ids());
    }
}
