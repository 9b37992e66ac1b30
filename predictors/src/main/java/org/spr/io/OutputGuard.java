package org.spr.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Refuses a command whose output would overwrite one of its own inputs ({@code spr train --data d.csv --out d.csv}).
 * Paths are compared canonically: symbolic links resolved, {@code ./} and {@code ..} removed, hard links recognised
 * ({@link Files#isSameFile}) when both exist; an output that does not exist yet is resolved through its nearest
 * existing parent.
 *
 * <pre>{@code
 * OutputGuard.inputs().add("--data", data).add("--data sidecar", DatasetColumns.sidecar(data))
 *         .checkOutput("--out", out);
 * }</pre>
 */
public final class OutputGuard {

    private record Named(String name, Path path, Path canonical) {
    }

    private final List<Named> inputs = new ArrayList<>();

    private OutputGuard() {
    }

    /** An empty guard; add the command's inputs, then check each output. */
    public static OutputGuard inputs() {
        return new OutputGuard();
    }

    /** Adds an input (ignored when null). */
    public OutputGuard add(String name, Path input) {
        if (input != null) {
            inputs.add(new Named(name, input, canonical(input)));
        }
        return this;
    }

    /** Adds several inputs of one option (nulls ignored). */
    public OutputGuard addAll(String name, Collection<Path> paths) {
        if (paths != null) {
            for (Path path : paths) {
                add(name, path);
            }
        }
        return this;
    }

    /**
     * Checks an output file (or directory) against every input.
     *
     * @throws OutputOverlapException naming both when the output is one of the inputs
     */
    public OutputGuard checkOutput(String name, Path output) {
        if (output == null) {
            return this;
        }
        Path canonical = canonical(output);
        for (Named input : inputs) {
            if (same(canonical, output, input)) {
                throw new OutputOverlapException(name, output, input.name(), input.path());
            }
        }
        return this;
    }

    /** Names of the files spr's commands write into their output directories (reports, plots, monitor tables). */
    public static final Set<String> DIRECTORY_OUTPUT_NAMES = Set.of("bias.png", "diffusivity.png", "domain.csv",
            "error_histogram.png", "examples.png", "final-pdos.csv", "final-pdos.png", "final.data.gz", "gr.png",
            "learning_curve.csv", "learning_curve.png", "log10_ratio.png", "metrics.csv", "modes.csv", "parity.png",
            "pdos.png", "per_bin_error.csv", "per_bin_error.png", "properties.png", "relative_error.png",
            "running-kappa.csv", "running-kappa.png", "spectra.csv", "timeseries.csv", "weights.png");

    /**
     * Checks an output directory: it may not be an input, and no input inside it (at any depth) may carry the name
     * of a file spr writes there ({@link #DIRECTORY_OUTPUT_NAMES}, e.g. {@code timeseries.csv}, or any PNG: plots are
     * named after models, e.g. {@code kappa.png}).
     *
     * @throws OutputOverlapException when the directory or a file spr would write in it is an input
     */
    public OutputGuard checkOutputDirectory(String name, Path directory) {
        if (directory == null) {
            return this;
        }
        checkOutput(name, directory);
        Path canonical = canonical(directory);
        for (Named input : inputs) {
            String fileName = input.canonical().getFileName() == null ? "" : input.canonical().getFileName().toString();
            if (input.canonical().startsWith(canonical) && (DIRECTORY_OUTPUT_NAMES.contains(fileName) || fileName.endsWith(".png"))) {
                throw new OutputOverlapException(name, directory, input.name(), input.path());
            }
        }
        return this;
    }

    /**
     * Checks that {@code output} can be written ({@link #requireWritable}), then does {@code work} holding the output's
     * {@link OutputLock}: the shape of every command that writes one file or folder.
     *
     * @return what {@code work} returns (a command's exit code)
     */
    public static <T> T writeLocked(String name, Path output, boolean directory, java.util.concurrent.Callable<T> work)
            throws Exception {
        requireWritable(name, output, directory);
        try (OutputLock lock = OutputLock.acquire(output)) {
            return work.call();
        }
    }

    /**
     * Checks that {@code output} (a file, or with {@code directory} a folder) can be written, before any work and
     * without side effects: a probe file is created (and deleted) in the folder that holds it or, when that folder does
     * not exist yet, in its nearest existing ancestor, so that a read-only place is refused at once.
     *
     * @throws OutputNotWritableException naming the option, the path and the operating system's reason
     */
    public static void requireWritable(String name, Path output, boolean directory) {
        if (output == null) {
            return;
        }
        Path absolute = output.toAbsolutePath().normalize();
        Path folder = directory ? absolute : absolute.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new OutputNotWritableException(name, output, folder + " exists and is not a directory");
        }
        try {
            Path probe = Files.createTempFile(folder, ".spr-write-test", ".tmp");
            Files.delete(probe);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new OutputNotWritableException(name, output, "permission denied");
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
            throw new OutputNotWritableException(name, output, reason);
        }
    }

    private static boolean same(Path canonicalOutput, Path output, Named input) {
        if (canonicalOutput.equals(input.canonical())) {
            return true;
        }
        try {
            return Files.exists(output) && Files.exists(input.path()) && Files.isSameFile(output, input.path());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The canonical form of a path that may not exist: the real path of its nearest existing ancestor, followed by
     * the rest of the path, normalised.
     */
    public static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path result;
        try {
            result = existing.toRealPath();
        } catch (IOException e) {
            result = existing;
        }
        for (Path part : rest) {
            result = result.resolve(part);
        }
        return result.normalize();
    }
}
