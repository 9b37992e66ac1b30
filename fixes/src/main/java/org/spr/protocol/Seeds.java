package org.spr.protocol;

/** Independent random streams derived from one protocol seed, one per purpose (SplitMix64 finaliser). */
final class Seeds {

    private Seeds() {
    }

    /** A Java seed for one purpose: changing one knob's use of randomness leaves the others' streams unchanged. */
    static long derive(long seed, int purpose) {
        long z = seed + 0x9E3779B97F4A7C15L * (purpose + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A LAMMPS seed (positive int below 9×10⁸) for one purpose. */
    static int lammps(long seed, int purpose) {
        return (int) (Math.floorMod(derive(seed, purpose), 900_000_000L) + 1);
    }
}
