package org.spr.io;

import org.spr.error.SprException;

import java.util.Locale;

/**
 * Which frames of a trajectory to use: frame indices i (0-based, counted per file) with first ≤ i &lt; end and
 * (i − first) divisible by every.
 *
 * @param first first frame used (≥ 0)
 * @param end   one past the last frame that may be used ({@link Integer#MAX_VALUE} for no limit)
 * @param every stride (≥ 1)
 */
public record FrameSelection(int first, int end, int every) {

    /** Every frame. */
    public static final FrameSelection ALL = new FrameSelection(0, Integer.MAX_VALUE, 1);

    public FrameSelection {
        if (every < 1) {
            throw SprException.usage("--every must be at least 1, got " + every);
        }
        if (first < 0 || end < first) {
            throw SprException.usage("--frames must be a:b with 0 <= a <= b, got " + first + ":" + end);
        }
    }

    /**
     * Parses {@code a:b} (either side may be empty: {@code 10:}, {@code :50}; a single number {@code a} means that
     * frame only), null meaning all frames, with stride {@code every}.
     */
    public static FrameSelection parse(String frames, int every) {
        if (frames == null || frames.isBlank()) {
            return new FrameSelection(0, Integer.MAX_VALUE, every);
        }
        String text = frames.trim();
        try {
            int colon = text.indexOf(':');
            if (colon < 0) {
                int only = Integer.parseInt(text);
                return new FrameSelection(only, only + 1, every);
            }
            String left = text.substring(0, colon).trim();
            String right = text.substring(colon + 1).trim();
            int first = left.isEmpty() ? 0 : Integer.parseInt(left);
            int end = right.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(right);
            return new FrameSelection(first, end, every);
        } catch (NumberFormatException e) {
            throw SprException.usage("--frames must be a:b with whole numbers (either may be left out), got '" + frames + "'");
        }
    }

    /** True when frame {@code index} is used. */
    public boolean selects(int index) {
        return index >= first && index < end && (index - first) % every == 0;
    }

    /** True when no frame at or after {@code index} is used (reading can stop). */
    public boolean isPast(int index) {
        return index >= end;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "frames %d:%s every %d", first, end == Integer.MAX_VALUE ? "" : Integer.toString(end), every);
    }
}
