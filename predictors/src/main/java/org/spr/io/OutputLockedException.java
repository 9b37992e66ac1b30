package org.spr.io;

import java.nio.file.Path;
import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** An output another process is writing (its lock file is held). */
public final class OutputLockedException extends SprException {

    private static final long serialVersionUID = 1L;

    private final long holderPid;

    public OutputLockedException(Path output, Path lockFile, long holderPid) {
        super(ExitCode.OUTPUT_LOCKED, output + " is being written by " + (holderPid == ProcessHandle.current().pid() ? "this process"
                : holderPid > 0 ? "another process (PID " + holderPid + ")" : "another process")
                + "; wait for it to finish or stop it (lock " + lockFile + ")");
        this.holderPid = holderPid;
    }

    /** PID of the writer, or -1 when unknown. */
    public long holderPid() {
        return holderPid;
    }
}
