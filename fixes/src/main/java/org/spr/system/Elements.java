package org.spr.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chemical elements by standard atomic mass (amu), to name the species of a running LAMMPS system from its masses. */
public final class Elements {

    private static final Map<String, Double> MASSES = new LinkedHashMap<>();

    static {
        String table = "H 1.008 He 4.0026 Li 6.94 Be 9.0122 B 10.81 C 12.011 N 14.007 O 15.999 F 18.998 Ne 20.180 "
                + "Na 22.990 Mg 24.305 Al 26.982 Si 28.0855 P 30.974 S 32.06 Cl 35.45 Ar 39.948 K 39.098 Ca 40.078 "
                + "Ti 47.867 V 50.942 Cr 51.996 Mn 54.938 Fe 55.845 Co 58.933 Ni 58.693 Cu 63.546 Zn 65.38 Ga 69.723 "
                + "Ge 72.630 As 74.922 Se 78.971 Zr 91.224 Nb 92.906 Mo 95.95 Pd 106.42 Ag 107.87 In 114.82 Sn 118.71 "
                + "Te 127.60 Hf 178.49 Ta 180.95 W 183.84 Pt 195.08 Au 196.97 Pb 207.2";
        String[] words = table.split(" ");
        for (int i = 0; i < words.length; i += 2) {
            MASSES.put(words[i], Double.parseDouble(words[i + 1]));
        }
    }

    private Elements() {
    }

    /** The standard mass of an element (amu), or null when not tabulated. */
    public static Double mass(String element) {
        return MASSES.get(element);
    }

    /**
     * The element whose standard mass is within 0.1 amu of {@code mass} (the nearest such), or null. Ar (39.948) and
     * K (39.098), Co and Ni differ by more than that, so the answer is unique.
     */
    public static String byMass(double mass) {
        String best = null;
        double bestDifference = 0.1;
        for (Map.Entry<String, Double> entry : MASSES.entrySet()) {
            double difference = Math.abs(entry.getValue() - mass);
            if (difference <= bestDifference) {
                best = entry.getKey();
                bestDifference = difference;
            }
        }
        return best;
    }
}
