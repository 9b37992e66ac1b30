package org.spr.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

    @TempDir
    Path directory;

    /** Starts {@link LockHolder} on {@code output} and waits until it holds the lock. */
    static Process holdLockInAnotherProcess(Path output) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        return holder;
    }

    @Test
    void aSecondProcessIsRefusedWithTheWritersPidAndGetsTheLockOnceTheWriterIsKilled() throws Exception {
        Path dataset = directory.resolve("amc.csv");
        Process holder = holdLockInAnotherProcess(dataset);
        try {
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(dataset));
            assertEquals(holder.pid(), e.holderPid());
            assertTrue(e.getMessage().contains("PID " + holder.pid()) && e.getMessage().contains(dataset.toString()), e.getMessage());
        } finally {
            holder.destroyForcibly(); // kill -9: the operating system releases the lock
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(java.nio.file.Files.exists(OutputLock.lockFile(dataset)), "a killed writer leaves its lock file");
        try (OutputLock lock = OutputLock.acquire(dataset)) {
            assertEquals(".amc.csv.lock", lock.file().getFileName().toString());
        }
        try (OutputLock again = OutputLock.acquire(dataset)) {
            assertEquals(ProcessHandle.current().pid() + "\n", java.nio.file.Files.readString(OutputLock.lockFile(dataset)),
                    "a writer that ended left its lock file unlocked for the next one, which writes its PID");
        }
    }

    @Test
    void writersTakingTurnsNeverOverlap() throws Exception {
        Path output = directory.resolve("d.csv");
        Path log = directory.resolve("log.txt");
        java.util.List<Process> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), output.toString(), log.toString(), "40")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process writer : writers) {
            assertTrue(writer.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue());
        }
        java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
        assertEquals(4 * 40 * 2, lines.size());
        for (int i = 0; i < lines.size(); i += 2) {
            String pid = lines.get(i).split(" ")[0];
            assertEquals(pid + " start", lines.get(i), "line " + (i + 1));
            assertEquals(pid + " end", lines.get(i + 1), "two writers held the lock at once, line " + (i + 2));
        }
    }

    @Test
    void theLockIsReleasedOnCloseAndRefusedTwiceInOneProcess() {
        Path model = directory.resolve("m.sprmodel");
        try (OutputLock lock = OutputLock.acquire(model)) {
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(model));
            assertTrue(e.getMessage().contains("this process"), e.getMessage());
        }
        OutputLock.acquire(model).close();
    }
}
