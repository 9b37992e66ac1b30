package org.spr.generate;

import org.junit.jupiter.api.Test;
import org.spr.protocol.DistortRemoveRelax;
import org.spr.protocol.MeltQuench;
import org.spr.protocol.Protocol;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The glass part of the 3D recipes (issue 12.5), without LAMMPS. */
class RecipesTest {

    @Test
    void aboutHalfOfTheSeedsAreMeltQuenchedGlassesAtRatesInsideTheRange() {
        SystemRecipe recipe = Recipes.recipe("cuzr", Map.of());
        int glasses = 0;
        for (long seed = 1; seed <= 400; seed++) {
            Protocol protocol = recipe.protocolForSeed().apply(seed);
            if (protocol instanceof MeltQuench quench) {
                glasses++;
                double rate = (double) quench.parameters().get("quench_rate");
                assertTrue(rate >= 30 * 0.99 && rate <= 1000 * 1.01, "rate " + rate + " K/ps");
                assertEquals(256, quench.atoms(), "as many atoms as the crystal has sites");
                assertEquals(2500, quench.meltTemperature());
            } else {
                assertInstanceOf(DistortRemoveRelax.class, protocol);
            }
        }
        assertTrue(glasses > 160 && glasses < 240, glasses + " glasses of 400");
        assertTrue(recipe.parameterNames().containsAll(java.util.List.of("amplitude", "quench_rate", "melt_temperature")),
                "rows carry both protocols' parameters: " + recipe.parameterNames());
        assertEquals("K/ps", recipe.units().get("quench_rate"));
    }

    @Test
    void glassZeroKeepsTheDistortedCrystalsOnlyAndGlassOneOnlyGlasses() {
        SystemRecipe crystals = Recipes.recipe("ka", Map.of("glass", "0"));
        SystemRecipe glasses = Recipes.recipe("ka", Map.of("glass", "1", "rate", "0.01:0.01"));
        for (long seed = 1; seed <= 20; seed++) {
            assertInstanceOf(DistortRemoveRelax.class, crystals.protocolForSeed().apply(seed));
            MeltQuench quench = (MeltQuench) glasses.protocolForSeed().apply(seed);
            assertEquals((2.0 - 0.05) / (0.01 * 0.005), quench.coolSteps(), 1, "cooling steps from the rate");
        }
        assertEquals(java.util.List.of("A", "B"), crystals.descriptor().species());
    }

    @Test
    void twoDimensionalAndBadGlassOptionsAreRefused() {
        assertThrows(RuntimeException.class, () -> Recipes.recipe("lj2d", Map.of("glass", "0.5")),
                "MeltQuench is 3D only: lj2d has no glass option");
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("cuzr", Map.of("glass", "1.5")));
        assertThrows(IllegalArgumentException.class, () -> Recipes.recipe("cuzr", Map.of("rate", "0:10")));
    }
}
