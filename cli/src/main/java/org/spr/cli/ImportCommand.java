package org.spr.cli;

import org.spr.io.OutputGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spr.dataset.DatasetColumns;
import org.spr.dataset.DatasetImporter;
import org.spr.dataset.ScalarLabel;
import org.spr.error.SprException;
import org.spr.io.DoscarDensityOfStates;
import org.spr.io.StructureFormat;
import org.spr.model.GrKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spr import}: a dataset from labels computed elsewhere (DFT), made by {@link DatasetImporter}. Reads a label table ({@link LabelManifest}): per row
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
            "3:label table, structure or DOSCAR missing, unreadable, malformed or inconsistent", "8:another spr process writes --out"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LABELS.csv", description = "the label table (see above)")
    Path manifestFile;

    @Option(names = "--out", required = true, paramLabel = "D.csv", description = "dataset CSV to write, its .json sidecar beside it (written under a temporary name, then renamed; an existing one is replaced)")
    Path out;

    @Mixin
    GrOptions gr;

    @Option(names = "--window", defaultValue = "-3:3", paramLabel = "FROM:TO",
            description = "DOS window, E - E_F in eV: the first and last bin centre (default: ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--de", defaultValue = "0.05", paramLabel = "DE", description = "DOS bin width in eV (default: ${DEFAULT-VALUE})")
    double de;





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
    public Integer call() throws Exception {
        OutputGuard.inputs().add("--labels", manifestFile).checkOutput("--out", out)
                .checkOutput("the sidecar of --out", DatasetColumns.sidecar(out));
        return OutputGuard.writeLocked("--out", out, false, this::importLabels);
    }

    private int importLabels() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        DatasetImporter.Settings settings;
        double[] fromTo = window(window);
        try {
            settings = new DatasetImporter.Settings(gr.grid(), gr.dimension, gr.partials, GrKind.parse(grKind), format(format),
                    fromTo[0], fromTo[1], de, system, threads, quiet);
        } catch (IllegalArgumentException e) {
            throw SprException.usage(e);
        }
        DatasetImporter.Result result = new DatasetImporter(manifestFile, out, settings, err).run();
        StringBuilder labels = new StringBuilder();
        for (Map.Entry<ScalarLabel, Integer> computed : result.computed().entrySet()) {
            ScalarLabel label = computed.getKey();
            labels.append(labels.length() == 0 ? "; labels " : ", ").append(DatasetColumns.SCALAR_PREFIX).append(label.name())
                    .append(label.unit().isEmpty() ? "" : " [" + label.unit() + "]").append(" (").append(computed.getValue()).append(')');
        }
        stdout.printf(Locale.ROOT, "spr import: %d rows -> %s (+ %s)%s%s%n", result.rows(), out, DatasetColumns.sidecar(out).getFileName(),
                result.dosGrid() == null ? "" : "; DOS [" + DoscarDensityOfStates.SPECTRUM_UNIT + "] for " + result.withDos(), labels);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** FROM and TO of {@code --window FROM:TO}. */
    static double[] window(String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new double[]{Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw SprException.usage("--window must be FROM:TO in eV relative to E_F, e.g. --window=-3:3, got '" + text + "'");
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
            default -> throw SprException.usage("--format must be auto, poscar, data, dump or extxyz, got '" + text + "'");
        };
    }
}
