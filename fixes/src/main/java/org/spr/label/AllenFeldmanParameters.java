package org.spr.label;

import java.util.Arrays;

/**
 * Parameters of an Allen–Feldman thermal conductivity (metal units).
 *
 * @param lorentzianWidth     half width at half maximum η of the Lorentzian that replaces δ(ω_i − ω_j), given as a
 *                            frequency ν in THz (η_ω = 2π·η). It should span a few mean level spacings: too small and
 *                            the finite-size spectrum shows through, too large and unrelated modes couple
 * @param quantumHeatCapacity true: C_i = k_B x² eˣ/(eˣ − 1)², x = ħω_i/k_BT; false: classical C_i = k_B
 * @param temperatures        temperatures in K (at least one, all positive)
 * @param directions          which Cartesian directions are averaged (e.g. {true, true, false} for a monolayer in
 *                            the xy plane: in-plane κ)
 * @param monolayerThickness  0 for a bulk cell (volume = box volume); otherwise the conventional thickness t in Å of
 *                            a monolayer whose plane is xy, volume = L_x·L_y·t (3.35 Å for carbon)
 * @param lowFrequencyCutoff  ν_c in THz: modes below it (propagons, which Allen–Feldman's harmonic diffusivity does not
 *                            describe: in a cell of a few hundred atoms their D grows ∝ 1/η) are left out of κ, and
 *                            their κ is reported separately ({@link AllenFeldmanResult#belowCutoff}); 0 keeps all modes
 */
public record AllenFeldmanParameters(double lorentzianWidth, boolean quantumHeatCapacity, double[] temperatures,
                                     boolean[] directions, double monolayerThickness, double lowFrequencyCutoff)
        implements java.io.Serializable {

    /** Without a low-frequency cutoff. */
    public AllenFeldmanParameters(double lorentzianWidth, boolean quantumHeatCapacity, double[] temperatures,
                                  boolean[] directions, double monolayerThickness) {
        this(lorentzianWidth, quantumHeatCapacity, temperatures, directions, monolayerThickness, 0.0);
    }

    /** The same with low-frequency cutoff ν_c (THz). */
    public AllenFeldmanParameters withLowFrequencyCutoff(double cutoff) {
        return new AllenFeldmanParameters(lorentzianWidth, quantumHeatCapacity, temperatures, directions,
                monolayerThickness, cutoff);
    }

    /** Interlayer spacing of graphite, the usual thickness convention for carbon monolayers (Å). */
    public static final double CARBON_MONOLAYER_THICKNESS = 3.35;

    public AllenFeldmanParameters {
        if (!(lorentzianWidth > 0) || !Double.isFinite(lorentzianWidth)) {
            throw new IllegalArgumentException("Allen–Feldman Lorentzian width must be a positive number of THz, got " + lorentzianWidth);
        }
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("Allen–Feldman needs at least one temperature");
        }
        for (double temperature : temperatures) {
            if (!(temperature > 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("temperature must be a positive number of K, got " + temperature);
            }
        }
        if (directions == null || directions.length != 3 || !(directions[0] || directions[1] || directions[2])) {
            throw new IllegalArgumentException("Allen–Feldman directions must be three flags (x, y, z), at least one set, got "
                    + Arrays.toString(directions));
        }
        if (!(monolayerThickness >= 0) || !Double.isFinite(monolayerThickness)) {
            throw new IllegalArgumentException("monolayer thickness must be 0 (bulk) or a positive number of Å, got " + monolayerThickness);
        }
        if (!(lowFrequencyCutoff >= 0) || !Double.isFinite(lowFrequencyCutoff)) {
            throw new IllegalArgumentException("Allen–Feldman low-frequency cutoff must be 0 or a positive number of THz, got "
                    + lowFrequencyCutoff);
        }
        temperatures = temperatures.clone();
        directions = directions.clone();
    }

    /** Number of averaged directions d. */
    public int directionCount() {
        return (directions[0] ? 1 : 0) + (directions[1] ? 1 : 0) + (directions[2] ? 1 : 0);
    }

    /** Bulk, isotropic average over x, y, z. */
    public static AllenFeldmanParameters bulk(double lorentzianWidth, boolean quantum, double... temperatures) {
        return new AllenFeldmanParameters(lorentzianWidth, quantum, temperatures, new boolean[] {true, true, true}, 0.0);
    }

    /** In-plane κ of a monolayer in the xy plane with thickness t (Å). */
    public static AllenFeldmanParameters monolayer(double lorentzianWidth, boolean quantum, double thickness,
                                                   double... temperatures) {
        if (!(thickness > 0)) {
            throw new IllegalArgumentException("monolayer thickness must be a positive number of Å, got " + thickness);
        }
        return new AllenFeldmanParameters(lorentzianWidth, quantum, temperatures, new boolean[] {true, true, false}, thickness);
    }
}
