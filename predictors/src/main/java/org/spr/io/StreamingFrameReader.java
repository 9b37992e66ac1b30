package org.spr.io;

import org.spr.structure.Frame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The frame-by-frame plumbing shared by the trajectory readers: one frame read ahead, warnings collected, the file
 * closed once. Subclasses only implement {@link #readFrame()}.
 */
abstract class StreamingFrameReader implements FrameReader {

    protected final TextLines lines;
    protected final int dimension;
    protected final List<String> warnings = new ArrayList<>();
    protected int framesRead;
    private Frame pending;
    private boolean finished;

    /** Opens {@code file}; frames get {@code dimension} (2 or 3). */
    protected StreamingFrameReader(Path file, int dimension) {
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        this.lines = TextLines.open(file);
        this.dimension = dimension;
    }

    /** The next frame, or null at the end of the file (a truncated last frame adds a warning and returns null). */
    protected abstract Frame readFrame();

    @Override
    public Path source() {
        return lines.file();
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readFrame();
            finished = pending == null;
        }
        return pending != null;
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException(source() + " has no more frames");
        }
        Frame out = pending;
        pending = null;
        framesRead++;
        return out;
    }

    /**
     * Moves to the line of atom {@code i} (0-based) of {@code n} and checks that it has {@code columns} tokens.
     *
     * @return null when the line is there and complete; else how the frame is truncated ("after i of n atoms", or
     *         "at atom i+1 of n" for a short last line of the file)
     * @throws InputFormatException for a short line that more lines follow
     */
    protected String nextAtomLine(int i, int n, int columns) {
        if (!lines.next()) {
            return "after " + i + " of " + n + " atoms";
        }
        if (lines.tokens() < columns) {
            long line = lines.lineNumber();
            String reason = "expected " + columns + " columns, found " + lines.tokens();
            if (!lines.next()) {
                return "at atom " + (i + 1) + " of " + n;
            }
            throw new InputFormatException(source(), line, reason);
        }
        return null;
    }

    /** Whether a frame has been read ahead and not yet returned. */
    protected boolean hasPending() {
        return pending != null;
    }

    @Override
    public void close() {
        finished = true;
        pending = null;
        lines.close();
    }
}
