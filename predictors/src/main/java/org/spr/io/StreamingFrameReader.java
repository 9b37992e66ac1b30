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
