package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.fixes.monitor.MonitorOutput;
import org.spr.io.OutputGuard;

import org.spr.descriptor.RadialDistribution;
import org.spr.generate.DatasetGenerator;
import org.spr.generate.Recipes;
import org.spr.fixes.hook.HookBinding;
import org.spr.fixes.hook.PredictHook;
import org.spr.electronic.ElectronicLabel;
import org.spr.generate.Label;
import org.spr.label.AllenFeldmanResult;
import org.spr.label.HessianAssembler;
import org.spr.label.PhononDosParameters;
import org.spr.label.VibrationalLabel;
import org.spr.label.VibrationalLabels;
import org.spr.label.PhononDos;
import org.spr.protocol.AmcQuench;
import org.spr.protocol.Potentials;
import org.spr.protocol.ProtocolResult;
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
        description = {"Quench graphene into amorphous carbon and watch its phonon DOS form (the main job).",
                "", "Graphene with Tersoff 1988 carbon (SiC.tersoff, C) is heated and quenched in the plane. Every --every steps",
                "the embedded linear SPR model predicts the PDOS from the g(r) of the inherent structure (a",
                "minimised copy; the run itself is untouched), and the embedded AMC models (--also) predict the",
                "thermal conductivity κ and the electronic DOS beside it (σ with --also FILE). At the end",
                "the predictions for the final structure are compared with its Hessian PDOS, its Allen–Feldman κ",
                "and its π tight-binding σ and electronic DOS.",
                "",
                "Writes OUT/timeseries.csv (one row per call: T, energy, domain distance, PDOS moments),",
                "OUT/spectra.csv (per call a row 'g' with g at the bin centres r_k = (k+½)·Δr and a row 'pdos' with",
                "the predicted PDOS at the model's frequency grid points), OUT/final-pdos.csv, OUT/final.data.gz and",
                "PNG plots (gr.png, pdos.png, final-pdos.png, properties.png, and per further model NAME.png).",
                "Scalar predictions (κ, σ) are columns of timeseries.csv; the electronic DOS is row 'edos' of spectra.csv.",
                "",
                "With Tersoff 1988 a quench of graphene ends as vacancy-defected graphene (with more vacancies or hotter, as",
                "chains and dangling bonds that the plausibility check refuses); fully amorphous 5–8 networks come from",
                "bond switching (spr generate --system amc).",
                "",
                "Example:  spr quench --cells 16x9 --vacancies 0.01 --rate 1000 --every 200 --out my-quench"})
public final class QuenchCommand implements Callable<Integer> {

    @Option(names = "--cells", defaultValue = "16x9", description = "graphene cells (a × √3a, 4 atoms each), NXxNY; default ${DEFAULT-VALUE}")
    String cells;

    @Option(names = "--vacancies", defaultValue = "0.01", description = "fraction of atoms removed before heating; default ${DEFAULT-VALUE}")
    double vacancies;

    @Option(names = "--peak", defaultValue = "4500", description = "peak temperature (K); default ${DEFAULT-VALUE}")
    double peak;

    @Option(names = "--rate", defaultValue = "1000", description = "quench rate (K/ps); default ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--every", defaultValue = "250", description = "monitor every N steps; default ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--model", defaultValue = "default", description = "model file, or 'default' for the embedded AMC linear model")
    String model;

    @Option(names = "--also", defaultValue = "auto", split = ",", paramLabel = "M[,M…]",
            description = "further models on the same g(r), shown beside the PDOS: files or embedded names; 'auto' = the "
                    + "embedded AMC κ and electronic-DOS models (amc-kappa, amc-edos); 'none' for none; e.g. "
                    + "a σ model made by scripts/make-models transport (default: ${DEFAULT-VALUE})")
    List<String> also;

    @Option(names = "--seed", defaultValue = "5", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--no-hessian", description = "skip the Hessian PDOS of the final structure")
    boolean noHessian;

    @Option(names = "--out", defaultValue = "quench-out", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputGuard guard = OutputGuard.inputs();
        if (!"default".equals(model)) {
            guard.add("--model", Path.of(model));
        }
        guard.checkOutputDirectory("--out", out);
        return OutputGuard.writeLocked("--out", out, true, this::execute);
    }

    private Integer execute() throws Exception {
        int[] size = parseCells(cells);
        if (every <= 0) {
            throw new SprException(ExitCode.USAGE, "--every must be a positive number of steps, got " + every);
        }
        SprModel spr = loadModel();
        List<String> alsoModels = alsoModels();
        List<SprModel> further = new ArrayList<>();
        for (String name : alsoModels) {
            try {
                further.add(PredictHook.loadModel(name));
            } catch (RuntimeException e) {
                throw new SprException(ExitCode.BAD_INPUT, "--also " + name + ": " + e.getMessage());
            }
        }
        if (spr.inputSpec().dimension() != 2 || !spr.outputSpec().isSpectrum()) {
            throw new SprException(ExitCode.MODEL_MISMATCH, "model " + model + " takes " + spr.inputSpec().dimension()
                    + "D g(r) and predicts " + spr.outputSpec().name() + ", but the AMC quench needs a 2D g(r) → PDOS model");
        }
        String potential = Potentials.path(AmcQuench.POTENTIAL);
        AmcQuench protocol;
        try {
            protocol = AmcQuench.defaults(seed).withSize(size[0], size[1]).withDisorder(vacancies, peak, rate)
                    .withMonitor(every, new HookBinding("predict", Map.of("model", model,
                            "potential", PredictHook.amcPotential(potential), "also", String.join(";", alsoModels))));
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.USAGE, e.getMessage());
        }
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "spr quench: %d C atoms (%s cells, %.0f %% vacancies), %.0f K → %.0f K at %.0f K/ps, "
                        + "%,d MD steps; model %s (%s, trained on %s g(r))%n", protocol.keptAtoms(), cells, 100 * vacancies, peak,
                protocol.finalTemperature(), rate, protocol.totalSteps(), model, spr.kind().label(), spr.inputSpec().grKind().label());
        MonitorOutput monitor = new MonitorOutput(out, protocol.totalSteps());
        ProtocolResult result;
        PhononDos hessian = null;
        AllenFeldmanResult allenFeldman = null;
        try (monitor; IsolatedEngine engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), monitor::accept, null)) {
            result = engine.call(protocol);
            if (!result.usable()) {
                System.out.println("warning: " + result.problem() + "; the final structure is not written, and its Hessian"
                        + " PDOS may show imaginary modes");
            }
            System.out.printf(Locale.ROOT, "final structure: %d atoms, %.4f eV/atom, max force %.1e eV/Å%n",
                    result.atoms(), result.energyPerAtom(), result.maxForce());
            Map<String, Double> d = result.diagnostics();
            if (d.containsKey("energy_above_graphene")) {
                System.out.printf(Locale.ROOT, "  %.3f eV/atom above graphene, %.1f %% two-coordinated atoms, %.1f %% non-hexagonal"
                                + " rings (5: %.0f, 6: %.0f, 7: %.0f, 8: %.0f), %.0f pairs left in the cutoff shell, out-of-plane rms %.2f Å%n",
                        d.get("energy_above_graphene"), 100 * d.get("two_coordinated_fraction"),
                        100 * d.get("non_hexagonal_ring_fraction"), d.get("rings_5"), d.get("rings_6"), d.get("rings_7"),
                        d.get("rings_8"), d.get("cutoff_shell_pairs"), d.get("out_of_plane_rms"));
            }
            if (!noHessian) {
                boolean kappa = further.stream().anyMatch(m -> m.outputSpec().name().equals("kappa"));
                System.out.printf(Locale.ROOT, "Hessian PDOS%s of the final structure (%,d force evaluations) ...%n",
                        kappa ? " and Allen–Feldman κ" : "", 6 * result.atoms());
                VibrationalLabels labels = engine.call(new VibrationalLabel(PhononDosParameters.metalDefaults(),
                        HessianAssembler.DEFAULT_DISPLACEMENT, kappa ? Label.allenFeldman(Recipes.recipe("amc", Map.of())) : null));
                hessian = labels.phononDos();
                allenFeldman = labels.allenFeldman();
            }
        }
        Frame frame = new DatasetGenerator(DatasetGenerator.Options.defaults(Recipes.recipe("amc", Map.of()), 1, out.resolve("unused.csv")))
                .frame(result);
        if (result.usable()) {
            LammpsDataWriter.write(frame, "spr quench final structure, seed " + seed, out.resolve("final.data.gz"));
        }
        double[] g = new RadialDistribution(spr.inputSpec().grid()).compute(frame).total();
        double[] predicted = spr.predict(g, spr.inputSpec());
        monitor.finish("final (minimised)", g, predicted, hessian);
        if (hessian != null) {
            RegressionMetrics metrics = RegressionMetrics.of(new double[][]{predicted}, new double[][]{hessian.density()});
            System.out.printf(Locale.ROOT, "final PDOS, predicted vs Hessian: MSE %.3e, MAE %.3e, R² %.4f (%d imaginary modes)%n",
                    metrics.mse(), metrics.mae(), metrics.r2(), hessian.imaginaryModeCount());
        }
        compareFurther(further, g, allenFeldman, frame);
        System.out.println("wrote " + out + "/{timeseries.csv, spectra.csv, final-pdos.csv, " + (result.usable() ? "final.data.gz, " : "")
                + "gr.png, pdos.png, final-pdos.png, properties.png" + monitor.furtherPlots().stream().map(name -> ", " + name)
                .collect(java.util.stream.Collectors.joining()) + "}");
        return ExitCodes.OK;
    }

    /** The --also models: 'auto' = the embedded AMC models that this build carries, 'none' = none. */
    List<String> alsoModels() {
        if (also.size() == 1 && also.get(0).equals("none")) {
            return List.of();
        }
        if (also.size() == 1 && also.get(0).equals("auto")) {
            return EMBEDDED_ALSO.stream().filter(name -> PredictHook.class.getResource(PredictHook.EMBEDDED_MODELS + name + ".sprmodel") != null)
                    .toList();
        }
        return also;
    }

    /** Embedded models shown beside the PDOS by default. */
    static final List<String> EMBEDDED_ALSO = List.of("amc-kappa", "amc-edos");

    /**
     * Prints each further model's prediction for the final structure beside the computed label: κ against
     * Allen–Feldman (from the Hessian), σ and the electronic DOS against the π tight-binding model.
     */
    private void compareFurther(List<SprModel> further, double[] g, AllenFeldmanResult allenFeldman, Frame frame) {
        // only the tight-binding labels a further model can be compared with: σ needs eigenvectors, the DOS does not
        java.util.Set<Label> wanted = java.util.EnumSet.noneOf(Label.class);
        for (SprModel other : further) {
            if (other.outputSpec().name().equals("sigma")) {
                wanted.add(Label.SIGMA);
            } else if (other.outputSpec().isSpectrum() && "eV".equals(other.outputSpec().grid().unit())) {
                wanted.add(Label.EDOS);
            }
        }
        ElectronicLabel tightBinding = Label.electronic(frame, wanted);
        for (SprModel other : further) {
            double[] predicted = other.predict(g, other.inputSpec());
            var output = other.outputSpec();
            if (output.isSpectrum()) {
                if (tightBinding != null && "eV".equals(output.grid().unit()) && output.length() == tightBinding.density().length) {
                    RegressionMetrics metrics = RegressionMetrics.of(new double[][]{predicted}, new double[][]{tightBinding.density()});
                    System.out.printf(Locale.ROOT, "final electronic DOS, predicted (%s SPR) vs π tight binding: MAE %.3e, R² %.3f%n",
                            other.kind().label(), metrics.mae(), metrics.r2());
                }
                continue;
            }
            Double reference = null;
            String method = "";
            if (output.name().equals("kappa") && allenFeldman != null && !allenFeldman.withinValidity(0)) {
                System.out.printf(Locale.ROOT, "final kappa predicted (%s SPR): %.3g %s; the final structure is outside "
                        + "Allen–Feldman's validity (no plateau in η), so there is no κ to compare with%n", other.kind().label(),
                        predicted[0], output.unit());
                continue;
            }
            if (output.name().equals("kappa") && allenFeldman != null) {
                reference = allenFeldman.conductivity()[0];
                method = "Allen–Feldman κ(300 K, modes above 5 THz)";
            } else if (output.name().equals("sigma") && tightBinding != null && tightBinding.conductivity() != null) {
                reference = tightBinding.conductivity().conductivity();
                method = "π tight-binding Kubo–Greenwood σ";
            }
            System.out.printf(Locale.ROOT, "final %s predicted (%s SPR): %.3g %s%s%n", output.name(), other.kind().label(),
                    predicted[0], output.unit(), reference == null ? "" : String.format(Locale.ROOT,
                            "; %s of the final structure %.3g %s (relative error %+.0f %%)", method, reference, output.unit(),
                            100 * (predicted[0] - reference) / reference));
        }
    }

    private SprModel loadModel() {
        try {
            return PredictHook.loadModel(model);
        } catch (RuntimeException e) {
            throw new SprException(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    static int[] parseCells(String text) {
        try {
            return Recipes.cells(text);
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.USAGE, "--" + e.getMessage());
        }
    }
}
