package org.spr.cli;

import org.spr.descriptor.RadialGrid;
import picocli.CommandLine.Option;

/** The options of a g(r) computation: grid, normalisation and partials ({@code spr rdf}, {@code spr import}). */
final class GrOptions {

    @Option(names = "--rmax", defaultValue = "8.0", paramLabel = "R", description = "g(r): upper edge of the last bin, in the structure's length unit (default: ${DEFAULT-VALUE})")
    double rMax;

    @Option(names = "--dr", defaultValue = "0.02", paramLabel = "D", description = "g(r): bin width (default: ${DEFAULT-VALUE}); R must be a whole number of bins")
    double dr;

    @Option(names = {"--dim", "--dimension"}, defaultValue = "3", paramLabel = "2|3",
            description = "g(r): 3 for bulk (volume normalisation), 2 for monolayers (in-plane area, any vacuum); default ${DEFAULT-VALUE}")
    int dimension;

    @Option(names = "--partials", description = "g(r): also the partials g_ab of every type pair a <= b")
    boolean partials;

    /** The grid of --rmax and --dr. */
    RadialGrid grid() {
        return new RadialGrid(rMax, dr);
    }
}
