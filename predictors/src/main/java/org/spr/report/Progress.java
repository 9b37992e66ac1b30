package org.spr.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr with rate and ETA. On a terminal ({@code System.console() != null}) it redraws one line;
 * otherwise (logs, pipes) it prints one line per 10 % step; quiet prints nothing.
 */
public final class Progress implements AutoCloseable {

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final boolean quiet;
    private final long startNanos;
    private long done;
    private int lastDecile = -1;
    private long lastDrawNanos;

    /** A bar for {@code total} steps on stderr, interactive when a console is attached. */
    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null, false);
    }

    /**
     * @param interactive redraw one line (terminal) instead of printing a line per 10 %
     * @param quiet       print nothing
     */
    public Progress(String label, long total, PrintStream out, boolean interactive, boolean quiet) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.interactive = interactive;
        this.quiet = quiet;
        this.startNanos = System.nanoTime();
    }

    /** Advances by one step. */
    public void step() {
        advance(1);
    }

    /** Advances by {@code steps}. */
    public synchronized void advance(long steps) {
        done = Math.min(total, done + steps);
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos > 100_000_000L || done == total) {
                lastDrawNanos = now;
                out.print("\r" + line(now));
                out.flush();
            }
        } else {
            int decile = (int) (10 * done / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(line(now));
            }
        }
    }

    /** Steps done so far. */
    public synchronized long done() {
        return done;
    }

    /** The text of the bar, e.g. {@code train [#####     ] 50% 500/1000 12.3/s ETA 0:41}. */
    synchronized String line(long nowNanos) {
        double fraction = (double) done / total;
        int width = 20;
        int filled = (int) Math.round(fraction * width);
        double seconds = (nowNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done > 0 && done < total ? " ETA " + clock(remaining(seconds, fraction)) : done == total ? " in " + clock(seconds) : "";
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %.3g/s%s", label, "#".repeat(filled), " ".repeat(width - filled),
                Math.round(fraction * 100), done, total, rate, eta);
    }

    /**
     * The project's one duration format for progress and ETAs: {@code m:ss} below an hour, {@code h:mm:ss} from an hour
     * on (negative durations count as 0).
     */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The time still to go when {@code fraction} of the work took {@code elapsedSeconds}, at the same rate. */
    public static double remaining(double elapsedSeconds, double fraction) {
        return elapsedSeconds / fraction - elapsedSeconds;
    }

    /** Ends the bar (newline on a terminal). */
    @Override
    public synchronized void close() {
        if (!quiet && interactive) {
            out.println();
        }
    }
}
