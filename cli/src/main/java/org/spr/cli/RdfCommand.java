package org.spr.cli;

import org.apache.commons.csv.CSVPrinter;
import org.spr.descriptor.RdfCost;
import org.spr.error.SprException;
import org.spr.io.OutputGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.descriptor.RunningAverage;
import org.spr.io.FrameReader;
import org.spr.io.InputFormatException;
import org.spr.report.CsvTables;
import org.spr.structure.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spr rdf}: the pair correlation function g(r) of every frame of one or more structure files, written as
 * CSV (r, total g, n(r), optionally the partials), per frame or averaged. Exit codes: 0 done, 2 bad usage or
 * parameters, 3 unreadable or malformed input, 1 anything else (e.g. the output cannot be written).
 */
@Command(name = "rdf",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Pair correlation function g(r) (total, partials, n(r)) of structure files and trajectories.",
            "",
            "Reads LAMMPS dumps (plain or .gz, any columns,"
                    + " orthogonal or triclinic), LAMMPS data files, extended XYZ and POSCAR/CONTCAR.",
            "Normalisation as LAMMPS compute rdf (3D) or per in-plane area (2D); bins [k dr, (k+1) dr) reported at their"
                    + " centres. The CSV holds r, the concentration-weighted total g, the running coordination number n"
                    + " (mean neighbours closer than the bin's upper edge) and, with --partials, g of every type pair."},
        footer = {"", "Examples:",
            "  spr rdf quench.lammpstrj.gz --rmax 8 --dr 0.02 --every 10 --average --out gr.csv",
            "  spr rdf graphene.data --dim 2 --partials --out gr2d.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:g(r) written", "2:bad usage or parameter", "3:input file missing, unreadable or malformed",
            "1:other failure (e.g. the output cannot be written)"})
public final class RdfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Structure files, read in order as one trajectory.")
    List<Path> files;

    @Mixin
    GrOptions gr;





    @Option(names = "--every", paramLabel = "K", description = "Use every K-th frame, starting with the first (default: ${DEFAULT-VALUE}).")
    int every = 1;

    @Option(names = "--average", description = "Write one g(r) averaged over the frames used instead of one per frame.")
    boolean average;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Compute even when the first frame's estimate (pairs within R, periodic images) says it is very expensive.")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV; written to a temporary file and renamed when complete.")
    Path out;

    @Override
    public Integer call() {
        OutputGuard.inputs().addAll("FILE", files).checkOutput("--out", out);
        OutputGuard.requireWritable("--out", out, false);
        return execute();
    }

    private Integer execute() {
        PrintWriter err = spec.commandLine().getErr();
        RadialGrid grid;
        try {
            grid = gr.grid();
        } catch (IllegalArgumentException e) {
            err.println("spr rdf: --rmax/--dr: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (gr.dimension != 2 && gr.dimension != 3) {
            err.println("spr rdf: --dim must be 2 or 3, got " + gr.dimension);
            return ExitCodes.USAGE;
        }
        if (every < 1) {
            err.println("spr rdf: --every must be at least 1, got " + every);
            return ExitCodes.USAGE;
        }
        if (threads < 1) {
            err.println("spr rdf: --threads must be at least 1, got " + threads);
            return ExitCodes.USAGE;
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("spr rdf: " + file + ": no such readable file");
                return ExitCodes.BAD_INPUT;
            }
        }
        Path directory = out.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + out.getFileName(), ".tmp");
            int used;
            try (CSVPrinter writer = new CSVPrinter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), CsvTables.format())) {
                used = write(grid, writer, err);
            }
            if (used == 0) {
                err.println("spr rdf: " + (files.size() == 1 ? files.get(0) + " holds" : "the " + files.size() + " input files hold") + " no frames (empty, or not a structure file?)");
                Files.deleteIfExists(temporary);
                return ExitCodes.BAD_INPUT;
            }
            try {
                Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            spec.commandLine().getOut().println("spr rdf: " + used + " frame(s) -> " + out);
            return 0;
        } catch (InputFormatException e) {
            err.println("spr rdf: " + org.spr.io.Printable.message(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("spr rdf: " + e.getFile() + ": no such file");
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("spr rdf: " + org.spr.io.Printable.message(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("spr rdf: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: the temporary name never replaces the output
                }
            }
        }
    }

    /** Streams all frames; writes per-frame rows or, with --average, the mean at the end. Returns frames used. */
    private int write(RadialGrid grid, CSVPrinter writer, PrintWriter err) throws IOException {
        RadialDistribution rdf = new RadialDistribution(grid, threads);
        RunningAverage window = new RunningAverage();
        PairCorrelation buffer = null;
        String[] header = null;
        int seen = 0, used = 0;
        long started = System.nanoTime();
        long lastReport = started;
        for (Path file : files) {
            try (FrameReader reader = FrameReader.open(file, gr.dimension)) {
                while (reader.hasNext()) {
                    Frame frame = reader.next();
                    if (seen++ % every != 0) {
                        continue;
                    }
                    if (used == 0) {
                        RdfCost cost = RdfCost.of(frame, grid.rMax());
                        if (cost.excessive(Runtime.getRuntime().maxMemory()) && !force) {
                            throw SprException.usage(String.format(java.util.Locale.ROOT,
                                    "--rmax %s on the %d atoms of %s means %s; refused without --force (the cost grows as R^%d)",
                                    grid.rMax(), frame.atomCount(), file, cost.describe(), frame.dimension()));
                        }
                        if (cost.pairs() > RdfCost.PAIRS_LIMIT / 100) {
                            err.println("spr rdf: " + cost.describe() + "; progress every 10 s");
                            err.flush();
                        }
                    }
                    buffer = rdf.compute(frame, buffer);
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        lastReport = System.nanoTime();
                        err.printf(java.util.Locale.ROOT, "spr rdf: %d frame(s) done, %.0f s%n", used + 1, (lastReport - started) * 1e-9);
                        err.flush();
                    }
                    if (header == null) {
                        header = buffer.typeLabels();
                        writeHeader(writer, header, buffer.typeCount());
                    } else if (buffer.typeCount() != header.length) {
                        throw new InputFormatException(file, 0, "frame at timestep " + frame.timestep() + " has "
                                + buffer.typeCount() + " atom types but earlier frames had " + header.length);
                    }
                    if (average) {
                        window.add(buffer);
                    } else {
                        writeRows(writer, buffer, used, frame.timestep());
                    }
                    used++;
                }
                for (String warning : reader.warnings()) {
                    err.println("spr rdf: warning: " + warning);
                }
            }
        }
        if (average && used > 0) {
            writeRows(writer, window.mean(), -1, -1);
        }
        return used;
    }

    private void writeHeader(CSVPrinter writer, String[] labels, int types) throws IOException {
        List<String> columns = new ArrayList<>(average ? List.of("r", "g", "n") : List.of("frame", "timestep", "r", "g", "n"));
        if (gr.partials) {
            for (int a = 0; a < types; a++) {
                for (int b = a; b < types; b++) {
                    columns.add("g_" + labels[a] + "_" + labels[b]);
                }
            }
        }
        writer.printRecord(columns);
    }

    private void writeRows(CSVPrinter writer, PairCorrelation g, int frame, long timestep) throws IOException {
        RadialGrid grid = g.grid();
        List<Object> row = new ArrayList<>();
        for (int k = 0; k < grid.bins(); k++) {
            row.clear();
            if (frame >= 0) {
                row.add(frame);
                row.add(timestep);
            }
            row.add(format(grid.centre(k)));
            row.add(format(g.total()[k]));
            row.add(format(g.coordination()[k]));
            if (gr.partials) {
                for (int a = 0; a < g.typeCount(); a++) {
                    for (int b = a; b < g.typeCount(); b++) {
                        row.add(format(g.partial(a, b)[k]));
                    }
                }
            }
            writer.printRecord(row);
        }
    }

    private static String format(double value) {
        return CsvTables.cell(value, "%.10g");
    }
}
