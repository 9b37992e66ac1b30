package org.spr.lammps;

import com.sun.jna.Native;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads the LAMMPS shared library once per JVM.
 *
 * <p>Search order: the system property {@value #PROPERTY}, the environment variable {@value #ENVIRONMENT}
 * (each an absolute path to {@code liblammps.so} or a directory holding it), then the system library path
 * ({@code liblammps.so}, {@code liblammps.so.0}). When nothing loads, the exception names every place tried
 * and how to install LAMMPS.
 */
final class LibraryLoader {

    static final String PROPERTY = "spr.lammps.library";
    static final String ENVIRONMENT = "SPR_LAMMPS_LIBRARY";

    private static volatile LibraryH instance;
    private static volatile String loadedFrom;

    private LibraryLoader() {
    }

    static LibraryH library() {
        LibraryH result = instance;
        if (result == null) {
            synchronized (LibraryLoader.class) {
                if (instance == null) {
                    instance = load();
                }
                result = instance;
            }
        }
        return result;
    }

    /** Whether the library has been loaded in this process (without loading it). */
    static boolean isLoaded() {
        return instance != null;
    }

    static String loadedFrom() {
        library();
        return loadedFrom;
    }

    private static LibraryH load() {
        Map<String, String> candidates = new LinkedHashMap<>();
        addExplicit(candidates, System.getProperty(PROPERTY), "system property " + PROPERTY);
        addExplicit(candidates, System.getenv(ENVIRONMENT), "environment variable " + ENVIRONMENT);
        candidates.putIfAbsent("lammps", "system library path (liblammps.so)");
        candidates.putIfAbsent("liblammps.so.0", "system library path (liblammps.so.0)");
        List<String> tried = new ArrayList<>();
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            try {
                LibraryH library = Native.load(candidate.getKey(), LibraryH.class);
                loadedFrom = candidate.getKey();
                return library;
            } catch (UnsatisfiedLinkError e) {
                tried.add(candidate.getKey() + " (" + candidate.getValue() + ")");
            }
        }
        throw new LammpsException("Could not load the LAMMPS shared library; tried " + String.join(", ", tried)
                + " and java.library.path=" + System.getProperty("java.library.path")
                + ". Install it with 'apt-get install liblammps0 lammps-data' (Debian/Ubuntu), or point -D" + PROPERTY
                + "=/path/to/liblammps.so (or $" + ENVIRONMENT + ") at a LAMMPS built as a shared library.");
    }

    private static void addExplicit(Map<String, String> candidates, String value, String origin) {
        if (value == null || value.isBlank()) {
            return;
        }
        File file = new File(value);
        if (file.isDirectory()) {
            candidates.put(new File(file, "liblammps.so").getAbsolutePath(), origin);
        } else {
            candidates.put(file.getAbsolutePath(), origin);
        }
    }
}
