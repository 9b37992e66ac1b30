package org.spr.fixes.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetDescriptors;
import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.descriptor.RadialGrid;
import org.spr.io.FrameReader;
import org.spr.io.LammpsDataWriter;
import org.spr.lammps.InProcessEngine;
import org.spr.model.ChannelDescriptor;
import org.spr.model.DescriptorChannel;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.LinearBackend;
import org.spr.model.ModelFile;
import org.spr.model.ModelKind;
import org.spr.model.ModelMetadata;
import org.spr.model.OutputSpec;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;
import org.spr.model.TrainingProvenance;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * The multi-channel input (2D g(r), 3D g(r), bond-angle distribution, log-scaled) of one structure is the same in
 * training (the dataset's inputs recomputed from the stored structure), in post-processing (the structure file read and
 * passed to {@link ChannelDescriptor}, as {@code spr predict} does) and in situ (the predict hook inside LAMMPS, seen
 * through an identity model whose prediction is its input).
 */
@Tag("lammps")
class ChannelDescriptorInSituTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    @TempDir
    Path directory;

    /**
     * Graphene, 6 × 4 orthogonal cells (96 atoms), with 0.1 Å random displacements in the plane and 0.3 Å along z, at
     * the upper z boundary of its 10 Å periodic cell (atoms straddle it: in situ, z must stay periodic as in the file).
     */
    private static Frame buckledGraphene() {
        double bond = 1.42;
        double a = Math.sqrt(3) * bond;
        double b = Math.sqrt(3) * a;
        double[][] basis = {{0, 0}, {0.5, 1.0 / 6}, {0.5, 0.5}, {0, 2.0 / 3}};
        int nx = 6;
        int ny = 4;
        double[] positions = new double[3 * 4 * nx * ny];
        Random random = new Random(16);
        int atom = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (double[] site : basis) {
                    positions[3 * atom] = (i + site[0]) * a + 0.1 * random.nextGaussian();
                    positions[3 * atom + 1] = (j + site[1]) * b + 0.1 * random.nextGaussian();
                    positions[3 * atom + 2] = 0.3 * random.nextGaussian();
                    atom++;
                }
            }
        }
        int[] types = new int[atom];
        java.util.Arrays.fill(types, 1);
        Box box = new Box(0, 0, -10, nx * a, ny * b, 10, 0, 0, 0, true, true, true);
        return new Frame(positions, types, 1, new String[]{"C"}, new double[]{12.011}, null, box, 2, 0);
    }

    @Test
    void trainingPostProcessingAndInSituInputsAreEqual() throws Exception {
        DescriptorSpec spec = new DescriptorSpec(new RadialGrid(4.0, 0.05), 2, GrKind.INSTANTANEOUS, List.of("C"), false, 0.0,
                List.of(DescriptorChannel.GR_2D, DescriptorChannel.GR_3D, DescriptorChannel.ADF), true, 1.9);
        int p = spec.inputLength();
        Path structures = Files.createDirectories(directory.resolve("structures"));
        Path structure = structures.resolve("row-1.data");
        LammpsDataWriter.write(buckledGraphene(), "buckled graphene", structure);

        // post-processing: the structure file read as a monolayer
        double[] postProcessing;
        try (FrameReader reader = FrameReader.open(structure, 2)) {
            postProcessing = new ChannelDescriptor(spec, 1).compute(reader.next(), null);
        }

        // training: a one-row dataset whose inputs are recomputed from the stored structure
        Path csv = directory.resolve("rows.csv");
        DescriptorSpec classic = DescriptorSpec.total(spec.grid(), 2, GrKind.INSTANTANEOUS, List.of("C"));
        try (DatasetWriter writer = DatasetWriter.open(csv, DatasetMetadata.create(classic, null, "", List.of(
                new org.spr.dataset.ScalarLabel("x", "")), List.of(), Map.of(), "test", Map.of()))) {
            writer.append(new DatasetRow("row-1", "C", "test", 1, 96, 0, null, new double[spec.grid().bins()], null, Map.of("x", 1.0)));
        }
        Dataset recomputed = DatasetDescriptors.recompute(Dataset.read(csv), spec, structures, 1, directory.resolve("channels.csv"));
        double[] training = recomputed.gr()[0];
        assertEquals(spec, recomputed.metadata().input(), "the recomputed dataset records the multi-channel spec");

        // in situ: an identity model in the predict hook of a LAMMPS run of the same structure
        double[] identity = new double[p * p];
        for (int k = 0; k < p; k++) {
            identity[k * p + k] = 1;
        }
        SprModel model = new SprModel(new ModelMetadata(ModelFile.FORMAT_VERSION, ModelKind.LINEAR, spec,
                OutputSpec.spectrum(new SpectrumGrid(0, 1, p, "index", "none"), ""), TrainingProvenance.synthetic(1), Map.of(),
                Map.of(), "", "", null), new LinearBackend(p, p, identity, new double[p]));
        Path modelFile = directory.resolve("identity.sprmodel");
        ModelFile.save(model, modelFile);
        Path script = directory.resolve("in.identity");
        Files.writeString(script, String.join("\n", "units metal", "dimension 3", "boundary p p p", "atom_style atomic",
                "read_data " + structure, "mass 1 12.011", "pair_style zero 4.0", "pair_coeff * *",
                "fix spr all external pf/callback 1 1", "run 0", ""));
        List<Serializable> records = new ArrayList<>();
        try (InProcessEngine engine = new InProcessEngine(QUIET, records::add)) {
            engine.runScript(script, Map.of("spr", new HookBinding("predict", Map.of("model", modelFile.toString(), "kind", "instantaneous"))));
        }
        double[] inSitu = null;
        for (Serializable record : records) {
            Serializable inner = record instanceof HookBinding.HookOutput output ? output.record() : record;
            if (inner instanceof PredictHook.Prediction prediction && inSitu == null) {
                inSitu = prediction.prediction();
            }
        }
        assertTrue(inSitu != null, "the hook predicted at step 0: " + records);

        int bins = spec.grid().bins();
        double adfArea = 0;
        boolean channelsDiffer = false;
        for (int k = 0; k < p; k++) {
            assertEquals(postProcessing[k], training[k], 1e-12 * Math.max(1, Math.abs(postProcessing[k])), "training vs post-processing, value " + k);
            assertEquals(postProcessing[k], inSitu[k], 1e-9 * Math.max(1, Math.abs(postProcessing[k])), "in situ vs post-processing, value " + k);
            if (k < bins && Math.abs(postProcessing[k] - postProcessing[bins + k]) > 1e-6) {
                channelsDiffer = true;
            }
            if (k >= 2 * bins) {
                adfArea += Math.expm1(postProcessing[k]) * 180.0 / bins;
            }
        }
        assertTrue(channelsDiffer, "the 3D g(r) is not the 2D one");
        assertEquals(1.0, adfArea, 1e-9, "the ADF channel (undone from ln(1+v)) has unit area over 0–180°");
    }
}
