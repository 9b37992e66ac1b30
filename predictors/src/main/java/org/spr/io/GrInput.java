package org.spr.io;

import org.spr.model.DescriptorSpec;

/**
 * One g(r) to predict from, with where it came from and the spec it was computed with.
 *
 * @param source file name the g(r) came from
 * @param frame  0-based index of the frame in that file (0 for single-frame files and g(r) files)
 * @param step   MD timestep of the frame, or -1 when the file has none (g(r) files, experimental PDFs)
 * @param gr     values, channels × bins of {@code spec}
 * @param spec   how it was computed
 */
public record GrInput(String source, int frame, long step, double[] gr, DescriptorSpec spec) {

    /** A g(r) read from a file that holds one and no timestep. */
    public static GrInput single(String source, double[] gr, DescriptorSpec spec) {
        return new GrInput(source, 0, -1, gr, spec);
    }

    /** Name in messages and tables: the source, with the frame when it is not the first. */
    public String label() {
        return frame == 0 ? source : source + "#" + frame;
    }
}
