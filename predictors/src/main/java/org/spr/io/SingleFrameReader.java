package org.spr.io;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.spr.structure.Frame;

/** A {@link FrameReader} over a file that holds exactly one frame (data file, POSCAR), already read. */
final class SingleFrameReader implements FrameReader {

    private final Path source;
    private Frame frame;
    private final long bytes;

    SingleFrameReader(Path source, Frame frame) {
        this.source = source;
        this.frame = frame;
        long size;
        try {
            size = java.nio.file.Files.size(source);
        } catch (java.io.IOException e) {
            size = 0;
        }
        this.bytes = size;
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public boolean hasNext() {
        return frame != null;
    }

    @Override
    public Frame next() {
        if (frame == null) {
            throw new NoSuchElementException(source + " holds one frame, already read");
        }
        Frame out = frame;
        frame = null;
        return out;
    }

    @Override
    public void close() {
        frame = null;
    }
}
