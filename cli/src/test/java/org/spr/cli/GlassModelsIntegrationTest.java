package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.generate.DatasetGenerator;
import org.spr.generate.Recipes;
import org.spr.generate.SystemRecipe;
import org.spr.label.HessianAssembler;
import org.spr.model.ModelCatalog;
import org.spr.model.ModelFile;
import org.spr.model.RegressionMetrics;
import org.spr.model.SprModel;
import org.spr.model.TrainingDomain;
import org.spr.protocol.Composition;
import org.spr.protocol.MaterialSystem;
import org.spr.protocol.MeltQuench;
import org.spr.protocol.Systems;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's acceptance for glasses: a glass melt-quenched the way a user makes it, with the project's own
 * {@link MeltQuench} and seeds far outside the training seeds (1…N), lies in the training domain of the embedded
 * model of its system, and the model's PDOS matches the glass's Hessian PDOS at R² ≥ 0.95.
 */
@Tag("lammps")
class GlassModelsIntegrationTest {

    private static final long FRESH_SEED = 900_001;

    @Test
    void meltQuenchedCu50Zr50WithTheDefaultScheduleIsInTheEmbeddedModelsDomain(@TempDir Path dir) throws Exception {
        // MeltQuench.defaults: 3,000 K for 3 ps, cooled to 300 K in 5 ps (540 K/ps), 3 ps at 300 K, box relaxed
        MaterialSystem cuzr = Systems.copperZirconium(Composition.parse("Cu50Zr50"), 4);
        assertGlassesPredicted("cuzr", "cuzr-linear", seed -> MeltQuench.defaults(cuzr, 256, seed), dir);
    }

    @Test
    void meltQuenchedKobAndersenGlassIsInTheEmbeddedModelsDomain(@TempDir Path dir) throws Exception {
        // the 3D LJ glass former, as inputs/ka/in.ka makes it: T* 2.0 for 1,000 steps, cooled to 0.05 over 20,000 steps
        // of 0.005 τ (0.0195 per τ), 1,000 steps, box relaxed. (The one-component LJ of lj3d partly crystallises at such
        // rates for some seeds; the domain check flags those, see README "Measured accuracy".)
        MaterialSystem ka = Systems.kobAndersen(4);
        assertGlassesPredicted("ka", "ka-linear", seed -> new MeltQuench(ka, 256, 1.15, 0.8, 200, 2.0, 1000, 0.05,
                20_000, 1000, 0.005, true, 1e-4, seed), dir);
    }

    private static void assertGlassesPredicted(String system, String model, java.util.function.LongFunction<MeltQuench> quench,
                                               Path dir) throws Exception {
        SystemRecipe recipe = Recipes.recipe(system, Map.of()).withProtocol(quench::apply);
        Path csv = dir.resolve(system + "-glass.csv");
        DatasetGenerator.Outcome outcome = new DatasetGenerator(new DatasetGenerator.Options(recipe, 2, FRESH_SEED, 0, 1, 1,
                csv, null, HessianAssembler.DEFAULT_DISPLACEMENT, Set.of())).run(20210929, report -> { });
        assertEquals(2, outcome.written(), "both glasses made and labelled");
        Dataset glasses = Dataset.read(csv);
        SprModel embedded = ModelFile.loadResource(ModelCatalog.EMBEDDED_FOLDER + model + ".sprmodel");
        for (int i = 0; i < glasses.size(); i++) {
            assertEquals("melt-quench", glasses.row(i).protocol());
            double[] g = glasses.gr()[i];
            double[] predicted = embedded.predict(g, glasses.metadata().input());
            RegressionMetrics metrics = RegressionMetrics.of(new double[][]{predicted}, new double[][]{glasses.spectra()[i]});
            double distance = embedded.domainDistance(g);
            // in domain as every prediction reports it: D ≤ 1.5 (D = 1 is the 99th percentile of the training rows)
            assertTrue(distance <= TrainingDomain.DEFAULT_THRESHOLD, glasses.ids().get(i) + ": domain distance " + distance);
            assertTrue(metrics.r2() >= 0.95, glasses.ids().get(i) + ": PDOS R² " + metrics.r2() + " against its Hessian PDOS");
        }
    }
}
