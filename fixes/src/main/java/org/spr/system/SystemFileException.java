package org.spr.system;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** A system file that cannot be read or used: one sentence naming the file, and the line or key where known (exit 3). */
public final class SystemFileException extends SprException {

    public SystemFileException(String message) {
        super(ExitCode.BAD_INPUT, message);
    }
}
