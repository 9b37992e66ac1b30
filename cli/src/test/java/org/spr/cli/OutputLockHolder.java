package org.spr.cli;

import java.nio.file.Path;
import org.spr.io.OutputLock;

/** A second process for the lock tests: holds the lock of an output until its standard input closes. */
public final class OutputLockHolder {
    private OutputLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the parent closes our input or kills us
            }
        }
    }

    /** Starts a holder on {@code output} and returns once it holds the lock. */
    static Process start(Path output) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutputLockHolder.class.getName(), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        if (!"locked".equals(out.readLine())) {
            throw new IllegalStateException("the lock holder did not start");
        }
        return holder;
    }
}
