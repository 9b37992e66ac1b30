package org.spr.model;

import org.spr.error.SprException;

import java.util.Locale;

/** The three predictor backends. */
public enum ModelKind {
    /** y = W g + b. */
    LINEAR,
    /** SPRamNet-style 1D convolutional network (DJL, PyTorch engine). */
    CNN,
    /** Gradient-boosted trees (XGBoost4J), scalar targets. */
    XGBOOST;

    /** Lower-case name used in files and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a kind name, case-insensitively. */
    public static ModelKind parse(String text) {
        for (ModelKind kind : values()) {
            if (kind.label().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw SprException.usage("unknown model kind '" + text + "' (expected linear, cnn or xgboost)");
    }
}
