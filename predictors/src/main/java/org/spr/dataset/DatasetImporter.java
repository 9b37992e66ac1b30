package org.spr.dataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.io.DoscarDensityOfStates;
import org.spr.io.FrameReader;
import org.spr.io.StructureFormat;
import org.spr.io.VaspDoscarReader;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.ModelInputs;
import org.spr.model.ModelMismatchException;
import org.spr.model.SpectrumGrid;
import org.spr.report.Progress;
import org.spr.structure.Frame;

/**
 * A dataset from labels computed elsewhere (DFT), behind {@code spr import}. Reads a label table ({@link LabelManifest}):
 * per row a structure file, optionally its VASP DOSCAR, and numeric labels. Writes one dataset row per structure: the
 * g(r) of the structure (last frame of a trajectory) on the chosen grid, the total electronic DOS per atom on a window of
 * E − E_F (when the table has a {@code doscar} column; a row without a DOSCAR gets NaN, "not computed") and the labels
 * as scalars {@code s_<name>}. The dataset (CSV + JSON sidecar) is written in a temporary directory beside the final
 * name and renamed when complete; an existing one is replaced. Problems with the table, a structure or a DOSCAR are
 * {@link SprException}s naming the table's file and line ({@link ExitCode#BAD_INPUT}); bad settings are
 * {@link ExitCode#USAGE}.
 */
public final class DatasetImporter {

    /**
     * What to compute.
     *
     * @param grid       the g(r) grid
     * @param dimension  3 for bulk (volume normalisation), 2 for monolayers (in-plane area)
     * @param partials   all partials g_ab instead of the total
     * @param grKind     the recorded g(r) kind
     * @param format     the structure format for every row, or null to detect it per file
     * @param windowFrom first DOS bin centre, E − E_F in eV
     * @param windowTo   last DOS bin centre, E − E_F in eV
     * @param de         DOS bin width in eV
     * @param system     value of the dataset's system column, or null for the table's file name
     * @param threads    g(r) worker threads
     * @param quiet      no progress output
     */
    public record Settings(RadialGrid grid, int dimension, boolean partials, GrKind grKind, StructureFormat format, double windowFrom,
                           double windowTo, double de, String system, int threads, boolean quiet) {
        public Settings {
            if (dimension != 2 && dimension != 3) {
                throw SprException.usage("--dim must be 2 or 3, got " + dimension);
            }
            if (threads < 1) {
                throw SprException.usage("--threads must be at least 1, got " + threads);
            }
        }
    }

    /**
     * What was written.
     *
     * @param rows     dataset rows
     * @param withDos  rows with an electronic DOS
     * @param dosGrid  the DOS grid, or null when the table has no {@code doscar} column
     * @param metadata the dataset's metadata (sidecar)
     * @param computed per scalar label of the table, how many rows have a value
     */
    public record Result(int rows, int withDos, SpectrumGrid dosGrid, DatasetMetadata metadata, Map<ScalarLabel, Integer> computed) {
    }

    private final Path manifestFile;
    private final Path out;
    private final Settings settings;
    private final PrintWriter err;

    /**
     * @param manifestFile the label table
     * @param out          the dataset CSV to write (its JSON sidecar beside it)
     * @param settings     what to compute
     * @param err          where progress messages and warnings go
     */
    public DatasetImporter(Path manifestFile, Path out, Settings settings, PrintWriter err) {
        this.manifestFile = manifestFile;
        this.out = out;
        this.settings = settings;
        this.err = err;
    }

    /** Reads the table, its structures and DOSCARs, and writes the dataset. */
    public Result run() throws IOException {
        RadialGrid grid = settings.grid();
        GrKind kind = settings.grKind();
        StructureFormat forced = settings.format();
        int dimension = settings.dimension();
        boolean partials = settings.partials();
        boolean quiet = settings.quiet();
        LabelManifest manifest = LabelManifest.read(manifestFile);
        SpectrumGrid dosGrid = manifest.doscars() ? window(settings.windowFrom(), settings.windowTo(), settings.de()) : null;
        org.spr.io.OutputGuard guard = org.spr.io.OutputGuard.inputs();
        for (LabelManifest.Entry entry : manifest.entries()) {
            guard.add("structure of " + manifestFile + " line " + entry.line(), entry.structure())
                    .add("DOSCAR of " + manifestFile + " line " + entry.line(), entry.doscar());
            requireFile(entry, entry.structure(), "structure");
            if (entry.doscar() != null) {
                requireFile(entry, entry.doscar(), "DOSCAR");
            }
        }
        String systemName = settings.system() != null ? settings.system()
                : manifestFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        guard.checkOutput("--out", out).checkOutput("the sidecar of --out", DatasetColumns.sidecar(out));
        int n = manifest.entries().size();
        if (!quiet) {
            err.printf(Locale.ROOT, "spr import: %d structures from %s, g(r) %dD %s on %s%s%s%n", n, manifestFile, dimension, kind.label(),
                    grid, partials ? " (partials)" : "", dosGrid == null ? "" : ", DOS on " + dosGrid + " relative to E_F");
            err.flush();
        }
        RadialDistribution rdf = new RadialDistribution(grid, settings.threads());
        PairCorrelation buffer = null;
        DescriptorSpec input = null;
        Path first = null;
        List<DatasetRow> rows = new ArrayList<>(n);
        int withDos = 0;
        try (Progress progress = new Progress("structures", n, System.err, System.console() != null, quiet)) {
            for (LabelManifest.Entry entry : manifest.entries()) {
                Frame frame = lastFrame(entry, forced);
                if (input == null) {
                    input = new DescriptorSpec(grid, dimension, kind, Arrays.asList(frame.typeLabels()), partials, 0.0);
                    first = entry.structure();
                } else {
                    checkSpecies(entry, frame, input, first);
                }
                checkDimension(entry, frame, input);
                org.spr.descriptor.RdfCost cost = org.spr.descriptor.RdfCost.of(frame, input.grid().rMax());
                if (cost.excessive(Runtime.getRuntime().maxMemory())) {
                    throw org.spr.error.SprException.usage(where(entry) + "--rmax " + input.grid().rMax() + " on the "
                            + frame.atomCount() + " atoms of " + entry.structure() + " means " + cost.describe()
                            + "; choose a smaller --rmax (spr rdf --force computes such a g(r) for one structure)");
                }
                buffer = rdf.compute(frame, buffer);
                double[] gr = ModelInputs.fromPairCorrelation(buffer, input, null);
                double[] dos = null;
                if (dosGrid != null) {
                    if (entry.doscar() == null) {
                        dos = new double[dosGrid.count()];
                        Arrays.fill(dos, Double.NaN);
                    } else {
                        DoscarDensityOfStates read = VaspDoscarReader.read(entry.doscar());
                        if (read.atoms() != frame.atomCount()) {
                            throw new SprException(ExitCode.BAD_INPUT, where(entry) + entry.doscar() + " is for " + read.atoms() + " ions but "
                                    + entry.structure() + " has " + frame.atomCount() + " atoms; is it the DOSCAR of this structure?");
                        }
                        dos = read.resample(dosGrid);
                        withDos++;
                    }
                }
                rows.add(new DatasetRow(entry.id(), systemName, "import", 0, frame.atomCount(), Double.NaN, Map.of(), gr, dos,
                        manifest.values(entry)));
                progress.step();
            }
        }
        DatasetMetadata metadata = DatasetMetadata.create(input, dosGrid, dosGrid == null ? "" : DoscarDensityOfStates.SPECTRUM_UNIT,
                manifest.labels(), List.of(), Map.of("energy_per_atom", "eV"),
                "imported by spr import from " + manifestFile.getFileName() + " (structures as given"
                        + (dosGrid == null ? "" : "; total electronic DOS per atom from VASP DOSCAR on E - E_F") + ")", Map.of());
        write(metadata, rows);
        Map<ScalarLabel, Integer> computed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < manifest.labels().size(); i++) {
            int count = 0;
            for (LabelManifest.Entry entry : manifest.entries()) {
                count += Double.isNaN(entry.values()[i]) ? 0 : 1;
            }
            computed.put(manifest.labels().get(i), count);
        }
        return new Result(rows.size(), withDos, dosGrid, metadata, computed);
    }

    /** "LABELS.csv:LINE: " for messages about one row. */
    private String where(LabelManifest.Entry entry) {
        return manifestFile + ":" + entry.line() + ": ";
    }

    private void requireFile(LabelManifest.Entry entry, Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SprException(ExitCode.BAD_INPUT, where(entry) + "the " + what + " file " + file
                    + (Files.exists(file) ? " is not a readable file" : " does not exist") + " (paths are relative to the table's directory)");
        }
    }

    /** The last frame of the entry's structure file (a relaxation trajectory ends with the relaxed structure). */
    private Frame lastFrame(LabelManifest.Entry entry, StructureFormat forced) {
        StructureFormat structureFormat = forced != null ? forced : StructureFormat.detect(entry.structure());
        Frame frame = null;
        int frames = 0;
        try (FrameReader reader = structureFormat.open(entry.structure(), settings.dimension())) {
            while (reader.hasNext()) {
                frame = reader.next();
                frames++;
            }
            for (String warning : reader.warnings()) {
                err.println("spr import: warning: " + warning);
            }
        }
        if (frame == null) {
            throw new SprException(ExitCode.BAD_INPUT, where(entry) + entry.structure() + " holds no structure");
        }
        if (frames > 1 && !settings.quiet()) {
            err.println("spr import: " + entry.structure() + ": " + frames + " frames, using the last");
        }
        return frame;
    }

    /** The same species as the first structure (any order for the total g(r), the same order for partials). */
    private void checkSpecies(LabelManifest.Entry entry, Frame frame, DescriptorSpec input, Path first) {
        List<String> species = Arrays.asList(frame.typeLabels());
        boolean same = settings.partials() ? species.equals(input.species())
                : species.size() == input.species().size() && new HashSet<>(species).equals(new HashSet<>(input.species()));
        if (!same) {
            throw new SprException(ExitCode.BAD_INPUT, where(entry) + entry.structure() + " has species " + species + " but the first structure "
                    + first + " has " + input.species() + (settings.partials() ? " (partial g(r) channels need one order)" : "")
                    + "; a dataset holds one set of species");
        }
    }

    /**
     * Warns (does not refuse) when a structure looks like a monolayer under --dim 3 or like bulk under --dim 2: the
     * empty-gap test of {@link ModelInputs#checkDimension} misreads small DFT cells (a 2-atom bulk cell has a 75 % gap).
     */
    private void checkDimension(LabelManifest.Entry entry, Frame frame, DescriptorSpec input) {
        try {
            ModelInputs.checkDimension(frame, input, entry.structure().toString());
        } catch (ModelMismatchException e) {
            if (!settings.quiet()) {
                err.println("spr import: warning: " + where(entry) + (settings.dimension() == 3
                        ? entry.structure() + " looks like a monolayer or slab (a large empty gap along z) but --dim is 3; import monolayers with --dim 2"
                        : entry.structure() + " fills its cell along z like a bulk structure but --dim is 2; import bulk structures with --dim 3"));
            }
        }
    }

    /** The DOS grid of bin centres {@code from} … {@code to} eV relative to E_F in steps of {@code step}. */
    static SpectrumGrid window(double from, double to, double step) {
        try {
            return DoscarDensityOfStates.window(from, to, step);
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.USAGE, "--window/--de: " + e.getMessage());
        }
    }

    /** Writes the dataset in a temporary directory beside {@code out}, then renames sidecar and CSV into place. */
    private void write(DatasetMetadata metadata, List<DatasetRow> rows) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            Path csv = temporary.resolve(target.getFileName());
            try (DatasetWriter writer = DatasetWriter.open(csv, metadata)) {
                for (DatasetRow row : rows) {
                    writer.append(row);
                }
            }
            move(DatasetColumns.sidecar(csv), DatasetColumns.sidecar(target));
            move(csv, target);
        } catch (IllegalArgumentException e) {
            throw new SprException(ExitCode.BAD_INPUT, e.getMessage());
        } finally {
            try (Stream<Path> left = Files.walk(temporary)) {
                for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // best effort: the temporary directory never replaces the output
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
