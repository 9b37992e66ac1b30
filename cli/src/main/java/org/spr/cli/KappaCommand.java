package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.generate.Label;
import org.spr.generate.Recipes;
import org.spr.generate.SystemRecipe;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.AllenFeldmanResult;
import org.spr.label.DataFileStructure;
import org.spr.label.GreenKuboConductivity;
import org.spr.label.GreenKuboParameters;
import org.spr.label.GreenKuboResult;
import org.spr.label.HessianAssembler;
import org.spr.label.VibrationalLabel;
import org.spr.label.VibrationalLabels;
import org.spr.io.OutputGuard;

import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.LammpsException;
import org.spr.report.CsvTables;
import org.spr.report.Plots;
import org.spr.report.Progress;
import org.spr.report.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spr kappa}: the thermal conductivity of one structure, Allen–Feldman (harmonic) or Green–Kubo (MD). */
@Command(name = "kappa", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Thermal conductivity κ of one structure: Allen–Feldman (harmonic) or Green–Kubo (MD).",
                "",
                "The structure is any file spr reads (LAMMPS data or dump, extended XYZ, POSCAR/.vasp; the first",
                "frame of a trajectory), labelled with the potential of --system (a built-in name or a system file)",
                "or of --potential \"pair_style …; pair_coeff …\" (species and masses from the structure file),",
                "by one of two routes:",
                "",
                "  af  Allen–Feldman (harmonic, the diffusons of a glass): finite-difference Hessian, eigenmodes,",
                "      mode diffusivities with a Lorentzian of half width --width (THz), quantum (or --classical)",
                "      heat capacities at --temperature. Seconds at a few hundred atoms. Writes modes.csv",
                "      (frequency, diffusivity) and diffusivity.png.",
                "  gk  Green–Kubo (anharmonic, classical): NVT at --temperature, then NVE sampling the heat current",
                "      (compute heat/flux) every --sample steps; κ = V/(k_B T²) ∫⟨J(0)J(τ)⟩dτ up to --window lags of",
                "      --correlation; one run per --seeds value, averaged. Minutes. Writes running-kappa.csv and",
                "      running-kappa.png: check that κ(τ) has a plateau before trusting the number.",
                "",
                "Monolayers (amc) give the in-plane κ with the conventional thickness 3.35 Å. Debian's LAMMPS 2021",
                "cannot use centroid/stress/atom with Tersoff or SW: Green–Kubo then uses stress/atom, whose heat",
                "current is approximate for three-body terms.",
                "",
                "Examples:",
                "  spr kappa data/amc/structures/amc-000002.data.gz --system amc",
                "  spr kappa a-si.vasp --potential \"pair_style sw; pair_coeff * * Si.sw Si\" --width 0.06",
                "  spr kappa final.data --system examples/a-si/a-si.toml",
                "  spr kappa final.data.gz --system amc --method gk --steps 200000 --seeds 1,2,3 --out gk"})
public final class KappaCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STRUCTURE", description = "structure file (data, dump, extxyz, POSCAR; .gz allowed)")
    Path structure;

    @Option(names = "--system", paramLabel = "NAME|FILE", description = "system whose potential to use: a system file or "
            + "${COMPLETION-CANDIDATES}", completionCandidates = GenerateCommand.Systems.class)
    String system;

    @Option(names = "--potential", paramLabel = "COMMANDS", description = "the potential as LAMMPS commands, "
            + "e.g. \"pair_style sw; pair_coeff * * Si.sw Si\" (metal units; files from LAMMPS's potentials folder)")
    String potential;

    @Option(names = "--method", defaultValue = "af", description = "af (Allen–Feldman) or gk (Green–Kubo); default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--temperature", defaultValue = "300", description = "temperature (K); default ${DEFAULT-VALUE}")
    double temperature;

    @Option(names = "--width", defaultValue = "0.5", description = "af: Lorentzian half width (THz); default ${DEFAULT-VALUE}")
    double width;

    @Option(names = "--cutoff", defaultValue = "-1", description = "af: low-frequency cutoff (THz): modes below it are "
            + "left out of κ and reported apart (default: 5 for monolayers, as the amc κ label; 0 for bulk)")
    double lowFrequencyCutoffOption;

    private double lowFrequencyCutoff;

    @Option(names = "--classical", description = "af: classical heat capacities k_B (as MD sees them) instead of quantum")
    boolean classical;

    @Option(names = "--timestep", defaultValue = "0.0005", description = "gk: time step (ps); default ${DEFAULT-VALUE}")
    double timestep;

    @Option(names = "--equilibrate", defaultValue = "20000", description = "gk: NVT steps before sampling; default ${DEFAULT-VALUE}")
    int equilibrate;

    @Option(names = "--steps", defaultValue = "200000", description = "gk: NVE steps sampled per seed (a multiple of sample × correlation); default ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--sample", defaultValue = "10", description = "gk: steps between heat-current samples; default ${DEFAULT-VALUE}")
    int sample;

    @Option(names = "--correlation", defaultValue = "1000", description = "gk: lags of the autocorrelation; default ${DEFAULT-VALUE}")
    int correlation;

    @Option(names = "--window", description = "gk: lag at which κ is read (default: correlation − 1)")
    Integer window;

    @Option(names = "--stress", defaultValue = "stress", description = "gk: per-atom stress in the heat current: stress "
            + "(stress/atom; exact for pair and EAM potentials) or centroid (centroid/stress/atom; exact for many-body "
            + "potentials where the LAMMPS build supports it — Debian's 2021 build refuses it for tersoff and sw); "
            + "default ${DEFAULT-VALUE}")
    String stress;

    @Option(names = "--seeds", defaultValue = "1", split = ",", description = "gk: one run per seed, averaged; default ${DEFAULT-VALUE}")
    long[] seeds;

    @Option(names = "--out", defaultValue = "kappa-out", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    private Progress current;
    private long reported;

    /** Engine records: the label tasks' progress moves the bar. */
    private void progress(Serializable record) {
        Progress bar = current;
        if (bar == null) {
            return;
        }
        if (record instanceof GreenKuboConductivity.Progress) {
            bar.step();
        } else if (record instanceof org.spr.label.HessianLabel.Progress hessian) {
            for (long k = reported; k < hessian.done(); k++) {
                bar.step();
            }
            reported = hessian.done();
        }
    }

    @Override
    public Integer call() throws Exception {
        OutputGuard.inputs().add("STRUCTURE", structure).checkOutputDirectory("--out", out);
        return OutputGuard.writeLocked("--out", out, true, this::execute);
    }

    private Integer execute() throws Exception {
        if (!Files.isReadable(structure)) {
            throw new SprException(ExitCode.BAD_INPUT, "structure " + structure + " does not exist or is not readable");
        }
        if (!method.equals("af") && !method.equals("gk")) {
            throw new SprException(ExitCode.USAGE, "--method must be af or gk, got '" + method + "'");
        }
        OneStructure one;
        try {
            one = OneStructure.prepare(structure, system, potential);
        } catch (IllegalArgumentException e) { // a SystemFileException is already a user error (exit 3)
            throw SprException.usage(e);
        }
        Files.createDirectories(out);
        // LAMMPS screen output is kept (not shown) so that a LAMMPS error can be reported with its own message
        try (IsolatedEngine engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), this::progress, null)) {
            if (one.lammpsDimension() == 2) {
                engine.command("dimension 2");
            }
            long atoms = engine.call(DataFileStructure.atomic(one.dataFile(), one.potential()));
            engine.command("run 0");
            switch (method) {
                case "af" -> allenFeldman(engine, one, atoms);
                case "gk" -> greenKubo(engine, one, atoms);
                default -> throw new SprException(ExitCode.USAGE, "--method must be af or gk, got '" + method + "'");
            }
        } catch (org.spr.lammps.LammpsNotFoundException e) {
            throw e;
        } catch (LammpsException e) {
            throw new SprException(ExitCode.LAMMPS_ERROR, "LAMMPS stopped on " + structure + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.USAGE, e.getMessage());
        } finally {
            one.cleanUp();
        }
        return ExitCodes.OK;
    }

    private void allenFeldman(IsolatedEngine engine, OneStructure one, long atoms) {
        boolean monolayer = one.monolayer();
        if (!one.potential().units().equals("metal")) {
            throw SprException.usage("Allen–Feldman κ is computed in W/(m K) from metal units; " + structure + " is labelled in "
                    + one.potential().units() + " units (use --method gk, which reports reduced units)");
        }
        lowFrequencyCutoff = lowFrequencyCutoffOption >= 0 ? lowFrequencyCutoffOption
                : monolayer ? org.spr.generate.Label.MONOLAYER_LOW_FREQUENCY_CUTOFF_THZ : 0.0;
        AllenFeldmanParameters parameters = monolayer
                ? AllenFeldmanParameters.monolayer(width, !classical, AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS, temperature)
                        .withLowFrequencyCutoff(lowFrequencyCutoff)
                : AllenFeldmanParameters.bulk(width, !classical, temperature).withLowFrequencyCutoff(lowFrequencyCutoff);
        System.out.printf(Locale.ROOT, "spr kappa: Allen–Feldman on %s (%d atoms, %s), %,d force evaluations ...%n", structure,
                atoms, one.potential().name(), 6 * atoms);
        long start = System.nanoTime();
        VibrationalLabels labels;
        try (Progress progress = new Progress("force evaluations", 6 * atoms)) {
            current = progress;
            labels = engine.call(new VibrationalLabel(one.phononDos(), HessianAssembler.DEFAULT_DISPLACEMENT, parameters));
        } finally {
            current = null;
        }
        AllenFeldmanResult result = labels.allenFeldman();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < result.frequencies().length; i++) {
            rows.add(List.of(result.frequencies()[i], result.diffusivities()[i]));
        }
        CsvTables.write(out.resolve("modes.csv"), List.of("frequency_THz", "diffusivity_m2_per_s"), rows);
        Plots.lines(out.resolve("diffusivity.png"), "Allen–Feldman mode diffusivities", "frequency (THz)", "D (m²/s)",
                List.of(new Series("D_i", result.frequencies(), result.diffusivities())), false);
        System.out.printf(Locale.ROOT, "κ_AF(%.0f K) = %.4g W/(m K) (%s heat capacities, η = %.3g THz%s; %d modes skipped) in %.1f s%n",
                temperature, result.conductivity()[0], classical ? "classical" : "quantum", width,
                monolayer ? ", in-plane, t = 3.35 Å" : "", result.skippedModes(), (System.nanoTime() - start) * 1e-9);
        System.out.printf(Locale.ROOT, "  modes below %.3g THz (propagons, not Allen–Feldman's) would add %.4g W/(m K) (%.0f %% of all);"
                        + " κ changes by up to %.0f %% between η/2 and 2η%n", lowFrequencyCutoff, result.belowCutoff()[0],
                100 * result.shareBelowCutoff(0), 100 * result.plateauDeviation()[0]);
        if (!result.withinValidity(0)) {
            System.out.println("  outside Allen–Feldman's validity: κ has no plateau in η (a crystal or a nearly crystalline cell,"
                    + " whose heat is carried by propagating phonons); use --method gk for this structure");
        }
        System.out.println("wrote " + out + "/{modes.csv, diffusivity.png}");
    }

    private void greenKubo(IsolatedEngine engine, OneStructure one, long atoms) throws Exception {
        boolean monolayer = one.monolayer();
        GreenKuboParameters parameters = GreenKuboParameters.bulk(one.potential().units(), temperature, timestep, equilibrate,
                steps, sample, correlation, seeds);
        if (window != null) {
            parameters = parameters.withIntegrationWindow(window);
        }
        parameters = parameters.withStress(switch (stress) {
            case "stress" -> GreenKuboParameters.StressCompute.STRESS_ATOM;
            case "centroid" -> GreenKuboParameters.StressCompute.CENTROID_STRESS_ATOM;
            default -> throw new SprException(ExitCode.USAGE, "--stress must be stress or centroid, got '" + stress + "'");
        });
        if (monolayer) {
            parameters = parameters.asMonolayer(AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS);
        }
        System.out.printf(Locale.ROOT, "spr kappa: Green–Kubo on %s (%d atoms, %s), %d seed(s) × (%,d NVT + %,d NVE steps) ...%n",
                structure, atoms, one.potential().name(), seeds.length, equilibrate, steps);
        GreenKuboResult result;
        try (Progress progress = new Progress("seeds", seeds.length)) {
            current = progress;
            result = engine.call(new GreenKuboConductivity(parameters));
        } finally {
            current = null;
        }
        List<List<?>> rows = new ArrayList<>();
        for (int k = 0; k < result.lagTimes().length; k++) {
            rows.add(List.of(result.lagTimes()[k], result.autocorrelation()[k], result.runningConductivity()[k]));
        }
        CsvTables.write(out.resolve("running-kappa.csv"), List.of("lag_ps", "normalised_autocorrelation", "kappa_" + result.unit()
                .replace("/", "_per_").replace(" ", "_").replaceAll("[()]", "")), rows);
        Plots.lines(out.resolve("running-kappa.png"), "Green–Kubo running integral κ(τ)", "lag τ (ps)", "κ (" + result.unit() + ")",
                List.of(new Series("κ(τ)", result.lagTimes(), result.runningConductivity())), false);
        System.out.printf(Locale.ROOT, "κ_GK(%.0f K) = %.4g ± %.2g %s (mean production temperature %.1f K; LAMMPS fix ave/correlate "
                        + "integral to the last lag %.4g)%n", temperature, result.conductivity(), result.standardError(), result.unit(),
                result.meanTemperature(), result.lammpsFullIntegral());
        System.out.println("wrote " + out + "/{running-kappa.csv, running-kappa.png}");
    }
}
