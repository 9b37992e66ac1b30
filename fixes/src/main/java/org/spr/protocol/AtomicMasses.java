package org.spr.protocol;

import java.util.Map;

/** Standard atomic masses (amu, IUPAC conventional values) of the elements the project's systems use. */
public final class AtomicMasses {

    private static final Map<String, Double> MASSES = Map.of(
            "C", 12.011, "Si", 28.0855, "Cu", 63.546, "Al", 26.9815385, "Zr", 91.224,
            "B", 10.81, "N", 14.007, "Ge", 72.630, "O", 15.999, "H", 1.008);

    private AtomicMasses() {
    }

    /** Mass of an element in amu; a clear exception for an element not in the table. */
    public static double of(String element) {
        Double mass = MASSES.get(element);
        if (mass == null) {
            throw new IllegalArgumentException("No atomic mass is tabulated for species '" + element
                    + "'; give the masses explicitly (known: " + new java.util.TreeSet<>(MASSES.keySet()) + ").");
        }
        return mass;
    }
}
