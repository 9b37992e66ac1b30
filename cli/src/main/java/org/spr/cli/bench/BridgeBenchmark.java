package org.spr.cli.bench;

import org.spr.protocol.Graphene;
import org.spr.protocol.Potentials;
import org.spr.lammps.EngineTask;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.PrintStream;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Bridge benchmarks: the cost of a {@code fix external} callback round trip, reading all positions through the
 * zero-copy view vs a gather copy, and the isolated engine vs in-process for a 10^4-step Tersoff run.
 */
public final class BridgeBenchmark {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    private BridgeBenchmark() {
    }

    public static void run(PrintStream out) {
        out.println("# spr bench bridge (" + Runtime.getRuntime().availableProcessors() + " cores)");
        for (int cells : new int[]{6, 29}) {
            callbackAndViews(out, cells);
        }
        isolatedVersusInProcess(out);
    }

    private static String ljCrystal(int cells) {
        return String.join("\n", "units lj", "atom_style atomic", "atom_modify map array", "lattice fcc 0.8442",
                "region box block 0 " + cells + " 0 " + cells + " 0 " + cells, "create_box 1 box", "create_atoms 1 box",
                "mass 1 1", "pair_style lj/cut 2.5", "pair_coeff 1 1 1 1", "velocity all create 0.7 1 loop geom",
                "fix 1 all nve", "thermo 0", "");
    }

    private static void callbackAndViews(PrintStream out, int cells) {
        try (Lammps lammps = Lammps.open(QUIET)) {
            lammps.commands(ljCrystal(cells));
            long natoms = lammps.natoms();
            int steps = natoms > 10_000 ? 200 : 5000;
            lammps.command("run 10");
            long start = System.nanoTime();
            lammps.command("run " + steps);
            double plain = (System.nanoTime() - start) / 1e9;
            lammps.command("fix ext all external pf/callback 1 1");
            double[] sink = new double[1];
            lammps.setFixExternalCallback("ext", step -> sink[0] += step.nlocal());
            lammps.command("run 10");
            start = System.nanoTime();
            lammps.command("run " + steps);
            double withCallback = (System.nanoTime() - start) / 1e9;
            lammps.command("unfix ext");
            double perCallback = (withCallback - plain) / steps;

            int reads = natoms > 10_000 ? 200 : 20_000;
            double checksum = 0;
            start = System.nanoTime();
            for (int r = 0; r < reads; r++) {
                DoubleBuffer view = lammps.positionsView();
                for (int i = 0, n = view.limit(); i < n; i++) {
                    checksum += view.get(i);
                }
            }
            double viewTime = (System.nanoTime() - start) / 1e9 / reads;
            start = System.nanoTime();
            for (int r = 0; r < reads; r++) {
                double[] x = lammps.gatherPositions();
                checksum -= x[0];
            }
            double gatherTime = (System.nanoTime() - start) / 1e9 / reads;
            out.printf(Locale.ROOT, "LJ %,d atoms: MD %.2f µs/step; callback round trip %.2f µs; "
                            + "read all positions: view %.1f µs (summed), gather copy %.1f µs (gather/view %.1f×)  [%s]%n",
                    natoms, plain / steps * 1e6, perCallback * 1e6, viewTime * 1e6, gatherTime * 1e6,
                    gatherTime / viewTime, checksum != 0 ? "ok" : "?");
        }
    }

    /** A 10^4-step NVE run of graphene (~1000 atoms, Tersoff). */
    public record TersoffRun(int steps) implements EngineTask<Double> {
        @Override
        public Double run(Lammps lammps, RecordSink sink) {
            lammps.commands(Graphene.commands(18, 14, 20.0));
            lammps.command("pair_style tersoff");
            lammps.command("pair_coeff * * " + Potentials.path("BNC.tersoff") + " C");
            lammps.commands("velocity all create 300 4928 loop geom\nfix 1 all nve\ntimestep 0.0005\nthermo 1000\n");
            long start = System.nanoTime();
            lammps.command("run " + steps);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void isolatedVersusInProcess(PrintStream out) {
        int steps = 10_000;
        double inProcess;
        long start = System.nanoTime();
        try (Lammps lammps = Lammps.open(QUIET)) {
            inProcess = new TersoffRun(steps).run(lammps, RecordSink.NONE);
        }
        double inProcessTotal = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        double isolatedRun;
        try (IsolatedEngine engine = new IsolatedEngine(QUIET, null, null)) {
            isolatedRun = engine.call(new TersoffRun(steps));
        }
        double isolatedTotal = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Tersoff graphene 1,008 atoms, %,d steps: in-process %.2f s (run) / %.2f s (total); "
                        + "isolated %.2f s (run) / %.2f s (total incl. worker start); overhead %.1f %% total, %.1f %% run%n",
                steps, inProcess, inProcessTotal, isolatedRun, isolatedTotal,
                100 * (isolatedTotal / inProcessTotal - 1), 100 * (isolatedRun / inProcess - 1));
    }
}
