package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.spr.cli.bench.BridgeBenchmark;
import org.spr.cli.bench.CnnBenchmark;
import org.spr.cli.bench.KernelBenchmarks;
import org.spr.cli.bench.LabelBenchmark;
import org.spr.cli.bench.MonitorBenchmark;
import org.spr.cli.bench.MpiMonitorBenchmark;
import org.spr.cli.bench.TransportLabelBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code spr bench}: benchmark harness; each suite measures us against the strongest peer in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, each against its peer on the same input in the same run; prints ratios.",
                "", "Suites:", "  bridge   callback round trip, zero-copy view vs gather, isolated vs in-process engine",
                "  labels   seconds per labelled AMC structure (protocol, force evaluations vs floor, LAPACK vs EJML)",
                "  transport Allen–Feldman κ (~200, ~800 atoms) and π tight-binding DOS/σ (~200–3,000 atoms) per",
                "           structure, dense linear algebra vs NumPy on the same sizes",
                "  monitor  overhead of the in-situ predict hook on a Tersoff quench (~1,000 and ~10,000 atoms)",
                "  mpi      g(r) under MPI, gathered vs reduced (10^5 and 10^6 LJ atoms), with a cost model;",
                "           run as 'mpirun -np P java -jar spr.jar bench mpi' (P = 1 plainly)",
                "  kernels  JMH micro-benchmarks of the numeric kernels (g(r) per frame, LAPACK vs EJML eigenvalues,",
                "           matrix products, linear inference, training-domain distance); further arguments go to JMH",
                "  cnn      seconds per CNN training epoch, PyTorch's default threads vs the machine's choice",
                "", "Examples:  spr bench bridge", "           spr bench kernels -f 1 -wi 2 -i 3 eigenvalues"})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "suite: bridge, labels, transport, monitor, mpi, kernels or cnn")
    String suite;

    /** kernels: JMH options and benchmark name patterns (everything after the suite). */
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!suite.equals("kernels") && !jmhArguments.isEmpty()) {
            throw SprException.usage("spr bench " + suite + " takes no further arguments, got " + jmhArguments);
        }
        switch (suite) {
            case "bridge" -> BridgeBenchmark.run(System.out);
            case "monitor" -> MonitorBenchmark.run(System.out);
            case "mpi" -> MpiMonitorBenchmark.run(System.out);
            case "labels" -> LabelBenchmark.run(System.out);
            case "transport" -> TransportLabelBenchmark.run(System.out);
            case "kernels" -> kernels(jmhArguments);
            case "cnn" -> CnnBenchmark.run(System.out);
            default -> throw new SprException(ExitCode.USAGE, "Unknown benchmark suite '" + suite + "'; known: bridge, labels, transport, monitor, mpi, kernels, cnn");
        }
        return ExitCodes.OK;
    }

    /** Runs the JMH benchmarks of {@link KernelBenchmarks} (those matching the patterns among the arguments, else all). */
    static void kernels(List<String> arguments) throws RunnerException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(arguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw SprException.usage("spr bench kernels: " + e.getMessage());
        }
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options);
        String prefix = KernelBenchmarks.class.getName() + ".";
        if (options.getIncludes().isEmpty()) {
            builder.include(prefix);
        } else {
            builder.include(prefix + "(" + String.join("|", options.getIncludes()) + ")");
        }
        new Runner(builder.build()).run();
    }
}
