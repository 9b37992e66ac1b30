package org.spr.label;

/**
 * Allen–Feldman thermal conductivity and its ingredients.
 *
 * @param temperatures   K
 * @param conductivity   κ(T) in W/(m·K), one per temperature
 * @param frequencies    ν_i of all 3N modes in THz, ascending (negative = imaginary)
 * @param diffusivities  mode diffusivities D_i in m²/s (0 for skipped modes)
 * @param skippedModes   modes left out: the three translations and any imaginary mode (they carry no heat here)
 * @param volume         volume used in κ = (1/V) Σ C_i D_i, Å³ (A·t for a monolayer)
 * @param parameters     what was used, recorded with the label
 * @param belowCutoff    κ(T) the modes below the low-frequency cutoff would add (W/(m·K)), not included in
 *                       {@code conductivity}; zeros without a cutoff
 * @param plateauDeviation per temperature, max |κ(η')/κ(η) − 1| for η' = η/2, 2η (modes above the cutoff)
 */
public record AllenFeldmanResult(double[] temperatures, double[] conductivity, double[] frequencies,
                                 double[] diffusivities, int skippedModes, double volume,
                                 AllenFeldmanParameters parameters, double[] belowCutoff, double[] plateauDeviation)
        implements java.io.Serializable {

    /**
     * True when κ at temperature index t lies on a plateau in the Lorentzian width (κ at η/2 and 2η within
     * {@link AllenFeldmanConductivity#MAX_PLATEAU_DEVIATION} of κ at η): Allen–Feldman describes the cell. False for
     * crystals and nearly crystalline cells, whose κ comes from propagating phonons that it does not treat.
     */
    public boolean withinValidity(int t) {
        return plateauDeviation[t] <= AllenFeldmanConductivity.MAX_PLATEAU_DEVIATION;
    }

    /** Share of κ (all modes) that the modes below the cutoff carry, at temperature index t. */
    public double shareBelowCutoff(int t) {
        double all = conductivity[t] + belowCutoff[t];
        return all > 0 ? belowCutoff[t] / all : 0.0;
    }
}
