package org.spr.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.label.HessianAssembler;

/**
 * Issue 15, failure 4: a structure whose LAMMPS worker is killed (kill -9, what the out-of-memory killer does) is made
 * again in a new worker, in the same run and in later ones; it goes to {@code failed.csv} only after
 * {@link DatasetGenerator#MAX_WORKER_DEATHS} deaths. Real LAMMPS workers, really killed.
 */
@Tag("lammps")
class WorkerDeathTest {

    private static DatasetGenerator.Options options(int count, Path csv) {
        return new DatasetGenerator.Options(Recipes.recipe("lj2d", Map.of("cells", "12x8")), count, 7, 0, 1, 1, csv, null,
                HessianAssembler.DEFAULT_DISPLACEMENT, Set.of());
    }

    /** Kills (SIGKILL) the first {@code kills} LAMMPS workers of this JVM, each once it has run for 0.7 s. */
    private static Thread killWorkers(int kills, AtomicInteger killed) {
        Thread killer = new Thread(() -> {
            List<Long> seen = new ArrayList<>();
            while (killed.get() < kills && !Thread.currentThread().isInterrupted()) {
                for (ProcessHandle worker : ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("org.spr.lammps.EngineWorker")).toList()) {
                    long age = worker.info().startInstant().map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(0L);
                    if (!seen.contains(worker.pid()) && age > 700 && killed.get() < kills) {
                        seen.add(worker.pid());
                        worker.destroyForcibly();
                        killed.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "worker-killer");
        killer.setDaemon(true);
        killer.start();
        return killer;
    }

    @Test
    void aStructureWhoseWorkerWasKilledIsMadeAgainAndTheDatasetIsComplete(@TempDir Path directory) throws Exception {
        Path csv = directory.resolve("lj2d.csv");
        AtomicInteger killed = new AtomicInteger();
        Thread killer = killWorkers(1, killed);
        List<DatasetGenerator.StructureReport> reports = Collections.synchronizedList(new ArrayList<>());
        DatasetGenerator.Outcome outcome = new DatasetGenerator(options(2, csv)).run(20210929, reports::add);
        killer.interrupt();
        assertEquals(1, killed.get(), "the test killed one worker");
        assertEquals(2, outcome.written() + outcome.failed(), reports.toString());
        for (DatasetGenerator.StructureReport report : reports) {
            assertFalse(report.problem() != null && report.problem().contains("worker"), report.toString());
        }
        assertEquals(outcome.written(), Dataset.read(csv).size());
        List<String> deaths = Files.readAllLines(directory.resolve("lj2d.worker-deaths.csv"), StandardCharsets.UTF_8);
        assertEquals(2, deaths.size(), deaths.toString());
        assertTrue(deaths.get(1).startsWith("lj2d-000007,137,"), deaths.toString());
        assertFalse(Files.exists(directory.resolve("lj2d.failed.csv")) && Files.readString(directory.resolve("lj2d.failed.csv")).contains("worker"),
                "a killed worker is not a failure of the structure");
    }

    @Test
    void laterRunsRetryKilledStructuresAndGiveUpAfterTheBound(@TempDir Path directory) throws Exception {
        Path csv = directory.resolve("lj2d.csv");
        // an earlier run (older version) recorded a kill as a failure of structure 8; structure 7 was killed twice before
        Files.writeString(directory.resolve("lj2d.failed.csv"), "id,reason\nlj2d-000008,\"LAMMPS: The LAMMPS worker process ended "
                + "unexpectedly (exit code 137); last output: \"\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("lj2d.worker-deaths.csv"),
                "id,exit_code,time\nlj2d-000007,137,2026-01-01T00:00:00Z\nlj2d-000007,137,2026-01-01T00:01:00Z\n", StandardCharsets.UTF_8);
        AtomicInteger killed = new AtomicInteger();
        Thread killer = killWorkers(1, killed);
        List<DatasetGenerator.StructureReport> reports = Collections.synchronizedList(new ArrayList<>());
        DatasetGenerator.Outcome outcome = new DatasetGenerator(options(2, csv)).run(20210929, reports::add);
        killer.interrupt();
        assertEquals(1, killed.get());
        DatasetGenerator.StructureReport seven = reports.stream().filter(r -> r.id().equals("lj2d-000007")).findFirst().orElseThrow();
        assertFalse(seven.written());
        assertTrue(seven.problem().contains("died 3 times"), seven.problem());
        String failed = Files.readString(directory.resolve("lj2d.failed.csv"));
        assertTrue(failed.lines().anyMatch(line -> line.startsWith("lj2d-000007,") && line.contains("worker process died 3 times")), failed);
        assertTrue(reports.stream().anyMatch(r -> r.id().equals("lj2d-000008")), "structure 8 (an old kill record) was made again");
        assertEquals(1, outcome.failed());
    }
}
