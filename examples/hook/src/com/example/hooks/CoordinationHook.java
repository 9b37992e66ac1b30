package com.example.hooks;

import org.spr.fixes.hook.Hook;
import org.spr.fixes.hook.NamedHookFactory;
import org.spr.fixes.hook.StepContext;
import org.spr.lammps.RecordSink;
import org.spr.lammps.SimulationBox;

import java.io.Serializable;
import java.nio.DoubleBuffer;
import java.util.Map;
import java.util.Set;

/**
 * An example of a user's own hook for {@code spr run}: every N steps, the mean number of neighbours within a cutoff
 * and the fraction of atoms with exactly {@code ideal} neighbours (4 for a tetrahedral network such as a-Si), from the
 * positions LAMMPS holds (serial runs, orthogonal periodic box; O(N²), for cells of a few hundred atoms).
 *
 * <p>Build against spr.jar and run (see README.md):
 * <pre>
 *   spr run in.quench --classpath coordination-hook.jar --monitor 100 --monitor-hook coordination:cutoff=2.8
 * </pre>
 * The records go to OUT/spr_monitor-coordination.csv, one row per call.
 */
public final class CoordinationHook implements Hook {

    /** One record: a row of the CSV file spr run writes (the record's components are the columns). */
    public record Coordination(long step, double temperature, double meanNeighbours, double idealFraction)
            implements Serializable {
    }

    private final double cutoff;
    private final int ideal;

    CoordinationHook(double cutoff, int ideal) {
        this.cutoff = cutoff;
        this.ideal = ideal;
    }

    @Override
    public void onStep(StepContext step, RecordSink sink) {
        double temperature = step.temperature();   // collective: called on every rank
        if (step.ranks() != 1) {
            throw new IllegalStateException("the coordination example hook runs serially only");
        }
        SimulationBox box = step.box();
        double[] length = {box.lx(), box.ly(), box.lz()};
        DoubleBuffer x = step.positions();           // a zero-copy view: x0, y0, z0, x1, … of the local atoms
        int n = step.nlocal();
        int[] neighbours = new int[n];
        double cut2 = cutoff * cutoff;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = x.get(3 * i + k) - x.get(3 * j + k);
                    d -= length[k] * Math.rint(d / length[k]);
                    r2 += d * d;
                }
                if (r2 < cut2) {
                    neighbours[i]++;
                    neighbours[j]++;
                }
            }
        }
        double sum = 0;
        int idealCount = 0;
        for (int count : neighbours) {
            sum += count;
            idealCount += count == ideal ? 1 : 0;
        }
        sink.emit(new Coordination(step.timestep(), temperature, sum / n, idealCount / (double) n));
    }

    /**
     * The factory spr finds by name ("coordination") through META-INF/services/org.spr.fixes.hook.HookFactory, or by
     * class name ({@code --monitor-hook com.example.hooks.CoordinationHook$Factory}).
     */
    public static final class Factory extends NamedHookFactory {
        public Factory() {
            super("coordination", "mean coordination and the fraction of ideally coordinated atoms (example user hook)",
                    CoordinationHook::create,
                    "cutoff=2.8    neighbour cutoff (Å or σ)", "ideal=4       the ideal coordination");
        }
    }

    /** Makes the hook from its parameters cutoff and ideal. */
    static Hook create(Map<String, String> parameters) {
        for (String key : parameters.keySet()) {
            if (!Set.of("cutoff", "ideal").contains(key)) {
                throw new IllegalArgumentException("hook 'coordination' has no parameter '" + key + "' (it takes cutoff, ideal)");
            }
        }
        double cutoff = Double.parseDouble(parameters.getOrDefault("cutoff", "2.8"));
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("hook 'coordination': cutoff must be positive, got " + cutoff);
        }
        return new CoordinationHook(cutoff, Integer.parseInt(parameters.getOrDefault("ideal", "4")));
    }
}
