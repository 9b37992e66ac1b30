package org.spr.fixes.hook;

import org.junit.jupiter.api.Test;
import org.spr.fixes.protocol.AmcQuench;
import org.spr.fixes.protocol.Potentials;
import org.spr.fixes.protocol.ProtocolResult;
import org.spr.lammps.InProcessEngine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The predict hook with the embedded AMC model, inside real LAMMPS runs. */
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

    @Test
    void hotLiquidIsFlaggedOutOfDomain() {
        List<PredictHook.Prediction> predictions = monitoredQuench(Map.of("kind", "instantaneous"), 7000, 1000);
        PredictHook.Prediction hottest = predictions.stream().max((a, b) -> Double.compare(a.temperature(), b.temperature())).orElseThrow();
        assertTrue(hottest.temperature() > 3000, "a hot liquid was monitored: " + hottest.temperature());
        assertTrue(hottest.outOfDomain(), "liquid carbon at " + hottest.temperature() + " K must be out of the domain of a model "
                + "trained on quenched structures: distance " + hottest.domainDistance());
    }
}
