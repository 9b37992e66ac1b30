package org.spr.model;

import org.spr.error.SprException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One channel of a multi-channel model input ({@link DescriptorSpec#channelKinds()}), each on the spec's number of bins:
 * <ul>
 *   <li>{@link #GR_2D}: the total g(r) with 2D normalisation (in-plane area; monolayers);</li>
 *   <li>{@link #GR_3D}: the total g(r) with 3D normalisation; for a monolayer the density is N/(A·h) with the slab
 *       thickness h = {@value #MONOLAYER_THICKNESS} Å (graphite's interlayer spacing, the thickness of the transport
 *       labels), so that it does not depend on the vacuum of the cell;</li>
 *   <li>{@link #ADF}: the bond-angle distribution (angles between bonds shorter than the spec's ADF cutoff, unit area
 *       over 0–180° in degrees⁻¹) on the same number of bins over 0–180°.</li>
 * </ul>
 */
public enum DescriptorChannel {
    GR_2D("gr2d"),
    GR_3D("gr3d"),
    ADF("adf");

    /** Slab thickness h (Å) of a monolayer's 3D g(r) normalisation. */
    public static final double MONOLAYER_THICKNESS = 3.35;

    private final String label;

    DescriptorChannel(String label) {
        this.label = label;
    }

    /** Name on the command line and in files, e.g. {@code gr2d}. */
    public String label() {
        return label;
    }

    /** Parses a comma-separated list such as {@code gr2d,gr3d,adf}. */
    public static List<DescriptorChannel> parseList(String text) {
        List<DescriptorChannel> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String key = part.trim().toLowerCase(Locale.ROOT);
            DescriptorChannel found = null;
            for (DescriptorChannel channel : values()) {
                if (channel.label.equals(key)) {
                    found = channel;
                }
            }
            if (found == null) {
                throw SprException.usage("unknown descriptor channel '" + part.trim() + "' (expected gr2d, gr3d or adf)");
            }
            if (out.contains(found)) {
                throw SprException.usage("descriptor channel " + found.label + " is named twice");
            }
            out.add(found);
        }
        return out;
    }
}
