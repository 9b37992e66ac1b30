package org.spr.cli;

import org.spr.fixes.hook.HookBinding;
import org.spr.fixes.hook.ThermoHook;
import org.spr.fixes.protocol.AmcQuench;
import org.spr.fixes.protocol.ProtocolResult;
import org.spr.lammps.IsolatedEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spr quench}: the main job, an amorphous monolayer carbon quench monitored in situ. */
@Command(name = "quench",
        description = {"Quench graphene into amorphous monolayer carbon (Tersoff) and monitor it in situ.",
                "", "Heats a graphene sheet (with optional vacancies) to a peak temperature, quenches it at the given",
                "rate and minimises it, printing the state every --every steps.",
                "", "Example:  spr quench --cells 16x9 --vacancies 0.05 --rate 500 --out my-quench"},
        mixinStandardHelpOptions = true, sortOptions = false)
public final class QuenchCommand implements Callable<Integer> {

    @Option(names = "--cells", defaultValue = "16x9", description = "graphene cells (a × √3a, 4 atoms each), NXxNY; default ${DEFAULT-VALUE}")
    String cells;

    @Option(names = "--vacancies", defaultValue = "0.05", description = "fraction of atoms removed before heating; default ${DEFAULT-VALUE}")
    double vacancies;

    @Option(names = "--peak", defaultValue = "6000", description = "peak temperature (K); default ${DEFAULT-VALUE}")
    double peak;

    @Option(names = "--rate", defaultValue = "1000", description = "quench rate (K/ps); default ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--every", defaultValue = "200", description = "monitor every N steps; default ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", defaultValue = "quench-out", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() throws Exception {
        int[] size = parseCells(cells);
        if (every <= 0) {
            throw new UserError(ExitCodes.USAGE, "--every must be a positive number of steps, got " + every);
        }
        AmcQuench protocol;
        try {
            protocol = AmcQuench.defaults(seed).withSize(size[0], size[1]).withDisorder(vacancies, peak, rate)
                    .withMonitor(every, new HookBinding("thermo", Map.of()));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        Files.createDirectories(out);
        Path csv = out.resolve("thermo.csv");
        System.out.printf(Locale.ROOT, "AMC quench: %d atoms, %.0f K → %.0f K at %.0f K/ps, %d MD steps%n",
                protocol.keptAtoms(), peak, protocol.finalTemperature(), rate, protocol.totalSteps());
        System.out.printf("%10s %10s %12s%n", "step", "T (K)", "PE (eV/at)");
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(csv));
             IsolatedEngine engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), record -> show(record, writer), null)) {
            writer.println("step,time_ps,temperature_K,pe_eV_per_atom");
            ProtocolResult result = engine.call(protocol);
            if (!result.usable()) {
                throw new UserError(ExitCodes.SIMULATION_FAILED, "The structure was not kept: " + result.problem());
            }
            System.out.printf(Locale.ROOT, "final structure: %d atoms, %.4f eV/atom, max force %.1e eV/Å%n",
                    result.atoms(), result.energyPerAtom(), result.maxForce());
        }
        System.out.println("wrote " + csv);
        return ExitCodes.OK;
    }

    private static void show(Serializable record, PrintWriter writer) {
        if (record instanceof HookBinding.HookOutput output) {
            record = output.record();
        }
        if (record instanceof ThermoHook.Sample sample) {
            System.out.printf(Locale.ROOT, "%10d %10.1f %12.4f%n", sample.step(), sample.temperature(), sample.potentialEnergyPerAtom());
            writer.printf(Locale.ROOT, "%d,%.6f,%.4f,%.8f%n", sample.step(), sample.time(), sample.temperature(), sample.potentialEnergyPerAtom());
            writer.flush();
        } else if (record instanceof AmcQuench.Stage stage) {
            System.out.println("-- " + stage.name() + (stage.steps() > 0 ? " (" + stage.steps() + " steps)" : ""));
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
}
