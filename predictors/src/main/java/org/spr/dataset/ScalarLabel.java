package org.spr.dataset;

/**
 * A scalar label column {@code s_<name>}.
 *
 * @param name   label name (letters, digits, underscore), e.g. kappa
 * @param unit   unit, e.g. W/(m K)
 * @param method how the values were made, with the settings a reader needs to compare them (e.g. "Allen–Feldman,
 *               300 K, quantum heat capacities, η = 0.5 THz, in-plane, monolayer thickness 3.35 Å"); empty when
 *               not recorded
 */
public record ScalarLabel(String name, String unit, String method) {
    public ScalarLabel {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("scalar label name must be letters, digits or '_', got '" + name + "'");
        }
        unit = unit == null ? "" : unit;
        method = method == null ? "" : method;
    }

    /** A label without a recorded method. */
    public ScalarLabel(String name, String unit) {
        this(name, unit, "");
    }
}
