package org.spr.cli;

import org.spr.io.FrameSelection;
import picocli.CommandLine.Option;

/** Which frames of structure files and trajectories to use ({@code spr predict}, {@code spr analyze}). */
final class FrameOptions {

    @Option(names = "--every", paramLabel = "K", defaultValue = "1", description = "structure files: use every K-th frame (default ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--frames", paramLabel = "a:b", description = "structure files: frames a (inclusive) to b (exclusive), 0-based per file, e.g. 100:200 or 50:; either may be left out")
    String frames;

    /** The selection of --frames and --every. */
    FrameSelection selection() {
        return FrameSelection.parse(frames, every);
    }
}
