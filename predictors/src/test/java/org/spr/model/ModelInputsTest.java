package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spr.descriptor.GaussianSmoothing;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.structure.Box;
import org.spr.structure.Frame;

class ModelInputsTest {

    private static final RadialGrid GRID = new RadialGrid(3.0, 0.1);

    /** n random atoms of two types in a box, with z in [zlo + zFrom·lz, zlo + zTo·lz). */
    private static Frame frame(int n, double zFrom, double zTo, String[] names, int dimension) {
        Random random = new Random(n);
        double[] positions = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            positions[3 * i] = 8 * random.nextDouble();
            positions[3 * i + 1] = 8 * random.nextDouble();
            positions[3 * i + 2] = 10 * (zFrom + (zTo - zFrom) * random.nextDouble());
            types[i] = 1 + i % 2;
        }
        return new Frame(positions, types, 2, names, null, null, Box.orthogonal(8, 8, 10), dimension, 0);
    }

    @Test
    void largestGapAlongZIsPeriodic() {
        Frame frame = new Frame(new double[] {0, 0, 1, 0, 0, 3, 0, 0, 9}, new int[] {1, 1, 1}, 1, null, null, null,
                Box.orthogonal(5, 5, 10), 3, 0);
        assertEquals(0.6, ModelInputs.largestGapAlongZ(frame), 1e-12); // 3 → 9
        Frame wrapped = new Frame(new double[] {0, 0, -1, 0, 0, 1, 0, 0, 2}, new int[] {1, 1, 1}, 1, null, null, null,
                Box.orthogonal(5, 5, 10), 3, 0);
        assertEquals(0.7, ModelInputs.largestGapAlongZ(wrapped), 1e-12); // 2 → 9 (= −1 + 10)
    }

    @Test
    void monolayerAndBulkAreTellApartForTheModelsDimension() {
        DescriptorSpec bulkModel = DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("Si", "C"));
        DescriptorSpec layerModel = DescriptorSpec.total(GRID, 2, GrKind.INHERENT, List.of("Si", "C"));
        Frame bulk = frame(200, 0, 1, null, 3);
        Frame layer = frame(200, 0.45, 0.55, null, 2);
        assertDoesNotThrow(() -> ModelInputs.checkDimension(bulk, bulkModel, "bulk"));
        assertDoesNotThrow(() -> ModelInputs.checkDimension(layer, layerModel, "layer"));
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> ModelInputs.checkDimension(layer, bulkModel, "layer.xyz"));
        assertTrue(e.getMessage().contains("3D") && e.getMessage().contains("layer.xyz") && e.getMessage().contains("monolayer"), e.getMessage());
        e = assertThrows(ModelMismatchException.class, () -> ModelInputs.checkDimension(bulk, layerModel, "bulk.data"));
        assertTrue(e.getMessage().contains("2D") && e.getMessage().contains("bulk.data"), e.getMessage());
        Frame slab = new Frame(bulk.positions(), bulk.types(), 2, null, null, null, bulk.box().withPeriodicity(true, true, false), 3, 0);
        assertThrows(ModelMismatchException.class, () -> ModelInputs.checkDimension(slab, bulkModel, "slab"));
    }

    @Test
    void speciesMustMatchInCountAndNamesAndForPartialsInOrder() {
        DescriptorSpec total = DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("Si", "C"));
        DescriptorSpec partials = new DescriptorSpec(GRID, 3, GrKind.INHERENT, List.of("Si", "C"), true, 0);
        assertDoesNotThrow(() -> ModelInputs.checkSpecies(frame(10, 0, 1, null, 3), total, "types only"));
        assertDoesNotThrow(() -> ModelInputs.checkSpecies(frame(10, 0, 1, new String[] {"C", "Si"}, 3), total, "swapped, total"));
        assertThrows(ModelMismatchException.class, () -> ModelInputs.checkSpecies(frame(10, 0, 1, new String[] {"C", "Si"}, 3), partials, "swapped"));
        ModelMismatchException e = assertThrows(ModelMismatchException.class,
                () -> ModelInputs.checkSpecies(frame(10, 0, 1, null, 3), DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("C")), "f"));
        assertTrue(e.getMessage().contains("[C]") && e.getMessage().contains("2 atom types"), e.getMessage());
    }

    @Test
    void partialsFollowTheSpeciesOrderAndSmoothingIsTheModels() {
        Frame frame = frame(300, 0, 1, new String[] {"Si", "C"}, 3);
        PairCorrelation g = new RadialDistribution(GRID, 1, 1).compute(frame);
        DescriptorSpec partials = new DescriptorSpec(GRID, 3, GrKind.INHERENT, List.of("Si", "C"), true, 0);
        double[] input = ModelInputs.fromPairCorrelation(g, partials, null);
        assertEquals(3 * GRID.bins(), input.length);
        assertArrayEquals(g.partial(0, 0), java.util.Arrays.copyOfRange(input, 0, 30));
        assertArrayEquals(g.partial(0, 1), java.util.Arrays.copyOfRange(input, 30, 60));
        assertArrayEquals(g.partial(1, 1), java.util.Arrays.copyOfRange(input, 60, 90));
        DescriptorSpec smoothed = new DescriptorSpec(GRID, 3, GrKind.INHERENT, List.of("Si", "C"), false, 0.2);
        assertArrayEquals(GaussianSmoothing.smooth(g.total(), 0.1, 0.2, null), ModelInputs.fromPairCorrelation(g, smoothed, null));
        DescriptorSpec otherGrid = DescriptorSpec.total(new RadialGrid(3.0, 0.05), 3, GrKind.INHERENT, List.of("Si", "C"));
        assertThrows(ModelMismatchException.class, () -> ModelInputs.fromPairCorrelation(g, otherGrid, null));
    }
}
