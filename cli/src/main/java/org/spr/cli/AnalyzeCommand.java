package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.fixes.monitor.MonitorOutput;
import org.spr.io.FrameSelection;
import org.spr.io.GrInput;
import org.spr.io.StructureGrReader;
import org.spr.io.OutputGuard;

import org.spr.fixes.hook.PredictHook;
import org.spr.model.BoundPredictor;
import org.spr.model.GrKind;
import org.spr.model.ModelCatalog;
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
                "Without --model, the installed phonon DOS model whose species, units and g(r) dimension fit the",
                "frames is used (spr models lists them); with none, spr analyze stops naming the nearest (exit 4).",
                "",
                "  spr analyze quench.lammpstrj.gz --every 10 --out analysis",
                "  spr analyze run.dump --model my-model.sprmodel --frames 100:200",
                "  spr analyze quench.lammpstrj.gz --also amc-kappa,amc-edos --out analysis   (κ and electronic DOS too)"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    FrameOptions frameOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "trajectories or structures, read in order")
    List<Path> files;

    @Option(names = "--model", defaultValue = "auto", description = "model file, an embedded name, or auto: the installed "
            + "phonon DOS model that fits the frames' species, --units and dimension (spr models); default ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--model-path", paramLabel = "DIR", description = "auto: folders (or model files) searched first")
    List<Path> modelPath = new java.util.ArrayList<>();

    @Option(names = "--units", defaultValue = "metal", description = "auto: units of the frames, metal or lj; default ${DEFAULT-VALUE}")
    String units;

    @Option(names = "--species", split = ",", paramLabel = "A[,B…]", description = "auto: species of types 1…n when the "
            + "files name none (default: from their masses)")
    List<String> species;

    @Option(names = "--also", split = ",", paramLabel = "M[,M…]",
            description = "further models on the same g(r) (files or embedded names such as amc-kappa, amc-edos): scalars "
                    + "become timeseries.csv columns, spectra rows of spectra.csv")
    List<String> also = List.of();

    @Option(names = "--threshold", defaultValue = "1.5", description = "out-of-domain distance; default ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--out", defaultValue = "analysis", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    /** What the first frame of {@code file} needs from a model: species, units, and 2D for a slab in a 3D box. */
    private ModelCatalog.Need need(Path file) {
        if (!units.equals("metal") && !units.equals("lj")) {
            throw new SprException(ExitCode.USAGE, "--units must be metal or lj, got '" + units + "'");
        }
        org.spr.structure.Frame frame;
        try (org.spr.io.FrameReader reader = org.spr.io.FrameReader.open(file)) {
            if (!reader.hasNext()) {
                throw new SprException(ExitCode.BAD_INPUT, file + " holds no frame");
            }
            frame = reader.next();
        }
        List<String> names = new java.util.ArrayList<>();
        for (int t = 1; t <= frame.typeCount(); t++) {
            String name = species != null && species.size() >= t ? species.get(t - 1)
                    : units.equals("lj") ? (t == 1 ? "LJ" : "LJ" + t)
                    : frame.speciesNames() != null && frame.speciesNames()[t - 1] != null ? frame.speciesNames()[t - 1]
                    : frame.masses() != null ? org.spr.system.Elements.byMass(frame.masses()[t - 1]) : null;
            names.add(name == null ? "type" + t : name);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[] x = frame.positions();
        for (int i = 2; i < 3 * frame.atomCount(); i += 3) {
            low = Math.min(low, x[i]);
            high = Math.max(high, x[i]);
        }
        double height = frame.box().lz();
        return new ModelCatalog.Need(names, units, high - low < 0.25 * height ? 2 : 3);
    }

    @Override
    public Integer call() throws Exception {
        OutputGuard guard = OutputGuard.inputs().addAll("FILE", files);
        if (!"default".equals(model) && !"auto".equals(model)) {
            guard.add("--model", Path.of(model));
        }
        guard.checkOutputDirectory("--out", out);
        return OutputGuard.writeLocked("--out", out, true, this::execute);
    }

    private Integer execute() throws Exception {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw SprException.usage("--threshold must be a positive out-of-domain distance, got " + threshold);
        }
        if (model.equals("auto")) {
            ModelCatalog.Installed chosen = ModelCatalog.choose(ModelCatalog.scan(modelPath), need(files.get(0)), modelPath);
            System.out.println("model: " + chosen.name() + " (" + chosen.describe() + "; " + (chosen.origin().equals("embedded")
                    ? "embedded" : chosen.location()) + ")");
            model = chosen.location();
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
