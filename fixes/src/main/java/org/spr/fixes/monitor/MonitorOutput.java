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
    /** Records for the plots: one per step (a repeated step replaces the previous record), in call order. */
    private final List<PredictHook.Prediction> kept = new ArrayList<>();
    /** Segment (0, 1, …) of each kept record: a step lower than the previous one starts a new segment. */
    private final List<Integer> keptSegments = new ArrayList<>();
    private int segment;
    private double[] r;
    private String gridUnit = "";
    private double[] frequencies;
    private List<PredictHook.Output> also = List.of();
    private int stepsBefore;
    private int stageSteps;
    /** Units of the records, from the model's output grid: reduced (lj) or metal. */
    private boolean reduced;
    /** Frequency above which the high-frequency PDOS weight is counted (55 THz for carbon's grid, else ¾ of the grid). */
    private double highFrequency = 55;

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
            gridUnit = header.gridUnit();
            also = header.also();
            String unitName = header.gridUnit().toLowerCase(Locale.ROOT);
            reduced = unitName.contains("tau") || unitName.contains("reduced");
            double top = frequencies.length == 0 ? 0 : frequencies[frequencies.length - 1];
            highFrequency = !reduced && top > 55 ? 55 : Math.round(0.75 * top * 10) / 10.0;
            String high = new java.math.BigDecimal(Double.toString(highFrequency)).stripTrailingZeros().toPlainString();
            List<String> series = new ArrayList<>(reduced
                    ? List.of("step", "time_tau", "temperature_reduced", "pe_epsilon_per_atom", "domain_distance", "out_of_domain",
                    "pdos_mean_per_tau", "pdos_weight_above_" + high + "_per_tau")
                    : List.of("step", "time_ps", "temperature_K", "pe_eV_per_atom", "domain_distance", "out_of_domain",
                    "pdos_mean_THz", "pdos_weight_above_" + high + "THz"));
            int width = Math.max(r.length, frequencies.length);
            StringBuilder table = new StringBuilder(reduced
                    ? String.format("%9s %8s %11s %8s %9s %9s", "step", "T (ε/kB)", "PE (ε/at)", "domain", "<ν> 1/τ", "w(>" + high + ")")
                    : String.format("%9s %8s %11s %8s %9s %9s", "step", "T (K)", "PE (eV/at)", "domain", "<ν> THz", "w(>" + high + "THz)"));
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
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, reduced ? "%9d %8.3f %11.4f %8s %9.3f %9.3f"
                : "%9d %8.0f %11.4f %8s %9.2f %9.3f", p.step(),
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
        keep(p);
        last = p;
    }

    /**
     * Steps need not increase: a step repeats at run boundaries (the last step of a run and the setup of the next, or
     * a final {@code run 0}) and may go back ({@code reset_timestep}). The CSV files keep every call; the plots keep
     * one record per step, the later one (the state after the commands between the runs), and draw each stretch of
     * increasing steps (a segment) as its own series.
     */
    private void keep(PredictHook.Prediction p) {
        if (!kept.isEmpty()) {
            long previous = kept.get(kept.size() - 1).step();
            if (p.step() == previous) {
                kept.set(kept.size() - 1, p);
                return;
            }
            if (p.step() < previous) {
                segment++;
            }
        }
        kept.add(p);
        keptSegments.add(segment);
    }

    /** A curve's label: its step (and temperature), with its segment when steps went back, unique among {@code used}. */
    private String curveLabel(int index, java.util.Set<String> used) {
        PredictHook.Prediction p = kept.get(index);
        String label = (segment > 0 ? "segment " + (keptSegments.get(index) + 1) + ", " : "")
                + (Double.isNaN(p.temperature()) ? String.format(Locale.ROOT, "#%d (step %d)", index + 1, p.step())
                : reduced ? String.format(Locale.ROOT, "step %d, T = %.3f ε/kB", p.step(), p.temperature())
                : String.format(Locale.ROOT, "step %d, %.0f K", p.step(), p.temperature()));
        return unique(label, used);
    }

    private static String unique(String label, java.util.Set<String> used) {
        String candidate = label;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    /** Against the step, one series per segment: {@code name}, or {@code name (segment k)} when there are several. */
    private List<Series> perSegment(String name, java.util.function.ToDoubleFunction<PredictHook.Prediction> value) {
        List<Series> series = new ArrayList<>();
        for (int k = 0; k <= segment; k++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                if (keptSegments.get(i) == k) {
                    x.add((double) kept.get(i).step());
                    y.add(value.applyAsDouble(kept.get(i)));
                }
            }
            if (!x.isEmpty()) {
                series.add(new Series(segment > 0 ? name + " (segment " + (k + 1) + ")" : name,
                        x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return series;
    }

    /** Mean frequency and the weight above 55 THz of a spectrum on the model's output grid. */
    private double[] moments(double[] spectrum) {
        double weight = 0, mean = 0, high = 0;
        for (int i = 0; i < spectrum.length; i++) {
            double value = Math.max(0, spectrum[i]);
            weight += value;
            mean += value * frequencies[i];
            if (frequencies[i] > highFrequency) {
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
        StringBuilder csv = new StringBuilder((reduced ? "frequency_per_tau" : "frequency_THz") + ",predicted,hessian\n");
        for (int i = 0; i < predicted.length; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.8g,%s%n", frequencies[i], predicted[i],
                    hessian == null ? "" : String.format(Locale.ROOT, "%.8g", hessian.density()[i])));
        }
        org.spr.report.AtomicFiles.writeString(out.resolve("final-pdos.csv"), csv.toString());
        List<Series> gCurves = new ArrayList<>();
        List<Series> pdosCurves = new ArrayList<>();
        int stride = Math.max(1, kept.size() / 6);
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = 0; i < kept.size(); i += stride) {
            PredictHook.Prediction p = kept.get(i);
            String label = curveLabel(i, labels);
            gCurves.add(new Series(label, r, p.g()));
            pdosCurves.add(new Series(label, frequencies, p.prediction()));
        }
        String endLabel = unique(finalLabel, labels);
        gCurves.add(new Series(endLabel, r, g));
        pdosCurves.add(new Series(endLabel, frequencies, predicted));
        String frequencyAxis = reduced ? "frequency ν (1/τ, reduced units)" : "frequency (THz)";
        String pdosAxis = reduced ? "PDOS (τ)" : "PDOS (1/THz)";
        Plots.lines(out.resolve("gr.png"), "g(r) during the run", reduced ? "r (σ)" : "r (Å)", "g(r)", gCurves, false);
        Plots.lines(out.resolve("pdos.png"), "Predicted phonon DOS during the run", frequencyAxis, pdosAxis, pdosCurves, false);
        List<Series> comparison = new ArrayList<>(List.of(new Series("predicted (" + modelKind + " SPR)", frequencies, predicted)));
        if (hessian != null) {
            comparison.add(new Series("Hessian", frequencies, hessian.density()));
        }
        Plots.lines(out.resolve("final-pdos.png"), finalLabel + ": predicted" + (hessian != null ? " vs Hessian" : "") + " PDOS", frequencyAxis, pdosAxis, comparison, false);
        plotFurtherSpectra(finalLabel);
        if (!kept.isEmpty()) {
            boolean noTemperature = kept.stream().allMatch(p -> Double.isNaN(p.temperature()));
            double scale = reduced ? 0.01 : 100;
            String temperatureAxis = reduced ? "100 T (ε/kB)" : "T/100 (K)";
            List<Series> properties = new ArrayList<>(perSegment(reduced ? "100 T (ε/kB)" : "T / 100 K",
                    p -> noTemperature ? 0 : p.temperature() / scale));
            if (frequencies.length > 0 && frequencies[frequencies.length - 1] > 60) {
                // carbon-like spectra reach the high-frequency (sp²) band: its weight tracks the ordering
                properties.addAll(perSegment("PDOS weight above 55 THz (%)", p -> 100 * moments(p.prediction())[1]));
                Plots.lines(out.resolve("properties.png"), "Temperature and predicted high-frequency PDOS weight", "step",
                        "T/100 (K), weight above 55 THz (%)", properties, false);
            } else {
                // spectra that end below 60 THz (metals, LJ, SiC): the weight above 55 THz is zero; show the mean frequency
                properties.addAll(perSegment("mean frequency ⟨ν⟩", p -> moments(p.prediction())[0]));
                Plots.lines(out.resolve("properties.png"), "Temperature and predicted mean PDOS frequency", "step",
                        temperatureAxis + ", ⟨ν⟩" + (gridUnit.isEmpty() ? "" : " (" + gridUnit + ")"), properties, false);
            }
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
                Plots.lines(out.resolve(output.name() + ".png"), "Predicted " + output.name() + " (" + output.kind() + " SPR)", "step",
                        output.name() + (output.unit().isEmpty() ? "" : " (" + output.unit() + ")"),
                        perSegment(output.name(), p -> p.also()[index][0]), false);
                continue;
            }
            List<Series> curves = new ArrayList<>();
            int stride = Math.max(1, kept.size() / 6);
            java.util.Set<String> labels = new java.util.HashSet<>();
            for (int k = 0; k < kept.size(); k += stride) {
                curves.add(new Series(curveLabel(k, labels), output.grid(), kept.get(k).also()[i]));
            }
            PredictHook.Prediction end = kept.get(kept.size() - 1);
            curves.add(new Series(unique(finalLabel.startsWith("final") ? "last monitored step " + end.step() : finalLabel, labels),
                    output.grid(), end.also()[i]));
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
