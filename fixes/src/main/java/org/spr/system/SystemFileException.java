package org.spr.system;

/** A system file that cannot be read or used: one sentence naming the file, and the line or key where known. */
public final class SystemFileException extends IllegalArgumentException {

    public SystemFileException(String message) {
        super(message);
    }
}
