package org.spr.fixes;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.fixes.hook.FrameCapture;
import org.spr.label.FrequencyGrid;
import org.spr.label.HessianLabel;
import org.spr.label.PhononDos;
import org.spr.label.PhononDosParameters;
import org.spr.protocol.Crystal;
import org.spr.protocol.DistortRemoveRelax;
import org.spr.protocol.MaterialSystem;
import org.spr.protocol.Potential;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.LinearTrainer;
import org.spr.model.ModelFile;
import org.spr.model.OutputSpec;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;
import org.spr.model.TrainingData;
import org.spr.structure.Frame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ML-IAP path end to end on a current LAMMPS: zincblende InP with the SNAP potential LAMMPS ships for ML-IAP
 * ({@code InP_JCPA2020.mliap.model} + {@code .mliap.descriptor}, Cusentino, Wood and Thompson, J. Phys. Chem. A 2020)
 * through {@code pair_style mliap model linear … descriptor sna …} (with its ZBL core, as the shipped
 * {@code InP_JCPA2020.mliap} does): structures made by distort-and-relax, their Hessian PDOS, and a linear model
 * trained on them that predicts a structure it has not seen. Skipped on a LAMMPS without ML-IAP (Debian's 2021 build).
 */
@Tag("lammps")
class MlIapIndiumPhosphideIntegrationTest {

    private static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");
    private static final Path MODEL = POTENTIALS.resolve("InP_JCPA2020.mliap.model");
    private static final Path DESCRIPTOR = POTENTIALS.resolve("InP_JCPA2020.mliap.descriptor");
    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");
    /** Zero-pressure lattice constant of zincblende InP with this potential (LAMMPS box/relax: 5.829 Å; exp. 5.869). */
    private static final double LATTICE = 5.829;
    /** InP's phonons end at the Γ LO mode, 10.3 THz in experiment; the grid covers 0–15 THz. */
    private static final FrequencyGrid GRID = new FrequencyGrid(0.0, 15.0, 75);
    private static final PhononDosParameters PDOS = PhononDosParameters.metalDefaults().withGrid(GRID).withBroadeningWidth(0.3);
    private static final RadialGrid RDF = new RadialGrid(6.0, 0.05);

    /** Gaussian displacement amplitudes (Å) of the training structures, and of the one the model has not seen. */
    private static final double[] TRAINING_AMPLITUDES = {0.0, 0.04, 0.08, 0.12, 0.16, 0.2};
    private static final double UNSEEN_AMPLITUDE = 0.1;

    @TempDir
    Path directory;

    private static List<Labelled> training;
    private static Labelled unseen;

    @BeforeAll
    static void makeStructures() {
        Assumptions.assumeTrue(Lammps.libraryHasPackage("ML-IAP"),
                "this LAMMPS has no ML-IAP package (Debian's 2021 build): the ML-IAP path runs on a current LAMMPS");
        Assumptions.assumeTrue(Files.isReadable(MODEL) && Files.isReadable(DESCRIPTOR),
                "the InP ML-IAP files are missing from " + POTENTIALS + " (apt-get install lammps-data)");
        training = new ArrayList<>();
        for (int i = 0; i < TRAINING_AMPLITUDES.length; i++) {
            training.add(make(TRAINING_AMPLITUDES[i], 11 + i));
        }
        unseen = make(UNSEEN_AMPLITUDE, 99);
    }

    static MaterialSystem indiumPhosphide() {
        Potential snap = new Potential("InP_JCPA2020.mliap", "metal",
                "hybrid/overlay zbl 4 4.2 mliap model linear " + MODEL + " descriptor sna " + DESCRIPTOR,
                List.of("1 1 zbl 49 49", "1 2 zbl 49 15", "2 2 zbl 15 15", "* * mliap In P"), List.of(),
                List.of("In", "P"), List.of(114.818, 30.974), null);
        // 2 × 2 × 1 conventional cells: 32 atoms, In on the fcc sites, P on the tetrahedral ones
        return new MaterialSystem("inp", new Crystal("metal", 3, "diamond", LATTICE, List.of(1, 1, 1, 1, 2, 2, 2, 2),
                List.of(), 2, 2, 1), snap);
    }

    private record Labelled(ProtocolResult structure, PhononDos dos, double[] gr) {
    }

    private static Labelled make(double amplitude, long seed) {
        DistortRemoveRelax protocol = new DistortRemoveRelax(indiumPhosphide(), amplitude,
                DistortRemoveRelax.Distribution.GAUSSIAN, 0.0, true, 1e-4, seed);
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            ProtocolResult structure = engine.call(protocol);
            assertTrue(structure.usable(), structure.problem());
            PhononDos dos = engine.call(new HessianLabel(PDOS, 0.01));
            Frame frame = new Frame(structure.positions(), structure.types(), 2, new String[]{"In", "P"}, null, null,
                    FrameCapture.box(structure.box()), 3, 0);
            PairCorrelation correlation = new RadialDistribution(RDF, 1).compute(frame);
            return new Labelled(structure, dos, correlation.total());
        }
    }

    /**
     * The relaxed crystal: ≈ 3.48 eV/atom of cohesion, no imaginary modes, InP's phonon band (Γ optical modes near
     * 10 THz), and half the modes (the three optical branches of two atoms per primitive cell) above the gap that the
     * In/P mass ratio of 3.7 opens over the acoustic band.
     */
    @Test
    void relaxedCrystalHasInPPhonons() {
        Labelled crystal = training.get(0);
        assertEquals(32, crystal.structure().atoms());
        assertEquals(-3.4806, crystal.structure().energyPerAtom(), 2e-3, "SNAP+ZBL zincblende InP");
        PhononDos dos = crystal.dos();
        assertEquals(96, dos.modeCount());
        assertEquals(0, dos.imaginaryModeCount(), "the relaxed crystal is stable");
        double[] sorted = dos.frequencies().clone();
        java.util.Arrays.sort(sorted);
        double top = sorted[sorted.length - 1];
        assertTrue(top > 8.5 && top < 11.5, "highest (Γ LO/TO) mode in InP's range (exp. 10.3 THz): " + top);
        assertEquals(1.0, dos.fractionInsideGrid(), 1e-9, "the whole spectrum lies on 0–15 THz");
        double acousticTop = sorted[sorted.length / 2 - 1];
        double opticalBottom = sorted[sorted.length / 2];
        assertTrue(opticalBottom - acousticTop > 1.0, "a gap between the acoustic (≤ " + acousticTop
                + " THz) and optical (≥ " + opticalBottom + " THz) halves: " + java.util.Arrays.toString(sorted));
    }

    /**
     * Distorted and relaxed structures stay physical, and a linear model y = W g + b trained on some of them predicts
     * the PDOS of another one better than the training mean does.
     */
    @Test
    void linearModelPredictsThePdosOfAnUnseenStructure() {
        for (Labelled labelled : training) {
            PhononDos dos = labelled.dos();
            assertTrue(dos.minimumFrequency() > -0.5, "no large imaginary modes: " + dos.minimumFrequency() + " THz");
            assertTrue(max(dos.frequencies()) < 13, "frequencies stay in the InP range: " + max(dos.frequencies()));
        }
        double[][] x = new double[training.size()][];
        double[][] y = new double[training.size()][];
        for (int i = 0; i < training.size(); i++) {
            x[i] = training.get(i).gr();
            y[i] = training.get(i).dos().density();
        }
        DescriptorSpec input = DescriptorSpec.total(RDF, 3, GrKind.INHERENT, List.of("In", "P"));
        OutputSpec output = OutputSpec.spectrum(new SpectrumGrid(GRID.centre(0), GRID.binWidth(), GRID.binCount(),
                "THz", "unit area"), "1/THz");
        SprModel trained = new LinearTrainer(0, 1e-3).train(TrainingData.of(x, y, input, output));
        Path file = directory.resolve("inp-linear.sprmodel");
        ModelFile.save(trained, file);
        SprModel model = ModelFile.load(file);
        double[] predicted = model.predict(unseen.gr(), input);
        double[] label = unseen.dos().density();
        assertEquals(label.length, predicted.length);
        double[] mean = new double[label.length];
        for (double[] row : y) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / y.length;
            }
        }
        double modelError = rms(predicted, label);
        double meanError = rms(mean, label);
        assertTrue(modelError < meanError, "the model (rms " + modelError + ") beats the training mean (rms " + meanError + ")");
        double area = 0;
        for (double value : predicted) {
            area += value * GRID.binWidth();
        }
        assertEquals(1.0, area, 0.1, "the predicted PDOS keeps (about) unit area");
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double rms(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(sum / a.length);
    }
}
