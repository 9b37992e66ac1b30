package org.spr.fixes.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.fixes.hook.PredictHook;

/** The monitor's CSV files follow the project's CSV convention: a missing value is an empty cell. */
class MonitorOutputTest {

    @Test
    void missingValuesAreEmptyCellsInTimeseriesAndSpectra(@TempDir Path out) throws Exception {
        PredictHook.Output kappa = new PredictHook.Output("kappa.sprmodel", "linear", "kappa", "W/(m K)", new double[0], "");
        try (MonitorOutput output = new MonitorOutput(out, 0)) {
            output.accept(new PredictHook.Header("m.sprmodel", "linear", "instantaneous", new double[] {0.5, 1.5},
                    new double[] {10, 60}, "pdos", "1/THz", "THz", List.of(kappa)));
            // a trajectory frame: no time, temperature or energy; no domain distance; an undefined further prediction
            output.accept(new PredictHook.Prediction(100, Double.NaN, Double.NaN, Double.NaN, new double[] {0.25, Double.NaN},
                    new double[] {1, 3}, Double.NaN, false, new double[][] {{Double.NaN}}, new double[] {0.5}));
        }
        List<String> series = Files.readAllLines(out.resolve("timeseries.csv"));
        assertEquals("step,time_ps,temperature_K,pe_eV_per_atom,domain_distance,out_of_domain,pdos_mean_THz,"
                + "pdos_weight_above_55THz,kappa_W_per_m_K,kappa_domain_distance", series.get(0));
        assertEquals("100,,,,,false,47.50000,0.750000,,0.5000", series.get(1));
        List<String> spectra = Files.readAllLines(out.resolve("spectra.csv"));
        assertEquals(List.of("step,quantity,c0,c1", "100,g,0.250000,", "100,pdos,1.00000,3.00000"), spectra);
    }
}
