package org.spr.cli.bench;

import org.spr.label.GreenKuboConductivity;
import org.spr.label.GreenKuboParameters;
import org.spr.label.GreenKuboResult;

import org.spr.lammps.InProcessEngine;
import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.lammps.RecordSink;
import org.spr.label.AllenFeldmanConductivity;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.AllenFeldmanResult;
import org.spr.label.DataFileStructure;
import org.spr.label.ForceConstantMatrices;
import org.spr.label.FrequencyUnit;
import org.spr.label.HessianAssembler;
import org.spr.label.HessianProgressListener;
import org.spr.label.LammpsForceField;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Validation and benchmark harness for κ (run by hand, numbers recorded in README "Thermal conductivity"):
 *
 * <pre>
 *   lj-liquid [cells] [steps] [seeds]   Green–Kubo κ* of LAMMPS's examples/KAPPA LJ liquid (ρ* 0.6, T* 1.35, r_c 2.5σ)
 *   lj-fcc [cells] [steps] [seeds] [T*]  Green–Kubo κ* of the LJ fcc crystal (ρ* 1.0, 4 × cells³ atoms)
 *   a-si [atoms] [coolSteps] [seed]      Allen–Feldman κ(300 K) of melt-quenched SW a-Si, timings per stage
 * </pre>
 *
 * Run it with {@code scripts/validate-kappa MODE …}, or by hand:
 * {@code java -cp cli/target/spr.jar org.spr.cli.bench.ThermalConductivityValidation lj-liquid} (after {@code ./spr --version}
 * has built the jar).
 */
public final class ThermalConductivityValidation {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    private ThermalConductivityValidation() {
    }

    public static void main(String[] args) {
        String mode = args.length == 0 ? "lj-liquid" : args[0];
        switch (mode) {
            case "lj-liquid" -> ljLiquid(intArg(args, 1, 6), intArg(args, 2, 100_000), intArg(args, 3, 3));
            case "lj-fcc" -> ljCrystal(intArg(args, 1, 4), intArg(args, 2, 200_000), intArg(args, 3, 3),
                    args.length > 4 ? Double.parseDouble(args[4]) : 0.5);
            case "a-si" -> amorphousSilicon(intArg(args, 1, 216), intArg(args, 2, 50_000), intArg(args, 3, 1));
            case "amc-eta" -> {
                for (int i = 1; i < args.length; i++) {
                    amcWidths(java.nio.file.Path.of(args[i]));
                }
            }
            default -> throw new IllegalArgumentException("mode must be lj-liquid, lj-fcc, a-si or amc-eta, got " + mode);
        }
    }

    /**
     * κ(η) of a stored AMC structure (Tersoff 1988, in-plane, t = 3.35 Å, quantum C, 300 K) from one Hessian: the
     * Lorentzian widths 0.05–2 THz against the mean level spacing δ = ν_max/3N, and the part of κ carried by modes
     * below 2 and 5 THz (propagons, which Allen–Feldman does not describe).
     */
    static void amcWidths(java.nio.file.Path file) {
        double[] widths = {0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0};
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            engine.call(DataFileStructure.atomic(file, org.spr.protocol.CarbonPotential.TERSOFF_1988.potential()));
            engine.call((org.spr.lammps.EngineTask<String>) (lammps, sink) -> {
                LammpsForceField forces = new LammpsForceField(lammps);
                double[] positions = forces.positions();
                double[] masses = forces.masses();
                int n = positions.length;
                double[] matrix = new HessianAssembler(HessianAssembler.DEFAULT_DISPLACEMENT).assemble(forces, positions,
                        HessianProgressListener.NONE);
                ForceConstantMatrices.symmetrise(matrix, n);
                ForceConstantMatrices.enforceAcousticSumRule(matrix, masses.length);
                ForceConstantMatrices.massWeight(matrix, masses);
                SymmetricEigenDecomposition modes = SymmetricEigensolvers.preferred().decompose(matrix.clone(), n, true);
                org.spr.lammps.SimulationBox box = lammps.box();
                double[] lengths = {box.lx(), box.ly(), box.lz()};
                double maxFrequency = FrequencyUnit.METAL_THZ.frequency(modes.eigenvalues()[n - 1]);
                System.out.printf(Locale.ROOT, "%s: %d atoms, nu_max %.2f THz, mean level spacing %.4f THz%n", file,
                        masses.length, maxFrequency, maxFrequency / n);
                for (double width : widths) {
                    AllenFeldmanConductivity conductivity = new AllenFeldmanConductivity(
                            AllenFeldmanParameters.monolayer(width, true, AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS, 300));
                    AllenFeldmanResult result = conductivity.compute(matrix, modes, positions, lengths);
                    double[] below = new double[2];
                    double[] cuts = {2.0, 5.0};
                    for (int i = 0; i < n; i++) {
                        double nu = result.frequencies()[i];
                        for (int c = 0; c < 2; c++) {
                            if (nu > 0 && nu < cuts[c]) {
                                below[c] += conductivity.heatCapacity(nu * 2 * Math.PI * 1e12, 300) * result.diffusivities()[i]
                                        / (result.volume() * 1e-30);
                            }
                        }
                    }
                    double kappa = result.conductivity()[0];
                    System.out.printf(Locale.ROOT, "  eta %.2f THz (%.1f spacings): kappa %.3f W/(m K); modes < 2 THz carry %.1f %%,"
                                    + " < 5 THz %.1f %%%n", width, width / (maxFrequency / n), kappa, 100 * below[0] / kappa,
                            100 * below[1] / kappa);
                }
                return "";
            });
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static long[] seeds(int count) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 87287 + 1000L * i;
        }
        return seeds;
    }

    static void ljLiquid(int cells, int steps, int seedCount) {
        GreenKuboParameters parameters = GreenKuboParameters.bulk("lj", 1.35, 0.005, 2000, steps, 10, 200,
                seeds(seedCount)).withIntegrationWindow(199);
        long start = System.nanoTime();
        GreenKuboResult result;
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            org.spr.protocol.LennardJonesLiquid.create(engine, cells);
            result = engine.call(new GreenKuboConductivity(parameters));
        }
        report("LJ liquid rho*=0.6 T*=1.35 rc=2.5", result, (System.nanoTime() - start) * 1e-9);
    }

    static void ljCrystal(int cells, int steps, int seedCount, double temperature) {
        GreenKuboParameters parameters = GreenKuboParameters.bulk("lj", temperature, 0.002, 20_000, steps, 5, 1000,
                seeds(seedCount));
        long start = System.nanoTime();
        GreenKuboResult result;
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            for (String command : List.of("units lj", "atom_style atomic", "atom_modify map array sort 0 0.0",
                    "lattice fcc 1.0", "region box block 0 " + cells + " 0 " + cells + " 0 " + cells, "create_box 1 box",
                    "create_atoms 1 box", "mass 1 1.0", "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0",
                    "pair_modify shift yes", "neighbor 0.3 bin", "neigh_modify delay 0 every 1")) {
                engine.command(command);
            }
            result = engine.call(new GreenKuboConductivity(parameters));
        }
        report(String.format(Locale.ROOT, "LJ fcc rho*=1.0 T*=%.3g rc=2.5", temperature), result,
                (System.nanoTime() - start) * 1e-9);
    }

    private static void report(String what, GreenKuboResult result, double seconds) {
        GreenKuboParameters p = result.parameters();
        System.out.printf(Locale.ROOT, "%s: %d atoms, %d production steps x %d seeds, %.1f s%n", what, result.atoms(),
                p.productionSteps(), p.seeds().length, seconds);
        System.out.printf(Locale.ROOT, "  kappa(tau=%.3g) = %.4g +- %.2g %s (per seed %s; x,y,z %s); LAMMPS ave/correlate "
                        + "full integral %.6g vs Java %.6g; <T> = %.4g%n",
                result.lagTimes()[p.integrationWindow()], result.conductivity(), result.standardError(), result.unit(),
                Arrays.toString(round(result.perSeed())), Arrays.toString(round(result.perDirection())),
                result.lammpsFullIntegral(), result.runningConductivity()[p.correlationLength() - 1],
                result.meanTemperature());
        StringBuilder running = new StringBuilder("  running kappa(tau):");
        int every = Math.max(1, p.correlationLength() / 10);
        for (int k = every; k < p.correlationLength(); k += every) {
            running.append(String.format(Locale.ROOT, " %.3g:%.3g", result.lagTimes()[k], result.runningConductivity()[k]));
        }
        System.out.println(running);
    }

    private static double[] round(double[] values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Math.round(values[i] * 1000) / 1000.0;
        }
        return rounded;
    }

    static void amorphousSilicon(int atoms, int coolSteps, int seed) {
        double[] widths = {0.05, 0.1, 0.2, 0.4};
        AmorphousSiliconAllenFeldman.Outcome outcome;
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            outcome = engine.call(new AmorphousSiliconAllenFeldman(atoms, seed, 5000, coolSteps, 5000, widths, 300));
        }
        System.out.printf(Locale.ROOT, "a-Si SW melt-quench: %d atoms, seed %d, cooled over %d steps of 2 fs: E = %.4f eV/atom, "
                        + "density %.3f g/cm3, mean coordination (2.8 A) %.3f, fmax %.1e eV/A, top mode %.2f THz%n",
                outcome.atoms(), seed, coolSteps, outcome.energyPerAtom(), outcome.density(), outcome.meanCoordination(),
                outcome.maxForce(), outcome.maxFrequency());
        for (int w = 0; w < widths.length; w++) {
            System.out.printf(Locale.ROOT, "  Allen-Feldman kappa(300 K), eta = %.2f THz: quantum C %.3f W/(m K), classical %.3f W/(m K)%n",
                    widths[w], outcome.kappaQuantum()[w], outcome.kappaClassical()[w]);
        }
        System.out.printf(Locale.ROOT, "  seconds: protocol %.1f, %d force evaluations %.2f, eigensolver (%s, vectors) %.2f, "
                        + "AF products %.2f%n", outcome.protocolSeconds(), outcome.forceEvaluations(), outcome.forceSeconds(),
                outcome.solver(), outcome.eigenSeconds(), outcome.allenFeldmanSeconds());
    }
}
