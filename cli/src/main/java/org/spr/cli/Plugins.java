package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Users' own hooks: jars and class folders from {@code --classpath} and the jars in {@code ~/.spr/plugins} (or
 * {@code $SPR_PLUGINS}) join the class path of this process (a class loader that {@link org.spr.fixes.hook.Hooks} looks
 * in) and of the LAMMPS worker processes it starts.
 */
final class Plugins {

    private Plugins() {
    }

    /** The plugins folder: $SPR_PLUGINS, else ~/.spr/plugins. */
    static Path folder() {
        String environment = System.getenv("SPR_PLUGINS");
        return environment != null && !environment.isBlank() ? Path.of(environment)
                : Path.of(System.getProperty("user.home"), ".spr", "plugins");
    }

    /** Adds the entries (each must exist) and the plugin jars; returns what was added. */
    static List<Path> install(List<Path> entries) {
        List<Path> added = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new SprException(ExitCode.USAGE, "--classpath " + entry + " does not exist");
            }
            added.add(entry.toAbsolutePath().normalize());
        }
        Path folder = folder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> jars = Files.list(folder)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(p -> added.add(p.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new SprException(ExitCode.BAD_INPUT, "plugins folder " + folder + " cannot be read: " + e.getMessage());
            }
        }
        if (added.isEmpty()) {
            return added;
        }
        List<URL> urls = new ArrayList<>();
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        for (Path entry : added) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SprException(ExitCode.USAGE, "--classpath " + entry + " is not a usable path");
            }
            path.append(File.pathSeparator).append(entry);
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new URLClassLoader(urls.toArray(URL[]::new),
                parent != null ? parent : Plugins.class.getClassLoader()));
        // the isolated LAMMPS worker is started with java.class.path: it then finds the same classes
        System.setProperty("java.class.path", path.toString());
        return added;
    }
}
