package org.spr.descriptor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.spr.dataset.Dataset;
import org.spr.io.LammpsDataReader;
import org.spr.structure.Frame;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LAMMPS {@code dimension 2} structure read from its data file: the box is 1.11 σ thick and periodic in z, but the
 * pair search of a 2D frame counts no periodic images along z, so its g(r) is the one the dataset generator computed in situ (the stored row)
 * and each atom has about 6 neighbours in the first shell, as in a 2D Lennard-Jones glass.
 */
class TwoDimensionalStructureTest {

    /** The committed 2D LJ dataset, relative to this module (tests run in the module directory). */
    private static final Path DATASET = Path.of("..", "data", "lj2d");

    @Test
    void storedLj2dStructureGivesItsDatasetRow() {
        Path structure = DATASET.resolve("structures").resolve("lj2d-000001.data.gz");
        Path csv = DATASET.resolve("lj2d.csv");
        Assumptions.assumeTrue(Files.isReadable(structure) && Files.isReadable(csv), "the lj2d dataset is not checked out");
        Frame frame = LammpsDataReader.read(structure, 2);
        assertEquals(2, frame.dimension());
        assertTrue(frame.box().periodic(2) && frame.box().lz() < 1.5,
                "LAMMPS's 2D box is thin and periodic in z: " + frame.box());

        Dataset dataset = Dataset.read(csv);
        int row = dataset.ids().indexOf("lj2d-000001");
        assertTrue(row >= 0, "row lj2d-000001 in " + csv);
        RadialGrid grid = dataset.metadata().input().grid();
        PairCorrelation correlation = new RadialDistribution(grid, 1).compute(frame);
        double[] stored = dataset.gr()[row];
        double[] computed = correlation.total();
        assertEquals(stored.length, computed.length);
        double largest = 0;
        for (int k = 0; k < stored.length; k++) {
            largest = Math.max(largest, Math.abs(stored[k] - computed[k]));
        }
        assertTrue(largest < 1e-6, "g(r) equals the dataset row; largest difference " + largest);

        // first shell of the 2D LJ glass: up to the first minimum of g(r) near r = 1.45 σ, about 6 neighbours
        double[] coordination = correlation.coordination();
        int firstMinimum = (int) Math.round(1.45 / grid.dr());
        double neighbours = coordination[firstMinimum];
        assertTrue(neighbours > 5 && neighbours < 7, "first-shell coordination in 2D: " + neighbours);
    }
}
