package org.spr.cli.bench;

import org.spr.protocol.AmcQuench;
import org.spr.protocol.Composition;
import org.spr.protocol.DistortRemoveRelax;
import org.spr.protocol.MaterialSystem;
import org.spr.protocol.MeltQuench;
import org.spr.protocol.ProtocolResult;
import org.spr.protocol.Systems;

import org.spr.lammps.EngineTask;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.RecordSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Structures per hour of each protocol at dataset sizes (200–500 atoms), serial, one fresh LAMMPS instance per
 * structure as dataset generation uses them. Run by hand:
 * <pre>
 *   ./spr --version   # builds cli/target/spr.jar
 *   java -cp cli/target/spr.jar org.spr.cli.bench.ProtocolBenchmark [repeats]
 * </pre>
 */
public final class ProtocolBenchmark {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    private ProtocolBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int repeats = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 3;
        Path potentials = Files.createTempDirectory("spr-bench-potentials");
        MaterialSystem cualzr = Systems.copperAluminiumZirconium(Systems.CU_AL_ZR_GLASS, 4, potentials);
        MaterialSystem cuzr = Systems.copperZirconium(Composition.parse("Cu50Zr50"), 4);
        System.out.printf(Locale.ROOT, "%-38s %6s %9s %9s %12s %10s%n", "protocol / system", "atoms", "s/struct",
                "min s", "struct/hour", "usable");
        measure("AMC quench defaults", repeats, AmcQuench::defaults);
        measure("distort-remove-relax lj2d 16x10", repeats,
                seed -> DistortRemoveRelax.of(Systems.lennardJones2d(16, 10), 0.1, 0.05, seed));
        measure("distort-remove-relax lj3d 4^3", repeats,
                seed -> DistortRemoveRelax.of(Systems.lennardJones3d(4), 0.1, 0.05, seed));
        measure("distort-remove-relax sic 3^3", repeats,
                seed -> DistortRemoveRelax.of(Systems.siliconCarbide(3), 0.2, 0.05, seed));
        measure("distort-remove-relax cualzr 4^3", repeats, seed -> DistortRemoveRelax.of(cualzr, 0.2, 0.05, seed));
        measure("distort-remove-relax cuzr 4^3", repeats, seed -> DistortRemoveRelax.of(cuzr, 0.2, 0.05, seed));
        measure("melt-quench sic 216 (defaults)", repeats, seed -> MeltQuench.defaults(Systems.siliconCarbide(3), 216, seed));
        measure("melt-quench cualzr 256 (defaults)", repeats, seed -> MeltQuench.defaults(cualzr, 256, seed));
        measure("melt-quench cuzr 256 (defaults)", repeats, seed -> MeltQuench.defaults(cuzr, 256, seed));
    }

    private static void measure(String name, int repeats, LongFunction<EngineTask<ProtocolResult>> protocol) {
        double total = 0;
        double fastest = Double.MAX_VALUE;
        int usable = 0;
        int atoms = 0;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            ProtocolResult result;
            try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
                result = engine.call(protocol.apply(1000 + i));
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            total += seconds;
            fastest = Math.min(fastest, seconds);
            usable += result.usable() ? 1 : 0;
            atoms = result.atoms();
        }
        double mean = total / repeats;
        System.out.printf(Locale.ROOT, "%-38s %6d %9.2f %9.2f %12.0f %7d/%d%n", name, atoms, mean, fastest, 3600 / mean,
                usable, repeats);
    }
}
