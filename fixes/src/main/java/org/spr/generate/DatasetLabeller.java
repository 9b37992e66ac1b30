package org.spr.generate;

import org.spr.dataset.Dataset;
import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.dataset.ScalarLabel;
import org.spr.electronic.ElectronicLabel;
import org.spr.label.DataFileStructure;
import org.spr.label.VibrationalLabels;
import org.spr.io.LammpsDataReader;
import org.spr.lammps.IsolatedEngine;
import org.spr.lammps.LammpsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds labels to the structures of an existing dataset: for each row, its stored structure
 * ({@code STRUCTURES/<id>.data.gz}) is labelled ({@link StoredStructureLabel} in an isolated LAMMPS worker for the
 * vibrational labels) and the row is written to a new dataset with its g(r), parameters, spectrum and scalars copied
 * and the new scalar columns appended (with {@link Label#EDOS} the electronic DOS replaces the spectrum). The
 * π tight-binding labels are computed in Java from the stored frame, no LAMMPS needed. Resumable like {@link DatasetGenerator}: ids already in the output are
 * skipped; a structure that is missing or whose labelling fails is reported and left out.
 */
public final class DatasetLabeller {

    /**
     * @param source     the dataset whose rows are labelled
     * @param structures directory of the stored structures
     * @param recipe     the system's recipe (potential, dimension, PDOS settings)
     * @param labels     labels to add
     * @param out        output dataset CSV
     * @param jobs       parallel LAMMPS workers
     * @param displacement Hessian finite-difference displacement
     */
    public record Options(Path source, Path structures, SystemRecipe recipe, Set<Label> labels, Path out, int jobs,
                          double displacement) {
        public Options {
            labels = Set.copyOf(labels);
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("name at least one label to add");
            }
            for (Label label : labels) {
                label.requireApplicable(recipe);
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
            }
            if (source.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the output dataset must differ from the source " + source);
            }
        }
    }

    /** One labelled (or failed) row. */
    public record RowReport(String id, boolean written, String problem, int atoms, double seconds) {
    }

    private final Options options;
    private final Dataset source;

    public DatasetLabeller(Options options) {
        this.options = options;
        this.source = Dataset.read(options.source());
        for (Label label : options.labels()) {
            for (ScalarLabel scalar : label.scalars()) {
                if (source.metadata().scalars().stream().anyMatch(existing -> existing.name().equals(scalar.name()))) {
                    throw new IllegalArgumentException("dataset " + options.source() + " already has the label " + scalar.name());
                }
            }
        }
    }

    /** The output dataset's metadata: the source's, with the new scalar columns. */
    public DatasetMetadata metadata() {
        DatasetMetadata metadata = source.metadata();
        List<ScalarLabel> scalars = new ArrayList<>(metadata.scalars());
        for (Label label : Label.values()) {
            if (options.labels().contains(label)) {
                scalars.addAll(label.scalars());
            }
        }
        boolean electronicSpectrum = options.labels().contains(Label.EDOS);
        return DatasetMetadata.create(metadata.input(), electronicSpectrum ? Label.electronicGrid() : metadata.spectrumGrid(),
                electronicSpectrum ? Label.ELECTRONIC_DOS_UNIT : metadata.spectrumUnit(), scalars,
                metadata.parameters(), metadata.units(), metadata.protocol(),
                metadata.software().containsKey("lammps") ? Map.of("lammps", metadata.software().get("lammps")) : Map.of());
    }

    /** Rows of the source not yet in {@code written}. */
    public List<Integer> remaining(Set<String> written) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (!written.contains(source.ids().get(i))) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** Labels the remaining rows; returns the reports in completion order. */
    public List<RowReport> run(java.util.function.Consumer<RowReport> listener) throws InterruptedException {
        List<RowReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        try (DatasetWriter writer = DatasetWriter.open(options.out(), metadata())) {
            ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(remaining(writer.existingIds()));
            ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
                Thread thread = new Thread(r, "spr-label");
                thread.setDaemon(true);
                return thread;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int j = 0; j < options.jobs(); j++) {
                futures.add(pool.submit(() -> {
                    IsolatedEngine engine = null;
                    try {
                        Integer row;
                        while ((row = queue.poll()) != null) {
                            if (options.labels().contains(Label.KAPPA) && (engine == null || !engine.isAlive())) {
                                engine = new IsolatedEngine(List.of("-log", "none", "-nocite"), null, null);
                            }
                            RowReport report = label(engine, row, writer);
                            reports.add(report);
                            listener.accept(report);
                        }
                    } finally {
                        if (engine != null) {
                            engine.close();
                        }
                    }
                }));
            }
            pool.shutdown();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("labelling failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return reports;
    }

    /**
     * The stored structure of a row: {@code <id>.data.gz}, {@code <id>.data}, else the first {@code <id>.*} file in a
     * format spr reads (POSCAR {@code .vasp}/{@code .poscar}, extended XYZ, a dump), or null.
     */
    static Path storedStructure(Path directory, String id) {
        for (String suffix : java.util.List.of(".data.gz", ".data")) {
            if (Files.exists(directory.resolve(id + suffix))) {
                return directory.resolve(id + suffix);
            }
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(id + ".")).sorted().filter(p -> {
                try {
                    org.spr.io.StructureFormat.detect(p);
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private RowReport label(IsolatedEngine engine, int index, DatasetWriter writer) {
        DatasetRow row = source.row(index);
        Path stored = storedStructure(options.structures(), row.id());
        if (stored == null) {
            return new RowReport(row.id(), false, "no stored structure " + options.structures().resolve(row.id() + ".data.gz")
                    + " (nor " + row.id() + ".* in a format spr reads)", 0, 0);
        }
        boolean converted = false;
        if (org.spr.io.StructureFormat.detect(stored) != org.spr.io.StructureFormat.LAMMPS_DATA) {
            // POSCAR, extended XYZ or a dump: its first frame as a LAMMPS data file for the labels
            try (org.spr.io.FrameReader reader = org.spr.io.StructureFormat.detect(stored).open(stored,
                    options.recipe().descriptor().dimension())) {
                Path data = Files.createTempFile("spr-label-", ".data");
                org.spr.io.LammpsDataWriter.write(reader.next(), row.id() + " from " + stored.getFileName(), data);
                stored = data;
                converted = true;
            } catch (IOException | org.spr.error.SprException e) {
                return new RowReport(row.id(), false, "cannot convert " + stored + ": " + e.getMessage(), 0, 0);
            }
        }
        long start = System.nanoTime();
        Map<String, Double> scalars = new LinkedHashMap<>(row.scalars());
        double[] spectrum = row.spectrum();
        Path plain = null;
        try {
            if (options.labels().contains(Label.KAPPA)) {
                plain = DataFileStructure.uncompressed(stored);
                VibrationalLabels labels = engine.call(new StoredStructureLabel(plain.toAbsolutePath().toString(),
                        options.recipe().potential(), options.recipe().lammpsDimension(), options.recipe().phononDos(),
                        options.displacement(), Label.allenFeldman(options.recipe())));
                scalars.put("kappa", labels.allenFeldman().withinValidity(0) ? labels.allenFeldman().conductivity()[0] : Double.NaN);
            }
            ElectronicLabel electronic = Label.electronic(LammpsDataReader.read(stored, options.recipe().descriptor().dimension()),
                    options.labels());
            if (electronic != null) {
                Label.putElectronic(electronic, options.labels(), scalars);
                if (options.labels().contains(Label.EDOS)) {
                    spectrum = electronic.density();
                }
            }
        } catch (LammpsException e) {
            return new RowReport(row.id(), false, "LAMMPS: " + e.getMessage(), row.atoms(), (System.nanoTime() - start) * 1e-9);
        } catch (IllegalArgumentException | org.spr.error.SprException e) {
            return new RowReport(row.id(), false, e.getMessage(), row.atoms(), (System.nanoTime() - start) * 1e-9);
        } finally {
            if (converted) {
                try {
                    Files.deleteIfExists(stored);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
            if (plain != null && !plain.equals(stored)) {
                try {
                    Files.deleteIfExists(plain);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
        writer.append(new DatasetRow(row.id(), row.system(), row.protocol(), row.seed(), row.atoms(), row.energyPerAtom(),
                row.parameters(), row.gr(), spectrum, scalars));
        return new RowReport(row.id(), true, null, row.atoms(), (System.nanoTime() - start) * 1e-9);
    }
}
