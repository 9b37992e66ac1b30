package org.spr.cli;

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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.spr.dataset.DatasetColumns;
import org.spr.dataset.DatasetMetadata;
import org.spr.dataset.DatasetRow;
import org.spr.dataset.DatasetWriter;
import org.spr.dataset.LabelManifest;
import org.spr.dataset.ScalarLabel;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spr import}: a dataset from labels computed elsewhere (DFT). Reads a label table ({@link LabelManifest}): per row
 * a structure file, optionally its VASP DOSCAR, and numeric labels. Writes one dataset row per structure: the g(r) of
 * the structure (last frame of a trajectory) on the chosen grid, the total electronic DOS per atom on a window of
 * E − E_F (when the table has a {@code doscar} column; a row without a DOSCAR gets NaN, "not computed") and the labels
 * as scalars {@code s_<name>}. The g(r) kind defaults to {@code inherent}: DFT structures are usually relaxed. The
 * dataset (CSV + JSON sidecar) is written beside the final name and renamed when complete; an existing one is replaced.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Make a dataset from DFT labels: structures, electronic DOS (VASP DOSCAR) and scalar labels.",
            "",
            "LABELS.csv has one row per structure. Column 'structure' (required) names the structure file, relative to",
            "the table's directory: POSCAR/CONTCAR, LAMMPS data or dump, extended XYZ (format from the file name, else",
            "the content, or --format; a trajectory gives its last frame). Column 'doscar' (optional) names its VASP",
            "DOSCAR (ISPIN 1 or 2; spins summed). Column 'id' (optional) names the row (default: the structure cell).",
            "Every other column is a numeric label with header name[unit]; an empty cell means 'not computed'.",
            "",
            "Example LABELS.csv:",
            "  structure,doscar,sigma[S/m],kappa[W/(m K)]",
            "  run1/CONTCAR,run1/DOSCAR,1.2e4,1.10",
            "  run2/CONTCAR,run2/DOSCAR,,0.95",
            "  run3/CONTCAR,,3.5e3,0.87",
            "",
            "Each row gets the g(r) of its structure (columns g_<r>; normalised as 'spr rdf'), the total DOS per atom",
            "(states/eV/atom) averaged over bins of width --de centred on E - E_F = FROM, FROM+DE, ..., TO eV (columns",
            "y_<E - E_F>; the window must lie inside every DOSCAR's energy range), and the labels (columns s_<name>).",
            "The g(r) is recorded as 'inherent' (relaxed structures) unless --gr-kind says otherwise.",
            "",
            "Examples:",
            "  spr import labels.csv --out data/dft/dft.csv",
            "  spr import labels.csv --window=-5:5 --de 0.1 --rmax 10 --out dft.csv",
            "  spr train --data dft.csv --kind linear --target spectrum --out dos.sprmodel",
            "  spr train --data dft.csv --kind xgboost --target s_sigma --log10 --out sigma.sprmodel"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:dataset written", "2:bad usage or parameter",
            "3:label table, structure or DOSCAR missing, unreadable, malformed or inconsistent"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LABELS.csv", description = "the label table (see above)")
    Path manifestFile;

    @Option(names = "--out", required = true, paramLabel = "D.csv", description = "dataset CSV to write, its .json sidecar beside it (written under a temporary name, then renamed; an existing one is replaced)")
    Path out;

    @Option(names = "--window", defaultValue = "-3:3", paramLabel = "FROM:TO",
            description = "DOS window, E - E_F in eV: the first and last bin centre (default: ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--de", defaultValue = "0.05", paramLabel = "DE", description = "DOS bin width in eV (default: ${DEFAULT-VALUE})")
    double de;

    @Option(names = "--rmax", defaultValue = "8.0", paramLabel = "R", description = "g(r): upper edge of the last bin in Å (default: ${DEFAULT-VALUE})")
    double rMax;

    @Option(names = "--dr", defaultValue = "0.02", paramLabel = "D", description = "g(r): bin width in Å (default: ${DEFAULT-VALUE})")
    double dr;

    @Option(names = {"--dim", "--dimension"}, defaultValue = "3", paramLabel = "2|3",
            description = "g(r): 3 for bulk (volume normalisation), 2 for monolayers (in-plane area); default ${DEFAULT-VALUE}")
    int dimension;

    @Option(names = "--partials", description = "g(r): all partials g_ab (species in the first structure's order) instead of the total")
    boolean partials;

    @Option(names = "--gr-kind", defaultValue = "inherent", paramLabel = "KIND",
            description = "recorded g(r) kind: inherent, instantaneous or window-averaged (default: ${DEFAULT-VALUE})")
    String grKind;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "structure format: auto, poscar, data, dump or extxyz (default: ${DEFAULT-VALUE}: from the file name, else the content)")
    String format;

    @Option(names = "--system", paramLabel = "NAME", description = "value of the dataset's system column (default: the table's file name)")
    String system;

    @Option(names = "--threads", paramLabel = "T", description = "g(r) worker threads (default: all processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() {
        return ExitCodes.run(this::importLabels);
    }

    private int importLabels() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        RadialGrid grid;
        GrKind kind;
        StructureFormat forced;
        try {
            grid = new RadialGrid(rMax, dr);
            kind = GrKind.parse(grKind);
            forced = format(format);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        if (dimension != 2 && dimension != 3) {
            throw new UserError(ExitCodes.USAGE, "--dim must be 2 or 3, got " + dimension);
        }
        if (threads < 1) {
            throw new UserError(ExitCodes.USAGE, "--threads must be at least 1, got " + threads);
        }
        LabelManifest manifest = LabelManifest.read(manifestFile);
        SpectrumGrid dosGrid = manifest.doscars() ? window(window, de) : null;
        for (LabelManifest.Entry entry : manifest.entries()) {
            requireFile(entry, entry.structure(), "structure");
            if (entry.doscar() != null) {
                requireFile(entry, entry.doscar(), "DOSCAR");
            }
        }
        String systemName = system != null ? system : manifestFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        int n = manifest.entries().size();
        if (!quiet) {
            err.printf(Locale.ROOT, "spr import: %d structures from %s, g(r) %dD %s on %s%s%s%n", n, manifestFile, dimension, kind.label(),
                    grid, partials ? " (partials)" : "", dosGrid == null ? "" : ", DOS on " + dosGrid + " relative to E_F");
            err.flush();
        }
        RadialDistribution rdf = new RadialDistribution(grid, threads);
        PairCorrelation buffer = null;
        DescriptorSpec input = null;
        Path first = null;
        List<DatasetRow> rows = new ArrayList<>(n);
        int withDos = 0;
        try (Progress progress = new Progress("structures", n, System.err, System.console() != null, quiet)) {
            for (LabelManifest.Entry entry : manifest.entries()) {
                Frame frame = lastFrame(entry, forced, err);
                if (input == null) {
                    input = new DescriptorSpec(grid, dimension, kind, Arrays.asList(frame.typeLabels()), partials, 0.0);
                    first = entry.structure();
                } else {
                    checkSpecies(entry, frame, input, first);
                }
                checkDimension(entry, frame, input, err);
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
                            throw new UserError(ExitCodes.BAD_INPUT, where(entry) + entry.doscar() + " is for " + read.atoms() + " ions but "
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
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < manifest.labels().size(); i++) {
            ScalarLabel label = manifest.labels().get(i);
            int computed = 0;
            for (LabelManifest.Entry entry : manifest.entries()) {
                computed += Double.isNaN(entry.values()[i]) ? 0 : 1;
            }
            labels.append(labels.length() == 0 ? "; labels " : ", ").append(DatasetColumns.SCALAR_PREFIX).append(label.name())
                    .append(label.unit().isEmpty() ? "" : " [" + label.unit() + "]").append(" (").append(computed).append(')');
        }
        stdout.printf(Locale.ROOT, "spr import: %d rows -> %s (+ %s)%s%s%n", rows.size(), out, DatasetColumns.sidecar(out).getFileName(),
                dosGrid == null ? "" : "; DOS [" + DoscarDensityOfStates.SPECTRUM_UNIT + "] for " + withDos, labels);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** "LABELS.csv:LINE: " for messages about one row. */
    private String where(LabelManifest.Entry entry) {
        return manifestFile + ":" + entry.line() + ": ";
    }

    private void requireFile(LabelManifest.Entry entry, Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(ExitCodes.BAD_INPUT, where(entry) + "the " + what + " file " + file
                    + (Files.exists(file) ? " is not a readable file" : " does not exist") + " (paths are relative to the table's directory)");
        }
    }

    /** The last frame of the entry's structure file (a relaxation trajectory ends with the relaxed structure). */
    private Frame lastFrame(LabelManifest.Entry entry, StructureFormat forced, PrintWriter err) {
        StructureFormat structureFormat = forced != null ? forced : StructureFormat.detect(entry.structure());
        Frame frame = null;
        int frames = 0;
        try (FrameReader reader = structureFormat.open(entry.structure(), dimension)) {
            while (reader.hasNext()) {
                frame = reader.next();
                frames++;
            }
            for (String warning : reader.warnings()) {
                err.println("spr import: warning: " + warning);
            }
        }
        if (frame == null) {
            throw new UserError(ExitCodes.BAD_INPUT, where(entry) + entry.structure() + " holds no structure");
        }
        if (frames > 1 && !quiet) {
            err.println("spr import: " + entry.structure() + ": " + frames + " frames, using the last");
        }
        return frame;
    }

    /** The same species as the first structure (any order for the total g(r), the same order for partials). */
    private void checkSpecies(LabelManifest.Entry entry, Frame frame, DescriptorSpec input, Path first) {
        List<String> species = Arrays.asList(frame.typeLabels());
        boolean same = partials ? species.equals(input.species())
                : species.size() == input.species().size() && new HashSet<>(species).equals(new HashSet<>(input.species()));
        if (!same) {
            throw new UserError(ExitCodes.BAD_INPUT, where(entry) + entry.structure() + " has species " + species + " but the first structure "
                    + first + " has " + input.species() + (partials ? " (partial g(r) channels need one order)" : "")
                    + "; a dataset holds one set of species");
        }
    }

    /**
     * Warns (does not refuse) when a structure looks like a monolayer under --dim 3 or like bulk under --dim 2: the
     * empty-gap test of {@link ModelInputs#checkDimension} misreads small DFT cells (a 2-atom bulk cell has a 75 % gap).
     */
    private void checkDimension(LabelManifest.Entry entry, Frame frame, DescriptorSpec input, PrintWriter err) {
        try {
            ModelInputs.checkDimension(frame, input, entry.structure().toString());
        } catch (ModelMismatchException e) {
            if (!quiet) {
                err.println("spr import: warning: " + where(entry) + (dimension == 3
                        ? entry.structure() + " looks like a monolayer or slab (a large empty gap along z) but --dim is 3; import monolayers with --dim 2"
                        : entry.structure() + " fills its cell along z like a bulk structure but --dim is 2; import bulk structures with --dim 3"));
            }
        }
    }

    /** The DOS grid of {@code --window FROM:TO} and {@code --de}. */
    static SpectrumGrid window(String text, double step) {
        String[] parts = text.split(":");
        double from, to;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            from = Double.parseDouble(parts[0].trim());
            to = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new UserError(ExitCodes.USAGE, "--window must be FROM:TO in eV relative to E_F, e.g. --window=-3:3, got '" + text + "'");
        }
        try {
            return DoscarDensityOfStates.window(from, to, step);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--window/--de: " + e.getMessage());
        }
    }

    /** The forced format of {@code --format}, or null for auto. */
    static StructureFormat format(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "poscar", "contcar", "vasp" -> StructureFormat.POSCAR;
            case "data", "lammps-data" -> StructureFormat.LAMMPS_DATA;
            case "dump", "lammps-dump", "lammpstrj" -> StructureFormat.LAMMPS_DUMP;
            case "extxyz", "xyz" -> StructureFormat.EXTENDED_XYZ;
            default -> throw new IllegalArgumentException("--format must be auto, poscar, data, dump or extxyz, got '" + text + "'");
        };
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
            throw new UserError(ExitCodes.BAD_INPUT, e.getMessage());
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
