package org.spr.lammps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support for the two-rank integration tests of every module (shared through lammps-bridge's test jar): whether
 * {@code mpirun} is installed, and a Java main class of the test class path run under {@code mpirun -np N}.
 */
public final class MpiLaunch {

    /** What the ranks printed (standard output and error, merged) and mpirun's exit code. */
    public record Result(String output, int exitCode) {
    }

    private MpiLaunch() {
    }

    /** Whether {@code mpirun --version} runs and exits 0. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("mpirun", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Runs {@code mpirun -np RANKS java JVM_OPTIONS -cp <this class path> MAIN ARGUMENTS} in {@code directory} (null:
     * this one) and waits for it (at most 5 minutes, else the test fails).
     */
    public static Result run(int ranks, Path directory, List<String> jvmOptions, Class<?> main, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np",
                String.valueOf(ranks), Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // a LAMMPS opened earlier in this JVM made it an MPI singleton, whose OMPI_/PMIX_ variables would make the
        // child mpirun believe it runs inside a job and exit 1 without a word
        builder.environment().keySet().removeIf(name -> name.startsWith("OMPI_") || name.startsWith("PMIX_")
                || name.startsWith("OPAL_") || name.startsWith("PRTE_") || name.startsWith("ORTE_") || name.startsWith("HWLOC_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "mpirun did not finish");
        return new Result(output, process.exitValue());
    }
}
