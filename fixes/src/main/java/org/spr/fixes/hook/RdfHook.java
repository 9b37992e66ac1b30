package org.spr.fixes.hook;

import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialGrid;
import org.spr.lammps.RecordSink;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rdf} hook: the total g(r) of the current configuration on a declared grid, optionally averaged over a
 * window of the last W calls. Under MPI each rank bins its own atoms ({@link DistributedRadialDistribution}) and
 * only rank 0 emits.
 *
 * <p>Parameters: {@code rmax} (default 8), {@code dr} (0.02), {@code dim} (2 for a monolayer, 3 for bulk; default
 * LAMMPS's dimension), {@code window} (calls averaged, default 1 = instantaneous).
 */
public final class RdfHook implements Hook {

    /** g(r) at one step: r at bin centres, the (window-averaged) total g. */
    public record RdfSample(long step, double time, double temperature, double potentialEnergyPerAtom, int window,
                            double[] r, double[] g) implements Serializable {
    }

    private final RadialGrid grid;
    private final InSituGr gr;
    private final int window;
    private final SlidingWindow recent;

    public RdfHook(RadialGrid grid, int dimension, int window) {
        this.recent = new SlidingWindow(window);
        this.grid = grid;
        this.gr = new InSituGr(grid, dimension);
        this.window = window;
    }

    /**
     * Computes the (window-averaged) total g(r) of the current configuration; null on ranks other than 0 (under MPI
     * the per-rank histograms are summed on rank 0, no rank gathers all positions).
     */
    double[] currentTotal(StepContext step) {
        PairCorrelation result = gr.compute(step);
        if (result == null || step.rank() != 0) {
            return null;
        }
        double[] total = result.total().clone();
        return window == 1 ? total : recent.add(total);
    }

    @Override
    public void onStep(StepContext step, RecordSink sink) {
        // collective calls first, on every rank
        double pe = step.potentialEnergy();
        double temperature = step.temperature();
        double[] g = currentTotal(step);
        if (g == null) {
            return;
        }
        sink.emit(new RdfSample(step.timestep(), step.time(), temperature, pe / step.natoms(),
                Math.min(window, Math.max(1, recent.size())), grid.centres(), g));
    }

    static double number(Map<String, String> parameters, String key, double fallback) {
        String value = parameters.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hook parameter " + key + "=" + value + " is not a number");
        }
    }

    static void allowOnly(String hook, Map<String, String> parameters, Set<String> known) {
        for (String key : parameters.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("hook '" + hook + "' has no parameter '" + key + "'; it takes " + known);
            }
        }
    }

    /** Makes the hook from rmax, dr, dim and window. */
    static Hook create(Map<String, String> parameters) {
        allowOnly("rdf", parameters, Set.of("rmax", "dr", "dim", "window"));
        RadialGrid grid = new RadialGrid(number(parameters, "rmax", 8.0), number(parameters, "dr", 0.02));
        int dimension = (int) number(parameters, "dim", 0);
        if (dimension != 0 && dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("hook parameter dim must be 2 or 3, got " + dimension);
        }
        return new RdfHook(grid, dimension, (int) number(parameters, "window", 1));
    }

    /** Factory for {@code rdf}. */
    public static final class Factory extends NamedHookFactory {
        public Factory() {
            super("rdf", "g(r) time series (OUT/<fix>-rdf.csv)", RdfHook::create,
                    "rmax=8        largest r (Å or σ)", "dr=0.02       bin width",
                    "dim=auto      2 or 3: g(r) normalisation (default: the LAMMPS dimension)",
                    "window=1      average over the last N calls");
        }
    }
}
