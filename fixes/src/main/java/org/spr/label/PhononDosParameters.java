package org.spr.label;

import java.util.Objects;

/**
 * How eigenvalues become a PDOS label.
 *
 * @param unit                      metal (THz) or LJ reduced frequencies
 * @param grid                      fixed frequency grid
 * @param broadeningWidth           Gaussian standard deviation σ, in the unit of the grid
 * @param zeroModeTolerance         modes with ν ≥ −tolerance are real (a slightly negative ν from round-off is a
 *                                  zero mode); modes below −tolerance are imaginary: counted, reported, and left
 *                                  out of the DOS. Non-negative, in the unit of the grid
 * @param excludeTranslationalModes when true (and N ≥ 2) the three modes of smallest |λ|, the rigid translations
 *                                  (exactly zero after the acoustic sum rule), are left out of the DOS and the
 *                                  imaginary count: they are the q = 0 acoustic modes of a periodic cell and the
 *                                  free translations of a molecule, not vibrations (a spike of weight 3/3N at ν = 0)
 * @param keepEigenvectors          keep the 3N×3N mass-weighted eigenvectors in the result (for κ); costs memory
 *                                  and roughly 2–3× the eigensolver time
 */
public record PhononDosParameters(FrequencyUnit unit, FrequencyGrid grid, double broadeningWidth,
                                  double zeroModeTolerance, boolean excludeTranslationalModes,
                                  boolean keepEigenvectors) implements java.io.Serializable {

    /** Default Gaussian σ for carbon in THz: 1 THz, two bins of the default grid. */
    public static final double DEFAULT_METAL_WIDTH_THZ = 1.0;

    /** Default zero-mode tolerance in THz. */
    public static final double DEFAULT_METAL_TOLERANCE_THZ = 0.1;

    public PhononDosParameters {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(grid, "grid");
        if (!(broadeningWidth > 0) || !Double.isFinite(broadeningWidth)) {
            throw new IllegalArgumentException("PDOS broadening width must be a positive number, got " + broadeningWidth);
        }
        if (!(zeroModeTolerance >= 0) || !Double.isFinite(zeroModeTolerance)) {
            throw new IllegalArgumentException("PDOS zero-mode tolerance must be a non-negative number, got " + zeroModeTolerance);
        }
    }

    /**
     * Defaults for metal units (the design's carbon PDOS): THz, 0–100 THz in 200 bins, σ = 1 THz, zero-mode tolerance
     * 0.1 THz, translations excluded, no eigenvectors.
     */
    public static PhononDosParameters metalDefaults() {
        return new PhononDosParameters(FrequencyUnit.METAL_THZ, FrequencyGrid.CARBON_DEFAULT, DEFAULT_METAL_WIDTH_THZ,
                DEFAULT_METAL_TOLERANCE_THZ, true, false);
    }

    /**
     * Defaults for LJ units: reduced frequency 0–10 /τ in 200 bins, σ = 0.1, tolerance 0.01, translations excluded,
     * no eigenvectors. Check {@link PhononDos#fractionInsideGrid()} for a dense or stiff system.
     */
    public static PhononDosParameters ljDefaults() {
        return new PhononDosParameters(FrequencyUnit.LJ_REDUCED, new FrequencyGrid(0.0, 10.0, 200), 0.1, 0.01, true, false);
    }

    /** A copy with another grid. */
    public PhononDosParameters withGrid(FrequencyGrid newGrid) {
        return new PhononDosParameters(unit, newGrid, broadeningWidth, zeroModeTolerance, excludeTranslationalModes, keepEigenvectors);
    }

    /** A copy with another broadening width. */
    public PhononDosParameters withBroadeningWidth(double width) {
        return new PhononDosParameters(unit, grid, width, zeroModeTolerance, excludeTranslationalModes, keepEigenvectors);
    }

    /** A copy that keeps (or drops) eigenvectors. */
    public PhononDosParameters withKeepEigenvectors(boolean keep) {
        return new PhononDosParameters(unit, grid, broadeningWidth, zeroModeTolerance, excludeTranslationalModes, keep);
    }

    /** A copy that excludes (or keeps) the three translational modes. */
    public PhononDosParameters withExcludeTranslationalModes(boolean exclude) {
        return new PhononDosParameters(unit, grid, broadeningWidth, zeroModeTolerance, exclude, keepEigenvectors);
    }
}
