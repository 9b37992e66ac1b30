package org.spr.generate;

import org.spr.descriptor.RadialGrid;
import org.spr.label.PhononDosParameters;
import org.spr.label.FrequencyGrid;
import org.spr.protocol.AmcBondSwitch;
import org.spr.protocol.AmcQuench;
import org.spr.protocol.CarbonPotential;
import org.spr.protocol.Composition;
import org.spr.protocol.DistortRemoveRelax;
import org.spr.protocol.MaterialSystem;
import org.spr.protocol.MeltQuench;
import org.spr.protocol.Potential;
import org.spr.protocol.Systems;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The dataset recipes the project ships, by system name. */
public final class Recipes {

    private Recipes() {
    }

    /** Names accepted by {@link #recipe(String, Map)}. */
    public static List<String> names() {
        return List.of("amc", "lj2d", "lj3d", "ka", "sic", "cualzr", "cuzr");
    }

    /**
     * A recipe by name, with options (for AMC see {@link #amc}: {@code cells=8x5}, {@code switch=0.8}, {@code moves=0:0.6},
     * {@code kT=0.05:0.8}, {@code vacancies=0:0.04}, {@code rate=1000:20000} (log-uniform), {@code peak=3000:5000}).
     */
    public static SystemRecipe recipe(String name, Map<String, String> options) {
        java.util.Set<String> known = "amc".equals(name) ? java.util.Set.of("cells", "potential", "switch", "moves", "kT", "vacancies", "rate", "peak")
                : "lj2d".equals(name) ? java.util.Set.of("cells", "amplitude", "vacancies")
                : java.util.Set.of("cells", "amplitude", "vacancies", "glass", "rate");
        if (names().contains(name)) {
            for (String key : options.keySet()) {
                if (!known.contains(key)) {
                    throw org.spr.error.SprException.usage("--set " + key + ": unknown option of system " + name + " (known: "
                            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }
        return switch (name) {
            case "amc" -> amc(options);
            case "lj2d" -> distorted("LJ2D", options, "16x10", 0.25, 0.15, 2, new RadialGrid(5.0, 0.0125),
                    PhononDosParameters.ljDefaults(), false, null, size -> Systems.lennardJones2d(size[0], size[1]));
            case "lj3d" -> distorted("LJ3D", options, "4", 0.25, 0.15, 3, new RadialGrid(5.0, 0.0125),
                    PhononDosParameters.ljDefaults(), false, GlassSchedule.LENNARD_JONES, size -> Systems.lennardJones3d(size[0]));
            case "ka" -> distorted("KA", options, "4", 0.2, 0.1, 3, new RadialGrid(5.0, 0.0125),
                    PhononDosParameters.ljDefaults(), true, GlassSchedule.LENNARD_JONES, size -> Systems.kobAndersen(size[0]));
            case "sic" -> distorted("SiC", options, "3", 0.6, 0.15, 3, RadialGrid.DEFAULT,
                    PhononDosParameters.metalDefaults().withGrid(new FrequencyGrid(0, 40, 200)).withBroadeningWidth(0.4), true,
                    GlassSchedule.SILICON_CARBIDE, size -> Systems.siliconCarbide(size[0]));
            case "cualzr" -> distorted("CuAlZr", options, "4", 0.5, 0.1, 3, RadialGrid.DEFAULT,
                    PhononDosParameters.metalDefaults().withGrid(new FrequencyGrid(0, 12, 200)).withBroadeningWidth(0.15), true,
                    GlassSchedule.METALLIC,
                    size -> Systems.copperAluminiumZirconium(Systems.CU_AL_ZR_GLASS, size[0], eamDirectory()));
            case "cuzr" -> distorted("CuZr", options, "4", 0.5, 0.1, 3, RadialGrid.DEFAULT,
                    PhononDosParameters.metalDefaults().withGrid(new FrequencyGrid(0, 12, 200)).withBroadeningWidth(0.15), true,
                    GlassSchedule.METALLIC, size -> Systems.copperZirconium(Composition.parse("Cu50Zr50"), size[0]));
            default -> throw new IllegalArgumentException("Unknown system '" + name + "'; known: " + String.join(", ", names()));
        };
    }

    /**
     * Amorphous monolayer carbon, two protocols mixed per seed so that the dataset spans graphene → defected graphene
     * → fully amorphous 5–8 networks:
     * <ul>
     *   <li>a fraction {@code switch} (default 0.8) by {@link AmcBondSwitch} (WWW bond switching): random Stone–Wales
     *       moves log-uniform in [1, {@code moves}·N] (default moves=0:0.6, N atoms), then N/2 Metropolis attempts at kT
     *       uniform in {@code kT} (default 0.05:0.8 eV: low kT keeps the random moves' Stone–Wales-defected graphene, high kT
     *       amorphises further);</li>
     *   <li>the rest by {@link AmcQuench}: vacancy fraction uniform ({@code vacancies=0:0.04}), quench rate
     *       log-uniform ({@code rate=1000:20000} K/ps), peak temperature uniform ({@code peak=3000:5000} K): the
     *       vacancy-defected-graphene end (hotter quenches with Tersoff 1988 leave &gt; 10 % two-coordinated atoms and
     *       are refused).</li>
     * </ul>
     * Default cell 8 × 5 (160 atoms): the size the 2-core machine can label ~100 of in an hour.
     * Both with {@code potential} (default tersoff1988; bnc, rebo), relaxed in 3D at the end and checked for
     * plausibility ({@link org.spr.protocol.AmcPlausibility}); 2D g(r) on the default grid (8 Å, 0.02 Å); PDOS
     * of all 3N modes on 0–100 THz in 200 bins, σ = 1 THz. Structure diagnostics (rings, coordination, energy above
     * graphene, cutoff-shell pairs, imaginary modes, PDOS weight outside the grid) are columns of every row.
     */
    static SystemRecipe amc(Map<String, String> options) {
        int[] cells = cells(options.getOrDefault("cells", "8x5"));
        double switchFraction = range(options.getOrDefault("switch", "0.8"), "switch")[0];
        double[] moves = range(options.getOrDefault("moves", "0:0.6"), "moves");
        double[] kT = range(options.getOrDefault("kT", "0.05:0.8"), "kT");
        double[] vacancies = range(options.getOrDefault("vacancies", "0:0.04"), "vacancies");
        double[] rate = range(options.getOrDefault("rate", "1000:20000"), "rate");
        double[] peak = range(options.getOrDefault("peak", "3000:5000"), "peak");
        CarbonPotential potential = CarbonPotential.byKey(options.getOrDefault("potential", "tersoff1988"));
        if (!(rate[0] > 0)) {
            throw new IllegalArgumentException("rate range must be positive (K/ps), got " + rate[0] + ":" + rate[1]);
        }
        if (!(vacancies[0] >= 0 && vacancies[1] < 0.5)) {
            throw new IllegalArgumentException("vacancies range must lie in [0, 0.5), got " + vacancies[0] + ":" + vacancies[1]);
        }
        if (!(switchFraction >= 0 && switchFraction <= 1)) {
            throw new IllegalArgumentException("switch must be a fraction in [0, 1], got " + switchFraction);
        }
        if (!(kT[0] > 0) || moves[0] < 0) {
            throw new IllegalArgumentException("kT must be positive (eV) and moves not negative, got kT " + kT[0] + ", moves " + moves[0]);
        }
        AmcQuench quench = AmcQuench.defaults(0).withSize(cells[0], cells[1]).withPotential(potential);
        AmcBondSwitch bondSwitch = AmcBondSwitch.defaults(0).withSize(cells[0], cells[1]).withPotential(potential);
        int atoms = bondSwitch.atoms();
        DescriptorSpec descriptor = DescriptorSpec.total(RadialGrid.DEFAULT, 2, GrKind.INHERENT, List.of("C"));
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(bondSwitch.parameters().keySet());
        names.addAll(quench.parameters().keySet());
        names.addAll(AMC_DIAGNOSTICS);
        Map<String, String> units = Map.of("energy_per_atom", "eV", "peak_temperature", "K", "final_temperature", "K",
                "quench_rate", "K/ps", "timestep", "ps", "kT", "eV", "energy_above_graphene", "eV", "density", "1/Å²",
                "out_of_plane_rms", "Å");
        return new SystemRecipe("AMC", descriptor, PhononDosParameters.metalDefaults(), new ArrayList<>(names), units, seed -> {
            Random random = new Random(seed * 0x5DEECE66DL + 11);
            if (random.nextDouble() < switchFraction) {
                // log-uniform in [1, moves_high·N]: one Stone–Wales defect in 160 atoms is already 5 % non-hexagonal rings
                double high = Math.max(1.0, moves[1] * atoms);
                double low = Math.max(1.0, moves[0] * atoms);
                int random1 = (int) Math.round(Math.exp(uniform(random, new double[]{Math.log(low), Math.log(high)})));
                return bondSwitch.withSeed(seed).withMoves(random1, atoms / 2, uniform(random, kT));
            }
            double v = uniform(random, vacancies);
            double q = Math.exp(uniform(random, new double[]{Math.log(rate[0]), Math.log(rate[1])}));
            double p = uniform(random, peak);
            return quench.withSeed(seed).withDisorder(v, Math.max(p, quench.finalTemperature()), q);
        }, potential.potential(), 3, Map.of(
                "protocols", "per row: amc-bond-switch (WWW Stone-Wales switching) or amc-quench",
                "monolayer_relaxation", "3d: minimised in the plane, then released and minimised in 3D (true minimum)",
                "pdos_modes", "3N: in-plane and out-of-plane modes together; imaginary modes counted per row (imaginary_modes)"
                        + " and left out of the PDOS",
                "cutoff_shell", "pairs in the potential's cutoff shell nudged and re-minimised; found/remaining per row",
                "potential", potential.key() + " (" + potential.file() + ")"), null);
    }

    /** Per-row structure and label diagnostics of the AMC recipe (beside the protocol parameters). */
    public static final List<String> AMC_DIAGNOSTICS = List.of("energy_above_graphene", "two_coordinated_fraction",
            "odd_coordinated_fraction", "non_hexagonal_ring_fraction", "rings_4", "rings_5", "rings_6", "rings_7", "rings_8",
            "rings_9", "density", "cutoff_shell_pairs_found", "cutoff_shell_pairs", "out_of_plane_rms", "imaginary_modes",
            "pdos_weight_outside_grid");

    /**
     * How the glasses of a 3D recipe are melt-quenched ({@link MeltQuench} from a random packing of as many atoms as the
     * crystal has sites): melt at {@code melt} for {@code meltSteps}, cool linearly to {@code end} at a rate drawn
     * log-uniform from the recipe's {@code rate} option (default {@code rates}, K/ps in metal units, ε/k_B per τ in lj
     * units), {@code annealSteps} at {@code end}, then minimised with the box relaxed to zero pressure.
     *
     * @param melt        melt temperature (K or ε/k_B): well above the potential's melting point
     * @param end         temperature the melt is cooled to
     * @param meltSteps   steps at the melt temperature
     * @param annealSteps steps at the end temperature
     * @param timestep    MD step (ps or τ)
     * @param rates       default cooling-rate range LOW:HIGH
     */
    record GlassSchedule(double melt, double end, int meltSteps, int annealSteps, double timestep, String rates) {
        /** Cu–Zr and Cu–Al–Zr EAM: 2,500 K (Mendelev's Cu50Zr50 melts near 1,300 K), → 300 K at 30–1,000 K/ps, 2 fs. */
        static final GlassSchedule METALLIC = new GlassSchedule(2500, 300, 1500, 1000, 0.002, "30:1000");
        /** Tersoff SiC: 5,000 K (its melting point is above 3,500 K), → 300 K at 100–2,000 K/ps, 1 fs. */
        static final GlassSchedule SILICON_CARBIDE = new GlassSchedule(5000, 300, 2000, 1000, 0.001, "100:2000");
        /** LJ (one-component, and Kob–Andersen): T* 2.0 → 0.05 at 0.005–0.5 per τ, 0.005 τ, packed at 1.15 × the crystal volume. */
        static final GlassSchedule LENNARD_JONES = new GlassSchedule(2.0, 0.05, 1000, 1000, 0.005, "0.005:0.5");

        /** The melt-quench of a seed at a cooling rate; the cooling steps are (melt − end) / (rate · timestep). */
        MeltQuench protocol(MaterialSystem material, double rate, long seed) {
            int coolSteps = (int) Math.round((melt - end) / (rate * timestep));
            return new MeltQuench(material, material.crystal().sites(), 1.15, 0.8, 200, melt, meltSteps, end, coolSteps,
                    annealSteps, timestep, true, DistortRemoveRelax.of(material, 0, 0, 0).forceTolerance(), seed);
        }
    }

    /**
     * The linear paper's systems: crystal → random displacements (uniform amplitude drawn per structure) → vacancies
     * (fraction drawn per structure) → minimisation; in 3D a fraction {@code glass} of the seeds (default 0.5) are
     * instead glasses melt-quenched as users make them ({@link GlassSchedule}; cooling rate log-uniform in
     * {@code rate}). Options: {@code cells}, {@code amplitude=LOW:HIGH}, {@code vacancies=LOW:HIGH}, {@code glass=F},
     * {@code rate=LOW:HIGH}.
     */
    static SystemRecipe distorted(String system, Map<String, String> options, String defaultCells, double maxAmplitude,
                                  double maxVacancies, int dimension, RadialGrid grid, PhononDosParameters pdos,
                                  boolean boxRelax, GlassSchedule glass,
                                  java.util.function.Function<int[], MaterialSystem> factory) {
        String cellText = options.getOrDefault("cells", defaultCells);
        int[] size = cellText.contains("x") ? cells(cellText) : new int[]{parseCount(cellText)};
        double[] amplitude = range(options.getOrDefault("amplitude", "0:" + maxAmplitude), "amplitude");
        double[] vacancies = range(options.getOrDefault("vacancies", "0:" + maxVacancies), "vacancies");
        if (amplitude[0] < 0 || vacancies[0] < 0 || vacancies[1] >= 0.5) {
            throw new IllegalArgumentException("amplitude must be ≥ 0 and vacancies in [0, 0.5), got amplitude "
                    + amplitude[0] + ":" + amplitude[1] + ", vacancies " + vacancies[0] + ":" + vacancies[1]);
        }
        double glassFraction = glass == null ? 0 : range(options.getOrDefault("glass", "0.5"), "glass")[0];
        double[] rate = glass == null ? null : range(options.getOrDefault("rate", glass.rates()), "rate");
        if (!(glassFraction >= 0 && glassFraction <= 1) || (rate != null && !(rate[0] > 0))) {
            throw new IllegalArgumentException("glass must be a fraction in [0, 1] and rate a positive range, got glass "
                    + glassFraction + (rate == null ? "" : ", rate " + rate[0] + ":" + rate[1]));
        }
        MaterialSystem material = factory.apply(size);
        DistortRemoveRelax base = DistortRemoveRelax.of(material, 0, 0, 0);
        DescriptorSpec descriptor = DescriptorSpec.total(grid, dimension, GrKind.INHERENT, material.potential().species());
        boolean lj = material.potential().units().equals("lj");
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(base.parameters().keySet());
        Map<String, String> units = new java.util.LinkedHashMap<>(lj ? Map.of("energy_per_atom", "epsilon", "amplitude", "sigma")
                : Map.of("energy_per_atom", "eV", "amplitude", "Å"));
        Map<String, String> conventions = new java.util.LinkedHashMap<>();
        if (glassFraction > 0) {
            names.addAll(glass.protocol(material, rate[0], 0).parameters().keySet());
            units.putAll(lj ? Map.of("melt_temperature", "epsilon/k_B", "final_temperature", "epsilon/k_B",
                    "timestep", "tau", "quench_rate", "epsilon/k_B/tau")
                    : Map.of("melt_temperature", "K", "final_temperature", "K", "timestep", "ps", "quench_rate", "K/ps"));
            conventions.put("protocols", String.format(java.util.Locale.ROOT, "per row: distort-remove-relax (crystal) or"
                    + " melt-quench (glass, fraction %.3g of the seeds, cooling rate log-uniform in %s:%s)",
                    glassFraction, fmt(rate[0]), fmt(rate[1])));
        }
        return new SystemRecipe(system, descriptor, pdos, new ArrayList<>(names), units, seed -> {
            Random random = new Random(seed * 0x5DEECE66DL + 23);
            double a = uniform(random, amplitude);
            double v = uniform(random, vacancies);
            if (glassFraction > 0 && random.nextDouble() < glassFraction) {
                double q = Math.exp(uniform(random, new double[]{Math.log(rate[0]), Math.log(rate[1])}));
                return glass.protocol(material, q, seed);
            }
            return new DistortRemoveRelax(material, a, DistortRemoveRelax.Distribution.UNIFORM, v, boxRelax,
                    base.forceTolerance(), seed);
        }, material.potential(), material.crystal().dimension(), conventions, null);
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    private static Path eamDirectory() {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "spr-eam");
        try {
            java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create " + directory + ": " + e.getMessage(), e);
        }
        return directory;
    }

    private static int parseCount(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cells must be a whole number (or NXxNY in 2D), got '" + text + "'");
        }
    }

    private static double uniform(Random random, double[] range) {
        return range[0] + (range[1] - range[0]) * random.nextDouble();
    }

    static double[] range(String text, String what) {
        String[] parts = text.split(":");
        try {
            double low = Double.parseDouble(parts[0].trim());
            double high = parts.length > 1 ? Double.parseDouble(parts[1].trim()) : low;
            if (parts.length > 2 || high < low || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new NumberFormatException();
            }
            return new double[]{low, high};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a value or a range LOW:HIGH with LOW ≤ HIGH, got '" + text + "'");
        }
    }

    /** Parses NXxNY, e.g. "16x9"; one sentence naming the expected form otherwise. */
    public static int[] cells(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[]{Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("cells must look like 10x6 (cells along x and y), got '" + text + "'");
    }
}
