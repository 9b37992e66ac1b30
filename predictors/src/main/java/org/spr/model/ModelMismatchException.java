package org.spr.model;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** Thrown when an input does not fit a model (grid, normalisation, g(r) kind, species, length); the message names both sides. */
public class ModelMismatchException extends SprException {
    public ModelMismatchException(String message) {
        super(ExitCode.MODEL_MISMATCH, message);
    }
}
