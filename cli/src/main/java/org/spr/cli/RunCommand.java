package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.fixes.monitor.MonitorOutput;
import org.spr.fixes.monitor.RecordCsvWriter;
import org.spr.io.OutputGuard;

import org.spr.fixes.hook.HookBinding;
import org.spr.fixes.hook.HookFactory;
import org.spr.fixes.hook.Hooks;
import org.spr.fixes.hook.PredictHook;
import org.spr.lammps.FixBinding;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.LammpsEngine;
import org.spr.lammps.RecordSink;
import org.spr.lammps.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code spr run}: a LAMMPS input script with Java hooks bound to its {@code fix external} commands. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a LAMMPS input script with Java hooks.",
                "",
                "A line 'fix ID group external pf/callback N 1' in the script binds the hook given with",
                "--hook ID=NAME[:key=value,...] as soon as the fix exists; the hook then runs every N steps.",
                "Without editing the script, --monitor EVERY adds such a fix (ID spr_monitor) before the first run.",
                "The script runs in a separate LAMMPS process: a LAMMPS error is reported with file and line,",
                "and the CSV rows written before it stay valid.",
                "",
                "Hook output goes to OUT/<fix>-<record>.csv, one row per call, flushed as it comes; the predict hook's",
                "to OUT/<fix>/ (timeseries.csv, spectra.csv and plots, as spr quench writes them).",
                "",
                "Examples:",
                "  spr run in.melt --hook ext=thermo",
                "  spr run in.quench --monitor 100 --monitor-hook thermo -var T 3000 --out results",
                "  spr run in.quench --monitor 100 --monitor-hook predict      (the installed model that fits the run)",
                "  spr run in.quench --classpath my-hooks.jar --monitor 100 --monitor-hook coordination"})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "LAMMPS input script")
    Path script;

    @Option(names = "--hook", paramLabel = "ID=NAME[:k=v,...]",
            description = "bind hook NAME (or a HookFactory class name) to fix ID of the script")
    List<String> hooks = new ArrayList<>();

    @Option(names = "--monitor", paramLabel = "EVERY", description = "zero-edit mode: add a monitor fix every EVERY steps")
    Integer monitorEvery;

    @Option(names = "--monitor-hook", paramLabel = "NAME[:k=v,...]", defaultValue = "thermo",
            description = "hook used by --monitor; default ${DEFAULT-VALUE}")
    String monitorHook;

    @Option(names = {"-var", "-v", "--var"}, arity = "2", paramLabel = "NAME VALUE",
            description = "set an index variable, as lmp -var NAME VALUE (repeat for more)")
    List<String> variables = new ArrayList<>();

    @Option(names = "--model-path", paramLabel = "DIR", description = "folder (or .sprmodel file) searched first when the "
            + "predict hook chooses its model (repeatable); then models/, ~/.spr/models, the embedded models")
    List<Path> modelPath = new ArrayList<>();

    @Option(names = {"--classpath", "-cp"}, paramLabel = "JAR_OR_DIR", split = ":",
            description = "your own hooks: jars or class folders (':'-separated, repeatable); jars in ~/.spr/plugins are added too")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--out", defaultValue = "spr-run", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--screen", description = "show LAMMPS's screen output")
    boolean screen;

    @Option(names = "--in-process", description = "run LAMMPS in this process (faster start; with a LAMMPS built without exceptions, as Debian's, a LAMMPS error ends spr)")
    boolean inProcess;

    @Override
    public Integer call() throws Exception {
        OutputGuard.inputs().add("SCRIPT", script).checkOutputDirectory("--out", out);
        return OutputGuard.writeLocked("--out", out, true, this::execute);
    }

    private Integer execute() throws Exception {
        if (Files.isDirectory(script)) {
            throw SprException.badInput("Input script " + script + " is a directory, not a LAMMPS input script.");
        }
        if (!Files.isReadable(script)) {
            throw new SprException(ExitCode.BAD_INPUT, "Input script " + script + " does not exist or is not readable.");
        }
        Plugins.install(classpath);
        Map<String, FixBinding> bindings = new LinkedHashMap<>();
        Set<String> defined = ScriptRunner.definedFixIds(script);
        for (String hook : hooks) {
            int equals = hook.indexOf('=');
            if (equals <= 0) {
                throw new SprException(ExitCode.USAGE, "--hook must look like ID=NAME[:key=value,...], got '" + hook + "'");
            }
            String fixId = hook.substring(0, equals);
            if (!defined.contains(fixId)) {
                throw new SprException(ExitCode.USAGE, "--hook names fix '" + fixId + "', which " + script
                        + " never defines (it defines: " + (defined.isEmpty() ? "no fixes" : String.join(", ", defined))
                        + "); add 'fix " + fixId + " all external pf/callback N 1' or use --monitor N.");
            }
            bindings.put(fixId, binding(withRunContext(hook.substring(equals + 1))));
        }
        LammpsEngine.AutomaticFix monitor = null;
        if (monitorEvery != null) {
            if (monitorEvery <= 0) {
                throw new SprException(ExitCode.USAGE, "--monitor must be a positive number of steps, got " + monitorEvery);
            }
            monitor = new LammpsEngine.AutomaticFix("spr_monitor", monitorEvery, binding(withRunContext(monitorHook)));
        }
        if (bindings.isEmpty() && monitor == null) {
            System.err.println("spr run: no hooks bound (use --hook ID=NAME or --monitor N); running the script as it is.");
        }
        List<String> arguments = new ArrayList<>(List.of("-log", "none", "-nocite"));
        for (int i = 0; i + 1 < variables.size(); i += 2) {
            arguments.addAll(List.of("-var", variables.get(i), variables.get(i + 1)));
        }
        long[] count = {0};
        Map<String, MonitorOutput> monitors = new LinkedHashMap<>();
        // under mpirun every rank runs this command; only rank 0 (known once LAMMPS is open) writes and prints
        boolean[] writes = {false};
        try (RecordCsvWriter writer = new RecordCsvWriter(out)) {
            RecordSink sink = record -> {
                if (writes[0]) {
                    show(record, writer, monitors, count);
                }
            };
            try (LammpsEngine engine = inProcess ? new InProcessEngine(arguments, sink)
                    : new IsolatedEngine(arguments, sink, screen ? System.out::println : null)) {
                writes[0] = engine.rank() == 0;
                if (writes[0]) {
                    Files.createDirectories(out);
                }
                engine.runScript(script, bindings, monitor);
            } catch (org.spr.lammps.LammpsException e) {
                if (e.lammpsMessage() == null && e.getMessage().startsWith("Could not bind Java code")) {
                    // said first: Printable cuts a long message at its end
                    throw new SprException(ExitCode.MODEL_MISMATCH, e.getMessage().replaceFirst(
                            "^Could not bind Java code to fix (\\S+): ", "fix $1 refused before the run started: "));
                }
                if (e.lammpsMessage() != null && e.lammpsMessage().contains("callback function not set")) {
                    throw new SprException(ExitCode.USAGE, e.getMessage() + "; bind a hook to that fix with --hook ID=NAME.");
                }
                throw e;
            } finally {
                for (Path file : writer.files()) {
                    System.err.println("wrote " + file);
                }
                for (var entry : monitors.entrySet()) {
                    try {
                        entry.getValue().finishWithLast("last call");
                    } catch (RuntimeException plotting) {
                        // never hide the run's own outcome (a LAMMPS error, say) behind a failure to draw
                        System.err.println("spr run: the plots of " + entry.getKey() + " could not be drawn: " + plotting.getMessage());
                    }
                    entry.getValue().close();
                    System.err.println("wrote " + out.resolve(entry.getKey())
                            + "/{timeseries.csv, spectra.csv, gr.png, pdos.png, final-pdos.png, properties.png"
                            + entry.getValue().furtherPlots().stream().map(name -> ", " + name).collect(java.util.stream.Collectors.joining())
                            + "}");
                }
            }
        }
        if (!writes[0]) {
            return ExitCodes.OK;
        }
        System.err.printf(Locale.ROOT, "spr run: %s finished, %d hook records%n", script, count[0]);
        return ExitCodes.OK;
    }

    /**
     * A predict hook without a model gets the run's context: the --model-path folders to search, and, when it needs
     * inherent structures, the potential read from the script (its last pair_style with the pair_coeff and
     * pair_modify lines after it, variables substituted).
     */
    String withRunContext(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (!name.equals("predict")) {
            return text;
        }
        String parameters = colon < 0 ? "" : text.substring(colon + 1);
        List<String> added = new ArrayList<>();
        if (!modelPath.isEmpty() && !parameters.matches("(^|.*,)path=.*")) {
            added.add("path=" + String.join(";", modelPath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        if (!parameters.matches("(^|.*,)potential=.*")) {
            String potential = ScriptPotential.read(script, variables);
            if (potential != null) {
                added.add("potential=" + potential);
            }
        }
        if (added.isEmpty()) {
            return text;
        }
        return name + ":" + (parameters.isEmpty() ? "" : parameters + ",") + String.join(",", added);
    }

    /** Parses NAME[:k=v,...] and checks the hook exists and accepts the parameters, before anything runs. */
    static HookBinding binding(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : text.substring(colon + 1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new SprException(ExitCode.USAGE, "hook parameter '" + pair + "' must look like key=value");
                }
                parameters.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        try {
            HookFactory factory = Hooks.factory(name);
            factory.create(parameters);
        } catch (SprException e) { // a corrupt model file (3), a model that does not fit (4), a bad parameter (2)
            throw new SprException(e.exitCode(), "hook '" + name + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.USAGE, e.getMessage());
        } catch (Exception e) {
            throw new SprException(ExitCode.USAGE, "hook '" + name + "' cannot be made: " + e.getMessage());
        }
        return new HookBinding(name, parameters);
    }

    private void show(Serializable record, RecordCsvWriter writer, Map<String, MonitorOutput> monitors, long[] count) {
        count[0]++;
        if (record instanceof HookBinding.HookOutput output && (output.record() instanceof PredictHook.Header
                || output.record() instanceof PredictHook.Prediction || output.record() instanceof PredictHook.Warning)) {
            // predictions get the monitor's outputs: time series, spectra, plots, a table on the terminal
            monitors.computeIfAbsent(output.fixId(), id -> {
                try {
                    Files.createDirectories(out.resolve(id));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Cannot create " + out.resolve(id) + ": " + e.getMessage(), e);
                }
                return new MonitorOutput(out.resolve(id), 0);
            }).accept(output.record());
        } else if (record instanceof HookBinding.HookOutput output) {
            writer.write(output.fixId(), output.record());
            if (count[0] % 10 == 1) {
                System.out.println(output.fixId() + ": " + output.record());
            }
        } else if (record instanceof HookBinding.RunStopped stopped) {
            System.out.println("run stopped by a hook at step " + stopped.step() + ": " + stopped.reason());
        } else {
            writer.write(null, record);
        }
    }
}
