package org.spr.io;

import org.spr.error.SprException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spr.io.FrameReader;
import org.spr.io.InputFormatException;
import org.spr.io.StructureFormat;
import org.spr.model.ChannelDescriptor;
import org.spr.model.DescriptorSpec;
import org.spr.model.ModelInputs;
import org.spr.structure.Frame;

/**
 * Reads structure files for {@code spr predict} (LAMMPS dumps, every frame or a selection; LAMMPS data files; extended
 * XYZ; POSCAR/CONTCAR; see {@link StructureFormat#detect}) and computes each frame's g(r) exactly as the model expects
 * it: on the model's grid, with the model's dimension (a 2D model's frames are read as monolayers, in-plane area
 * normalisation), total or partials, smoothed as the model's, or the channels of a multi-channel model — by
 * {@link ChannelDescriptor}, the function training and the predict hook use. A frame whose atom types are not the model's species, or
 * that is a slab for a 3D model or a bulk cell for a 2D model, is refused naming both sides.
 */
public final class StructureGrReader implements GrInputReader {

    private final FrameSelection selection;
    private final int threads;
    private final boolean checkDimension;

    /** With the slab/bulk check. */
    public StructureGrReader(FrameSelection selection, int threads) {
        this(selection, threads, true);
    }

    /**
     * @param selection      frames to use from each file
     * @param threads        worker threads of the g(r) computation
     * @param checkDimension refuse a slab for a 3D model or a bulk cell for a 2D model (a guess from the vacuum gap;
     *                       false computes the model's g(r) regardless: {@code spr predict --force-dimension})
     */
    public StructureGrReader(FrameSelection selection, int threads, boolean checkDimension) {
        if (threads < 1) {
            throw SprException.usage("--threads must be at least 1, got " + threads);
        }
        this.selection = selection;
        this.threads = threads;
        this.checkDimension = checkDimension;
    }

    /** Anything that is not a g(r) CSV or an experimental {@code .gr} file and whose name or content is a structure format. */
    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".gr") || name.endsWith(".gr.gz")) {
            return false;
        }
        try {
            StructureFormat.detect(file);
            return true;
        } catch (InputFormatException e) {
            return false;
        }
    }

    @Override
    public List<GrInput> read(Path file, DescriptorSpec model) {
        String source = file.getFileName().toString();
        ChannelDescriptor descriptor = new ChannelDescriptor(model, threads);
        List<GrInput> inputs = new ArrayList<>();
        try (FrameReader reader = FrameReader.open(file, model.dimension())) {
            int index = 0;
            while (!selection.isPast(index) && reader.hasNext()) {
                Frame frame = reader.next();
                if (selection.selects(index)) {
                    String where = source + " frame " + index;
                    ModelInputs.checkSpecies(frame, model, where);
                    if (checkDimension) {
                        ModelInputs.checkDimension(frame, model, where);
                    }
                    inputs.add(new GrInput(source, index, frame.timestep(), descriptor.compute(frame, null), model));
                }
                index++;
            }
            for (String warning : reader.warnings()) {
                System.err.println("spr predict: warning: " + warning);
            }
        }
        if (inputs.isEmpty()) {
            throw new InputFormatException(file, 0, "no frame of the file is selected by " + selection);
        }
        return inputs;
    }
}
