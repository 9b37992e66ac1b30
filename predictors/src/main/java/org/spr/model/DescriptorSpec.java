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
 * @param channelKinds   empty for the classic input (the g(r) of {@code dimension}, total or partials); otherwise the
 *                       channels of a multi-channel input in order ({@link DescriptorChannel}: 2D g(r), 3D g(r),
 *                       bond-angle distribution), each {@code grid.bins()} long, computed by {@link ChannelDescriptor}
 * @param logScaled      multi-channel inputs: each value v enters as ln(1 + v)
 * @param adfCutoff      bond cutoff (Å) of the {@link DescriptorChannel#ADF} channel (0 when there is none)
 */
public record DescriptorSpec(RadialGrid grid, int dimension, GrKind grKind, List<String> species, boolean partials,
                             double smoothingWidth, List<DescriptorChannel> channelKinds, boolean logScaled, double adfCutoff) {

    /** The classic input: the g(r) of {@code dimension}, total or partials, no further channels. */
    public DescriptorSpec(RadialGrid grid, int dimension, GrKind grKind, List<String> species, boolean partials, double smoothingWidth) {
        this(grid, dimension, grKind, species, partials, smoothingWidth, List.of(), false, 0.0);
    }

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
        channelKinds = List.copyOf(channelKinds == null ? List.of() : channelKinds);
        if (!channelKinds.isEmpty()) {
            if (partials) {
                throw new IllegalArgumentException("multi-channel inputs use the total g(r), not partials");
            }
            if (dimension == 3 && channelKinds.contains(DescriptorChannel.GR_2D)) {
                throw new IllegalArgumentException("a 2D g(r) channel needs monolayers (dimension 2), the spec is 3D");
            }
            if (channelKinds.contains(DescriptorChannel.ADF) && !(adfCutoff > 0)) {
                throw new IllegalArgumentException("the adf channel needs a positive bond cutoff, got " + adfCutoff);
            }
        } else if (logScaled) {
            throw new IllegalArgumentException("log scaling applies to multi-channel inputs");
        }
    }

    /** True for a multi-channel input ({@link #channelKinds()} not empty). */
    public boolean isMultiChannel() {
        return !channelKinds.isEmpty();
    }

    /** This spec with the given channels (total g(r), no smoothing). */
    public DescriptorSpec withChannels(List<DescriptorChannel> channels, boolean log, double cutoff) {
        return new DescriptorSpec(grid, dimension, grKind, species, false, 0.0, channels, log,
                channels.contains(DescriptorChannel.ADF) ? cutoff : 0.0);
    }

    /** A total (not partial), unsmoothed g(r). */
    public static DescriptorSpec total(RadialGrid grid, int dimension, GrKind grKind, List<String> species) {
        return new DescriptorSpec(grid, dimension, grKind, species, false, 0.0);
    }

    /** Number of channels: of a multi-channel input, else 1 for the total, n(n+1)/2 for the partials of n species. */
    public int channels() {
        if (!channelKinds.isEmpty()) {
            return channelKinds.size();
        }
        int n = species.size();
        return partials ? Math.max(1, n * (n + 1) / 2) : 1;
    }

    /** Length of the input vector: channels × bins. */
    public int inputLength() {
        return channels() * grid.bins();
    }

    /** Returns this spec on another radial grid (everything else unchanged). */
    public DescriptorSpec withGrid(RadialGrid newGrid) {
        return new DescriptorSpec(newGrid, dimension, grKind, species, partials, smoothingWidth, channelKinds, logScaled, adfCutoff);
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
                && channelKinds.equals(other.channelKinds) && logScaled == other.logScaled && Math.abs(adfCutoff - other.adfCutoff) <= 1e-12
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
        if (!channelKinds.equals(other.channelKinds) || logScaled != other.logScaled || Math.abs(adfCutoff - other.adfCutoff) > 1e-12) {
            return Optional.of("channels " + channelText() + " vs " + other.channelText());
        }
        if (Math.abs(smoothingWidth - other.smoothingWidth) > 1e-12) {
            return Optional.of(String.format(Locale.ROOT, "smoothing width %g vs %g", smoothingWidth, other.smoothingWidth));
        }
        if (!grid.sameAs(other.grid)) {
            return Optional.of("grid " + grid + " vs " + other.grid);
        }
        return Optional.empty();
    }

    private String channelText() {
        if (channelKinds.isEmpty()) {
            return partials ? "partials" : "total g(r)";
        }
        List<String> names = channelKinds.stream().map(DescriptorChannel::label).toList();
        return String.join("+", names) + (logScaled ? " (ln(1+v))" : "")
                + (adfCutoff > 0 ? String.format(Locale.ROOT, " (ADF cutoff %g Å)", adfCutoff) : "");
    }

    @Override
    public String toString() {
        if (!channelKinds.isEmpty()) {
            return String.format(Locale.ROOT, "%dD %s channels %s of %s on %s", dimension, grKind.label(), channelText(), species, grid);
        }
        return String.format(Locale.ROOT, "%dD %s g(r)%s of %s on %s%s", dimension, grKind.label(),
                partials ? " partials" : "", species, grid,
                smoothingWidth > 0 ? String.format(Locale.ROOT, ", smoothed σ=%g", smoothingWidth) : "");
    }
}
