package org.spr.model;

/** Thrown when an input does not fit a model (grid, normalisation, g(r) kind, species, length); the message names both sides. */
public class ModelMismatchException extends RuntimeException {
    public ModelMismatchException(String message) {
        super(message);
    }
}
