package org.spr.fixes.generate;

import org.spr.descriptor.RadialGrid;
import org.spr.fixes.label.PhononDosParameters;
import org.spr.fixes.protocol.AmcQuench;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;

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
        return List.of("amc");
    }

    /**
     * A recipe by name, with options (for AMC: {@code cells=10x6}, {@code vacancies=0:0.15},
     * {@code rate=200:20000} (log-uniform), {@code peak=2500:7000}).
     */
    public static SystemRecipe recipe(String name, Map<String, String> options) {
        return switch (name) {
            case "amc" -> amc(options);
            default -> throw new IllegalArgumentException("Unknown system '" + name + "'; known: " + String.join(", ", names()));
        };
    }

    /**
     * Amorphous monolayer carbon: {@link AmcQuench} with vacancy fraction (uniform), quench rate (log-uniform) and
     * peak temperature (uniform) drawn from the structure's seed; 2D g(r) of the minimised structure on the default
     * grid (8 Å, 0.02 Å); PDOS on 0–100 THz in 200 bins, σ = 1 THz.
     */
    static SystemRecipe amc(Map<String, String> options) {
        int[] cells = cells(options.getOrDefault("cells", "10x6"));
        double[] vacancies = range(options.getOrDefault("vacancies", "0:0.15"), "vacancies");
        double[] rate = range(options.getOrDefault("rate", "200:20000"), "rate");
        double[] peak = range(options.getOrDefault("peak", "2500:7000"), "peak");
        if (!(rate[0] > 0)) {
            throw new IllegalArgumentException("rate range must be positive (K/ps), got " + rate[0] + ":" + rate[1]);
        }
        if (!(vacancies[0] >= 0 && vacancies[1] < 0.5)) {
            throw new IllegalArgumentException("vacancies range must lie in [0, 0.5), got " + vacancies[0] + ":" + vacancies[1]);
        }
        AmcQuench base = AmcQuench.defaults(0).withSize(cells[0], cells[1]);
        DescriptorSpec descriptor = DescriptorSpec.total(RadialGrid.DEFAULT, 2, GrKind.INHERENT, List.of("C"));
        List<String> names = new ArrayList<>(base.parameters().keySet());
        Map<String, String> units = Map.of("energy_per_atom", "eV", "peak_temperature", "K", "final_temperature", "K",
                "quench_rate", "K/ps", "timestep", "ps");
        return new SystemRecipe("AMC", descriptor, PhononDosParameters.metalDefaults(), names, units, seed -> {
            Random random = new Random(seed * 0x5DEECE66DL + 11);
            double v = uniform(random, vacancies);
            double q = Math.exp(uniform(random, new double[]{Math.log(rate[0]), Math.log(rate[1])}));
            double p = uniform(random, peak);
            return base.withSeed(seed).withDisorder(v, Math.max(p, base.finalTemperature()), q);
        });
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

    static int[] cells(String text) {
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
