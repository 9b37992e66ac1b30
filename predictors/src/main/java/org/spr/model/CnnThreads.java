package org.spr.model;

import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/**
 * The CNN's PyTorch thread settings. PyTorch's default (intra-op threads = all cores, OpenMP threads that spin while
 * they wait) oversubscribes a machine whose cores are shared: the Java thread that assembles the mini-batches and the
 * other processes then compete with spinning workers, and on a loaded 2-core machine an epoch took several times longer
 * than with one thread (issue 16: 8 epochs in 90 s with the default, 13.9 s with one intra-op thread).
 *
 * <p>Chosen for the machine: intra-op threads = min(8, cores − 1), at least 1 — one core stays free for the data-loading
 * (batch-assembling) Java thread, and a 1D CNN of this size gains nothing beyond ~8 threads; inter-op threads = 1 (the
 * network is one chain of operators). Override with the environment variable {@value #ENVIRONMENT} or the system
 * property {@code ai.djl.pytorch.num_threads}.
 */
public final class CnnThreads {

    /** Environment variable that sets the intra-op threads. */
    public static final String ENVIRONMENT = "SPR_CNN_THREADS";
    private static final String PROPERTY = "ai.djl.pytorch.num_threads";
    private static volatile String origin = "";
    private static volatile int pytorchDefault = -1;

    private CnnThreads() {
    }

    /** The intra-op threads chosen for {@code cores} available processors: min(8, cores − 1), at least 1. */
    public static int chosenFor(int cores) {
        return Math.max(1, Math.min(8, cores - 1));
    }

    /** The intra-op threads to use here: the override when one is set, else {@link #chosenFor} the available processors. */
    static int intraOpThreads() {
        String override = System.getenv(ENVIRONMENT);
        String source = ENVIRONMENT;
        if (override == null || override.isBlank()) {
            override = System.getProperty(PROPERTY);
            source = "-D" + PROPERTY;
        }
        if (override != null && !override.isBlank()) {
            try {
                int threads = Integer.parseInt(override.trim());
                if (threads >= 1) {
                    origin = "set by " + source;
                    return threads;
                }
            } catch (NumberFormatException e) {
                // fall through to the machine's choice
            }
            origin = "ignoring " + source + "=" + override + " (not a positive integer); ";
        } else {
            origin = "";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        origin += "chosen for " + cores + " core(s): min(8, cores − 1)";
        return chosenFor(cores);
    }

    /** Applies the settings to the loaded PyTorch engine (called by {@link DjlSupport#engine()}). */
    static void apply() {
        pytorchDefault = JniUtils.getNumThreads();
        JniUtils.setNumThreads(intraOpThreads());
    }

    /** PyTorch's own intra-op thread count before {@link #apply} changed it (what training used before issue 16). */
    public static int pytorchDefaultIntraOpThreads() {
        DjlSupport.engine();
        return pytorchDefault;
    }

    /** Sets the intra-op threads of the loaded engine (benchmarks compare settings in one run). */
    public static void setIntraOpThreads(int threads) {
        DjlSupport.engine();
        JniUtils.setNumThreads(threads);
    }

    /** The intra-op threads of the loaded engine. */
    public static int currentIntraOpThreads() {
        DjlSupport.engine();
        return JniUtils.getNumThreads();
    }

    /** One line for the user, e.g. "cnn threads: 1 intra-op (chosen for 2 core(s) …), 1 inter-op; mini-batches assembled on the calling thread". */
    public static String describe() {
        DjlSupport.engine();
        return String.format(Locale.ROOT, "cnn threads: %d intra-op (%s; change with %s=N), %d inter-op; mini-batches assembled on the calling thread",
                JniUtils.getNumThreads(), origin, ENVIRONMENT, JniUtils.getNumInteropThreads());
    }
}
