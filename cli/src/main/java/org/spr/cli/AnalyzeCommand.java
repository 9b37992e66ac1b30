package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.fixes.monitor.MonitorOutput;
import org.spr.io.FrameSelection;
import org.spr.io.GrInput;
import org.spr.io.StructureGrReader;
import org.spr.io.OutputGuard;
import org.spr.io.OutputLock;

import org.spr.fixes.hook.PredictHook;
import org.spr.model.BoundPredictor;
import org.spr.model.GrKind;
import org.spr.model.Resampling;
import org.spr.model.SprModel;
import org.spr.model.TrainingDomain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code spr analyze}: the monitor's predictions over existing trajectories (post-processing). */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict spectra for every frame of existing trajectories (post-processing).",
                "", "The g(r) of every selected frame, the predicted",
                "spectrum, and its distance from the model's training set, with the same outputs as the in-situ",
                "monitor (timeseries.csv, spectra.csv, gr.png, pdos.png, properties.png).",
                "",
                "Frames are LAMMPS dumps (plain or .gz), data files, extended XYZ or POSCAR files. Frames of a",
                "trajectory are instantaneous structures: a model trained on inherent (minimised) g(r) is warned about.",
                "",
                "Examples:",
                "  spr analyze quench.lammpstrj.gz --every 10 --out analysis",
                "  spr analyze run.dump --model my-model.sprmodel --frames 100:200",
                "  spr analyze quench.lammpstrj.gz --also amc-kappa,amc-edos --out analysis   (κ and electronic DOS too)"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    FrameOptions frameOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "trajectories or structures, read in order")
    List<Path> files;

    @Option(names = "--model", defaultValue = "default", description = "model file, or 'default' for the embedded AMC model")
    String model;



    @Option(names = "--also", split = ",", paramLabel = "M[,M…]",
            description = "further models on the same g(r) (files or embedded names such as amc-kappa, amc-edos): scalars "
                    + "become timeseries.csv columns, spectra rows of spectra.csv")
    List<String> also = List.of();

    @Option(names = "--threshold", defaultValue = "1.5", description = "out-of-domain distance; default ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--out", defaultValue = "analysis", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputGuard guard = OutputGuard.inputs().addAll("FILE", files);
        if (!"default".equals(model)) {
            guard.add("--model", Path.of(model));
        }
        guard.checkOutputDirectory("--out", out);
        OutputGuard.requireWritable("--out", out, true);
        try (OutputLock lock = OutputLock.acquire(out)) {
            return execute();
        }
    }

    private Integer execute() throws Exception {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw SprException.usage("--threshold must be a positive out-of-domain distance, got " + threshold);
        }
        SprModel spr = PredictHook.loadModel(model);
        if (!spr.outputSpec().isSpectrum()) {
            throw new SprException(ExitCode.MODEL_MISMATCH, "model " + model + " predicts the scalar " + spr.outputSpec().name()
                    + "; spr analyze plots spectra (use spr predict for scalars)");
        }
        FrameSelection selection = frameOptions.selection();
        StructureGrReader reader = new StructureGrReader(selection, Runtime.getRuntime().availableProcessors());
        BoundPredictor predictor = spr.bind(spr.inputSpec(), Resampling.REFUSE);
        List<BoundPredictor> further = new java.util.ArrayList<>();
        List<PredictHook.Output> outputs = new java.util.ArrayList<>();
        for (String name : also) {
            SprModel other = PredictHook.loadModel(name);
            try {
                PredictHook.requireSameGr(spr.inputSpec(), model, other, name);
            } catch (IllegalArgumentException e) {
                throw new SprException(ExitCode.MODEL_MISMATCH, e.getMessage());
            }
            further.add(other.bind(spr.inputSpec(), Resampling.REFUSE));
            outputs.add(PredictHook.output(name, other));
        }
        Files.createDirectories(out);
        try (MonitorOutput output = new MonitorOutput(out, 0)) {
            output.accept(new PredictHook.Header(model, spr.kind().label(), GrKind.INSTANTANEOUS.label(),
                    spr.inputSpec().grid().centres(), spr.outputSpec().grid().values(), spr.outputSpec().name(),
                    spr.outputSpec().unit(), spr.outputSpec().grid().unit(), outputs));
            if (spr.inputSpec().grKind() != GrKind.INSTANTANEOUS) {
                System.out.println("warning: model " + model + " was trained on " + spr.inputSpec().grKind().label()
                        + " g(r); trajectory frames are instantaneous, so predictions may be biased");
            }
            double[] lastG = null;
            double[] lastPrediction = null;
            int count = 0;
            for (Path file : files) {
                for (GrInput input : reader.read(file, spr.inputSpec())) {
                    double[] prediction = predictor.predict(input.gr(), null);
                    double distance = predictor.domainDistance(input.gr());
                    double[][] furtherPredictions = new double[further.size()][];
                    double[] furtherDistances = new double[further.size()];
                    for (int m = 0; m < further.size(); m++) {
                        furtherPredictions[m] = further.get(m).predict(input.gr(), null);
                        furtherDistances[m] = further.get(m).domainDistance(input.gr());
                    }
                    output.accept(new PredictHook.Prediction(input.step(), Double.NaN, Double.NaN, Double.NaN, input.gr(),
                            prediction, distance, TrainingDomain.isOutOfDomain(distance, threshold), furtherPredictions,
                            furtherDistances));
                    lastG = input.gr();
                    lastPrediction = prediction;
                    count++;
                }
            }
            if (count == 0) {
                throw new SprException(ExitCode.BAD_INPUT, "no frames selected from " + files);
            }
            output.finish("last frame", lastG, lastPrediction, null);
            System.out.println("analysed " + count + " frames; wrote " + out + "/{timeseries.csv, spectra.csv, *.png}");
        }
        return ExitCodes.OK;
    }
}
