package org.spr.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chemical composition: species and their atom fractions (summing to 1), in a fixed order. Written like a formula,
 * e.g. {@code Cu46Zr46Al8} (amounts are normalised, so {@code CuZr} and {@code Cu50Zr50} are the same).
 *
 * @param species   element symbols (or any species names), distinct
 * @param fractions atom fractions in the same order, each in [0, 1], summing to 1
 */
public record Composition(List<String> species, List<Double> fractions) implements Serializable {

    private static final Pattern TERM = Pattern.compile("([A-Z][a-z]?)(\\d+(?:\\.\\d+)?)?");

    public Composition {
        species = List.copyOf(species);
        fractions = List.copyOf(fractions);
        if (species.isEmpty() || species.size() != fractions.size()) {
            throw new IllegalArgumentException("A composition needs one fraction per species, got " + species
                    + " and " + fractions + ".");
        }
        if (species.stream().distinct().count() != species.size()) {
            throw new IllegalArgumentException("Composition species must be distinct, got " + species + ".");
        }
        double sum = 0;
        for (double fraction : fractions) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("Composition fractions must lie in [0, 1], got " + fractions + ".");
            }
            sum += fraction;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("Composition fractions must sum to 1, got " + sum + " for " + fractions + ".");
        }
    }

    /** One species only. */
    public static Composition pure(String species) {
        return new Composition(List.of(species), List.of(1.0));
    }

    /** Parses a formula such as {@code Cu46Zr46Al8} or {@code SiC}; amounts are normalised to fractions. */
    public static Composition parse(String formula) {
        Matcher matcher = TERM.matcher(formula.strip());
        List<String> species = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            species.add(matcher.group(1));
            amounts.add(matcher.group(2) == null ? 1.0 : Double.parseDouble(matcher.group(2)));
            end = matcher.end();
        }
        if (species.isEmpty() || end != formula.strip().length()) {
            throw new IllegalArgumentException("Composition '" + formula
                    + "' is not a formula like Cu46Zr46Al8 (element symbols, each followed by an optional amount).");
        }
        double total = amounts.stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("Composition '" + formula + "' has no positive amount.");
        }
        List<Double> fractions = amounts.stream().map(amount -> amount / total).toList();
        return new Composition(species, fractions);
    }

    /**
     * The fractions in the order of a potential's species (types 1…n); species of the potential absent here get 0.
     * Refuses a composition species that the potential lacks.
     */
    public List<Double> fractionsFor(List<String> potentialSpecies) {
        for (String name : species) {
            if (!potentialSpecies.contains(name)) {
                throw new IllegalArgumentException("Composition species " + name + " is not among the potential's species "
                        + potentialSpecies + ".");
            }
        }
        List<Double> ordered = new ArrayList<>();
        for (String name : potentialSpecies) {
            int index = species.indexOf(name);
            ordered.add(index < 0 ? 0.0 : fractions.get(index));
        }
        return ordered;
    }

    /**
     * Integer counts for n atoms by the largest-remainder rule (ties to the earlier species), summing to n:
     * n_a = ⌊c_a n⌋, then one more for the species with the largest remainders c_a n − ⌊c_a n⌋.
     */
    public static int[] counts(List<Double> fractions, int atoms) {
        int[] counts = new int[fractions.size()];
        double[] remainders = new double[fractions.size()];
        int assigned = 0;
        for (int a = 0; a < counts.length; a++) {
            double exact = fractions.get(a) * atoms;
            counts[a] = (int) Math.floor(exact);
            remainders[a] = exact - counts[a];
            assigned += counts[a];
        }
        while (assigned < atoms) {
            int best = 0;
            for (int a = 1; a < counts.length; a++) {
                if (remainders[a] > remainders[best]) {
                    best = a;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }

    /** The formula with percentages, e.g. {@code Cu46Zr46Al8}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < species.size(); i++) {
            double percent = 100 * fractions.get(i);
            text.append(species.get(i)).append(Math.abs(percent - Math.rint(percent)) < 1e-9
                    ? Long.toString(Math.round(percent)) : String.format(Locale.ROOT, "%.3f", percent));
        }
        return text.toString();
    }
}
