package org.spr.dataset;

/**
 * A scalar label column {@code s_<name>}.
 *
 * @param name  label name (letters, digits, underscore), e.g. kappa
 * @param unit  unit, e.g. W/(m K)
 */
public record ScalarLabel(String name, String unit) {
    public ScalarLabel {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("scalar label name must be letters, digits or '_', got '" + name + "'");
        }
        unit = unit == null ? "" : unit;
    }
}
