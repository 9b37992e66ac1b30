package org.spr.model;

import org.spr.error.SprException;

import java.util.Locale;

/** Which g(r) a descriptor is: of one instantaneous frame, averaged over a time window, or of the inherent (energy-minimised) structure. */
public enum GrKind {
    /** g(r) of a single MD frame at temperature. */
    INSTANTANEOUS,
    /** g(r) averaged over the frames of a time window. */
    WINDOW_AVERAGED,
    /** g(r) of the inherent structure (after energy minimisation). */
    INHERENT;

    /** Lower-case name used in files and on the command line, e.g. {@code window-averaged}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()} or the enum name, case-insensitively. */
    public static GrKind parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (GrKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw SprException.usage("unknown g(r) kind '" + text + "' (expected instantaneous, window-averaged or inherent)");
    }
}
