package org.spr.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.spr.descriptor.GaussianSmoothing;
import org.spr.descriptor.PairCorrelation;
import org.spr.structure.Frame;

/**
 * Turns a structure into the input vector a model expects ({@link DescriptorSpec}): checks that the structure fits the
 * model (species, 2D monolayer vs 3D bulk) and assembles the total g(r) or the partials g_aa, g_ab, …, g_bb (order of
 * the model's species), smoothed with the model's Gaussian width when it has one.
 */
public final class ModelInputs {

    /**
     * A frame is taken as a monolayer or slab when the largest empty gap along z (between consecutive atoms, periodic)
     * is at least this fraction of the cell height, or when z is not periodic.
     */
    public static final double VACUUM_GAP_FRACTION = 0.3;

    private ModelInputs() {
    }

    /**
     * Checks that {@code frame}'s atom types are the model's species: the same count, and, when the frame names its
     * species, the same names (the same order when the model uses partials, since partial channels follow it).
     *
     * @param where names the frame in messages, e.g. {@code "dump.lammpstrj frame 3"}
     * @throws ModelMismatchException naming both sides
     */
    public static void checkSpecies(Frame frame, DescriptorSpec spec, String where) {
        List<String> species = spec.species();
        if (species.isEmpty()) {
            if (spec.partials()) {
                throw new ModelMismatchException("The model uses partial g(r) but records no species, so " + where
                        + " (" + frame.typeCount() + " atom types) cannot be matched to its channels.");
            }
            return;
        }
        List<String> labels = Arrays.asList(frame.typeLabels());
        if (frame.typeCount() != species.size()) {
            throw new ModelMismatchException("The model was trained on " + species.size() + " species " + species + " but " + where
                    + " has " + frame.typeCount() + " atom types " + labels + ".");
        }
        String[] names = frame.speciesNames();
        if (names == null || Arrays.stream(names, 0, frame.typeCount()).anyMatch(name -> name == null)) {
            return; // types without names: the count is all that can be checked
        }
        List<String> named = Arrays.asList(names).subList(0, frame.typeCount());
        boolean sameSet = new HashSet<>(named).equals(new HashSet<>(species));
        if (!sameSet || (spec.partials() && !named.equals(species))) {
            throw new ModelMismatchException("The model was trained on species " + species + " but the atom types of " + where
                    + " are " + named + (sameSet ? " (the partial g(r) channels need the model's order)" : "") + ".");
        }
    }

    /**
     * Checks that {@code frame} looks like what the model's normalisation assumes: a 2D model needs a monolayer (an
     * empty gap along z of at least {@link #VACUUM_GAP_FRACTION} of the cell height, or a non-periodic z), a 3D model a
     * bulk cell without such a gap.
     *
     * @throws ModelMismatchException naming both sides
     */
    public static void checkDimension(Frame frame, DescriptorSpec spec, String where) {
        double gap = largestGapAlongZ(frame);
        boolean layer = !frame.box().periodicZ() || gap >= VACUUM_GAP_FRACTION;
        if (spec.dimension() == 3 && layer) {
            throw new ModelMismatchException(String.format(Locale.ROOT, "The model is 3D (bulk, volume normalisation) but %s is a "
                    + "monolayer or slab (%s along z).", where, frame.box().periodicZ()
                    ? String.format(Locale.ROOT, "an empty gap of %.0f %% of the cell height", 100 * gap) : "not periodic"));
        }
        if (spec.dimension() == 2 && !layer) {
            throw new ModelMismatchException(String.format(Locale.ROOT, "The model is 2D (monolayer, in-plane area normalisation) but "
                    + "%s fills its periodic cell along z like a bulk structure (largest empty gap %.0f %% of the cell height).", where, 100 * gap));
        }
    }

    /**
     * Largest empty interval along z between atoms, periodic, as a fraction of the cell height lz (1 when all atoms
     * share one z). Uses s = (z − zlo)/lz, the fractional coordinate along c (the LAMMPS cell vectors a and b have no z
     * component, also for triclinic cells).
     */
    static double largestGapAlongZ(Frame frame) {
        int n = frame.atomCount();
        double[] s = new double[n];
        double lz = frame.box().lz();
        double zlo = frame.box().zlo();
        for (int i = 0; i < n; i++) {
            double fraction = (frame.positions()[3 * i + 2] - zlo) / lz;
            s[i] = fraction - Math.floor(fraction);
        }
        Arrays.sort(s);
        double gap = s[0] + 1 - s[n - 1];
        for (int i = 1; i < n; i++) {
            gap = Math.max(gap, s[i] - s[i - 1]);
        }
        return gap;
    }

    /**
     * The model input from a computed g(r): the total, or the partials g_ab for a ≤ b in the order of the model's
     * species (aa, ab, …, bb), each smoothed with the model's width σ when it is positive.
     *
     * @param correlation g(r) on the model's grid, with the model's dimension and one type per species
     * @param out         buffer of {@code spec.inputLength()} values, or null for a new array
     * @throws ModelMismatchException when grid, dimension or type count differ from the spec
     */
    public static double[] fromPairCorrelation(PairCorrelation correlation, DescriptorSpec spec, double[] out) {
        if (!correlation.grid().sameAs(spec.grid())) {
            throw new ModelMismatchException("The model expects g(r) on " + spec.grid() + " but it was computed on " + correlation.grid() + ".");
        }
        if (correlation.dimension() != spec.dimension()) {
            throw new ModelMismatchException("The model expects a " + spec.dimension() + "D g(r) but it was computed in "
                    + correlation.dimension() + "D.");
        }
        double[] input = out == null ? new double[spec.inputLength()] : out;
        if (input.length != spec.inputLength()) {
            throw new IllegalArgumentException("output buffer has " + input.length + " values, the spec needs " + spec.inputLength());
        }
        List<double[]> channels = new ArrayList<>();
        if (spec.partials()) {
            int types = correlation.typeCount();
            if (types != spec.species().size()) {
                throw new ModelMismatchException("The model's partials are over " + spec.species().size() + " species " + spec.species()
                        + " but the g(r) has " + types + " atom types.");
            }
            for (int a = 0; a < types; a++) {
                for (int b = a; b < types; b++) {
                    channels.add(correlation.partial(a, b));
                }
            }
        } else {
            channels.add(correlation.total());
        }
        int bins = spec.grid().bins();
        double[] smoothed = spec.smoothingWidth() > 0 ? new double[bins] : null;
        for (int c = 0; c < channels.size(); c++) {
            double[] channel = channels.get(c);
            if (smoothed != null) {
                GaussianSmoothing.smooth(channel, spec.grid().dr(), spec.smoothingWidth(), smoothed);
                channel = smoothed;
            }
            System.arraycopy(channel, 0, input, c * bins, bins);
        }
        return input;
    }
}
