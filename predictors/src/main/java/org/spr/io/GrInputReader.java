package org.spr.io;

import java.nio.file.Path;
import java.util.List;
import org.spr.model.DescriptorSpec;

/**
 * The hook through which {@code spr predict} reads its inputs. The g(r) CSV reader is built in; structure files, dumps
 * and experimental {@code .gr} files are added by registering readers with {@link PredictCommand#registerReader}
 * (e.g. one that reads a dump and computes g(r) on the model's grid).
 */
public interface GrInputReader {

    /** True when this reader handles the file (by extension or content). */
    boolean accepts(Path file);

    /**
     * Reads one or more g(r) from the file.
     *
     * @param file  the input file
     * @param model the spec the model expects (a structure reader computes g(r) on it; a g(r) file reader uses it for
     *              whatever the file does not say)
     */
    List<GrInput> read(Path file, DescriptorSpec model);
}
