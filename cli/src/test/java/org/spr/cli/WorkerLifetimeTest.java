package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, failure 7: the LAMMPS worker process ends with the spr process that started it, even while a slow user
 * hook keeps it busy: after SIGTERM (shutdown hook) and after kill -9 of spr (the worker watches its host).
 * Real LAMMPS, real processes.
 */
@Tag("lammps")
class WorkerLifetimeTest {

    @TempDir
    Path directory;

    private static final String SCRIPT = """
            units lj
            atom_style atomic
            lattice fcc 0.8442
            region box block 0 3 0 3 0 3
            create_box 1 box
            create_atoms 1 box
            mass 1 1.0
            velocity all create 3.0 87287
            pair_style lj/cut 2.5
            pair_coeff 1 1 1.0 1.0 2.5
            fix 1 all nve
            fix ext all external pf/callback 10 1
            run 1000
            """;

    /** Starts {@code spr run} with the slow hook; returns it with its worker once the hook sleeps in that worker. */
    private ProcessHandle[] startSlowRun(String name) throws Exception {
        Path script = Files.writeString(directory.resolve(name + ".in"), SCRIPT);
        Path marker = directory.resolve(name + ".worker");
        Process spr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", script.toString(),
                "--hook", "ext=" + SlowHookFactory.class.getName() + ":marker=" + marker, "--out", directory.resolve(name).toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve(name + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(marker) && Files.size(marker) > 0)) {
            assertTrue(spr.isAlive() && System.nanoTime() < deadline, "the slow hook never ran: " + Files.readString(directory.resolve(name + ".log")));
            Thread.sleep(100);
        }
        Optional<ProcessHandle> worker = ProcessHandle.of(Long.parseLong(Files.readString(marker).strip()));
        assertTrue(worker.isPresent() && worker.get().isAlive());
        return new ProcessHandle[]{spr.toHandle(), worker.get()};
    }

    /** Seconds the worker outlives spr (capped at 30). */
    private static double outlives(ProcessHandle spr, ProcessHandle worker) throws Exception {
        spr.onExit().get(60, TimeUnit.SECONDS);
        long ended = System.nanoTime();
        while (running(worker.pid()) && System.nanoTime() - ended < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - ended) * 1e-9;
        worker.destroyForcibly();
        return seconds;
    }

    /**
     * Whether a process still runs: it exists and is not a zombie. An orphan that has ended stays a zombie until the
     * container's init reaps it, which {@link ProcessHandle#isAlive()} counts as alive.
     */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theWorkerEndsWithSprOnSigtermAndOnKill() throws Exception {
        ProcessHandle[] terminated = startSlowRun("term");
        terminated[0].destroy(); // SIGTERM
        double afterTerm = outlives(terminated[0], terminated[1]);
        assertTrue(afterTerm < 2, "after SIGTERM of spr its worker lived " + afterTerm + " s more");

        ProcessHandle[] killed = startSlowRun("kill");
        killed[0].destroyForcibly(); // SIGKILL: no shutdown hook runs, the worker notices on its own
        double afterKill = outlives(killed[0], killed[1]);
        assertTrue(afterKill < 2, "after kill -9 of spr its worker lived " + afterKill + " s more");
        System.out.printf(java.util.Locale.ROOT, "worker outlived spr by %.3f s after SIGTERM, %.3f s after kill -9%n", afterTerm, afterKill);
    }
}
