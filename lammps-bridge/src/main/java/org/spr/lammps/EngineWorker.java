package org.spr.lammps;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The worker process of {@link IsolatedEngine}: connects back to the host over a Unix domain socket, opens LAMMPS
 * and executes requests one at a time. LAMMPS's screen output goes to this process's stdout, which the host reads;
 * if LAMMPS calls {@code exit()}, this process ends and the host reports the error.
 */
public final class EngineWorker {

    /** Exit status of a worker that ends after a LAMMPS error (LAMMPS's own exit() uses 1). */
    static final int POISONED_EXIT_CODE = 1;

    private final DataInputStream in;
    private final DataOutputStream out;
    private Lammps lammps;

    private EngineWorker(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EngineWorker SOCKET (started by IsolatedEngine, not by hand)");
            System.exit(2);
        }
        endWithHost();
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(args[0]));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        new EngineWorker(in, out).serve();
        System.exit(0);
    }

    /** System property with the host JVM's PID, set by {@link IsolatedEngine}. */
    static final String HOST_PID_PROPERTY = "spr.engine.host";

    /**
     * Ends this worker (halt, exit code 143) within a quarter of a second of its host JVM's end, even while a task or a
     * user hook keeps it busy: a host killed by SIGTERM or kill -9 leaves no LAMMPS worker behind.
     */
    private static void endWithHost() {
        String pid = System.getProperty(HOST_PID_PROPERTY);
        java.util.Optional<ProcessHandle> host = pid != null ? ProcessHandle.of(Long.parseLong(pid)) : ProcessHandle.current().parent();
        if (host.isEmpty()) {
            Runtime.getRuntime().halt(143);
        }
        ProcessHandle handle = host.get();
        Thread watcher = new Thread(() -> {
            while (handle.isAlive()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(143);
        }, "spr-engine-host-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void serve() throws IOException, ClassNotFoundException {
        while (true) {
            Object request = Frames.read(in);
            if (request instanceof WorkerProtocol.Shutdown) {
                if (lammps != null) {
                    lammps.close();
                    // under mpirun this process is the MPI rank (it called MPI_Init through LAMMPS): ending without
                    // MPI_Finalize makes mpirun report an abnormal exit, exit code 1, and kill the other ranks
                    Lammps.finalizeMpi();
                }
                send(new WorkerProtocol.Done(null));
                return;
            }
            try {
                Serializable result = handle(request);
                send(new WorkerProtocol.Done(result));
            } catch (LammpsException e) {
                boolean poisoned = lammps != null && lammps.isPoisoned();
                send(new WorkerProtocol.Failed(e.getMessage(), e.lammpsMessage(), e.command(), e.file(), e.line(), trace(e),
                        poisoned));
                if (poisoned) {
                    // LAMMPS reported an error: its instance may be inconsistent (closing it can crash), so this
                    // worker ends here without closing it, as a worker on a library without exceptions does
                    out.flush();
                    Runtime.getRuntime().halt(POISONED_EXIT_CODE);
                }
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                send(new WorkerProtocol.Failed(String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()),
                        null, null, null, 0, trace(e), false));
            }
        }
    }

    private Serializable handle(Object request) throws Exception {
        if (request instanceof WorkerProtocol.Open open) {
            lammps = Lammps.open(open.arguments());
            return null;
        }
        if (lammps == null) {
            throw new IllegalStateException("LAMMPS is not open in the worker");
        }
        RecordSink sink = this::emit;
        if (request instanceof WorkerProtocol.RunCommand command) {
            lammps.command(command.command());
            return null;
        }
        if (request instanceof WorkerProtocol.RunScript script) {
            ScriptRunner runner = new ScriptRunner(lammps, script.bindings(), sink,
                    position -> sendQuietly(new WorkerProtocol.At(position)));
            if (script.monitor() != null) {
                runner.addFixBeforeFirstRun(script.monitor().fixId(), script.monitor().every(), script.monitor().binding());
            }
            runner.run(Path.of(script.path()));
            return null;
        }
        if (request instanceof WorkerProtocol.RunTask task) {
            return task.task().run(lammps, sink);
        }
        throw new IllegalArgumentException("Unknown request " + request.getClass().getName());
    }

    private void emit(Serializable record) {
        sendQuietly(new WorkerProtocol.Emitted(record));
    }

    private void sendQuietly(Serializable message) {
        try {
            send(message);
        } catch (IOException e) {
            throw new LammpsException("Lost the connection to the host process: " + e.getMessage(), e);
        }
    }

    /** Sends a message; one that cannot be serialised is replaced by a failure naming what could not travel. */
    private void send(Serializable message) throws IOException {
        byte[] frame;
        try {
            frame = Frames.encode(message);
        } catch (java.io.NotSerializableException e) {
            frame = Frames.encode(new WorkerProtocol.Failed("A result could not be sent from the LAMMPS worker: "
                    + e.getMessage() + " is not serialisable", null, null, null, 0, trace(e), false));
        }
        Frames.write(out, frame);
    }

    private static String trace(Throwable e) {
        StringWriter writer = new StringWriter();
        e.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
