package org.spr.inputs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systems whose LAMMPS inputs ship as resources (amc, lj2d, lj3d, ka, sic, sic-mace, cualzr, cuzr): each has an input
 * script {@code in.<system>} that runs with plain {@code lmp -in} and with {@code spr run}, a README and, where Debian's
 * {@code lammps-data} lacks it, its potential file. {@link #copy} writes a system's files into a directory, ready to run
 * there.
 */
public final class Inputs {

    private static final String ROOT = "/org/spr/inputs/";
    private static final String INDEX = ROOT + "systems.txt";
    private static final Map<String, List<String>> FILES = readIndex();

    private Inputs() {
    }

    /** System names in the order of the index. */
    public static List<String> systems() {
        return List.copyOf(FILES.keySet());
    }

    /** A system's files (script first, then README and potential files). */
    public static List<String> files(String system) {
        List<String> files = FILES.get(system);
        if (files == null) {
            throw new IllegalArgumentException("Unknown system '" + system + "'; known systems: "
                    + String.join(", ", FILES.keySet()) + ".");
        }
        return files;
    }

    /** File name of a system's input script, {@code in.<system>}. */
    public static String scriptName(String system) {
        return files(system).get(0);
    }

    /** A system's README (Markdown). */
    public static String readme(String system) {
        return text(system, "README.md");
    }

    /** One of a system's files as text. */
    public static String text(String system, String file) {
        if (!files(system).contains(file)) {
            throw new IllegalArgumentException("System " + system + " has no file " + file + " (it has "
                    + files(system) + ").");
        }
        try (InputStream in = open(system, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + ROOT + system + "/" + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a system's files into a directory (created if needed; existing files of the same names are replaced,
     * each written to a temporary name and renamed) and returns the path of its input script there.
     */
    public static Path copy(String system, Path directory) {
        List<String> files = files(system);
        try {
            Files.createDirectories(directory);
            for (String file : files) {
                Path target = directory.resolve(file);
                Path partial = directory.resolve(file + ".partial");
                try (InputStream in = open(system, file)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the files of system " + system + " to " + directory + ": "
                    + e.getMessage(), e);
        }
        return directory.resolve(files.get(0));
    }

    private static InputStream open(String system, String file) {
        InputStream in = Inputs.class.getResourceAsStream(ROOT + system + "/" + file);
        if (in == null) {
            throw new IllegalStateException("Resource " + ROOT + system + "/" + file + " listed in " + INDEX
                    + " is missing from the jar.");
        }
        return in;
    }

    private static Map<String, List<String>> readIndex() {
        InputStream in = Inputs.class.getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException("Resource " + INDEX + " is missing from the jar.");
        }
        Map<String, List<String>> index = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                List<String> words = new ArrayList<>(Arrays.asList(content.split("\\s+")));
                if (words.size() < 2) {
                    throw new IllegalStateException(INDEX + " line " + number + " names no files: '" + content + "'.");
                }
                index.put(words.get(0), List.copyOf(words.subList(1, words.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(index);
    }
}
