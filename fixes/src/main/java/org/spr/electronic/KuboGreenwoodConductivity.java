package org.spr.electronic;

/**
 * A Kubo–Greenwood DC conductivity at one energy (see {@link KuboGreenwood}).
 *
 * @param energy             energy E (eV) it is evaluated at, E_F for a label
 * @param broadening         Gaussian standard deviation η (eV) of the δ functions
 * @param directions         which Cartesian directions were computed ({x, y} for a monolayer, {x, y, z} for bulk)
 * @param components         σ_αα in S/m for α = x, y, z (NaN where not computed)
 * @param conductivity       mean of the computed σ_αα, S/m (for a monolayer: G/t)
 * @param sheetConductance   monolayer only: mean in-plane sheet conductance G in S (NaN for bulk)
 * @param sheetConductanceQuanta monolayer only: G in units of e²/h = 3.874e-5 S (NaN for bulk)
 * @param thickness          monolayer only: the thickness t in Å used for S/m (NaN for bulk)
 * @param measure            normalisation Ω: in-plane area A in Å² for a monolayer, volume V in Å³ for bulk
 * @param statesInWindow     eigenstates within the Gaussian cutoff of E that entered the sums (with a k-point mesh: the
 *                           states (n, k) of the whole mesh, each irreducible point counted as often as it stands for)
 */
public record KuboGreenwoodConductivity(double energy, double broadening, boolean[] directions, double[] components,
                                        double conductivity, double sheetConductance, double sheetConductanceQuanta,
                                        double thickness, double measure, int statesInWindow) {

    public KuboGreenwoodConductivity {
        directions = directions.clone();
        components = components.clone();
    }

    /** True for a monolayer (sheet) result. */
    public boolean monolayer() {
        return !Double.isNaN(sheetConductance);
    }
}
