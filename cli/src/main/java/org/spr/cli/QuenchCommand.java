package org.spr.cli;

import org.spr.descriptor.RadialDistribution;
import org.spr.fixes.generate.DatasetGenerator;
import org.spr.fixes.generate.Recipes;
import org.spr.fixes.hook.HookBinding;
import org.spr.fixes.hook.PredictHook;
import org.spr.fixes.label.HessianLabel;
import org.spr.fixes.label.PhononDos;
import org.spr.fixes.protocol.AmcQuench;
import org.spr.fixes.protocol.Potentials;
import org.spr.fixes.protocol.ProtocolResult;
import org.spr.io.LammpsDataWriter;
import org.spr.lammps.IsolatedEngine;
import org.spr.model.RegressionMetrics;
import org.spr.model.SprModel;
import org.spr.report.Plots;
import org.spr.report.Series;
import org.spr.structure.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spr quench}: the main job, an amorphous monolayer carbon quench monitored in situ by an SPR model. */
@Command(name = "quench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quench graphene into amorphous monolayer carbon (Tersoff, BNC.tersoff) and watch its phonon",
                "DOS form: every --every steps the embedded linear SPR model predicts the PDOS from the g(r) of the",
                "inherent structure (a minimised copy; the run itself is untouched). At the end the predicted PDOS",
                "of the final structure is compared with its Hessian PDOS.",
                "",
                "Writes OUT/timeseries.csv (one row per call: T, energy, domain distance, PDOS moments),",
                "OUT/spectra.csv (per call a row 'g' with g at the bin centres r_k = (k+½)·Δr and a row 'pdos' with",
                "the predicted PDOS at the model's frequency grid points), OUT/final-pdos.csv, OUT/final.data.gz and",
                "PNG plots (gr.png, pdos.png, final-pdos.png, properties.png).",
                "",
                "Example:  spr quench --cells 16x9 --vacancies 0.05 --rate 1000 --every 200 --out my-quench"})
public final class QuenchCommand implements Callable<Integer> {

    @Option(names = "--cells", defaultValue = "16x9", description = "graphene cells (a × √3a, 4 atoms each), NXxNY; default ${DEFAULT-VALUE}")
    String cells;

    @Option(names = "--vacancies", defaultValue = "0.05", description = "fraction of atoms removed before heating; default ${DEFAULT-VALUE}")
    double vacancies;

    @Option(names = "--peak", defaultValue = "6000", description = "peak temperature (K); default ${DEFAULT-VALUE}")
    double peak;

    @Option(names = "--rate", defaultValue = "1000", description = "quench rate (K/ps); default ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--every", defaultValue = "250", description = "monitor every N steps; default ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--model", defaultValue = "default", description = "model file, or 'default' for the embedded AMC linear model")
    String model;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--no-hessian", description = "skip the Hessian PDOS of the final structure")
    boolean noHessian;

    @Option(names = "--out", defaultValue = "quench-out", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() throws Exception {
        int[] size = parseCells(cells);
        if (every <= 0) {
            throw new UserError(ExitCodes.USAGE, "--every must be a positive number of steps, got " + every);
        }
        SprModel spr = loadModel();
        if (spr.inputSpec().dimension() != 2 || !spr.outputSpec().isSpectrum()) {
            throw new UserError(ExitCodes.MODEL_MISMATCH, "model " + model + " takes " + spr.inputSpec().dimension()
                    + "D g(r) and predicts " + spr.outputSpec().name() + ", but the AMC quench needs a 2D g(r) → PDOS model");
        }
        String potential = Potentials.path(AmcQuench.POTENTIAL);
        AmcQuench protocol;
        try {
            protocol = AmcQuench.defaults(seed).withSize(size[0], size[1]).withDisorder(vacancies, peak, rate)
                    .withMonitor(every, new HookBinding("predict", Map.of("model", model,
                            "potential", PredictHook.amcPotential(potential))));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "spr quench: %d C atoms (%s cells, %.0f %% vacancies), %.0f K → %.0f K at %.0f K/ps, "
                        + "%,d MD steps; model %s (%s, trained on %s g(r))%n", protocol.keptAtoms(), cells, 100 * vacancies, peak,
                protocol.finalTemperature(), rate, protocol.totalSteps(), model, spr.kind().label(), spr.inputSpec().grKind().label());
        MonitorOutput monitor = new MonitorOutput(out, protocol.totalSteps(), spr);
        ProtocolResult result;
        PhononDos hessian = null;
        try (monitor; IsolatedEngine engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), monitor::accept, null)) {
            result = engine.call(protocol);
            if (!result.usable()) {
                System.out.println("warning: " + result.problem() + "; the final structure is not written, and its Hessian"
                        + " PDOS may show imaginary modes");
            }
            System.out.printf(Locale.ROOT, "final structure: %d atoms, %.4f eV/atom, max force %.1e eV/Å%n",
                    result.atoms(), result.energyPerAtom(), result.maxForce());
            if (!noHessian) {
                System.out.printf(Locale.ROOT, "Hessian PDOS of the final structure (%,d force evaluations) ...%n", 6 * result.atoms());
                hessian = engine.call(HessianLabel.metalDefaults());
            }
        }
        Frame frame = new DatasetGenerator(DatasetGenerator.Options.defaults(Recipes.recipe("amc", Map.of()), 1, out.resolve("unused.csv")))
                .frame(result);
        if (result.usable()) {
            LammpsDataWriter.write(frame, "spr quench final structure, seed " + seed, out.resolve("final.data.gz"));
        }
        double[] g = new RadialDistribution(spr.inputSpec().grid()).compute(frame).total();
        double[] predicted = spr.predict(g, spr.inputSpec());
        monitor.finish(g, predicted, hessian);
        if (hessian != null) {
            RegressionMetrics metrics = RegressionMetrics.of(new double[][]{predicted}, new double[][]{hessian.density()});
            System.out.printf(Locale.ROOT, "final PDOS, predicted vs Hessian: MSE %.3e, MAE %.3e, R² %.4f (%d imaginary modes)%n",
                    metrics.mse(), metrics.mae(), metrics.r2(), hessian.imaginaryModeCount());
        }
        System.out.println("wrote " + out + "/{timeseries.csv, spectra.csv, final-pdos.csv, final.data.gz, *.png}");
        return ExitCodes.OK;
    }

    private SprModel loadModel() {
        try {
            return PredictHook.loadModel(model);
        } catch (RuntimeException e) {
            throw new UserError(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    static int[] parseCells(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[]{Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserError(ExitCodes.USAGE, "--cells must look like 16x9 (cells along x and y), got '" + text + "'");
    }

    /** Where the monitor records go: terminal table, CSVs flushed per record, plots at the end. */
    static final class MonitorOutput implements AutoCloseable {
        private final Path out;
        private final int totalSteps;
        private final SprModel model;
        private final long start = System.nanoTime();
        private final CsvAppender timeseries;
        private final CsvAppender spectra;
        private final List<PredictHook.Prediction> kept = new ArrayList<>();
        private double[] r;
        private double[] frequencies;
        private int stepsBefore;
        private int stageSteps;

        MonitorOutput(Path out, int totalSteps, SprModel model) {
            this.out = out;
            this.totalSteps = totalSteps;
            this.model = model;
            this.timeseries = new CsvAppender(out.resolve("timeseries.csv"));
            this.spectra = new CsvAppender(out.resolve("spectra.csv"));
        }

        void accept(Serializable record) {
            if (record instanceof HookBinding.HookOutput output) {
                record = output.record();
            }
            if (record instanceof AmcQuench.Stage stage) {
                stepsBefore += stageSteps;
                stageSteps = stage.steps();
                System.out.println("-- " + stage.name() + (stage.steps() > 0 ? String.format(Locale.ROOT, " (%,d steps)", stage.steps()) : ""));
            } else if (record instanceof PredictHook.Header header) {
                r = header.r();
                frequencies = header.outputGrid();
                timeseries.header("step,time_ps,temperature_K,pe_eV_per_atom,domain_distance,out_of_domain,"
                        + "pdos_mean_THz,pdos_weight_above_55THz");
                StringBuilder columns = new StringBuilder("step,quantity");
                for (int k = 0; k < Math.max(r.length, frequencies.length); k++) {
                    columns.append(",c").append(k);
                }
                spectra.header(columns.toString());
                System.out.printf("%9s %8s %11s %8s %9s %9s  %s%n", "step", "T (K)", "PE (eV/at)", "domain", "<ν> THz", "w(>55THz)", "progress");
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
            double fraction = totalSteps == 0 ? 1 : (double) stepsDone / totalSteps;
            String eta = fraction > 0.02 ? clock(elapsed / fraction - elapsed) : "--:--";
            System.out.printf(Locale.ROOT, "%9d %8.0f %11.4f %8s %9.2f %9.3f  %3.0f%% ETA %s%n", p.step(), p.temperature(),
                    p.potentialEnergyPerAtom(), domain, moments[0], moments[1], 100 * fraction, eta);
            timeseries.row(String.format(Locale.ROOT, "%d,%.5f,%.3f,%.8f,%s,%b,%.5f,%.6f", p.step(), p.time(), p.temperature(),
                    p.potentialEnergyPerAtom(), Double.isNaN(p.domainDistance()) ? "" : Double.toString(p.domainDistance()),
                    p.outOfDomain(), moments[0], moments[1]));
            spectra.row(p.step() + ",g," + join(p.g()));
            spectra.row(p.step() + ",pdos," + join(p.prediction()));
            kept.add(p);
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

        void finish(double[] g, double[] predicted, PhononDos hessian) {
            List<String[]> rows = new ArrayList<>();
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
                String label = String.format(Locale.ROOT, "step %d, %.0f K", p.step(), p.temperature());
                gCurves.add(new Series(label, r, p.g()));
                pdosCurves.add(new Series(label, frequencies, p.prediction()));
            }
            gCurves.add(new Series("final (minimised)", r, g));
            pdosCurves.add(new Series("final (minimised)", frequencies, predicted));
            Plots.lines(out.resolve("gr.png"), "g(r) of the inherent structure during the quench", "r (Å)", "g(r)", gCurves, false);
            Plots.lines(out.resolve("pdos.png"), "Predicted phonon DOS during the quench", "frequency (THz)", "PDOS (1/THz)", pdosCurves, false);
            List<Series> comparison = new ArrayList<>(List.of(new Series("predicted (" + model.kind().label() + " SPR)", frequencies, predicted)));
            if (hessian != null) {
                comparison.add(new Series("Hessian", frequencies, hessian.density()));
            }
            Plots.lines(out.resolve("final-pdos.png"), "Final structure: predicted vs Hessian PDOS", "frequency (THz)", "PDOS (1/THz)", comparison, false);
            if (!kept.isEmpty()) {
                double[] steps = kept.stream().mapToDouble(PredictHook.Prediction::step).toArray();
                double[] temperature = kept.stream().mapToDouble(PredictHook.Prediction::temperature).toArray();
                double[] high = kept.stream().mapToDouble(p -> 100 * moments(p.prediction())[1]).toArray();
                Plots.lines(out.resolve("properties.png"), "Temperature and predicted high-frequency PDOS weight", "step",
                        "T/100 (K), weight above 55 THz (%)", List.of(new Series("T / 100 K", steps,
                                java.util.Arrays.stream(temperature).map(t -> t / 100).toArray()),
                                new Series("PDOS weight above 55 THz (%)", steps, high)), false);
            }
            rows.clear();
        }

        @Override
        public void close() {
            timeseries.close();
            spectra.close();
        }

        private static String join(double[] values) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(String.format(Locale.ROOT, "%.6g", values[i]));
            }
            return text.toString();
        }

        private static String clock(double seconds) {
            long s = Math.max(0, Math.round(seconds));
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
