package org.spr.generate;

import org.junit.jupiter.api.Test;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped AMC dataset ({@code data/amc/amc.csv}, the data behind the embedded AMC models) is amorphous monolayer
 * carbon: sp² (median two-coordinated fraction below 5 %), amorphous enough (at least a quarter of the structures with
 * ≥ 30 % non-hexagonal rings), every structure above graphene with the same potential, both protocols present, and the
 * PDOS grid covering the spectrum.
 */
class AmcDatasetPlausibilityTest {

    static final Path DATASET = Path.of("..", "data", "amc", "amc.csv");

    @Test
    void theShippedAmcDatasetIsAmorphousSp2Carbon() {
        assertTrue(Files.isRegularFile(DATASET), DATASET.toAbsolutePath() + " is missing");
        Dataset dataset = Dataset.read(DATASET);
        List<Double> twoCoordinated = new ArrayList<>();
        int amorphous = 0;
        int bondSwitch = 0;
        int quench = 0;
        for (int i = 0; i < dataset.size(); i++) {
            DatasetRow row = dataset.row(i);
            double above = Double.parseDouble(row.parameters().get("energy_above_graphene"));
            assertTrue(above > 0, row.id() + " lies " + above + " eV/atom above graphene");
            twoCoordinated.add(Double.parseDouble(row.parameters().get("two_coordinated_fraction")));
            if (Double.parseDouble(row.parameters().get("non_hexagonal_ring_fraction")) >= 0.3) {
                amorphous++;
            }
            double outside = Double.parseDouble(row.parameters().get("pdos_weight_outside_grid"));
            // only the Gaussian tails of the lowest modes reach below 0 THz (≤ 0.3 % in flat quenched cells)
            assertTrue(outside < 0.01, row.id() + ": PDOS weight " + outside + " outside the grid");
            if (row.protocol().equals("amc-bond-switch")) {
                bondSwitch++;
            } else if (row.protocol().equals("amc-quench")) {
                quench++;
            }
        }
        Collections.sort(twoCoordinated);
        double median = twoCoordinated.get(twoCoordinated.size() / 2);
        assertTrue(median < 0.05, "median two-coordinated fraction " + median);
        assertTrue(amorphous >= dataset.size() / 4.0, amorphous + " of " + dataset.size() + " with ≥ 30 % non-hexagonal rings");
        assertTrue(bondSwitch > 0 && quench > 0, "both protocols: " + bondSwitch + " bond-switch, " + quench + " quench rows");
    }
}
