package org.spr.cli;

import org.spr.error.ExitCode;
import org.spr.error.SprException;
import org.spr.dataset.DatasetColumns;
import org.spr.io.OutputGuard;

import org.spr.dataset.DatasetMerger;
import org.spr.generate.DatasetGenerator;
import org.spr.generate.Label;
import org.spr.generate.Recipes;
import org.spr.generate.SystemRecipe;
import org.spr.lammps.IsolatedEngine;
import org.spr.report.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spr generate}: labelled datasets made with LAMMPS (protocol → structure → Hessian PDOS → g(r)). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a labelled dataset with LAMMPS: one row per structure (g(r) + phonon DOS; --labels for κ, σ, electronic DOS).",
                "",
                "Each structure i gets seed = --seed + i; its disorder knobs are drawn from that seed, so any",
                "structure can be remade alone. Rows are flushed one by one: kill it at any time and run the same",
                "command again to resume. Structures whose minimisation did not converge or that lost atoms are",
                "listed in NAME.failed.csv; per-structure timings go to NAME.timings.csv.",
                "",
                "--system names a system file (TOML: species, potential as LAMMPS commands, your own LAMMPS",
                "structure script with $${seed} and variables drawn from declared ranges, g(r) grid, label settings;",
                "commented example examples/a-si/a-si.toml; --set NAME=VALUE or NAME='uniform LOW:HIGH' overrides a",
                "variable) or a built-in system (inputs/<system>/system.toml). Built-in systems and their options:",
                "  amc     cells=8x5  potential=tersoff1988 (or bnc, rebo)  switch=0.8 (fraction by WWW bond switching)",
                "          moves=0:0.6 (random Stone–Wales moves per atom, log-uniform from 1)  kT=0.05:0.8 (eV, Metropolis)",
                "          vacancies=0:0.04  rate=1000:20000 (K/ps, log-uniform)  peak=3000:5000 (K)  (the quench rest)",
                "  lj2d    cells=16x10  amplitude=0:0.25 (σ)  vacancies=0:0.15      (distort, remove, relax; lj units)",
                "  lj3d    cells=4      amplitude=0:0.25 (σ)  vacancies=0:0.15  glass=0.5  rate=0.005:0.5 (per τ)",
                "  ka      cells=4      amplitude=0:0.2 (σ)   vacancies=0:0.1   glass=0.5  rate=0.005:0.5 (Kob–Andersen 80:20)",
                "  sic     cells=3      amplitude=0:0.6 (Å)   vacancies=0:0.15  glass=0.5  rate=100:2000 (K/ps; SiC.tersoff)",
                "  cualzr  cells=4      amplitude=0:0.5 (Å)   vacancies=0:0.1   glass=0.5  rate=30:1000 (K/ps; Cu46Zr46Al8, Zhou EAM)",
                "  cuzr    cells=4      amplitude=0:0.5 (Å)   vacancies=0:0.1   glass=0.5  rate=30:1000 (K/ps; Cu50Zr50, CuZr_mm.eam.fs)",
                "          3D systems: a fraction glass of the seeds is melt-quenched (cooling rate log-uniform in rate),",
                "          the rest distorted, vacancies removed and relaxed",
                "",
                "Labels beside the phonon DOS (--labels, comma-separated):",
                "  kappa   Allen–Feldman κ(300 K) in W/(m K) from the same Hessian (quantum C, η = 0.5 THz;",
                "          in-plane with t = 3.35 Å for amc); metal-unit systems only",
                "  sigma   Kubo–Greenwood σ(E_F) in S/m, π-electron tight binding, η = 0.1 eV, 4×4 k-points (carbon only)",
                "  edos    π tight-binding electronic DOS (−3…3 eV around E_F) as the spectrum instead of the",
                "          phonon DOS, plus the scalar dos_fermi (carbon only)",
                "",
                "Examples:",
                "  spr generate --system amc --count 400 --jobs 2 --out data/amc.csv --structures data/amc-structures",
                "  spr generate --system examples/a-si/a-si.toml --count 40 --labels kappa --out data/a-si.csv",
                "  spr generate --system amc --count 400 --shard 3/10 --out amc-3.csv     (job array element 3 of 10)",
                "  spr generate --merge amc-0.csv amc-1.csv … --out amc.csv"})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--system", paramLabel = "NAME|FILE", description = "a system file (your material: see examples/a-si/a-si.toml) "
            + "or a built-in system: ${COMPLETION-CANDIDATES}", completionCandidates = Systems.class)
    String system;

    @Option(names = "--count", defaultValue = "100", description = "structures in the whole dataset; default ${DEFAULT-VALUE}")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed of structure 0; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--shard", paramLabel = "i/N", description = {"do only structures i, i+N, …; default: the job-array "
            + "element (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT; PBS_ARRAY_INDEX, PBS_ARRAYID or LSB_JOBINDEX with "
            + "SPR_SHARD_COUNT), else 0/1"})
    String shard;

    @Option(names = "--jobs", defaultValue = "1", description = "parallel LAMMPS workers; default ${DEFAULT-VALUE}")
    int jobs;

    @Option(names = "--labels", split = ",", paramLabel = "L[,L…]", description = "extra labels, see above (default: the phonon DOS only)")
    List<String> labels = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "system option, see above")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--structures", description = "directory for the structures (LAMMPS data files, gzip)")
    Path structures;

    @Option(names = "--merge", arity = "1..*", paramLabel = "SHARD.csv", description = "merge shard files into --out (ordered by id)")
    List<Path> merge;

    @Option(names = "--out", required = true, description = "dataset CSV (a JSON sidecar goes beside it)")
    Path out;

    static final class Systems implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return org.spr.system.SystemFile.builtInNames().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        OutputGuard guard = OutputGuard.inputs();
        if (merge != null) {
            for (Path shard : merge) {
                guard.add("--merge", shard).add("the sidecar of --merge", DatasetColumns.sidecar(shard));
            }
        }
        guard.checkOutput("--out", out).checkOutput("the sidecar of --out", DatasetColumns.sidecar(out));
        return OutputGuard.writeLocked("--out", out, false, this::execute);
    }

    private Integer execute() throws Exception {
        if (merge != null) {
            int rows = DatasetMerger.merge(merge, out);
            System.out.println("merged " + merge.size() + " shards into " + out + " (" + rows + " rows)");
            return ExitCodes.OK;
        }
        if (system == null) {
            throw new SprException(ExitCode.USAGE, "--system is required (a system file, or one of " + String.join(", ", org.spr.system.SystemFile.builtInNames()) + ")");
        }
        String shardSource = "--shard";
        if (shard == null) {
            JobArrayShard fromArray;
            try {
                fromArray = JobArrayShard.fromEnvironment(System.getenv());
            } catch (IllegalArgumentException e) {
                throw new SprException(ExitCode.USAGE, e.getMessage());
            }
            shard = fromArray == null ? "0/1" : fromArray.text();
            shardSource = fromArray == null ? "default" : fromArray.source();
        }
        String[] parts = shard.split("/");
        DatasetGenerator.Options options;
        try {
            if (parts.length != 2) {
                throw SprException.usage("--shard must look like i/N, got '" + shard + "'");
            }
            SystemRecipe recipe = org.spr.system.SystemFile.resolve(system).recipe(settings);
            options = new DatasetGenerator.Options(recipe, count, seed, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    jobs, out, structures, org.spr.label.HessianAssembler.DEFAULT_DISPLACEMENT,
                    labels.stream().map(Label::parse).collect(java.util.stream.Collectors.toSet()));
            recipe.protocolForSeed().apply(seed);
        } catch (NumberFormatException e) {
            throw new SprException(ExitCode.USAGE, "--shard must look like i/N with whole numbers, got '" + shard + "'");
        } catch (IllegalArgumentException e) { // a SystemFileException is already a user error (exit 3)
            throw SprException.usage(e);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        int version;
        try (IsolatedEngine probe = new IsolatedEngine(List.of("-log", "none", "-screen", "none"), null, null)) {
            version = probe.version();
        }
        DatasetGenerator generator = new DatasetGenerator(options);
        int todo;
        try (var writer = org.spr.dataset.DatasetWriter.open(out, generator.metadata(version))) {
            writer.requireSystem(options.recipe().system());
            todo = generator.remaining(writer.existingIds()).size();
        }
        System.err.printf(Locale.ROOT, "spr generate: %s, shard %s (%s), %d structures to make (%d jobs) → %s%n",
                system, shard, shardSource, todo, jobs, out);
        DatasetGenerator.Outcome outcome;
        try (Progress progress = new Progress("structures", todo)) {
            outcome = generator.run(version, report -> {
                if (!report.written()) {
                    System.err.println("  " + report.id() + " not kept: " + report.problem());
                }
                progress.step();
            });
        }
        System.err.printf(Locale.ROOT, "spr generate: %d rows written, %d already present, %d failed (see %s)%n",
                outcome.written(), outcome.alreadyPresent(), outcome.failed(),
                out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", "") + ".failed.csv"));
        return ExitCodes.OK;
    }
}
