package org.spr.io;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.spr.structure.Frame;

/**
 * Frames of one structure file, read one at a time (a trajectory is never held in memory whole).
 * {@link #hasNext()} may read ahead one frame; malformed input throws {@link InputFormatException} naming file
 * and line, except a truncated final frame, which ends the iteration and adds a message to {@link #warnings()}.
 */
public interface FrameReader extends Iterator<Frame>, AutoCloseable {

    /** The file being read. */
    Path source();

    /** Problems that did not stop reading (e.g. a truncated final frame), one sentence each. */
    List<String> warnings();

    /** Uncompressed bytes consumed so far (for throughput reports). */
    long bytesRead();

    /** Releases the file; never throws a checked exception. */
    @Override
    void close();

    /** Opens {@code file} with the reader its name or content calls for, frames in 3D. */
    static FrameReader open(Path file) {
        return StructureFormat.detect(file).open(file, 3);
    }

    /** Opens {@code file} with the reader its name or content calls for, frames of the given dimension (2 or 3). */
    static FrameReader open(Path file, int dimension) {
        return StructureFormat.detect(file).open(file, dimension);
    }

    /** The first frame of {@code file} (a structure, or the first of a trajectory), of the given dimension (2 or 3). */
    static Frame first(Path file, int dimension) {
        try (FrameReader reader = open(file, dimension)) {
            return reader.next();
        }
    }
}
