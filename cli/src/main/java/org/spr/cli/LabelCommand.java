package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.generate.DatasetLabeller;
import org.spr.generate.Label;
import org.spr.generate.Recipes;
import org.spr.label.HessianAssembler;
import org.spr.dataset.DatasetColumns;
import org.spr.io.OutputGuard;

import org.spr.report.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code spr label}: more labels for the stored structures of an existing dataset. */
@Command(name = "label", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add labels to the structures of an existing dataset (from spr generate --structures).",
                "",
                "Each row's structure DIR/<id>.data.gz (or DIR/<id>.* in any format spr reads: POSCAR, extended XYZ,",
                "a dump) is labelled as stored (no relaxation), with the potential of --system (a built-in name or",
                "a system file) or --potential \"pair_style …; pair_coeff …\", and the row is",
                "written to --out with its g(r), parameters, spectrum and labels copied and the new scalar",
                "columns appended. Resumable: run the same command again after a kill.",
                "",
                "Labels (--labels, comma-separated):",
                "  kappa   Allen–Feldman κ(300 K) in W/(m K) from a finite-difference Hessian with the system's",
                "          potential (quantum C, η = 0.5 THz; in-plane with t = 3.35 Å for amc)",
                "  sigma   Kubo–Greenwood σ(E_F) in S/m from the π-electron tight-binding model of carbon",
                "          (η = 0.1 eV, 4×4 k-points; in-plane, t = 3.35 Å for monolayers); no LAMMPS needed",
                "  edos    π tight-binding electronic DOS on E − E_F = −3…3 eV (0.05 eV, σ_E = 0.1 eV, 4×4 k, states/eV/atom",
                "          per spin) as the dataset's spectrum, in place of the phonon DOS; plus the scalar dos_fermi",
                "",
                "Example:",
                "  spr label --system amc --data data/amc/amc.csv --structures data/amc/structures \\",
                "            --labels kappa --out data/amc-transport/amc-transport.csv"})
public final class LabelCommand implements Callable<Integer> {

    @Option(names = "--potential", paramLabel = "COMMANDS", description = "instead of --system: the potential as LAMMPS "
            + "commands, e.g. \"pair_style sw; pair_coeff * * Si.sw Si\" (metal units; species from the dataset, masses standard)")
    String potential;

    @Option(names = "--system", paramLabel = "NAME|FILE", description = "system of the structures (its potential and "
            + "settings): a system file or ${COMPLETION-CANDIDATES}",
            completionCandidates = GenerateCommand.Systems.class)
    String system;

    @Option(names = "--data", required = true, paramLabel = "D.csv", description = "the dataset whose rows are labelled")
    Path data;

    @Option(names = "--structures", required = true, paramLabel = "DIR", description = "directory of the stored structures <id>.data.gz")
    Path structures;

    @Option(names = "--labels", required = true, split = ",", paramLabel = "L[,L…]", description = "labels to add, see above")
    List<String> labels;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "system option (as in spr generate; only the potential and grids matter)")
    Map<String, String> settings = new java.util.LinkedHashMap<>();

    @Option(names = "--jobs", defaultValue = "1", description = "parallel LAMMPS workers; default ${DEFAULT-VALUE}")
    int jobs;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "labelled dataset to write (a JSON sidecar goes beside it)")
    Path out;

    /** The system's recipe, or one made of --potential and the dataset's g(r) species and dimension. */
    private org.spr.generate.SystemRecipe recipe() {
        if ((system == null) == (potential == null)) {
            throw SprException.usage("give the potential by one of --system NAME|FILE or --potential \"pair_style …; pair_coeff …\"");
        }
        if (system != null) {
            return org.spr.system.SystemFile.resolve(system).recipe(settings);
        }
        org.spr.model.DescriptorSpec descriptor = org.spr.dataset.Dataset.read(data).metadata().input();
        java.util.List<Double> masses = new java.util.ArrayList<>();
        for (String name : descriptor.species()) {
            Double mass = org.spr.system.Elements.mass(name);
            if (mass == null) {
                throw SprException.badInput("dataset " + data + " has species " + descriptor.species() + "; no standard mass for "
                        + name + ": use a system file (--system) with masses");
            }
            masses.add(mass);
        }
        org.spr.protocol.Potential commands = org.spr.system.SystemFile.fromCommands(potential, descriptor.species(), masses);
        return new org.spr.generate.SystemRecipe("label", descriptor, org.spr.label.PhononDosParameters.metalDefaults(),
                java.util.List.of(), java.util.Map.of(), seed -> null, commands, 3, java.util.Map.of(), null);
    }

    @Override
    public Integer call() throws Exception {
        OutputGuard.inputs().add("--data", data).add("the sidecar of --data", DatasetColumns.sidecar(data))
                .add("--structures", structures).checkOutput("--out", out).checkOutput("the sidecar of --out", DatasetColumns.sidecar(out));
        return OutputGuard.writeLocked("--out", out, false, this::execute);
    }

    private Integer execute() throws Exception {
        if (!Files.isRegularFile(data)) {
            throw new SprException(ExitCode.BAD_INPUT, "--data " + data + " does not exist");
        }
        if (!Files.isDirectory(structures)) {
            throw new SprException(ExitCode.BAD_INPUT, "--structures " + structures + " is not a directory");
        }
        DatasetLabeller labeller;
        try {
            labeller = new DatasetLabeller(new DatasetLabeller.Options(data, structures, recipe(),
                    labels.stream().map(Label::parse).collect(Collectors.toSet()), out, jobs, HessianAssembler.DEFAULT_DISPLACEMENT));
        } catch (IllegalArgumentException e) { // a SystemFileException is already a user error (exit 3)
            throw SprException.usage(e);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        int todo;
        try (var writer = org.spr.dataset.DatasetWriter.open(out, labeller.metadata())) {
            todo = labeller.remaining(writer.existingIds()).size();
        }
        System.err.printf(Locale.ROOT, "spr label: %d rows of %s to label with %s (%d jobs) → %s%n", todo, data,
                String.join(",", labels), jobs, out);
        List<DatasetLabeller.RowReport> reports;
        try (Progress progress = new Progress("structures", todo)) {
            reports = labeller.run(report -> {
                if (!report.written()) {
                    System.err.println("  " + report.id() + " not labelled: " + report.problem());
                }
                progress.step();
            });
        }
        long written = reports.stream().filter(DatasetLabeller.RowReport::written).count();
        System.err.printf(Locale.ROOT, "spr label: %d rows written, %d not labelled%n", written, reports.size() - written);
        if (written == 0 && !reports.isEmpty()) {
            throw new SprException(ExitCode.BAD_INPUT, "no row of " + data + " was labelled; the first: " + reports.get(0).id()
                    + ": " + reports.get(0).problem());
        }
        return ExitCodes.OK;
    }
}
