package org.spr.cli.bench;

import org.spr.linalg.EjmlSymmetricEigensolver;
import org.spr.label.HessianLabel;
import org.spr.linalg.LapackSymmetricEigensolver;
import org.spr.label.PhononDos;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.protocol.AmcQuench;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.EngineTask;
import org.spr.linalg.RandomMatrices;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cost of one labelled AMC structure at ~200 and ~800 atoms, split into protocol (MD + minimisation), force
 * evaluations and eigensolver; the force part against its floor (6N × one plain {@code run 0}), and LAPACK against
 * EJML on the same matrix size, in one run.
 */
public final class LabelBenchmark {

    private LabelBenchmark() {
    }

    /** Seconds of one plain {@code run 0} on the structure in LAMMPS (median of 50). */
    public record RunZero() implements EngineTask<Double> {
        @Override
        public Double run(Lammps lammps, RecordSink sink) {
            double[] times = new double[50];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                lammps.command("run 0");
                times[i] = (System.nanoTime() - start) * 1e-9;
            }
            java.util.Arrays.sort(times);
            return times[times.length / 2];
        }
    }

    public static void run(PrintStream out) throws Exception {
        out.println("# spr bench labels: AMC quench + Hessian PDOS per structure");
        for (int[] cells : new int[][]{{10, 5}, {18, 11}}) {
            AmcQuench protocol = AmcQuench.defaults(5).withSize(cells[0], cells[1]).withDisorder(0.05, 5000, 2000);
            try (InProcessEngine engine = new InProcessEngine(List.of("-log", "none", "-screen", "none", "-nocite"), RecordSink.NONE)) {
                long start = System.nanoTime();
                ProtocolResult structure = engine.call(protocol);
                double protocolSeconds = (System.nanoTime() - start) * 1e-9;
                double runZero = engine.call(new RunZero());
                PhononDos dos = engine.call(HessianLabel.metalDefaults());
                int n = structure.atoms();
                double floor = 6.0 * n * runZero;
                double[] alternative = eigensolverSeconds(3 * n);
                double total = protocolSeconds + dos.timings().forceConstantSeconds() + dos.timings().eigensolverSeconds();
                out.printf(Locale.ROOT, "AMC %d atoms (%,d MD steps): total %.1f s = protocol %.1f s + force evaluations %.2f s "
                                + "(floor 6N × run 0 = %.2f s, ratio %.2f) + eigensolver %.2f s (%s); labels within %.2f× of floor + eigensolver; "
                                + "eigensolver LAPACK %.3f s vs EJML %.3f s on a random %d² matrix%n",
                        n, protocol.totalSteps(), total, protocolSeconds, dos.timings().forceConstantSeconds(), floor,
                        dos.timings().forceConstantSeconds() / floor, dos.timings().eigensolverSeconds(),
                        dos.timings().eigensolverName(),
                        (dos.timings().forceConstantSeconds() + dos.timings().eigensolverSeconds()) / (floor + dos.timings().eigensolverSeconds()),
                        alternative[0], alternative[1], 3 * n);
            }
        }
    }

    private static double[] eigensolverSeconds(int n) {
        double[] matrix = RandomMatrices.gaussianSymmetric(n, 1);
        double[] seconds = new double[2];
        SymmetricEigensolver[] solvers = {LapackSymmetricEigensolver.load(), new EjmlSymmetricEigensolver()};
        for (int s = 0; s < 2; s++) {
            double[] copy = matrix.clone();
            long start = System.nanoTime();
            solvers[s].decompose(copy, n, false);
            seconds[s] = (System.nanoTime() - start) * 1e-9;
        }
        return seconds;
    }
}
