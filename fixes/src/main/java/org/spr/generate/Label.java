package org.spr.generate;

import org.spr.dataset.ScalarLabel;
import org.spr.electronic.ElectronicLabel;
import org.spr.electronic.ElectronicLabelParameters;
import org.spr.electronic.KPointMesh;
import org.spr.electronic.PiElectronicLabeller;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.FrequencyUnit;
import org.spr.structure.Frame;

import java.util.List;
import java.util.Locale;

/**
 * Labels a generated dataset can carry beside the phonon DOS (always its spectrum), by their {@code --labels} names.
 */
public enum Label {

    /**
     * Allen–Feldman κ at 300 K, quantum heat capacities, Lorentzian η = {@value #LORENTZIAN_WIDTH_THZ} THz, from the
     * same Hessian as the PDOS: scalar {@code kappa} in W/(m K). Monolayers (2D recipes): in-plane κ with the
     * thickness 3.35 Å, over the modes above {@value #MONOLAYER_LOW_FREQUENCY_CUTOFF_THZ} THz (see that constant).
     * Metal units only.
     */
    KAPPA("kappa", List.of(new ScalarLabel("kappa", "W/(m K)", "Allen–Feldman κ at 300 K from the finite-difference Hessian, "
            + "quantum heat capacities, Lorentzian half width 0.5 THz; monolayers: in-plane, thickness 3.35 Å, modes above "
            + "5 THz only (propagons below are not Allen–Feldman's)"))),

    /**
     * Kubo–Greenwood σ at the Fermi level from the π tight-binding model ({@link PiElectronicLabeller}; Gaussian
     * δ of width η = {@value #SIGMA_BROADENING_EV} eV; k-point mesh {@link #kPoints}; in-plane with the thickness
     * 3.35 Å for monolayers): scalar {@code sigma} in S/m. Carbon only.
     */
    SIGMA("sigma", List.of(new ScalarLabel("sigma", "S/m", "Kubo–Greenwood σ(E_F), π-electron tight binding (t0 2.7 eV, "
            + "a0 1.42 Å, β 3.37, cutoff 1.9–2.2 Å), Gaussian δ η = 0.1 eV, 4×4 k-points (monolayers; 3×3×3 bulk), spin 2; "
            + "monolayers: in-plane, thickness 3.35 Å"))),

    /**
     * The π tight-binding electronic DOS on E − E_F = −3…3 eV (step 0.05 eV, σ_E = 0.1 eV, states/eV/atom per spin,
     * k-point mesh {@link #kPoints}) becomes the dataset's spectrum (in place of the phonon DOS), with the scalar {@code dos_fermi}, the DOS at E_F.
     * Carbon only.
     */
    EDOS("edos", List.of(new ScalarLabel("dos_fermi", "states/(eV atom spin)", "π-electron tight-binding DOS at E_F "
            + "(half filling), Gaussian σ_E = 0.1 eV, 4×4 k-points (monolayers; 3×3×3 bulk)")));

    /** Lorentzian half width of the Allen–Feldman labels (THz): several mean level spacings at 200–800 atoms. */
    public static final double LORENTZIAN_WIDTH_THZ = 0.5;
    /**
     * Broadening η of the σ label (eV), with the k-point mesh {@link #kPoints}. A Γ-point cell of a few hundred AMC
     * atoms has a mean level spacing of about 0.04 eV at E_F, so σ at η = 0.1 eV from Γ alone samples only 2–3 states
     * (median deviation 55 % from the converged value); on a 4×4
     * in-plane mesh it is within 2.8 % (median 0.4 %) of the 8×8 value for 0.15 s per 240-atom structure, and it
     * still varies between structures (coefficient of variation 0.47, against 0.14 at η = 0.4 eV).
     */
    public static final double SIGMA_BROADENING_EV = 0.1;

    /** k-point mesh of the electronic labels: 4×4 in the plane for monolayers, 3×3×3 for bulk cells. */
    static KPointMesh kPoints(Frame frame) {
        return frame.dimension() == 2 ? KPointMesh.inPlane(4, 4) : new KPointMesh(3, 3, 3);
    }

    /**
     * Low-frequency cutoff of the monolayer κ label (THz). Measured on a 240-atom Tersoff-1988 AMC cell (58 %
     * non-hexagonal rings, ν_max 80.5 THz, mean level spacing ν_max/3N = 0.11 THz; README "Thermal conductivity"):
     * κ over all modes grows with η without a plateau (2.15, 2.63, 3.00, 3.27, 3.87, 5.37, 8.01 W/(m K) at η = 0.05,
     * 0.1, 0.2, 0.3, 0.5, 1, 2 THz) because the modes below 5 THz — propagons, whose harmonic diffusivity in a small
     * cell is ∝ 1/η — carry 8–70 % of it; κ over the modes above 5 THz has a plateau, 2.59–2.66 W/(m K) for η =
     * 0.2–1 THz (2–9 level spacings), so the label is that, at η = 0.5 THz.
     */
    public static final double MONOLAYER_LOW_FREQUENCY_CUTOFF_THZ = 5.0;

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
        if ((this == SIGMA || this == EDOS) && !recipe.descriptor().species().equals(List.of("C"))) {
            throw new IllegalArgumentException("the " + cliName + " label uses the π-electron tight-binding model of carbon; "
                    + recipe.system() + " has species " + recipe.descriptor().species());
        }
    }

    /**
     * The π tight-binding label of a carbon frame when {@code labels} asks for σ or the electronic DOS, else null
     * (eigenvectors and σ only when σ is asked for).
     */
    public static ElectronicLabel electronic(Frame frame, java.util.Set<Label> labels) {
        if (!labels.contains(SIGMA) && !labels.contains(EDOS)) {
            return null;
        }
        ElectronicLabelParameters parameters = ElectronicLabelParameters.DEFAULT.withKPoints(kPoints(frame))
                .withConductivity(labels.contains(SIGMA), SIGMA_BROADENING_EV);
        return new PiElectronicLabeller(parameters).label(frame);
    }

    /** Adds the scalar values of the electronic labels in {@code labels} to {@code scalars}. */
    static void putElectronic(ElectronicLabel label, java.util.Set<Label> labels, java.util.Map<String, Double> scalars) {
        if (labels.contains(SIGMA)) {
            scalars.put("sigma", label.conductivity().conductivity());
        }
        if (labels.contains(EDOS)) {
            scalars.put("dos_fermi", label.densityAtFermiLevel());
        }
    }

    /** The dataset spectrum grid of the electronic DOS label. */
    static org.spr.model.SpectrumGrid electronicGrid() {
        return ElectronicLabelParameters.DEFAULT.grid();
    }

    /** Unit of the electronic DOS spectrum. */
    static final String ELECTRONIC_DOS_UNIT = "states/(eV atom spin)";

    /** Allen–Feldman parameters of the κ label for a recipe: its own (from a system file) when it has them, else in-plane with 3.35 Å for 2D, bulk otherwise. */
    public static AllenFeldmanParameters allenFeldman(SystemRecipe recipe) {
        if (recipe.allenFeldman() != null) {
            return recipe.allenFeldman();
        }
        return recipe.descriptor().dimension() == 2
                ? AllenFeldmanParameters.monolayer(LORENTZIAN_WIDTH_THZ, true, AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS, TEMPERATURE)
                        .withLowFrequencyCutoff(MONOLAYER_LOW_FREQUENCY_CUTOFF_THZ)
                : AllenFeldmanParameters.bulk(LORENTZIAN_WIDTH_THZ, true, TEMPERATURE);
    }
}
