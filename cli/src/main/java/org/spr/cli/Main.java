package org.spr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spr} command. Each subcommand is its own class; errors users can fix are printed as one sentence
 * with a distinct exit code (see {@link ExitCodes}), never as a stack trace; internal errors keep theirs.
 */
@Command(name = "spr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Structure-property relationships of amorphous materials, in situ in LAMMPS.",
                "Computes the pair correlation function g(r) of structures as they form, and predicts their phonon DOS,",
                "thermal conductivity and electronic DOS with embedded linear, CNN and XGBoost models trained on g(r);",
                "makes and imports the labels (Hessian PDOS, Allen–Feldman/Green–Kubo κ, π tight-binding DOS and σ, DFT).",
                ""},
        subcommands = {
                QuenchCommand.class,
                RunCommand.class,
                AnalyzeCommand.class,
                RdfCommand.class,
                GenerateCommand.class,
                LabelCommand.class,
                KappaCommand.class,
                ImportCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                ModelsCommand.class,
                LearningCurveCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"",
                "Exit codes: 0 ok, 1 internal error, 2 bad usage, 3 bad input file, 4 model mismatch,",
                "            5 LAMMPS error, 6 LAMMPS missing or lacking a package, 7 simulation failed,",
                "            8 output in use by another spr process.",
                "",
                "Start with:  spr quench            (monitored AMC quench with the default model)",
                "             spr help <command>    (options and examples of one command)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args);
        // an in-process LAMMPS initialised MPI here: under mpirun, ending without MPI_Finalize is an abnormal exit
        org.spr.lammps.Lammps.finalizeMpiIfLoaded();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(new Main());
        commandLine.setUsageHelpWidth(110);
        describeHooks(commandLine.getSubcommands().get("run"));
        if (args.length == 2 && args[0].equals("help") && args[1].equals("spr")) {
            args = new String[]{"--help"};  // 'spr help spr' is the overview, not an unknown subcommand
        }
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("spr: " + ExitCodes.outOfMemoryMessage());
            commandLine.getErr().flush();
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * A picocli command line for {@code command} (the {@code spr} command or one subcommand, as tests run them) with
     * the error handling of {@code spr}: parse errors exit with {@link ExitCodes#USAGE}, failures as
     * {@link ExitCodes#report} says.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("spr: " + e.getMessage());
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getParent() == null ? "Try 'spr --help' for the commands."
                    : "Try 'spr help " + failed.getCommandName() + "' for the options.");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    /** spr help run lists every hook (built-in and plugin) with all its parameters. */
    private static void describeHooks(CommandLine run) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("", "Hooks (NAME[:key=value,...]):"));
        try {
            for (var factory : org.spr.fixes.hook.Hooks.available().values()) {
                lines.add(String.format(java.util.Locale.ROOT, "  %-8s %s", factory.name(), factory.description()));
                for (String parameter : factory.parameterHelp()) {
                    lines.add("             " + parameter);
                }
            }
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            lines.add("  (the hook list could not be read: " + e.getMessage() + ")");
        }
        lines.addAll(java.util.List.of("",
                "Your own hooks: implement org.spr.fixes.hook.HookFactory and Hook (example: examples/hook/), compile",
                "against spr.jar, then --classpath my-hooks.jar and --hook ID=NAME (service-registered) or",
                "--hook ID=com.example.MyFactory; jars in ~/.spr/plugins ($SPR_PLUGINS) are always added."));
        run.getCommandSpec().usageMessage().footer(lines.toArray(String[]::new));
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return ExitCodes.report(e, commandLine.getCommandName(), commandLine.getErr());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
