package org.spr.model;

import java.util.List;
import org.spr.descriptor.AngleHistogram;
import org.spr.descriptor.AngularDistribution;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.structure.Frame;

/**
 * The one function from a structure to a model's input, used by training ({@code spr train --channels}, which computes
 * the rows from the stored structures), in situ (the predict hook) and in post-processing ({@code spr predict} on
 * structure files), so that the three agree to the last bit.
 *
 * <p>Classic specs: the total g(r) or the partials ({@link ModelInputs#fromPairCorrelation}). Multi-channel specs
 * ({@link DescriptorSpec#isMultiChannel()}): the channels of {@link DescriptorChannel} in the spec's order, each
 * {@code bins} long, concatenated; with {@link DescriptorSpec#logScaled()} every value v enters as ln(1 + v)
 * ({@link #logScale}). Window averaging (in situ) averages the linear channels ({@link #raw}) before {@link #finish}.
 *
 * <p>The frame must carry the spec's dimension (read with it, e.g. {@code FrameReader.open(file, spec.dimension())}).
 * Not thread-safe (buffers are reused).
 */
public final class ChannelDescriptor {

    private final DescriptorSpec spec;
    private final RadialDistribution radial;
    private final AngularDistribution angular;
    private PairCorrelation buffer;

    /**
     * @param spec    the model's input
     * @param threads worker threads of the g(r)
     */
    public ChannelDescriptor(DescriptorSpec spec, int threads) {
        this.spec = spec;
        this.radial = new RadialDistribution(spec.grid(), threads);
        this.angular = spec.channelKinds().contains(DescriptorChannel.ADF)
                ? new AngularDistribution(spec.adfCutoff(), spec.grid().bins()) : null;
    }

    public DescriptorSpec spec() {
        return spec;
    }

    /** The model input of {@code frame}: {@link #raw} then {@link #finish}. */
    public double[] compute(Frame frame, double[] out) {
        return finish(raw(frame, out));
    }

    /**
     * The linear channels (no log scaling) of {@code frame} into {@code out} (new when null).
     *
     * @throws ModelMismatchException when the frame's dimension is not the spec's
     */
    public double[] raw(Frame frame, double[] out) {
        if (frame.dimension() != spec.dimension()) {
            throw new ModelMismatchException("The model expects " + spec.dimension() + "D structures but the frame was read as "
                    + frame.dimension() + "D.");
        }
        double[] input = out == null ? new double[spec.inputLength()] : out;
        buffer = radial.compute(frame, buffer);
        if (!spec.isMultiChannel()) {
            return ModelInputs.fromPairCorrelation(buffer, spec, input);
        }
        int bins = spec.grid().bins();
        List<DescriptorChannel> channels = spec.channelKinds();
        double[] total = buffer.total();
        for (int c = 0; c < channels.size(); c++) {
            int offset = c * bins;
            switch (channels.get(c)) {
                case GR_2D -> System.arraycopy(total, 0, input, offset, bins);
                case GR_3D -> {
                    if (spec.dimension() == 3) {
                        System.arraycopy(total, 0, input, offset, bins);
                    } else {
                        monolayerTo3d(total, spec.grid(), DescriptorChannel.MONOLAYER_THICKNESS, input, offset);
                    }
                }
                case ADF -> {
                    AngleHistogram histogram = angular.compute(frame);
                    System.arraycopy(histogram.density(), 0, input, offset, bins);
                }
            }
        }
        return input;
    }

    /** Applies the spec's scaling to linear channels in place (ln(1 + v) when log-scaled); returns {@code input}. */
    public double[] finish(double[] input) {
        if (spec.logScaled()) {
            logScale(input);
        }
        return input;
    }

    /** v ← ln(1 + v) for every value (g(r) and ADF values are ≥ 0). */
    public static void logScale(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.log1p(values[i]);
        }
    }

    /**
     * The 3D g(r) of a monolayer from its 2D g(r): the same pair histogram H_k, normalised with 3D shells and the slab
     * density N/(A h) instead of annuli and N/A:
     * <pre>  g3_k = g2_k · π (r_{k+1}² − r_k²) · h / (4π/3 (r_{k+1}³ − r_k³))</pre>
     *
     * @param g2d       2D g(r) on {@code grid}
     * @param thickness slab thickness h
     * @param out       receives the bins at {@code offset}
     */
    public static void monolayerTo3d(double[] g2d, RadialGrid grid, double thickness, double[] out, int offset) {
        for (int k = 0; k < grid.bins(); k++) {
            double lo = grid.lowerEdge(k);
            double hi = lo + grid.dr();
            double annulus = Math.PI * (hi * hi - lo * lo);
            double shell = 4.0 * Math.PI / 3.0 * (hi * hi * hi - lo * lo * lo);
            out[offset + k] = g2d[k] * annulus * thickness / shell;
        }
    }
}
