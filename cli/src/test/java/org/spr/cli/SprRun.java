package org.spr.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code spr} in this JVM through {@link Main#run} and keeps its exit code and standard error. */
record SprRun(int exitCode, String err) {

    static synchronized SprRun of(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            int code = Main.run(args);
            err.flush();
            return new SprRun(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** One line, no stack trace, printable characters only. */
    boolean oneCleanSentence() {
        String text = err.strip();
        return !text.isEmpty() && !text.contains("\n\tat ") && !text.contains("Exception")
                && text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c != 0x7f);
    }
}
