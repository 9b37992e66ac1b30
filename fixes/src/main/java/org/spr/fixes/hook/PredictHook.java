package org.spr.fixes.hook;

import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.model.BoundPredictor;
import org.spr.model.ChannelDescriptor;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelFile;
import org.spr.model.Resampling;
import org.spr.model.SprModel;
import org.spr.structure.Frame;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code predict} hook: the SPR model on the current g(r), every N steps. Which g(r) the model sees follows
 * what it was trained on (its metadata), unless {@code kind} overrides it (a mismatch is warned about once):
 * <ul>
 *   <li>{@code instantaneous}: the g(r) of this step;</li>
 *   <li>{@code window-averaged}: the mean over the last {@code window} calls;</li>
 *   <li>{@code inherent}: the g(r) of a minimised copy of the configuration ({@link InherentStructure}; needs the
 *       potential commands as {@code potential=pair_style …;pair_coeff …}); the run continues untouched.</li>
 * </ul>
 * Every record carries the distance of the g(r) from the model's training set and an out-of-domain flag.
 *
 * <p>Parameters: {@code model} (file, an embedded name, {@code default} for the embedded AMC model, or {@code auto}, the
 * default: the installed model that matches the run's species, units and dimension, {@link MatchedPredictHook};
 * {@code path} and {@code species} help it), {@code kind},
 * {@code window} (10), {@code potential}, {@code units} (metal), {@code plane} (true for a 2D model: quench in
 * the plane), {@code boxrelax} ({@code fix box/relax} arguments for the inherent quench, default "x 0.0 y 0.0" in
 * the plane, "none" otherwise; the training protocols relax the cell), {@code threshold} (out-of-domain distance, 1.5),
 * {@code also} (further models on the same g(r), {@code ;}-separated files or embedded names such as
 * {@code amc-kappa}: e.g. κ, σ and the electronic DOS beside the PDOS; each must take the same g(r) as {@code model}).
 */
public final class PredictHook implements Hook {

    /** Embedded default model: linear SPR for amorphous monolayer carbon. */
    public static final String DEFAULT_MODEL = "/org/spr/inputs/models/amc-linear.sprmodel";

    /**
     * Sent once before the first prediction: the grids and units the records use.
     *
     * @param also the further models' outputs, in the order of {@link Prediction#also()}
     */
    public record Header(String model, String kind, String grKind, double[] r, double[] outputGrid, String outputName,
                         String outputUnit, String gridUnit, List<Output> also) implements Serializable {
        public Header {
            also = also == null ? List.of() : List.copyOf(also);
        }
    }

    /**
     * What a further model predicts.
     *
     * @param model    file or embedded name
     * @param kind     linear, cnn, xgboost
     * @param name     output name: a scalar's name (e.g. kappa) or "spectrum"
     * @param unit     unit of the values
     * @param grid     the spectrum's grid (empty for a scalar)
     * @param gridUnit the grid's unit (e.g. eV; empty for a scalar)
     */
    public record Output(String model, String kind, String name, String unit, double[] grid, String gridUnit)
            implements Serializable {
        /** True for a scalar output. */
        public boolean isScalar() {
            return grid.length == 0;
        }
    }

    /**
     * One prediction.
     *
     * @param also              the further models' predictions (length 1 for a scalar)
     * @param alsoDomainDistances their training-domain distances
     */
    public record Prediction(long step, double time, double temperature, double potentialEnergyPerAtom, double[] g,
                             double[] prediction, double domainDistance, boolean outOfDomain, double[][] also,
                             double[] alsoDomainDistances) implements Serializable {
        public Prediction {
            also = also == null ? new double[0][] : also;
            alsoDomainDistances = alsoDomainDistances == null ? new double[0] : alsoDomainDistances;
        }
    }

    /** A warning the host shows once. */
    public record Warning(String message) implements Serializable {
    }

    private final SprModel model;
    private final String modelName;
    private final BoundPredictor predictor;
    private final GrKind kind;
    private final double threshold;
    private final RadialDistribution distribution;
    private final InSituGr gr;
    private final InherentStructure inherent;
    private boolean warnedLostAtoms;
    private final SlidingWindow recent;
    private final String warning;
    private final List<SprModel> also;
    private final List<String> alsoNames;
    private final List<BoundPredictor> alsoPredictors;
    private final ChannelDescriptor descriptor;
    private final FrameCapture capture;
    private PairCorrelation buffer;
    private double[] lastG;
    private DistributedRadialDistribution inherentGr;
    private boolean started;

    PredictHook(SprModel model, String modelName, GrKind kind, int window, InherentStructure inherent, double threshold) {
        this(model, modelName, kind, window, inherent, threshold, List.of(), List.of());
    }

    PredictHook(SprModel model, String modelName, GrKind kind, int window, InherentStructure inherent, double threshold,
                List<SprModel> also, List<String> alsoNames) {
        this.model = model;
        this.modelName = modelName;
        this.kind = kind;
        this.recent = new SlidingWindow(window);
        this.threshold = threshold;
        this.inherent = inherent;
        DescriptorSpec spec = model.inputSpec();
        if (spec.partials()) {
            throw new IllegalArgumentException("model " + modelName + " takes partial g(r)s; the predict hook supplies the total g(r)");
        }
        this.predictor = model.bind(spec, Resampling.REFUSE);
        this.distribution = new RadialDistribution(spec.grid());
        this.gr = new InSituGr(spec.grid(), spec.dimension());
        this.descriptor = spec.isMultiChannel() ? new ChannelDescriptor(spec, Runtime.getRuntime().availableProcessors()) : null;
        this.capture = spec.isMultiChannel() ? new FrameCapture(spec.dimension(), null) : null;
        this.also = List.copyOf(also);
        this.alsoNames = List.copyOf(alsoNames);
        List<BoundPredictor> predictors = new java.util.ArrayList<>();
        for (int i = 0; i < also.size(); i++) {
            requireSameGr(spec, modelName, also.get(i), alsoNames.get(i));
            predictors.add(also.get(i).bind(spec, Resampling.REFUSE));
        }
        this.alsoPredictors = List.copyOf(predictors);
        this.warning = kind != spec.grKind() ? "model " + modelName + " was trained on " + spec.grKind().label()
                + " g(r) but the hook feeds it " + kind.label() + " g(r): predictions may be biased" : null;
    }

    @Override
    public void check(Lammps lammps) {
        DescriptorSpec spec = model.inputSpec();
        int types = lammps.setting("ntypes");
        if (!spec.species().isEmpty() && spec.species().size() != types) {
            throw new IllegalArgumentException("model " + modelName + " was trained on " + spec.species().size() + " species "
                    + spec.species() + " but this system has " + types + " atom types");
        }
        if (spec.dimension() == 3 && lammps.setting("dimension") == 2) {
            throw new IllegalArgumentException("model " + modelName + " takes 3D (bulk) g(r) but this LAMMPS system is 2D");
        }
    }

    @Override
    public void onStep(StepContext step, RecordSink sink) {
        // collective calls first, on every rank: energy, temperature, the gathered configuration
        double pe = step.potentialEnergy();
        double temperature = step.temperature();
        double[] input = model.inputSpec().isMultiChannel() ? currentChannels(step) : currentG(step);
        if (step.rank() != 0 || input == null) {
            return;  // other ranks, or a step without an inherent structure (see InherentStructure#quench)
        }
        if (!started) {
            started = true;
            DescriptorSpec spec = model.inputSpec();
            var output = model.outputSpec();
            sink.emit(new Header(modelName, model.kind().label(), kind.label(), spec.grid().centres(),
                    output.isSpectrum() ? output.grid().values() : new double[0], output.name(), output.unit(),
                    output.isSpectrum() ? output.grid().unit() : "", alsoOutputs()));
            if (warning != null) {
                sink.emit(new Warning(warning));
            }
        }
        double[] prediction = predictor.predict(input, null);
        double distance = predictor.domainDistance(input);
        double[][] alsoPredictions = new double[alsoPredictors.size()][];
        double[] alsoDistances = new double[alsoPredictors.size()];
        for (int i = 0; i < alsoPredictors.size(); i++) {
            alsoPredictions[i] = alsoPredictors.get(i).predict(input, null);
            alsoDistances[i] = alsoPredictors.get(i).domainDistance(input);
        }
        sink.emit(new Prediction(step.timestep(), step.time(), temperature, pe / step.natoms(), lastG, prediction,
                distance, org.spr.model.TrainingDomain.isOutOfDomain(distance, threshold), alsoPredictions, alsoDistances));
    }

    private List<Output> alsoOutputs() {
        List<Output> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < also.size(); i++) {
            outputs.add(output(alsoNames.get(i), also.get(i)));
        }
        return outputs;
    }

    /** What a further model predicts, for the {@link Header}. */
    public static Output output(String name, SprModel model) {
        var output = model.outputSpec();
        return new Output(name, model.kind().label(), output.name(), output.unit(),
                output.isSpectrum() ? output.grid().values() : new double[0], output.isSpectrum() ? output.grid().unit() : "");
    }

    /**
     * Refuses a further model that does not take the g(r) of {@code spec} (grid, dimension, species, total g(r)): one
     * g(r) per step serves every model of a hook.
     */
    public static void requireSameGr(DescriptorSpec spec, String modelName, SprModel other, String otherName) {
        DescriptorSpec input = other.inputSpec();
        if (!input.grid().equals(spec.grid()) || input.dimension() != spec.dimension() || input.partials()
                || !input.species().equals(spec.species()) || !input.channelKinds().equals(spec.channelKinds())
                || input.logScaled() != spec.logScaled() || input.adfCutoff() != spec.adfCutoff()) {
            throw new IllegalArgumentException("model " + otherName + " takes " + input + " but " + modelName
                    + " takes " + spec + "; models in one predict hook must take the same g(r)");
        }
    }

    private double[] currentG(StepContext step) {
        double[] total;
        if (kind == GrKind.INHERENT && gr.mpi(step) != null) {
            // under MPI: the copy is made from each rank's own atoms and binned where they lie (no gather)
            Lammps lammps = step.lammps();
            int dimension = model.inputSpec().dimension();
            Lammps minimised = inherent.quenchDistributed(lammps, gr.mpi(step), step.positions(), step.types(),
                    lammps.localIds(), step.nlocal());
            if (inherentGr == null) {
                inherentGr = new DistributedRadialDistribution(model.inputSpec().grid());
            }
            buffer = inherentGr.compute(gr.mpi(step), minimised.positionsView(), minimised.typesView(), minimised.nlocal(),
                    step.typeCount(), FrameCapture.box(minimised.box(), dimension), dimension, null, buffer);
            if (step.rank() != 0) {
                return null;
            }
            total = buffer.total().clone();
        } else if (kind == GrKind.INHERENT) {
            Frame frame = inherentFrame(step);
            if (frame == null || step.rank() != 0) {
                return null;
            }
            buffer = distribution.compute(frame, buffer);
            total = buffer.total().clone();
        } else {
            PairCorrelation result = gr.compute(step);
            if (result == null || step.rank() != 0) {
                return null;
            }
            total = result.total().clone();
        }
        lastG = kind == GrKind.WINDOW_AVERAGED ? recent.add(total) : total;
        return lastG;
    }

    /**
     * The inherent structure of this step: the whole system gathered (on every rank), minimised on a copy by
     * {@link InherentStructure}, as a frame in the minimised box with the model's g(r) dimension.
     */
    private Frame inherentFrame(StepContext step) {
        Lammps lammps = step.lammps();
        int[] types = lammps.gatherInts("type", 1);
        double[] positions = lammps.gatherPositions();
        Frame captured = new Frame(positions, types, step.typeCount(), null, null, null,
                FrameCapture.box(step.box(), step.dimension()), model.inputSpec().dimension(), step.timestep());
        double[] minimised = inherent.quench(captured, lammps);
        if (minimised == null) {
            if (!warnedLostAtoms) {
                warnedLostAtoms = true;
                System.err.println("predict: the inherent structure of step " + step.timestep() + " lost atoms in its"
                        + " minimisation (a configuration far from any minimum); no prediction at such steps, the run goes on");
            }
            return null;
        }
        return new Frame(minimised, types, step.typeCount(), null, null, null,
                FrameCapture.box(inherent.box(), step.dimension()), captured.dimension(), step.timestep());
    }

    /**
     * A multi-channel model's input of this step, computed by {@link ChannelDescriptor} from the frame (gathered under
     * MPI) exactly as in training and post-processing; window averaging averages the linear channels before the log
     * scaling; {@link #lastG} receives the first channel's linear values (the g(r) the monitor plots).
     */
    private double[] currentChannels(StepContext step) {
        Frame frame;
        if (kind == GrKind.INHERENT) {
            frame = inherentFrame(step);
        } else {
            frame = capture.capture(step);
        }
        if (frame == null || step.rank() != 0) {
            return null;
        }
        double[] raw = descriptor.raw(frame, null);
        double[] linear = kind == GrKind.WINDOW_AVERAGED ? recent.add(raw) : raw;
        lastG = java.util.Arrays.copyOf(linear, model.inputSpec().grid().bins());
        return descriptor.finish(linear.clone());
    }

    /** Folder of the embedded models in the inputs module. */
    public static final String EMBEDDED_MODELS = "/org/spr/inputs/models/";

    /**
     * Loads a model: "default" is the embedded AMC PDOS model; a name of an embedded model (e.g. {@code amc-kappa},
     * {@code amc-sigma}, {@code amc-edos}: {@code EMBEDDED_MODELS + name + ".sprmodel"}) that one; else a file path.
     */
    public static SprModel loadModel(String location) {
        if (location == null || location.equals("default")) {
            return ModelFile.loadResource(DEFAULT_MODEL);
        }
        if (location.matches("[a-z0-9-]+") && PredictHook.class.getResource(EMBEDDED_MODELS + location + ".sprmodel") != null
                && !java.nio.file.Files.exists(Path.of(location))) {
            return ModelFile.loadResource(EMBEDDED_MODELS + location + ".sprmodel");
        }
        return ModelFile.load(Path.of(location));
    }

    /** Makes the hook from its parameters (see the factory's parameter help). */
    static Hook create(Map<String, String> parameters) {
        RdfHook.allowOnly("predict", parameters, Set.of("model", "kind", "window", "potential", "units", "plane", "boxrelax",
                "threshold", "also", "path", "species"));
        double threshold = RdfHook.number(parameters, "threshold", 1.5);
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("hook 'predict': threshold must be a positive out-of-domain distance, got " + threshold);
        }
        double window = RdfHook.number(parameters, "window", 10);
        if (!(window >= 1) || window != Math.rint(window) || window > 1e6) {
            throw new IllegalArgumentException("hook 'predict': window must be a whole number of frames ≥ 1, got " + parameters.get("window"));
        }
        String location = parameters.getOrDefault("model", "auto");
        if (location.equals("auto")) {
            return new MatchedPredictHook(parameters);
        }
        SprModel model = loadModel(location);
        GrKind kind = parameters.containsKey("kind") && !parameters.get("kind").equals("auto")
                ? GrKind.parse(parameters.get("kind")) : model.inputSpec().grKind();
        InherentStructure inherent = null;
        if (kind == GrKind.INHERENT) {
            String potential = parameters.get("potential");
            if (potential == null || potential.isBlank()) {
                throw new IllegalArgumentException("hook 'predict' with " + location + " needs inherent structures: give the "
                        + "potential as potential=pair_style …;pair_coeff … (or kind=instantaneous to skip the minimisation)");
            }
            boolean plane = Boolean.parseBoolean(parameters.getOrDefault("plane",
                    Boolean.toString(model.inputSpec().dimension() == 2)));
            String relax = parameters.getOrDefault("boxrelax", plane ? "x 0.0 y 0.0" : "none");
            inherent = new InherentStructure(parameters.getOrDefault("units", "metal"),
                    Arrays.stream(potential.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(), plane, 1000,
                    relax.equals("none") ? null : relax);
        }
        List<String> alsoNames = Arrays.stream(parameters.getOrDefault("also", "").split(";")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        List<SprModel> also = alsoNames.stream().map(PredictHook::loadModel).toList();
        return new PredictHook(model, location, kind, (int) window, inherent, threshold, also, alsoNames);
    }

    /** Factory for {@code predict}. */
    public static final class Factory extends NamedHookFactory {
        public Factory() {
            super("predict", "SPR predictions on the current g(r) (OUT/<fix>/: timeseries.csv, spectra.csv, plots)", PredictHook::create,
                    "model=auto    the installed PDOS model fitting the run's species, units, dimension (spr models),",
                    "              or a .sprmodel file, an embedded name (amc-linear, amc-kappa, amc-edos)",
                    "path=DIR;…    auto: model folders searched first (set from --model-path)",
                    "species=A,B   auto: species of types 1…n (default: from the masses; LJ in lj units)",
                    "kind=auto     g(r) fed to it: instantaneous, window-averaged, inherent (default: as trained)",
                    "window=10     window-averaged: number of calls averaged",
                    "potential=…   inherent: 'pair_style …;pair_coeff …' (default: read from the script)",
                    "units=metal   inherent: LAMMPS units of the minimised copy (auto: the run's)",
                    "plane=auto    inherent: minimise in the plane (default: true for 2D models)",
                    "boxrelax=…    inherent: fix box/relax args (default 'x 0.0 y 0.0' in the plane, else none)",
                    "threshold=1.5 training-domain distance above which a prediction is flagged",
                    "also=M;M…     further models on the same g(r) (files or embedded names, e.g. amc-kappa)");
        }
    }

    /** The potential commands of the AMC protocol, for {@code potential=}. */
    public static String amcPotential(String potentialFile) {
        return String.join(";", List.of("pair_style tersoff", "pair_coeff * * " + potentialFile + " C"));
    }
}
