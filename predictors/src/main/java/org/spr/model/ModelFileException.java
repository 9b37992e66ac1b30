package org.spr.model;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** Thrown when a model file cannot be read: missing, corrupt, truncated, or written by a newer format version. */
public class ModelFileException extends SprException {
    private final String source;

    public ModelFileException(String source, String message, Throwable cause) {
        super(ExitCode.BAD_INPUT, source + ": " + message, cause);
        this.source = source;
    }

    public ModelFileException(String source, String message) {
        this(source, message, null);
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }
}
