package org.spr.fixes.monitor;

import org.spr.fixes.hook.HookBinding;
import org.spr.fixes.hook.PredictHook;
import org.spr.label.PhononDos;
import org.spr.protocol.ProtocolStage;
import org.spr.report.CsvLog;
import org.spr.report.Plots;
import org.spr.report.Progress;
import org.spr.report.Series;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.spr.report.CsvTables.cell;

/**
 * Where monitor records go (from {@code spr quench}, {@code spr run} with a predict hook, {@code spr analyze}): a
 * terminal table with progress and ETA, {@code timeseries.csv} and {@code spectra.csv} flushed per record, PNG plots at
 * the end.
 */
public final class MonitorOutput implements AutoCloseable {
    private final Path out;
    private final int totalSteps;
    private String modelKind = "SPR";
    private PredictHook.Prediction last;
    private final long start = System.nanoTime();
    private final CsvLog timeseries;
    private final CsvLog spectra;
    private final List<PredictHook.Prediction> kept = new ArrayList<>();
    private double[] r;
    private double[] frequencies;
    private List<PredictHook.Output> also = List.of();
    private int stepsBefore;
    private int stageSteps;

    public MonitorOutput(Path out, int totalSteps) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.timeseries = CsvLog.create(out.resolve("timeseries.csv"));
        this.spectra = CsvLog.create(out.resolve("spectra.csv"));
    }

    public void accept(Serializable record) {
        if (record instanceof HookBinding.HookOutput output) {
            record = output.record();
        }
        if (record instanceof ProtocolStage stage) {
            stepsBefore += stageSteps;
            stageSteps = stage.steps();
            System.out.println("-- " + stage.name() + (stage.steps() > 0 ? String.format(Locale.ROOT, " (%,d steps)", stage.steps()) : ""));
        } else if (record instanceof PredictHook.Header header) {
            r = header.r();
            modelKind = header.kind();
            frequencies = header.outputGrid();
            also = header.also();
            List<String> series = new ArrayList<>(List.of("step", "time_ps", "temperature_K", "pe_eV_per_atom", "domain_distance",
                    "out_of_domain", "pdos_mean_THz", "pdos_weight_above_55THz"));
            int width = Math.max(r.length, frequencies.length);
            StringBuilder table = new StringBuilder(String.format("%9s %8s %11s %8s %9s %9s", "step", "T (K)", "PE (eV/at)", "domain",
                    "<ν> THz", "w(>55THz)"));
            for (PredictHook.Output output : also) {
                if (output.isScalar()) {
                    series.add(output.name() + "_" + unitSuffix(output.unit()));
                    series.add(output.name() + "_domain_distance");
                    table.append(String.format(" %12s", output.name() + " " + shortUnit(output.unit())));
                } else {
                    width = Math.max(width, output.grid().length);
                }
            }
            timeseries.header(series);
            List<String> columns = new ArrayList<>(List.of("step", "quantity"));
            for (int k = 0; k < width; k++) {
                columns.add("c" + k);
            }
            spectra.header(columns);
            for (PredictHook.Output output : also) {
                if (!output.isScalar()) {
                    System.out.println("also predicting " + spectrumName(output) + " (" + output.model() + ", " + output.kind()
                            + "): rows '" + spectrumName(output) + "' of spectra.csv, " + spectrumName(output) + ".png");
                }
            }
            System.out.println(table + "  progress");
        } else if (record instanceof PredictHook.Warning warning) {
            System.out.println("warning: " + warning.message());
        } else if (record instanceof PredictHook.Prediction prediction) {
            show(prediction);
        }
    }

    private void show(PredictHook.Prediction p) {
        double[] moments = moments(p.prediction());
        String domain = Double.isNaN(p.domainDistance()) ? "n/a" : String.format(Locale.ROOT, "%.2f%s",
                p.domainDistance(), p.outOfDomain() ? "!" : "");
        long stepsDone = Math.min(totalSteps, p.step());
        double elapsed = (System.nanoTime() - start) * 1e-9;
        double fraction = totalSteps == 0 ? 0 : (double) stepsDone / totalSteps;
        String eta = totalSteps == 0 ? "" : fraction > 0.02 ? String.format(Locale.ROOT, "%3.0f%% ETA %s", 100 * fraction,
                Progress.clock(Progress.remaining(elapsed, fraction))) : String.format(Locale.ROOT, "%3.0f%% ETA --:--", 100 * fraction);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%9d %8.0f %11.4f %8s %9.2f %9.3f", p.step(),
                p.temperature(), p.potentialEnergyPerAtom(), domain, moments[0], moments[1]));
        List<Object> series = new ArrayList<>(Arrays.asList(p.step(), cell(p.time(), "%.5f"), cell(p.temperature(), "%.3f"),
                cell(p.potentialEnergyPerAtom(), "%.8f"), cell(p.domainDistance()), p.outOfDomain(), cell(moments[0], "%.5f"),
                cell(moments[1], "%.6f")));
        for (int i = 0; i < also.size() && i < p.also().length; i++) {
            if (also.get(i).isScalar()) {
                row.append(String.format(Locale.ROOT, " %12.4g", p.also()[i][0]));
                series.add(cell(p.also()[i][0], "%.6g"));
                series.add(cell(p.alsoDomainDistances()[i], "%.4f"));
            }
        }
        System.out.println(row + "  " + eta);
        timeseries.row(series);
        spectra.row(spectrumRow(p.step(), "g", p.g()));
        spectra.row(spectrumRow(p.step(), "pdos", p.prediction()));
        for (int i = 0; i < also.size() && i < p.also().length; i++) {
            if (!also.get(i).isScalar()) {
                spectra.row(spectrumRow(p.step(), spectrumName(also.get(i)), p.also()[i]));
            }
        }
        kept.add(p);
        last = p;
    }

    /** Mean frequency and the weight above 55 THz of a spectrum on the model's output grid. */
    private double[] moments(double[] spectrum) {
        double weight = 0, mean = 0, high = 0;
        for (int i = 0; i < spectrum.length; i++) {
            double value = Math.max(0, spectrum[i]);
            weight += value;
            mean += value * frequencies[i];
            if (frequencies[i] > 55) {
                high += value;
            }
        }
        return weight > 0 ? new double[]{mean / weight, high / weight} : new double[]{Double.NaN, Double.NaN};
    }

    /** File names of the further models' plots, e.g. [kappa.png, edos.png]. */
    public List<String> furtherPlots() {
        return also.stream().map(output -> (output.isScalar() ? output.name() : spectrumName(output)) + ".png").toList();
    }

    /** Plots ending with the last record received (for runs without a final structure of their own); false if none. */
    public boolean finishWithLast(String label) {
        if (last == null) {
            return false;
        }
        finish(label, last.g(), last.prediction(), null);
        return true;
    }

    public void finish(String finalLabel, double[] g, double[] predicted, PhononDos hessian) {
        StringBuilder csv = new StringBuilder("frequency_THz,predicted,hessian\n");
        for (int i = 0; i < predicted.length; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.8g,%s%n", frequencies[i], predicted[i],
                    hessian == null ? "" : String.format(Locale.ROOT, "%.8g", hessian.density()[i])));
        }
        org.spr.report.AtomicFiles.writeString(out.resolve("final-pdos.csv"), csv.toString());
        List<Series> gCurves = new ArrayList<>();
        List<Series> pdosCurves = new ArrayList<>();
        int stride = Math.max(1, kept.size() / 6);
        for (int i = 0; i < kept.size(); i += stride) {
            PredictHook.Prediction p = kept.get(i);
            String label = Double.isNaN(p.temperature()) ? String.format(Locale.ROOT, "#%d (step %d)", i + 1, p.step())
                    : String.format(Locale.ROOT, "step %d, %.0f K", p.step(), p.temperature());
            gCurves.add(new Series(label, r, p.g()));
            pdosCurves.add(new Series(label, frequencies, p.prediction()));
        }
        gCurves.add(new Series(finalLabel, r, g));
        pdosCurves.add(new Series(finalLabel, frequencies, predicted));
        Plots.lines(out.resolve("gr.png"), "g(r) of the inherent structure during the quench", "r (Å)", "g(r)", gCurves, false);
        Plots.lines(out.resolve("pdos.png"), "Predicted phonon DOS during the quench", "frequency (THz)", "PDOS (1/THz)", pdosCurves, false);
        List<Series> comparison = new ArrayList<>(List.of(new Series("predicted (" + modelKind + " SPR)", frequencies, predicted)));
        if (hessian != null) {
            comparison.add(new Series("Hessian", frequencies, hessian.density()));
        }
        Plots.lines(out.resolve("final-pdos.png"), finalLabel + ": predicted" + (hessian != null ? " vs Hessian" : "") + " PDOS", "frequency (THz)", "PDOS (1/THz)", comparison, false);
        plotFurtherSpectra(finalLabel);
        if (!kept.isEmpty()) {
            double[] steps = kept.stream().mapToDouble(PredictHook.Prediction::step).toArray();
            double[] temperature = kept.stream().mapToDouble(PredictHook.Prediction::temperature).toArray();
            if (java.util.Arrays.stream(temperature).allMatch(Double::isNaN)) {
                temperature = new double[steps.length];
            }
            double[] high = kept.stream().mapToDouble(p -> 100 * moments(p.prediction())[1]).toArray();
            Plots.lines(out.resolve("properties.png"), "Temperature and predicted high-frequency PDOS weight", "step",
                    "T/100 (K), weight above 55 THz (%)", List.of(new Series("T / 100 K", steps,
                            java.util.Arrays.stream(temperature).map(t -> t / 100).toArray()),
                            new Series("PDOS weight above 55 THz (%)", steps, high)), false);
        }
    }

    /**
     * For each further model, {@code NAME.png}: a scalar's prediction against the step; a spectrum's prediction at a
     * few monitored steps and at the end.
     */
    private void plotFurtherSpectra(String finalLabel) {
        for (int i = 0; i < also.size(); i++) {
            PredictHook.Output output = also.get(i);
            if (kept.isEmpty()) {
                continue;
            }
            if (output.isScalar()) {
                int index = i;
                double[] steps = kept.stream().mapToDouble(PredictHook.Prediction::step).toArray();
                double[] values = kept.stream().mapToDouble(p -> p.also()[index][0]).toArray();
                Plots.lines(out.resolve(output.name() + ".png"), "Predicted " + output.name() + " (" + output.kind() + " SPR)", "step",
                        output.name() + (output.unit().isEmpty() ? "" : " (" + output.unit() + ")"),
                        List.of(new Series(output.name(), steps, values)), false);
                continue;
            }
            List<Series> curves = new ArrayList<>();
            int stride = Math.max(1, kept.size() / 6);
            for (int k = 0; k < kept.size(); k += stride) {
                PredictHook.Prediction p = kept.get(k);
                curves.add(new Series(Double.isNaN(p.temperature()) ? String.format(Locale.ROOT, "#%d (step %d)", k + 1, p.step())
                        : String.format(Locale.ROOT, "step %d, %.0f K", p.step(), p.temperature()), output.grid(), p.also()[i]));
            }
            PredictHook.Prediction end = kept.get(kept.size() - 1);
            curves.add(new Series(finalLabel.startsWith("final") ? "last monitored step " + end.step() : finalLabel, output.grid(), end.also()[i]));
            String name = spectrumName(output);
            String title = name.equals("edos") ? "electronic DOS" : name;
            String axis = "eV".equals(output.gridUnit()) ? "E − E_F (eV)" : output.gridUnit().isEmpty() ? "grid" : output.gridUnit();
            Plots.lines(out.resolve(name + ".png"), "Predicted " + title + " (" + output.kind() + " SPR)", axis, name + (output.unit().isEmpty() ? "" : " (" + output.unit() + ")"), curves, false);
        }
    }

    /** The spectra.csv / PNG name of a further spectrum model: "edos" for an eV grid, else the model's file stem. */
    public static String spectrumName(PredictHook.Output output) {
        if ("eV".equals(output.gridUnit())) {
            return "edos";
        }
        String stem = Path.of(output.model()).getFileName().toString().replaceFirst("\\.sprmodel$", "");
        return stem.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A unit as a column-name suffix: W/(m K) → W_per_m_K. */
    public static String unitSuffix(String unit) {
        return unit.isEmpty() ? "value" : unit.replace("/", "_per_").replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_")
                .replaceAll("_$", "");
    }

    private static String shortUnit(String unit) {
        return unit.isEmpty() ? "" : "(" + unit.replace(" ", "") + ")";
    }

    @Override
    public void close() {
        timeseries.close();
        spectra.close();
    }

    /** A row of spectra.csv: step, quantity, the values to 6 significant digits (NaN: empty). */
    private static List<Object> spectrumRow(long step, String quantity, double[] values) {
        List<Object> row = new ArrayList<>(values.length + 2);
        row.add(step);
        row.add(quantity);
        for (double value : values) {
            row.add(cell(value, "%.6g"));
        }
        return row;
    }
}
