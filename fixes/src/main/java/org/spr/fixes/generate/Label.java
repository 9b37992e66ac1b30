package org.spr.fixes.generate;

import org.spr.dataset.ScalarLabel;
import org.spr.fixes.label.AllenFeldmanParameters;
import org.spr.fixes.label.FrequencyUnit;

import java.util.List;
import java.util.Locale;

/**
 * Labels a generated dataset can carry beside the phonon DOS (always its spectrum), by their {@code --labels} names.
 */
public enum Label {

    /**
     * Allen–Feldman κ at 300 K, quantum heat capacities, Lorentzian η = {@value #LORENTZIAN_WIDTH_THZ} THz, from the
     * same Hessian as the PDOS: scalar {@code kappa} in W/(m K). Monolayers (2D recipes): in-plane κ with the
     * thickness 3.35 Å. Metal units only.
     */
    KAPPA("kappa", List.of(new ScalarLabel("kappa", "W/(m K)")));

    /** Lorentzian half width of the Allen–Feldman labels (THz): several mean level spacings at 200–800 atoms. */
    public static final double LORENTZIAN_WIDTH_THZ = 0.5;
    /** Temperature of the κ label (K). */
    public static final double TEMPERATURE = 300.0;

    private final String cliName;
    private final List<ScalarLabel> scalars;

    Label(String cliName, List<ScalarLabel> scalars) {
        this.cliName = cliName;
        this.scalars = scalars;
    }

    /** The name on the command line, e.g. kappa. */
    public String cliName() {
        return cliName;
    }

    /** Scalar columns this label adds. */
    public List<ScalarLabel> scalars() {
        return scalars;
    }

    /** The label named on the command line; one sentence listing the known names otherwise. */
    public static Label parse(String name) {
        for (Label label : values()) {
            if (label.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown label '" + name + "'; known: " + String.join(", ",
                java.util.Arrays.stream(values()).map(Label::cliName).toList()));
    }

    /** Refuses a recipe this label cannot be made for, in one sentence. */
    void requireApplicable(SystemRecipe recipe) {
        if (this == KAPPA && recipe.phononDos().unit() != FrequencyUnit.METAL_THZ) {
            throw new IllegalArgumentException("the kappa label needs metal units (W/(m K)); " + recipe.system()
                    + " is in reduced units");
        }
    }

    /** Allen–Feldman parameters of the κ label for a recipe: in-plane with 3.35 Å for 2D, bulk otherwise. */
    public static AllenFeldmanParameters allenFeldman(SystemRecipe recipe) {
        return recipe.descriptor().dimension() == 2
                ? AllenFeldmanParameters.monolayer(LORENTZIAN_WIDTH_THZ, true, AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS, TEMPERATURE)
                : AllenFeldmanParameters.bulk(LORENTZIAN_WIDTH_THZ, true, TEMPERATURE);
    }
}
