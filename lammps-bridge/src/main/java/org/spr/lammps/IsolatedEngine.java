package org.spr.lammps;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * LAMMPS in a child JVM ({@link EngineWorker}) so that LAMMPS's {@code exit()} on an error (libraries built without
 * exceptions, like Debian's) cannot end the caller. Everything that executes user input runs through it.
 *
 * <p>When the worker dies, the pending call throws a {@link LammpsException} with LAMMPS's ERROR line, the
 * "Last command" and, for scripts, the file and line of the command being executed; every record emitted before
 * has already been delivered to the sink. The engine is then closed. A LAMMPS built with exceptions reports the same
 * error through the worker, which then ends without closing LAMMPS (the instance may be inconsistent): after a LAMMPS
 * error the engine is closed on every LAMMPS version. A worker JVM crash writes its log to the temporary folder
 * ({@link #crashLog}), and the exception names it.
 */
public final class IsolatedEngine implements LammpsEngine {

    /** System properties passed on to the worker when set in this JVM. */
    private static final List<String> INHERITED_PROPERTIES = List.of(
            LibraryLoader.PROPERTY, "ai.djl.offline", "java.awt.headless", "jna.library.path", "java.library.path");
    private static final int SCREEN_LINES_KEPT = 400;

    /** Workers still running, killed by a shutdown hook when this JVM ends (e.g. on SIGTERM). */
    private static final java.util.Set<Process> LIVE_WORKERS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE_WORKERS.forEach(Process::destroyForcibly), "spr-engine-reaper"));
    }

    private final Process process;
    private final SocketChannel channel;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final RecordSink sink;
    private final Deque<String> screenTail = new ArrayDeque<>();
    private final Thread screenPump;
    private final Path socketDirectory;
    private ScriptPosition lastPosition;
    private boolean closed;

    /**
     * Starts a worker JVM and opens LAMMPS in it.
     *
     * @param arguments LAMMPS command-line arguments (e.g. {@code -log none}, {@code -var t 300})
     * @param sink      receives records emitted by tasks and callbacks, in order, on the calling thread
     * @param screen    receives each line LAMMPS prints to its screen, or null to keep only the last lines for errors
     */
    public IsolatedEngine(List<String> arguments, RecordSink sink, Consumer<String> screen) {
        this.sink = sink == null ? RecordSink.NONE : sink;
        LibraryLoader.library(); // a missing or unloadable library is a LammpsNotFoundException here, not a dead worker
        ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "spr-engine-accept");
            thread.setDaemon(true);
            return thread;
        });
        try {
            socketDirectory = Files.createTempDirectory("spr-engine");
            Path socket = socketDirectory.resolve("engine.sock");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Future<SocketChannel> accepted = acceptor.submit(server::accept);
            ProcessBuilder builder = new ProcessBuilder(workerCommand(socket)).redirectErrorStream(true);
            withPotentialsFolder(builder.environment());
            process = builder.start();
            LIVE_WORKERS.add(process);
            screenPump = new Thread(() -> pumpScreen(screen), "spr-engine-screen");
            screenPump.setDaemon(true);
            screenPump.start();
            SocketChannel connection = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (connection == null) {
                try {
                    connection = accepted.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        accepted.cancel(true);
                        server.close();
                        process.destroyForcibly();
                        int exitCode = process.waitFor();
                        LIVE_WORKERS.remove(process);
                        if (exitCode > 128 && !(System.nanoTime() > deadline)) { // killed by a signal while starting
                            throw new WorkerDiedException("The LAMMPS worker process was killed while starting (exit code "
                                    + exitCode + ")", null, null, 0, exitCode);
                        }
                        throw new LammpsException("The LAMMPS worker process did not start: " + screenText());
                    }
                }
            }
            server.close();
            Files.deleteIfExists(socket);
            channel = connection;
            // a worker that dies while another process (e.g. one MPI started) still holds its end of the socket gives
            // no end-of-file: close our end when the worker ends, so that a waiting request fails at once
            SocketChannel watched = connection;
            process.onExit().thenRunAsync(() -> {
                try {
                    Thread.sleep(2000); // what the worker sent before it ended is read first
                    watched.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } catch (IOException ignored) {
                    // already closed
                }
            });
            out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new LammpsException("Could not start the LAMMPS worker process: " + e.getMessage(), e);
        } finally {
            acceptor.shutdownNow();
        }
        request(new WorkerProtocol.Open(List.copyOf(arguments)), null);
    }

    /** Debian's potentials folder, which its LAMMPS searches by default (a LAMMPS built elsewhere does not). */
    static final Path DEBIAN_POTENTIALS = Path.of("/usr/share/lammps/potentials");

    /**
     * Lets any LAMMPS find potential files by name, as users' scripts name them ({@code pair_coeff * * Si.sw Si}): when
     * {@code LAMMPS_POTENTIALS} is unset and Debian's potentials folder exists, the worker gets it as
     * {@code LAMMPS_POTENTIALS} (Debian's build searches it anyway; LAMMPS 2025 built from source does not).
     */
    static void withPotentialsFolder(java.util.Map<String, String> environment) {
        if (!environment.containsKey("LAMMPS_POTENTIALS") && Files.isDirectory(DEBIAN_POTENTIALS)) {
            environment.put("LAMMPS_POTENTIALS", DEBIAN_POTENTIALS.toString());
        }
    }

    private static List<String> workerCommand(Path socket) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        // a crash inside LAMMPS must not leave hs_err_pid*.log (or a core file) in the user's working directory
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "spr-worker-hs_err_pid%p.log"));
        command.add("-XX:-CreateCoredumpOnCrash");
        command.add("-Xss4m");
        command.add("-D" + EngineWorker.HOST_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineWorker.class.getName());
        command.add(socket.toString());
        return command;
    }

    private void pumpScreen(Consumer<String> screen) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (screenTail) {
                    screenTail.addLast(line);
                    if (screenTail.size() > SCREEN_LINES_KEPT) {
                        screenTail.removeFirst();
                    }
                }
                if (screen != null) {
                    screen.accept(line);
                }
            }
        } catch (IOException ignored) {
            // the worker is gone; what it printed is in screenTail
        }
    }

    @Override
    public void command(String command) {
        request(new WorkerProtocol.RunCommand(command), new ScriptPosition(null, 0, command));
    }

    @Override
    public void runScript(Path script, Map<String, FixBinding> bindings, AutomaticFix monitor) {
        lastPosition = null;
        request(new WorkerProtocol.RunScript(script.toAbsolutePath().toString(), Map.copyOf(bindings), monitor), null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Serializable> T call(EngineTask<T> task) {
        return (T) request(new WorkerProtocol.RunTask(task), null);
    }

    /** Sends one request and reads messages until its answer; records go to the sink on this thread. */
    private Serializable request(Serializable message, ScriptPosition position) {
        if (closed) {
            throw new IllegalStateException("This LAMMPS engine is closed.");
        }
        lastPosition = position;
        byte[] frame;
        try {
            frame = Frames.encode(message);
        } catch (IOException e) {
            throw new LammpsException("Cannot send " + message.getClass().getSimpleName()
                    + " to the LAMMPS worker: " + e.getMessage() + " (tasks and bindings must be serialisable)", e);
        }
        try {
            Frames.write(out, frame);
            while (true) {
                Object answer = Frames.read(in);
                if (answer instanceof WorkerProtocol.Emitted emitted) {
                    sink.emit(emitted.record());
                } else if (answer instanceof WorkerProtocol.At at) {
                    lastPosition = at.position();
                } else if (answer instanceof WorkerProtocol.Done done) {
                    return done.value();
                } else if (answer instanceof WorkerProtocol.Failed failed) {
                    if (failed.workerEnds()) {
                        awaitWorkerEnd();
                    }
                    throw new LammpsException(failed.message(), failed.lammpsMessage(), failed.command(),
                            failed.file() != null ? failed.file() : fileOf(lastPosition),
                            failed.line() != 0 ? failed.line() : lineOf(lastPosition), null);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw workerDied();
        }
    }

    /**
     * After a LAMMPS error the worker ends without closing LAMMPS (see {@link Lammps#isPoisoned()}), as the Debian
     * build's worker does: the engine is closed, the same on every LAMMPS.
     */
    private void awaitWorkerEnd() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            screenPump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }

    /** Where the worker JVM writes its crash log ({@code -XX:ErrorFile}): the temporary folder, never the user's. */
    static Path crashLog(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "spr-worker-hs_err_pid" + pid + ".log");
    }

    private static String fileOf(ScriptPosition position) {
        return position == null ? null : position.file();
    }

    private static int lineOf(ScriptPosition position) {
        return position == null ? 0 : position.line();
    }

    /** The worker ended during a request: turn what LAMMPS printed into an exception and close the engine. */
    private LammpsException workerDied() {
        int exitCode;
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            exitCode = process.waitFor();
            screenPump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = -1;
        }
        closeQuietly();
        String error = null;
        String lastCommand = null;
        synchronized (screenTail) {
            for (String line : screenTail) {
                if (line.startsWith("ERROR") && error == null) {
                    error = LammpsException.Report.withoutErrorPrefix(line);
                } else if (line.startsWith("Last command:")) {
                    lastCommand = line.substring("Last command:".length()).strip();
                } else if (line.startsWith("Last input line:")) { // LAMMPS 2023 and later
                    lastCommand = line.substring("Last input line:".length()).strip();
                }
            }
        }
        ScriptPosition position = lastPosition;
        String command = lastCommand != null ? lastCommand : position != null ? position.command() : null;
        if (error != null) {
            return new LammpsException(LammpsException.describe(error, command, position), error, command,
                    fileOf(position), lineOf(position), null);
        }
        StringBuilder text = new StringBuilder();
        text.append("The LAMMPS worker process ended unexpectedly (exit code ").append(exitCode).append(")");
        if (position != null && position.file() != null) {
            text.append(" in ").append(position.file()).append(" line ").append(position.line());
        }
        if (command != null) {
            text.append(" (command: ").append(command).append(")");
        }
        text.append("; last output: ").append(screenText());
        Path crashLog = crashLog(process.pid());
        if (Files.isRegularFile(crashLog)) {
            text.append("; the JVM's crash log is ").append(crashLog);
        }
        if (exitCode > 128) { // ended by a signal (128 + n) without a LAMMPS error: kill -9, the OOM killer, a crash
            return new WorkerDiedException(text.toString(), command, fileOf(position), lineOf(position), exitCode);
        }
        return new LammpsException(text.toString(), null, command, fileOf(position), lineOf(position), null);
    }

    private String screenText() {
        synchronized (screenTail) {
            List<String> lines = new ArrayList<>(screenTail);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
    }

    /** The last lines LAMMPS printed (for diagnostics). */
    public List<String> screenTail() {
        synchronized (screenTail) {
            return new ArrayList<>(screenTail);
        }
    }

    /** Whether the worker process is still running. */
    public boolean isAlive() {
        return !closed && process.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            Frames.write(out, Frames.encode(new WorkerProtocol.Shutdown()));
            Frames.read(in);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | ClassNotFoundException | InterruptedException ignored) {
            // the worker is already gone
        }
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        LIVE_WORKERS.remove(process);
        try {
            Files.deleteIfExists(socketDirectory.resolve("engine.sock"));
            Files.deleteIfExists(socketDirectory);
        } catch (IOException ignored) {
            // a leftover empty temp directory is harmless
        }
    }
}
