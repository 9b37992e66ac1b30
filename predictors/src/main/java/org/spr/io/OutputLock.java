package org.spr.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Guards an output (a dataset, a model, a run folder) against a second writer: an exclusive
 * {@link FileChannel#tryLock() lock} on the hidden file {@code .<output>.lock} beside it, which holds this process's PID so that the
 * refusal can name the writer. The operating system releases the lock when the process ends, however it ends
 * (kill -9 included), so a lock file left behind by a killed writer never blocks a later run; a writer that ends
 * normally deletes it.
 *
 * <pre>{@code
 * try (OutputLock lock = OutputLock.acquire(Path.of("amc.csv"))) {
 *     ... append rows ...
 * }
 * }</pre>
 */
public final class OutputLock implements AutoCloseable {

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an output: {@code amc.csv} → {@code .amc.csv.lock}, {@code run/} → {@code .run.lock}. */
    public static Path lockFile(Path output) {
        Path absolute = OutputGuard.canonical(output);
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code output} (creating its parent directory when needed).
     *
     * @throws OutputLockedException when another process (or this one) holds it
     */
    public static OutputLock acquire(Path output) {
        Path lockFile = lockFile(output);
        try {
            Files.createDirectories(lockFile.getParent());
            if (!HELD.add(lockFile)) {
                // never open a second descriptor on a file this JVM has locked: closing it would drop the POSIX lock
                throw new OutputLockedException(output, lockFile, ProcessHandle.current().pid());
            }
            boolean acquired = false;
            try {
                for (int attempt = 0; attempt < 20; attempt++) {
                    Object before = fileKey(lockFile);
                    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock();
                    if (lock == null) {
                        long holder = readPid(channel);
                        channel.close();
                        throw new OutputLockedException(output, lockFile, holder);
                    }
                    // the previous holder deletes the file before releasing it: if the name was taken by another file
                    // since (perhaps locked by a third process), our lock is on a deleted file; the file keys (device
                    // and inode, read without opening the file, which would drop the lock) tell
                    Object after = fileKey(lockFile);
                    if (before != null && before.equals(after)) {
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                        channel.force(false);
                        acquired = true;
                        return new OutputLock(lockFile, channel, lock);
                    }
                    lock.release();
                    channel.close();
                }
            } finally {
                if (!acquired) {
                    HELD.remove(lockFile);
                }
            }
            throw new OutputLockedException(output, lockFile, -1);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
            throw new OutputNotWritableException("the output", output, reason + " (creating its lock file " + lockFile.getFileName() + ")");
        }
    }

    /** Lock files held by this JVM. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Device and inode of a file (stat, no descriptor opened), or null when it does not exist. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static long readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? -1 : Long.parseLong(text.split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The lock file. */
    public Path file() {
        return lockFile;
    }

    /** Deletes the lock file, then releases the lock (a process that locked the deleted file notices and retries). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // a lock file left behind is harmless: the OS lock is what counts
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process ends or the channel is already closed: the OS releases the lock
        } finally {
            HELD.remove(lockFile);
        }
    }
}
