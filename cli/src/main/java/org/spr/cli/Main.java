package org.spr.cli;

import org.spr.lammps.LammpsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spr} command. Each subcommand is its own class; errors users can fix are printed as one sentence
 * with a distinct exit code (see {@link ExitCodes}), never as a stack trace.
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
                LearningCurveCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"",
                "Exit codes: 0 ok, 1 internal error, 2 bad usage, 3 bad input file, 4 model mismatch,",
                "            5 LAMMPS error, 6 LAMMPS missing or lacking a package, 7 simulation failed.",
                "",
                "Start with:  spr quench            (monitored AMC quench with the default model)",
                "             spr help <command>    (options and examples of one command)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setUsageHelpWidth(110);
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("spr: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'spr help " + e.getCommandLine().getCommandName() + "' for the options.");
            return ExitCodes.USAGE;
        });
        return commandLine.execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof UserError user) {
            err.println("spr " + commandLine.getCommandName() + ": " + user.getMessage());
            return user.exitCode();
        }
        if (e instanceof LammpsException lammps) {
            err.println("spr " + commandLine.getCommandName() + ": " + lammps.getMessage());
            return ExitCodes.LAMMPS_ERROR;
        }
        if (e instanceof org.spr.model.ModelMismatchException) {
            err.println("spr " + commandLine.getCommandName() + ": " + e.getMessage());
            return ExitCodes.MODEL_MISMATCH;
        }
        if (e instanceof org.spr.model.ModelFileException || e instanceof org.spr.dataset.DatasetFormatException
                || e instanceof org.spr.io.InputFormatException || e instanceof InputFileException) {
            err.println("spr " + commandLine.getCommandName() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("spr " + commandLine.getCommandName() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("spr " + commandLine.getCommandName() + ": internal error, please report it with this trace:");
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
