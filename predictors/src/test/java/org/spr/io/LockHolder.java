package org.spr.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process for {@link OutputLockTest}. {@code LockHolder OUTPUT}: holds the lock of OUTPUT until its standard
 * input closes. {@code LockHolder OUTPUT LOG N}: takes and releases the lock N times, logging "pid start"/"pid end"
 * to LOG while holding it.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            cycle(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the parent closes our input
            }
        }
    }

    private static void cycle(Path output, Path log, int times) throws Exception {
        long pid = ProcessHandle.current().pid();
        for (int done = 0; done < times; ) {
            OutputLock lock;
            try {
                lock = OutputLock.acquire(output);
            } catch (OutputLockedException e) {
                Thread.onSpinWait();
                continue;
            }
            try (lock) {
                Files.writeString(log, pid + " start\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Thread.sleep(2);
                Files.writeString(log, pid + " end\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            done++;
        }
    }
}
