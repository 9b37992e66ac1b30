package org.spr.linalg;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one loader of the system BLAS/LAPACK through JNA, used by {@link MatrixProducts} ({@code dgemm}) and
 * {@link LapackSymmetricEigensolver} ({@code dsyevd}). It tries a library named by a system property, then
 * {@link #LIBRARY_CANDIDATES} in order, and keeps the first whose entry point computes a known answer.
 *
 * <p>The system property {@code spr.linalg} = {@code ejml} turns every native routine off (the pure-Java EJML
 * fallbacks run, as on a machine without BLAS/LAPACK); {@code native} or unset uses them when they load. The tests run
 * once more with {@code spr.linalg=ejml} so that the fallbacks are exercised.
 */
public final class NativeLinearAlgebra {

    /** The system property that turns the native routines off ({@code ejml}). */
    public static final String PROPERTY = "spr.linalg";

    /**
     * Library names tried in order (Debian: {@code liblapack3}, or {@code libopenblas0-pthread}, whose
     * {@code liblapack.so.3} provides both BLAS and LAPACK, multithreaded).
     */
    public static final List<String> LIBRARY_CANDIDATES =
            List.of("liblapack.so.3", "libopenblas.so.0", "openblas", "lapack", "libblas.so.3", "blas");

    /** A bound library and the name it was loaded by. */
    public record Loaded<T>(T library, String name) {
    }

    private NativeLinearAlgebra() {
    }

    /** Whether {@code spr.linalg=ejml} turns the native routines off. */
    public static boolean disabled() {
        String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "native" -> false;
            case "ejml" -> true;
            default -> throw new IllegalArgumentException("system property " + PROPERTY + " must be 'native' or 'ejml', got '" + value + "'");
        };
    }

    /**
     * Binds the first library among the one named by {@code overrideProperty} (if set) and {@link #LIBRARY_CANDIDATES}
     * that loads and passes {@code works}.
     *
     * @param binding          the JNA interface of the entry point
     * @param entryPoint       the entry point's name, for messages (e.g. {@code dgemm_})
     * @param overrideProperty system property naming a library to try first
     * @param works            a check on a tiny known case; false or an {@link UnsatisfiedLinkError} rejects the library
     * @throws UnsatisfiedLinkError when native routines are turned off, or no library loads and passes
     */
    public static <T extends Library> Loaded<T> load(Class<T> binding, String entryPoint, String overrideProperty, Predicate<T> works) {
        if (disabled()) {
            throw new UnsatisfiedLinkError("native BLAS/LAPACK turned off by -D" + PROPERTY + "=ejml");
        }
        List<String> names = new ArrayList<>();
        String override = System.getProperty(overrideProperty);
        if (override != null) {
            names.add(override);
        }
        names.addAll(LIBRARY_CANDIDATES);
        StringBuilder failures = new StringBuilder();
        for (String name : names) {
            try {
                T library = Native.load(name, binding);
                if (works.test(library)) {
                    return new Loaded<>(library, name);
                }
                failures.append(failures.length() == 0 ? "" : "; ").append(name).append(": wrong result");
            } catch (UnsatisfiedLinkError e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(name).append(": ").append(e.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("no BLAS/LAPACK library with " + entryPoint + " could be loaded (" + failures + ")");
    }
}
