package org.spr.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.spr.descriptor.RadialGrid;

/**
 * Everything a model needs to know about its g(r) input: the radial grid, the normalisation (2D or 3D),
 * which g(r) (instantaneous, window-averaged, inherent), the species, whether the input holds all partial
 * g_ab(r) (concatenated in the order aa, ab, …, bb of {@code species}) or only the total, and the Gaussian smoothing
 * width applied to it (0 when none).
 *
 * @param grid           radial grid of every channel
 * @param dimension      2 (monolayer, area normalisation) or 3 (bulk, volume normalisation)
 * @param grKind         which g(r) it is
 * @param species        element or type names, in the order used for partials
 * @param partials       true when the input concatenates all partials, false for the total g(r)
 * @param smoothingWidth Gaussian smoothing σ in the units of r (0 = none)
 */
public record DescriptorSpec(RadialGrid grid, int dimension, GrKind grKind, List<String> species, boolean partials,
                             double smoothingWidth) {

    public DescriptorSpec {
        if (grid == null) {
            throw new IllegalArgumentException("descriptor grid must not be null");
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("descriptor dimension must be 2 or 3, got " + dimension);
        }
        if (grKind == null) {
            throw new IllegalArgumentException("descriptor g(r) kind must not be null");
        }
        species = List.copyOf(species == null ? List.of() : species);
        if (!(smoothingWidth >= 0)) {
            throw new IllegalArgumentException("smoothing width must be >= 0, got " + smoothingWidth);
        }
    }

    /** A total (not partial), unsmoothed g(r). */
    public static DescriptorSpec total(RadialGrid grid, int dimension, GrKind grKind, List<String> species) {
        return new DescriptorSpec(grid, dimension, grKind, species, false, 0.0);
    }

    /** Number of g(r) channels: 1 for the total, n(n+1)/2 for the partials of n species. */
    public int channels() {
        int n = species.size();
        return partials ? Math.max(1, n * (n + 1) / 2) : 1;
    }

    /** Length of the input vector: channels × bins. */
    public int inputLength() {
        return channels() * grid.bins();
    }

    /** Returns this spec on another radial grid (everything else unchanged). */
    public DescriptorSpec withGrid(RadialGrid newGrid) {
        return new DescriptorSpec(newGrid, dimension, grKind, species, partials, smoothingWidth);
    }

    /** True when both describe the same input, bin for bin. */
    public boolean matches(DescriptorSpec other) {
        return firstDifference(other).isEmpty();
    }

    /**
     * True when {@code other} differs from this spec only in its bin width and covers at least this spec's r range,
     * so that resampling onto this grid is meaningful.
     */
    public boolean canResampleFrom(DescriptorSpec other) {
        return dimension == other.dimension && grKind == other.grKind && species.equals(other.species)
                && partials == other.partials && Math.abs(smoothingWidth - other.smoothingWidth) <= 1e-12
                && other.grid.rMax() >= grid.rMax() * (1 - 1e-9);
    }

    /**
     * The first property in which {@code other} differs from this spec, as a phrase naming both sides
     * (this = expected, other = given), or empty when they match.
     */
    public Optional<String> firstDifference(DescriptorSpec other) {
        if (dimension != other.dimension) {
            return Optional.of("normalisation " + dimension + "D vs " + other.dimension + "D");
        }
        if (grKind != other.grKind) {
            return Optional.of("g(r) kind " + grKind.label() + " vs " + other.grKind.label());
        }
        if (!species.equals(other.species)) {
            return Optional.of("species " + species + " vs " + other.species);
        }
        if (partials != other.partials) {
            return Optional.of("channels " + (partials ? "partials" : "total") + " vs " + (other.partials ? "partials" : "total"));
        }
        if (Math.abs(smoothingWidth - other.smoothingWidth) > 1e-12) {
            return Optional.of(String.format(Locale.ROOT, "smoothing width %g vs %g", smoothingWidth, other.smoothingWidth));
        }
        if (!grid.sameAs(other.grid)) {
            return Optional.of("grid " + grid + " vs " + other.grid);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dD %s g(r)%s of %s on %s%s", dimension, grKind.label(),
                partials ? " partials" : "", species, grid,
                smoothingWidth > 0 ? String.format(Locale.ROOT, ", smoothed σ=%g", smoothingWidth) : "");
    }
}
