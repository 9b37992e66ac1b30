package org.spr.fixes.hook;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.protocol.AmcQuench;
import org.spr.protocol.Potentials;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.InProcessEngine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The predict hook with the embedded AMC model, inside real LAMMPS runs. */
@Tag("lammps")
class PredictHookIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    private static List<PredictHook.Prediction> monitoredQuench(Map<String, String> parameters, double peak, int hold) {
        List<Serializable> records = new ArrayList<>();
        AmcQuench protocol = AmcQuench.defaults(3).withSize(10, 6).withDisorder(0.05, peak, 10000).withSchedule(0.0005, 200, hold)
                .withMonitor(100, new HookBinding("predict", parameters));
        try (InProcessEngine engine = new InProcessEngine(QUIET, records::add)) {
            ProtocolResult result = engine.call(protocol);
            assertTrue(result.atoms() > 0);
        }
        List<PredictHook.Prediction> predictions = new ArrayList<>();
        boolean header = false;
        for (Serializable record : records) {
            Serializable inner = record instanceof HookBinding.HookOutput output ? output.record() : record;
            if (inner instanceof PredictHook.Header h) {
                header = true;
                assertEquals(400, h.r().length);
                assertEquals(200, h.outputGrid().length);
            } else if (inner instanceof PredictHook.Prediction p) {
                predictions.add(p);
            }
        }
        assertTrue(header, "a header record comes first");
        return predictions;
    }

    @Test
    void inherentStructurePredictionsAreUnitAreaSpectraInsideTheDomain() {
        List<PredictHook.Prediction> predictions = monitoredQuench(
                Map.of("potential", PredictHook.amcPotential(Potentials.path(AmcQuench.POTENTIAL))), 4000, 200);
        assertTrue(predictions.size() >= 5, "one prediction per 100 steps: " + predictions.size());
        for (PredictHook.Prediction p : predictions) {
            double area = 0;
            for (double value : p.prediction()) {
                area += value * 0.5;
            }
            assertEquals(1.0, area, 0.05, "predicted PDOS has unit area at step " + p.step());
            assertFalse(Double.isNaN(p.domainDistance()), "the embedded model carries its training domain");
        }
        PredictHook.Prediction last = predictions.get(predictions.size() - 1);
        assertFalse(last.outOfDomain(), "a quenched (inherent) AMC structure is inside the domain: " + last.domainDistance());
    }

    /** The embedded κ model beside the PDOS on the same inherent g(r): one positive κ per record, in the AMC range. */
    @Test
    void furtherModelsPredictBesideThePdosOnTheSameGr() {
        List<Serializable> records = new ArrayList<>();
        AmcQuench protocol = AmcQuench.defaults(3).withSize(10, 6).withDisorder(0.05, 4000, 10000).withSchedule(0.0005, 200, 200)
                .withMonitor(100, new HookBinding("predict", Map.of("potential", PredictHook.amcPotential(Potentials.path(AmcQuench.POTENTIAL)),
                        "also", "amc-kappa")));
        try (InProcessEngine engine = new InProcessEngine(QUIET, records::add)) {
            engine.call(protocol);
        }
        PredictHook.Header header = null;
        List<PredictHook.Prediction> predictions = new ArrayList<>();
        for (Serializable record : records) {
            Serializable inner = record instanceof HookBinding.HookOutput output ? output.record() : record;
            if (inner instanceof PredictHook.Header h) {
                header = h;
            } else if (inner instanceof PredictHook.Prediction p) {
                predictions.add(p);
            }
        }
        assertTrue(header != null && header.also().size() == 1, "the header describes the further model");
        assertEquals("kappa", header.also().get(0).name());
        assertTrue(header.also().get(0).isScalar());
        PredictHook.Prediction last = predictions.get(predictions.size() - 1);
        assertEquals(1, last.also().length);
        double kappa = last.also()[0][0];
        assertTrue(kappa > 1 && kappa < 30, "κ of a quenched AMC structure in the training range 1.6–24 W/(m K): " + kappa);
        assertFalse(Double.isNaN(last.alsoDomainDistances()[0]));
    }

    @Test
    void furtherModelOnAnotherGrIsRefusedWhenTheHookIsMade() {
        org.spr.model.SprModel pdos = PredictHook.loadModel("default");
        org.spr.model.SprModel kappa = PredictHook.loadModel("amc-kappa");
        org.spr.model.DescriptorSpec spec = pdos.inputSpec();
        org.spr.model.DescriptorSpec other = org.spr.model.DescriptorSpec.total(new org.spr.descriptor.RadialGrid(6.0, 0.02),
                spec.dimension(), spec.grKind(), spec.species());
        assertEquals(spec, kappa.inputSpec(), "the embedded κ model takes the PDOS model's g(r)");
        int bins = other.grid().bins();
        double[][] x = new double[8][bins];
        double[][] y = new double[8][1];
        for (int i = 0; i < x.length; i++) {
            x[i][i] = 1;
            y[i][0] = 2 + i;
        }
        org.spr.model.SprModel regridded = new org.spr.model.LinearTrainer(0, 1e-3).train(new org.spr.model.TrainingData(x, y, null, null,
                other, org.spr.model.OutputSpec.scalar("kappa", "W/(m K)", true), org.spr.model.TrainingProvenance.synthetic(x.length)));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PredictHook(pdos, "default", org.spr.model.GrKind.INSTANTANEOUS, 1, null, 1.5,
                        List.of(regridded), List.of("regridded")));
        assertTrue(refused.getMessage().contains("same g(r)"), refused.getMessage());
    }

    @Test
    void hotLiquidIsFlaggedOutOfDomain() {
        List<PredictHook.Prediction> predictions = monitoredQuench(Map.of("kind", "instantaneous"), 7000, 1000);
        PredictHook.Prediction hottest = predictions.stream().max((a, b) -> Double.compare(a.temperature(), b.temperature())).orElseThrow();
        assertTrue(hottest.temperature() > 3000, "a hot liquid was monitored: " + hottest.temperature());
        assertTrue(hottest.outOfDomain(), "liquid carbon at " + hottest.temperature() + " K must be out of the domain of a model "
                + "trained on quenched structures: distance " + hottest.domainDistance());
    }
}
