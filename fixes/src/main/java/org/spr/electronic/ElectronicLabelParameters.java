package org.spr.electronic;

import org.spr.model.SpectrumGrid;

import java.util.Objects;

/**
 * How an electronic label is made from the π tight-binding model.
 *
 * @param model                  the tight-binding model
 * @param grid                   energies E − E_F (eV) the DOS is reported on
 * @param dosBroadening          Gaussian standard deviation σ_E of the DOS, eV, positive
 * @param conductivity           whether to compute the Kubo–Greenwood σ (needs eigenvectors: several times the
 *                               cost of the DOS alone)
 * @param conductivityBroadening Gaussian standard deviation η (eV, positive) of the δ functions in Kubo–Greenwood. For
 *                               a disordered structure it should span a few level spacings at E_F; for a clean
 *                               crystal σ has no finite limit as η → 0 (ballistic transport: 1/η² below the
 *                               level spacing, 1/η above it), so a crystal's σ is a function of η
 * @param monolayerThickness     thickness t in Å (positive) that turns a monolayer's sheet conductance into S/m,
 *                               σ = G/t; not used for bulk (3D) frames
 * @param kPoints                Monkhorst–Pack mesh of Bloch wavevectors the cell is sampled at ({@link KPointMesh}:
 *                               n1×n2 in plane for a monolayer, n1×n2×n3 for bulk); {@link KPointMesh#GAMMA} samples
 *                               Γ alone, with a real Hamiltonian. Denser meshes resolve the level spacing of a small
 *                               cell (about 0.04 eV at E_F for 240-atom amorphous carbon) so that η can be small
 */
public record ElectronicLabelParameters(PiTightBindingParameters model, SpectrumGrid grid, double dosBroadening,
                                        boolean conductivity, double conductivityBroadening,
                                        double monolayerThickness, KPointMesh kPoints) {

    /** The default DOS grid: E − E_F from −3 to 3 eV in steps of 0.05 eV (121 points, both ends included). */
    public static final SpectrumGrid DEFAULT_GRID =
            new SpectrumGrid(-3.0, 0.05, 121, "eV", "states/eV/atom/spin, E - E_F, not renormalised");

    /** Interlayer spacing of graphite, the usual thickness convention for carbon monolayers (Å). */
    public static final double CARBON_MONOLAYER_THICKNESS = 3.35;

    /** Defaults: carbon π model, {@link #DEFAULT_GRID}, σ_E = 0.1 eV, σ computed with η = 0.1 eV, t = 3.35 Å, Γ only. */
    public static final ElectronicLabelParameters DEFAULT = new ElectronicLabelParameters(PiTightBindingParameters.CARBON,
            DEFAULT_GRID, 0.1, true, 0.1, CARBON_MONOLAYER_THICKNESS, KPointMesh.GAMMA);

    public ElectronicLabelParameters {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(kPoints, "k-point mesh");
        if (!(dosBroadening > 0) || !Double.isFinite(dosBroadening)) {
            throw new IllegalArgumentException("DOS broadening sigma_E must be a positive number of eV, got " + dosBroadening);
        }
        if (!(conductivityBroadening > 0) || !Double.isFinite(conductivityBroadening)) {
            throw new IllegalArgumentException("Kubo–Greenwood broadening eta must be a positive number of eV, got "
                    + conductivityBroadening);
        }
        if (!(monolayerThickness > 0) || !Double.isFinite(monolayerThickness)) {
            throw new IllegalArgumentException("monolayer thickness must be a positive number of Å, got " + monolayerThickness);
        }
    }

    /** Parameters sampled at Γ only ({@link KPointMesh#GAMMA}). */
    public ElectronicLabelParameters(PiTightBindingParameters model, SpectrumGrid grid, double dosBroadening,
                                     boolean conductivity, double conductivityBroadening, double monolayerThickness) {
        this(model, grid, dosBroadening, conductivity, conductivityBroadening, monolayerThickness, KPointMesh.GAMMA);
    }

    /** The same parameters with another model. */
    public ElectronicLabelParameters withModel(PiTightBindingParameters newModel) {
        return new ElectronicLabelParameters(newModel, grid, dosBroadening, conductivity, conductivityBroadening,
                monolayerThickness, kPoints);
    }

    /** The same parameters with another DOS grid and width. */
    public ElectronicLabelParameters withDos(SpectrumGrid newGrid, double width) {
        return new ElectronicLabelParameters(model, newGrid, width, conductivity, conductivityBroadening, monolayerThickness,
                kPoints);
    }

    /** The same parameters with σ on (at width η, eV) or off. */
    public ElectronicLabelParameters withConductivity(boolean compute, double eta) {
        return new ElectronicLabelParameters(model, grid, dosBroadening, compute, eta, monolayerThickness, kPoints);
    }

    /** The same parameters with another k-point mesh. */
    public ElectronicLabelParameters withKPoints(KPointMesh mesh) {
        return new ElectronicLabelParameters(model, grid, dosBroadening, conductivity, conductivityBroadening,
                monolayerThickness, mesh);
    }
}
