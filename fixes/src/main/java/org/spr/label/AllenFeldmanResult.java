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
 */
public record AllenFeldmanResult(double[] temperatures, double[] conductivity, double[] frequencies,
                                 double[] diffusivities, int skippedModes, double volume,
                                 AllenFeldmanParameters parameters) implements java.io.Serializable {
}
