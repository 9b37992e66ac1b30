package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;

class ModelFileTest {

    @TempDir
    Path directory;

    static SprModel smallLinearModel() {
        Random random = new Random(11);
        int p = 40;
        double[][] x = SyntheticData.gaussian(100, p, random);
        double[] w = new double[5 * p];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        double[][] y = SyntheticData.linearTargets(x, w, new double[5], 0.1, random);
        return new LinearTrainer(0, 1e-3).train(TrainingData.of(x, y, SyntheticData.spec(p, 0.1), SyntheticData.spectrum(5)));
    }

    @Test
    void linearModelSurvivesSaveAndLoadBitForBit() {
        SprModel model = smallLinearModel().withHeldOutMetrics(Map.of("test_mse", 0.01));
        Path file = directory.resolve("linear.sprmodel");
        ModelFile.save(model, file);
        SprModel loaded = ModelFile.load(file);
        double[] g = new Random(3).doubles(40).toArray();
        assertArrayEquals(model.predict(g, model.inputSpec()), loaded.predict(g, loaded.inputSpec()));
        assertEquals(model.inputSpec(), loaded.inputSpec());
        assertEquals(model.outputSpec(), loaded.outputSpec());
        assertEquals(0.01, loaded.metadata().heldOutMetrics().get("test_mse"));
        assertEquals(ModelFile.FORMAT_VERSION, loaded.metadata().formatVersion());
        assertTrue(loaded.metadata().software().containsKey("java"));
        assertEquals(64, loaded.metadata().weightsSha256().length());
    }

    /** A small linear model saved as model.sprmodel in the test's folder. */
    private Path savedModel() throws Exception {
        Path file = directory.resolve("model.sprmodel");
        ModelFile.save(smallLinearModel(), file);
        return file;
    }

    @Test
    void truncatedFileIsRefusedWithItsName() throws Exception {
        Path file = savedModel();
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = directory.resolve("truncated.sprmodel");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(truncated));
        assertTrue(e.getMessage().contains("truncated.sprmodel"), e.getMessage());
        Files.write(truncated, new byte[0]);
        assertThrows(ModelFileException.class, () -> ModelFile.load(truncated));
    }

    @Test
    void corruptWeightsAreRefused() throws Exception {
        Path file = savedModel();
        // rewrite the zip with one weight byte flipped but a valid zip structure, so only the recorded hash can tell
        ModelZip entries = ModelZip.read(file);
        entries.weights()[100] ^= 1;
        Path corrupt = directory.resolve("corrupt.sprmodel");
        entries.write(corrupt);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(corrupt));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        // a flipped byte in the raw file is caught by the zip CRC or the hash
        byte[] raw = Files.readAllBytes(file);
        raw[raw.length / 2] ^= 0x55;
        Files.write(corrupt, raw);
        assertThrows(ModelFileException.class, () -> ModelFile.load(corrupt));
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path file = savedModel();
        ModelZip entries = ModelZip.read(file);
        String json = entries.metadataJson().replaceFirst("\"formatVersion\": 1", "\"formatVersion\": 99");
        Path newer = directory.resolve("newer.sprmodel");
        entries.withMetadataJson(json).write(newer);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(newer));
        assertTrue(e.getMessage().contains("version 99") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void missingFileAndResourceAreReportedClearly() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(directory.resolve("absent.sprmodel")));
        assertTrue(e.getMessage().contains("no such model file"), e.getMessage());
        assertThrows(ModelFileException.class, () -> ModelFile.loadResource("/org/spr/models/absent.sprmodel"));
    }

    @Test
    void modelLoadsFromAClasspathResource() throws Exception {
        SprModel model = smallLinearModel();
        Path classes = Path.of(ModelFileTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path resource = classes.resolve("org/spr/models/test-linear.sprmodel");
        ModelFile.save(model, resource);
        SprModel loaded = ModelFile.loadResource("/org/spr/models/test-linear.sprmodel");
        double[] g = new Random(9).doubles(40).toArray();
        assertArrayEquals(model.predict(g, model.inputSpec()), loaded.predict(g, model.inputSpec()));
    }

    @Test
    void mismatchedDimensionGridOrKindIsRefusedNamingBothSides() {
        SprModel model = smallLinearModel();
        DescriptorSpec expected = model.inputSpec();
        double[] g = new double[40];
        DescriptorSpec twoD = new DescriptorSpec(expected.grid(), 2, expected.grKind(), expected.species(), false, 0);
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> model.predict(g, twoD));
        assertTrue(e.getMessage().contains("3D vs 2D"), e.getMessage());
        DescriptorSpec otherKind = new DescriptorSpec(expected.grid(), 3, GrKind.INSTANTANEOUS, expected.species(), false, 0);
        e = assertThrows(ModelMismatchException.class, () -> model.predict(g, otherKind));
        assertTrue(e.getMessage().contains("inherent vs instantaneous"), e.getMessage());
        DescriptorSpec otherSpecies = new DescriptorSpec(expected.grid(), 3, expected.grKind(), List.of("Si"), false, 0);
        assertThrows(ModelMismatchException.class, () -> model.predict(g, otherSpecies, Resampling.RESAMPLE));
        DescriptorSpec finer = expected.withGrid(new RadialGrid(4.0, 0.05));
        e = assertThrows(ModelMismatchException.class, () -> model.predict(new double[80], finer));
        assertTrue(e.getMessage().contains("r_max=4") && e.getMessage().contains("dr=0.05") && e.getMessage().contains("dr=0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("ask for resampling"), e.getMessage());
    }

    @Test
    void pureResolutionChangeIsResampledOnlyWhenAsked() {
        SprModel model = smallLinearModel();
        DescriptorSpec expected = model.inputSpec(); // 40 bins of 0.1
        RadialGrid fine = new RadialGrid(4.0, 0.05);
        // a g(r) linear in r is reproduced exactly by linear interpolation between centres
        double[] onModelGrid = new double[40];
        for (int k = 0; k < 40; k++) {
            onModelGrid[k] = 1 + 0.5 * expected.grid().centre(k);
        }
        double[] fineValues = new double[80];
        for (int k = 0; k < 80; k++) {
            fineValues[k] = 1 + 0.5 * fine.centre(k);
        }
        double[] direct = model.predict(onModelGrid, expected);
        double[] resampled = model.predict(fineValues, expected.withGrid(fine), Resampling.RESAMPLE);
        for (int j = 0; j < direct.length; j++) {
            assertEquals(direct[j], resampled[j], 1e-9 * (1 + Math.abs(direct[j])));
        }
    }
}
