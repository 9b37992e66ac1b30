package org.spr.cli.bench;

import org.spr.fixes.hook.HookBinding;
import org.spr.protocol.Graphene;
import org.spr.protocol.Potentials;
import org.spr.lammps.FixBinding;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Monitoring overhead: the same Tersoff quench of graphene (in-plane NVT ramp 3000 → 300 K) with the {@code predict}
 * hook (embedded model, instantaneous g(r)) every 100 steps vs without, in one process, alternating runs, each after a
 * 300-step warm-up (JIT of the hook's kernels, first neighbour lists); best of two.
 */
public final class MonitorBenchmark {

    private MonitorBenchmark() {
    }

    public static void run(PrintStream out) throws Exception {
        out.println("# spr bench monitor: Tersoff graphene quench, predict hook every 100 steps vs none");
        for (int[] size : new int[][]{{18, 14, 5000}, {60, 42, 1000}}) {
            double plain = Double.MAX_VALUE;
            double monitored = Double.MAX_VALUE;
            int atoms = 0;
            for (int repeat = 0; repeat < 2; repeat++) {
                double[] a = quench(size[0], size[1], size[2], false);
                double[] b = quench(size[0], size[1], size[2], !Boolean.getBoolean("spr.bench.plainonly"));
                plain = Math.min(plain, a[0]);
                monitored = Math.min(monitored, b[0]);
                atoms = (int) a[1];
            }
            out.printf(Locale.ROOT, "%,d atoms, %,d steps: without hook %.2f s, with predict hook %.2f s → overhead %.2f %%%n",
                    atoms, size[2], plain, monitored, 100 * (monitored / plain - 1));
        }
    }

    /** Returns {seconds of the run, atoms}. */
    private static double[] quench(int cellsX, int cellsY, int steps, boolean monitor) throws Exception {
        try (Lammps lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            lammps.commands(Graphene.commands(cellsX, cellsY, 20.0));
            lammps.command("pair_style tersoff");
            lammps.command("pair_coeff * * " + Potentials.path("BNC.tersoff") + " C");
            lammps.commands(String.join("\n", "compute t2d all temp/partial 1 1 0",
                    "velocity all create 3000 4928 loop geom temp t2d", "velocity all set NULL NULL 0.0",
                    "fix plane all setforce NULL NULL 0.0", "timestep 0.0005", "thermo 100", "thermo_modify temp t2d",
                    "fix md all nvt temp 3000 300 0.05", "fix_modify md temp t2d", ""));
            if (monitor) {
                String hook = System.getProperty("spr.bench.hook", "predict");
                FixBinding binding = new HookBinding(hook, hook.equals("predict") ? Map.of("kind", "instantaneous") : Map.of());
                lammps.command("fix mon all external pf/callback 100 1");
                if (!Boolean.getBoolean("spr.bench.notally")) {
                    FixBinding.tallyEnergy(lammps, "mon", 100);
                }
                lammps.setFixExternalCallback("mon", binding.create(lammps, "mon", 100, RecordSink.NONE));
            }
            lammps.command("run 300");  // warm-up: neighbour lists, JIT of the hook's kernels
            long start = System.nanoTime();
            lammps.command("run " + steps);
            return new double[]{(System.nanoTime() - start) * 1e-9, lammps.natoms()};
        }
    }
}
