package org.spr.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spr generate} without {@code --shard} takes its shard from the batch scheduler's job-array variables. */
class JobArrayShardTest {

    @Test
    void plainRunHasNoJobArrayShard() {
        assertNull(JobArrayShard.fromEnvironment(Map.of("HOME", "/root")));
        assertNull(JobArrayShard.fromEnvironment(Map.of("LSB_JOBINDEX", "0")), "LSF's LSB_JOBINDEX=0 is no array");
    }

    @Test
    void slurmArraysStartingAnywhereWithAnyStep() {
        JobArrayShard zeroBased = JobArrayShard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "10",
                "SLURM_ARRAY_TASK_MIN", "0"));
        assertEquals("3/10", zeroBased.text());
        JobArrayShard oneBased = JobArrayShard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "10", "SLURM_ARRAY_TASK_COUNT", "10",
                "SLURM_ARRAY_TASK_MIN", "1"));
        assertEquals("9/10", oneBased.text());
        JobArrayShard stepped = JobArrayShard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "8", "SLURM_ARRAY_TASK_COUNT", "6",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "2"));
        assertEquals("4/6", stepped.text());
    }

    @Test
    void pbsAndLsfTakeTheCountFromTheJobScript() {
        assertEquals("2/4", JobArrayShard.fromEnvironment(Map.of("PBS_ARRAY_INDEX", "2", "SPR_SHARD_COUNT", "4")).text());
        assertEquals("0/4", JobArrayShard.fromEnvironment(Map.of("PBS_ARRAYID", "1", "SPR_SHARD_COUNT", "4",
                "SPR_SHARD_FIRST", "1")).text());
        assertEquals("0/8", JobArrayShard.fromEnvironment(Map.of("LSB_JOBINDEX", "1", "SPR_SHARD_COUNT", "8")).text(),
                "LSF indices start at 1");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JobArrayShard.fromEnvironment(Map.of("PBS_ARRAY_INDEX", "2")));
        assertTrue(missing.getMessage().contains("SPR_SHARD_COUNT"), missing.getMessage());
    }

    @Test
    void anIndexOutsideTheCountIsRefused() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> JobArrayShard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "10", "SLURM_ARRAY_TASK_COUNT", "10")));
        assertTrue(outside.getMessage().contains("SPR_SHARD_FIRST"), outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JobArrayShard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "10")));
    }

    /** The command itself, as a Slurm array element 2 (of 1..3) sees it: only structure k = 1 of 0..2 is made. */
    @Test
    @Tag("lammps")
    void generateUnderSlurmMakesItsShardOnly(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("lj2d-shard.csv");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "generate", "--system", "lj2d",
                "--count", "3", "--out", out.toString()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "1"));
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), log);
        assertTrue(log.contains("shard 1/3 (SLURM_ARRAY_TASK_ID=2 of SLURM_ARRAY_TASK_COUNT=3)"), log);
        List<String> rows = Files.readAllLines(out);
        assertEquals(2, rows.size(), "header and one structure:\n" + String.join("\n", rows));
        assertTrue(rows.get(1).startsWith("lj2d-000002,"), "structure k = 1 has seed 1 + 1: " + rows.get(1).substring(0, 40));
    }
}
