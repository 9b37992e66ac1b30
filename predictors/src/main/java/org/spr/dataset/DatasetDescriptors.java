package org.spr.dataset;

import org.spr.error.SprException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spr.io.FrameReader;
import org.spr.model.ChannelDescriptor;
import org.spr.model.DescriptorSpec;
import org.spr.model.ModelInputs;
import org.spr.report.AtomicFiles;
import org.spr.structure.Frame;

/**
 * A dataset with its inputs computed anew from the stored structures ({@code STRUCTURES/<id>.data.gz}, or any
 * {@code <id>.*} structure file) by {@link ChannelDescriptor}, the function the predict hook and {@code spr predict}
 * use: e.g. the 2D g(r), 3D g(r) and bond-angle distribution of every row for a multi-channel model. Labels and all
 * other columns are copied; rows keep their order.
 */
public final class DatasetDescriptors {

    private DatasetDescriptors() {
    }

    /**
     * Writes {@code out} (CSV and sidecar; refused when it exists, so that inputs are never overwritten) and reads it back.
     *
     * @param dataset    the source dataset
     * @param spec       the new input spec (its dimension is the one the structures are read with)
     * @param structures folder of the stored structures
     * @param threads    g(r) worker threads
     * @param out        the new dataset CSV
     * @throws DatasetFormatException naming the first row whose structure is missing
     */
    public static Dataset recompute(Dataset dataset, DescriptorSpec spec, Path structures, int threads, Path out) {
        if (Files.exists(out) || Files.exists(DatasetColumns.sidecar(out))) {
            throw SprException.usage(out + " exists: choose a new file for the recomputed dataset");
        }
        ChannelDescriptor descriptor = new ChannelDescriptor(spec, threads);
        DatasetMetadata source = dataset.metadata();
        DatasetMetadata metadata = new DatasetMetadata(source.formatVersion(), spec, source.spectrumGrid(), source.spectrumUnit(),
                source.scalars(), source.parameters(), source.units(), source.protocol() + "; inputs recomputed from the stored structures ("
                + spec + ")", source.software(), source.created());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(DatasetColumns.sidecar(partial));
            try (DatasetWriter writer = DatasetWriter.open(partial, metadata)) {
                List<String> ids = dataset.ids();
                for (int i = 0; i < ids.size(); i++) {
                    Path structure = structureOf(structures, ids.get(i));
                    if (structure == null) {
                        throw new DatasetFormatException(dataset.source(), i + 2, "no stored structure " + ids.get(i) + ".data.gz in " + structures);
                    }
                    Frame frame = FrameReader.first(structure, spec.dimension());
                    ModelInputs.checkSpecies(frame, spec, structure.toString());
                    DatasetRow row = dataset.row(i);
                    writer.append(new DatasetRow(row.id(), row.system(), row.protocol(), row.seed(), row.atoms(), row.energyPerAtom(),
                            row.parameters(), descriptor.compute(frame, null), row.spectrum(), row.scalars()));
                }
            }
            AtomicFiles.writeString(DatasetColumns.sidecar(out), Files.readString(DatasetColumns.sidecar(partial)));
            Files.move(partial, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(DatasetColumns.sidecar(partial));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return Dataset.read(out);
    }

    /** {@code <id>.data.gz}, else the first {@code <id>.*} file of the folder, else null. */
    static Path structureOf(Path structures, String id) {
        Path stored = structures.resolve(id + ".data.gz");
        if (Files.exists(stored)) {
            return stored;
        }
        try (var files = Files.list(structures)) {
            List<Path> matches = new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith(id + ".")).sorted().toList());
            return matches.isEmpty() ? null : matches.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + structures + ": " + e.getMessage(), e);
        }
    }
}
