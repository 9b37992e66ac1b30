package org.spr.system;

import java.io.Serializable;
import java.util.Locale;
import java.util.Random;

/**
 * A LAMMPS variable of a user's structure script whose value {@code spr generate} draws per structure, written in a
 * system file as {@code NAME = VALUE} under {@code [structure.variables]}:
 * <ul>
 *   <li>a number or a plain string: that value for every structure;</li>
 *   <li>{@code "uniform LOW:HIGH"}: uniform in [LOW, HIGH];</li>
 *   <li>{@code "log-uniform LOW:HIGH"}: ln x uniform in [ln LOW, ln HIGH] (LOW &gt; 0), e.g. quench rates;</li>
 *   <li>{@code "integer LOW:HIGH"}: a whole number, uniform in LOW…HIGH inclusive.</li>
 * </ul>
 *
 * @param name         the LAMMPS variable name (used in the script as {@code ${name}})
 * @param distribution fixed, uniform, log-uniform or integer
 * @param low          lower end (unused when fixed)
 * @param high         upper end (unused when fixed)
 * @param fixed        the fixed value as text (null unless fixed)
 */
public record StructureVariable(String name, String distribution, double low, double high, String fixed)
        implements Serializable {

    /** Parses a value of {@code [structure.variables]}; {@code where} names the file and key in messages. */
    static StructureVariable parse(String name, Object value, String where) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SystemFileException(where + ": variable name '" + name + "' must be letters, digits and _ (a LAMMPS name).");
        }
        if (name.equals("seed") || name.equals("system_dir")) {
            throw new SystemFileException(where + ": ${" + name + "} is set by spr itself; use another name.");
        }
        if (value instanceof Number number) {
            return new StructureVariable(name, "fixed", 0, 0, number instanceof Long ? number.toString()
                    : String.format(Locale.ROOT, "%.10g", number.doubleValue()));
        }
        String text = String.valueOf(value).strip();
        String[] words = text.split("\\s+");
        if (words.length == 2 && words[0].matches("uniform|log-uniform|integer")) {
            String[] ends = words[1].split(":");
            double low;
            double high;
            try {
                if (ends.length != 2) {
                    throw new NumberFormatException();
                }
                low = Double.parseDouble(ends[0]);
                high = Double.parseDouble(ends[1]);
            } catch (NumberFormatException e) {
                throw new SystemFileException(where + ": '" + text + "' must be " + words[0] + " LOW:HIGH with two numbers.");
            }
            if (!(high >= low) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new SystemFileException(where + ": '" + text + "' needs finite LOW ≤ HIGH.");
            }
            if (words[0].equals("log-uniform") && !(low > 0)) {
                throw new SystemFileException(where + ": '" + text + "' needs LOW > 0 for a log-uniform range.");
            }
            if (words[0].equals("integer") && (low != Math.rint(low) || high != Math.rint(high))) {
                throw new SystemFileException(where + ": '" + text + "' needs whole numbers for an integer range.");
            }
            return new StructureVariable(name, words[0], low, high, null);
        }
        if (text.matches("(uniform|log-uniform|integer).*")) {
            throw new SystemFileException(where + ": '" + text + "' must look like \"" + words[0] + " LOW:HIGH\".");
        }
        return new StructureVariable(name, "fixed", 0, 0, text);
    }

    /** The value for one structure, drawn from {@code random} (a fixed value draws nothing). */
    public String draw(Random random) {
        return switch (distribution) {
            case "fixed" -> fixed;
            case "uniform" -> format(low + (high - low) * random.nextDouble());
            case "log-uniform" -> format(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble()));
            case "integer" -> Long.toString((long) low + (long) Math.floor(random.nextDouble() * ((long) high - (long) low + 1)));
            default -> throw new IllegalStateException("unknown distribution " + distribution);
        };
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.8g", value);
    }

    /** As written in a system file. */
    @Override
    public String toString() {
        return distribution.equals("fixed") ? fixed : String.format(Locale.ROOT, "%s %g:%g", distribution, low, high);
    }
}
