package org.spr.generate;

import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.dataset.ScalarLabel;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.electronic.ElectronicLabel;
import org.spr.fixes.hook.FrameCapture;
import org.spr.label.FrequencyGrid;
import org.spr.label.HessianAssembler;
import org.spr.label.VibrationalLabel;
import org.spr.label.VibrationalLabels;
import org.spr.label.PhononDos;
import org.spr.protocol.Protocol;
import org.spr.protocol.ProtocolResult;
import org.spr.report.CsvLog;
import org.spr.io.LammpsDataWriter;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.LammpsException;
import org.spr.lammps.WorkerDiedException;
import org.spr.model.SpectrumGrid;
import org.spr.structure.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes a labelled dataset: for each structure index k of a shard, protocol (seed = first seed + k) → minimised
 * structure → Hessian phonon DOS → g(r) → one dataset row, plus the structure as a compressed LAMMPS data file.
 *
 * <p>Safe to kill: rows are appended and flushed one by one; a rerun resumes, skipping ids already written and ids
 * recorded as failed ({@code NAME.failed.csv}: a structure whose minimisation did not converge or that lost atoms is
 * recorded there with its reason, never silently dropped). A structure whose worker process was killed (kill -9, the
 * out-of-memory killer) has not failed: it is made again in a new worker, in this run and later ones, and recorded as
 * failed only after {@link #MAX_WORKER_DEATHS} deaths ({@code NAME.worker-deaths.csv} logs each). Shard i of N takes the indices k ≡ i (mod N); merging
 * the shards ({@link org.spr.dataset.DatasetMerger}) gives the rows of a serial run. Each job runs LAMMPS in its own
 * isolated worker; a LAMMPS error fails that structure only.
 */
public final class DatasetGenerator {

    /**
     * @param recipe       the system
     * @param count        structures in the whole dataset (all shards)
     * @param firstSeed    seed of structure 0
     * @param shardIndex   this shard, 0 ≤ i &lt; N
     * @param shardCount   N
     * @param jobs         parallel LAMMPS workers
     * @param csv          dataset file (created or resumed)
     * @param structures   directory for data files, or null to skip them
     * @param displacement Hessian finite-difference displacement
     * @param labels       labels beside the phonon DOS (which is always the spectrum): e.g. {@link Label#KAPPA}
     */
    public record Options(SystemRecipe recipe, int count, long firstSeed, int shardIndex, int shardCount, int jobs,
                          Path csv, Path structures, double displacement, Set<Label> labels) {
        public Options {
            labels = labels == null ? Set.of() : Set.copyOf(labels);
            for (Label label : labels) {
                label.requireApplicable(recipe);
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
                throw new IllegalArgumentException("shard must be i/N with 0 ≤ i < N, got " + shardIndex + "/" + shardCount);
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
            }
            if (!(displacement > 0)) {
                throw new IllegalArgumentException("displacement must be positive, got " + displacement);
            }
        }

        public static Options defaults(SystemRecipe recipe, int count, Path csv) {
            return new Options(recipe, count, 1, 0, 1, 1, csv, null, HessianAssembler.DEFAULT_DISPLACEMENT, Set.of());
        }

        /** The same options with these labels. */
        public Options withLabels(Set<Label> newLabels) {
            return new Options(recipe, count, firstSeed, shardIndex, shardCount, jobs, csv, structures, displacement, newLabels);
        }
    }

    /** What happened to one structure, for progress display and the timing log. */
    public record StructureReport(String id, boolean written, String problem, int atoms, double protocolSeconds,
                                  double forceSeconds, double eigensolverSeconds, double descriptorSeconds,
                                  double labelSeconds) {
    }

    /** Totals of a run. */
    public record Outcome(int written, int alreadyPresent, int failed) {
    }

    /** Receives a report per structure (from worker threads). */
    @FunctionalInterface
    public interface Listener {
        void structureDone(StructureReport report);
    }

    /** Attempts of a structure whose worker process dies (all runs together) before it is recorded as failed. */
    public static final int MAX_WORKER_DEATHS = 3;

    private final Options options;

    public DatasetGenerator(Options options) {
        this.options = options;
    }

    /** Ids of this shard, in order. */
    public List<Long> seedsOfShard() {
        List<Long> seeds = new ArrayList<>();
        for (int k = options.shardIndex(); k < options.count(); k += options.shardCount()) {
            seeds.add(options.firstSeed() + k);
        }
        return seeds;
    }

    /** The row id of a seed, e.g. amc-000042. */
    public String id(long seed) {
        return options.recipe().system().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, "-%06d", seed);
    }

    /** The dataset metadata this recipe writes. */
    public DatasetMetadata metadata(int lammpsVersion) {
        FrequencyGrid grid = options.recipe().phononDos().grid();
        SpectrumGrid spectrum = new SpectrumGrid(grid.centre(0), grid.binWidth(), grid.binCount(),
                options.recipe().phononDos().unit().name().equals("METAL_THZ") ? "THz" : "reduced", "unit area");
        List<ScalarLabel> scalars = new ArrayList<>();
        for (Label label : Label.values()) {
            if (options.labels().contains(label)) {
                scalars.addAll(label.scalars());
            }
        }
        boolean electronicSpectrum = options.labels().contains(Label.EDOS);
        return DatasetMetadata.create(options.recipe().descriptor(), electronicSpectrum ? Label.electronicGrid() : spectrum,
                electronicSpectrum ? Label.ELECTRONIC_DOS_UNIT : "1/" + spectrum.unit(), scalars,
                options.recipe().parameterNames(), options.recipe().units(), protocolText(),
                Map.of("lammps", Integer.toString(lammpsVersion)));
    }

    /** The sidecar's protocol text: the protocol name, then the recipe's conventions as "name: text" items. */
    private String protocolText() {
        StringBuilder text = new StringBuilder(options.recipe().protocolForSeed().apply(0).name());
        new java.util.TreeMap<>(options.recipe().conventions()).forEach((name, value) ->
                text.append("; ").append(name).append(": ").append(value));
        return text.toString();
    }

    /** Seeds still to do (neither written nor recorded as failed). */
    public List<Long> remaining(Set<String> written) {
        Set<String> failed = failedIds();
        List<Long> todo = new ArrayList<>();
        for (long seed : seedsOfShard()) {
            String id = id(seed);
            if (!written.contains(id) && !failed.contains(id)) {
                todo.add(seed);
            }
        }
        return todo;
    }

    public Outcome run(int lammpsVersion, Listener listener) throws InterruptedException {
        try (DatasetWriter writer = DatasetWriter.open(options.csv(), metadata(lammpsVersion))) {
            writer.requireSystem(options.recipe().system());
            List<Long> todo = remaining(writer.existingIds());
            int alreadyPresent = seedsOfShard().size() - todo.size();
            ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(todo);
            ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
                Thread thread = new Thread(r, "spr-generate");
                thread.setDaemon(true);
                return thread;
            });
            int[] counts = new int[2];
            List<Future<?>> futures = new ArrayList<>();
            for (int j = 0; j < options.jobs(); j++) {
                futures.add(pool.submit(() -> work(queue, writer, listener, counts)));
            }
            pool.shutdown();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("dataset generation failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return new Outcome(counts[0], alreadyPresent, counts[1]);
        }
    }

    private void work(ConcurrentLinkedQueue<Long> queue, DatasetWriter writer, Listener listener, int[] counts) {
        IsolatedEngine engine = null;
        try {
            Long seed;
            while ((seed = queue.poll()) != null) {
                StructureReport report;
                try {
                    if (engine == null || !engine.isAlive()) {
                        engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), null, null);
                    }
                    try {
                        report = make(engine, seed, writer);
                    } catch (WorkerDiedException e) {
                        throw e;
                    } catch (LammpsException e) {
                        report = new StructureReport(id(seed), false, "LAMMPS: " + e.getMessage(), 0, 0, 0, 0, 0, 0);
                    }
                } catch (WorkerDiedException e) {
                    // not the structure's fault (kill -9, the OOM killer): retry in a new worker, a bounded number of times
                    int deaths = recordWorkerDeath(id(seed), e);
                    if (deaths < MAX_WORKER_DEATHS) {
                        queue.add(seed);
                        continue;
                    }
                    report = new StructureReport(id(seed), false, "the LAMMPS worker process died " + deaths
                            + " times while making it (last: exit code " + e.exitCode() + "; killed by the out-of-memory killer?)",
                            0, 0, 0, 0, 0, 0);
                }
                synchronized (counts) {
                    counts[report.written() ? 0 : 1]++;
                    if (!report.written()) {
                        recordFailure(report);
                    }
                    recordTiming(report);
                }
                listener.structureDone(report);
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    private StructureReport make(IsolatedEngine engine, long seed, DatasetWriter writer) {
        String id = id(seed);
        Protocol protocol = options.recipe().protocolForSeed().apply(seed);
        engine.command("clear");
        long start = System.nanoTime();
        ProtocolResult structure = engine.call(protocol);
        double protocolSeconds = (System.nanoTime() - start) * 1e-9;
        if (!structure.usable()) {
            return new StructureReport(id, false, structure.problem(), structure.atoms(), protocolSeconds, 0, 0, 0, 0);
        }
        boolean kappa = options.labels().contains(Label.KAPPA);
        VibrationalLabels vibrations = engine.call(new VibrationalLabel(options.recipe().phononDos(), options.displacement(),
                kappa ? Label.allenFeldman(options.recipe()) : null));
        PhononDos dos = vibrations.phononDos();
        Map<String, Double> scalars = new LinkedHashMap<>();
        if (kappa) {
            // outside Allen–Feldman's validity (no plateau in η: crystalline) the label is not a number, never a wrong one
            scalars.put("kappa", vibrations.allenFeldman().withinValidity(0) ? vibrations.allenFeldman().conductivity()[0] : Double.NaN);
        }
        start = System.nanoTime();
        Frame frame = frame(structure);
        RadialDistribution distribution = new RadialDistribution(options.recipe().descriptor().grid(), 1);
        PairCorrelation correlation = distribution.compute(frame);
        double descriptorSeconds = (System.nanoTime() - start) * 1e-9;
        Map<String, String> parameters = new LinkedHashMap<>();
        protocol.parameters().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        structure.diagnostics().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        parameters.put("imaginary_modes", Integer.toString(dos.imaginaryModeCount()));
        parameters.put("pdos_weight_outside_grid", Double.toString(1.0 - dos.fractionInsideGrid()));
        for (String name : options.recipe().parameterNames()) {
            parameters.putIfAbsent(name, "");  // not applicable to this row's protocol (mixed-protocol datasets)
        }
        if (options.structures() != null) {
            LammpsDataWriter.write(frame, id + " " + protocol.name() + " " + parameters, options.structures().resolve(id + ".data.gz"));
        }
        start = System.nanoTime();
        ElectronicLabel electronic = Label.electronic(frame, options.labels());
        double[] spectrum = dos.density();
        if (electronic != null) {
            Label.putElectronic(electronic, options.labels(), scalars);
            if (options.labels().contains(Label.EDOS)) {
                spectrum = electronic.density();
            }
        }
        double electronicSeconds = (System.nanoTime() - start) * 1e-9;
        writer.append(new DatasetRow(id, options.recipe().system(), protocol.name(), seed, structure.atoms(),
                structure.energyPerAtom(), parameters, correlation.total(), spectrum, scalars));
        return new StructureReport(id, true, dos.imaginaryModeCount() > 0 ? dos.imaginaryModeCount() + " imaginary modes" : null,
                structure.atoms(), protocolSeconds, dos.timings().forceConstantSeconds(), dos.timings().eigensolverSeconds(),
                descriptorSeconds, vibrations.thermalSeconds() + electronicSeconds);
    }

    /** The protocol's structure as a frame with the recipe's dimension, species and masses. */
    public Frame frame(ProtocolResult structure) {
        int typeCount = structure.masses().length - 1;
        double[] masses = new double[typeCount];
        System.arraycopy(structure.masses(), 1, masses, 0, typeCount);
        String[] species = new String[typeCount];
        for (int t = 0; t < typeCount; t++) {
            species[t] = structure.species() != null && structure.species().length > t + 1 && structure.species()[t + 1] != null
                    ? structure.species()[t + 1] : "type" + (t + 1);
        }
        int dimension = options.recipe().descriptor().dimension();
        return new Frame(structure.positions(), structure.types(), typeCount, species, masses, null,
                FrameCapture.box(structure.box(), dimension), dimension, 0);
    }

    private Path failedFile() {
        return options.csv().resolveSibling(options.csv().getFileName().toString().replaceFirst("\\.csv$", "") + ".failed.csv");
    }

    /** The log of worker deaths ({@code NAME.worker-deaths.csv}): id, exit code, time. */
    private Path workerDeathFile() {
        return options.csv().resolveSibling(options.csv().getFileName().toString().replaceFirst("\\.csv$", "") + ".worker-deaths.csv");
    }

    /** Logs a worker death while making {@code id}; returns how many times that happened to it, this run and before. */
    private synchronized int recordWorkerDeath(String id, WorkerDiedException e) {
        CsvLog.appendRecord(workerDeathFile(), List.of("id", "exit_code", "time"), List.of(id, e.exitCode(), java.time.Instant.now()));
        return workerDeaths().getOrDefault(id, 0);
    }

    private Map<String, Integer> workerDeaths() {
        Map<String, Integer> deaths = new java.util.HashMap<>();
        for (String line : readLines(workerDeathFile())) {
            int comma = line.indexOf(',');
            if (comma > 0 && !line.startsWith("id,")) {
                deaths.merge(line.substring(0, comma), 1, Integer::sum);
            }
        }
        return deaths;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path timingFile() {
        return options.csv().resolveSibling(options.csv().getFileName().toString().replaceFirst("\\.csv$", "") + ".timings.csv");
    }

    /**
     * Ids recorded as failed for a reason of their own. Lines left by versions that recorded a killed worker as a
     * failure ("worker process ended unexpectedly (exit code 137…") do not count: those structures are made again.
     */
    private Set<String> failedIds() {
        Set<String> ids = new HashSet<>();
        for (String line : readLines(failedFile())) {
            int comma = line.indexOf(',');
            if (comma > 0 && !line.startsWith("id,") && !KILLED_WORKER.matcher(line).find()) {
                ids.add(line.substring(0, comma));
            }
        }
        return ids;
    }

    private static final java.util.regex.Pattern KILLED_WORKER =
            java.util.regex.Pattern.compile("worker process ended unexpectedly \\(exit code (129|1[3-9][0-9]|2[0-5][0-9])\\)");

    private void recordFailure(StructureReport report) {
        CsvLog.appendRecord(failedFile(), List.of("id", "reason"), List.of(report.id(), String.valueOf(report.problem())));
    }

    private void recordTiming(StructureReport report) {
        CsvLog.appendRecord(timingFile(), List.of("id", "written", "atoms", "protocol_s", "force_evaluations_s", "eigensolver_s",
                        "descriptor_s", "labels_s"),
                List.of(report.id(), report.written(), report.atoms(), String.format(Locale.ROOT, "%.3f", report.protocolSeconds()),
                        String.format(Locale.ROOT, "%.3f", report.forceSeconds()), String.format(Locale.ROOT, "%.3f", report.eigensolverSeconds()),
                        String.format(Locale.ROOT, "%.4f", report.descriptorSeconds()), String.format(Locale.ROOT, "%.3f", report.labelSeconds())));
    }
}
