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
 * <p>An explicit library wins and is never replaced silently: the system property {@value #PROPERTY}, else the
 * environment variable {@value #ENVIRONMENT}, each the path of the library file or of a directory holding
 * {@code liblammps.so} or {@code liblammps.so.0}. If it does not load, that is a {@link LammpsNotFoundException} naming
 * it and the loader's reason. Without either, the system library path is searched ({@code liblammps.so},
 * {@code liblammps.so.0}); when nothing loads, the exception names every place tried and how to install LAMMPS.
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
        return load(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), List.of("lammps", "liblammps.so.0"));
    }

    /**
     * @param property    value of {@value #PROPERTY}, or null
     * @param environment value of {@value #ENVIRONMENT}, or null
     * @param systemNames library names tried on the system library path when neither is set
     */
    static LibraryH load(String property, String environment, List<String> systemNames) {
        if (property != null && !property.isBlank()) {
            return loadExplicit(property, "-D" + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return loadExplicit(environment, "$" + ENVIRONMENT);
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        for (String name : systemNames) {
            candidates.put(name, "system library path (" + System.mapLibraryName(name).replace(".so.0.so", ".so.0") + ")");
        }
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
        throw new LammpsNotFoundException("Could not load the LAMMPS shared library; tried " + String.join(", ", tried)
                + " and java.library.path=" + System.getProperty("java.library.path")
                + ". Install it with 'apt-get install liblammps0 lammps-data' (Debian/Ubuntu), or point -D" + PROPERTY
                + "=/path/to/liblammps.so (or $" + ENVIRONMENT + ") at a LAMMPS built as a shared library.", null);
    }

    /** Loads the library a user named; a directory may hold liblammps.so or liblammps.so.0. No fallback. */
    private static LibraryH loadExplicit(String value, String origin) {
        File file = new File(value).getAbsoluteFile();
        List<File> candidates = file.isDirectory()
                ? List.of(new File(file, "liblammps.so"), new File(file, "liblammps.so.0")) : List.of(file);
        List<String> reasons = new ArrayList<>();
        for (File candidate : candidates) {
            if (!candidate.isFile()) {
                reasons.add(candidate + ": no such file");
                continue;
            }
            try {
                LibraryH library = Native.load(candidate.getPath(), LibraryH.class);
                loadedFrom = candidate.getPath();
                return library;
            } catch (UnsatisfiedLinkError e) {
                reasons.add(reason(e.getMessage()) + copiedLink(candidate));
            }
        }
        throw new LammpsNotFoundException("The LAMMPS library named by " + origin + "=" + value + " does not load ("
                + String.join("; ", reasons) + "); point it at a LAMMPS built as a shared library (liblammps.so), or unset it"
                + " to use the system's.", null);
    }

    /** The loader's reason: JNA's message is "Unable to load library 'X':" followed by dlopen's lines. */
    private static String reason(String text) {
        if (text == null) {
            return "unknown reason";
        }
        String[] lines = text.split("\n");
        return (lines.length > 1 && !lines[1].isBlank() ? lines[1] : lines[0]).strip();
    }

    /** A file of a few bytes naming a library is a symbolic link that was copied as text: say so. */
    private static String copiedLink(File file) {
        try {
            if (file.length() > 0 && file.length() < 256) {
                String content = java.nio.file.Files.readString(file.toPath()).strip();
                if (content.matches("[\\w.+-]+\\.so[\\w.]*")) {
                    return " — it is a text file naming '" + content + "', a symbolic link copied as a file; point at "
                            + new File(file.getParentFile(), content) + " instead";
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "";
        }
        return "";
    }
}
