package org.spr.io;

import java.nio.file.Path;
import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** An output that cannot be written where the user asked (read-only directory, a file in the way, no space). */
public final class OutputNotWritableException extends SprException {

    private static final long serialVersionUID = 1L;

    public OutputNotWritableException(String name, Path output, String reason) {
        super(ExitCode.USAGE, "cannot write " + name + " " + output + ": " + reason);
    }
}
