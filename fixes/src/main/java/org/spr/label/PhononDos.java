package org.spr.label;

/**
 * A phonon DOS label and the spectrum it came from.
 *
 * @param unit                       frequency unit of everything below
 * @param grid                       the frequency grid
 * @param density                    g(ν_k) at the grid's bin centres, Σ_k g(ν_k) Δν = 1
 * @param frequencies                all 3N mode frequencies ν = sign(λ)·c·√|λ|, ascending (imaginary modes negative)
 * @param translationalModeIndices   indices into {@code frequencies} of the modes excluded as rigid translations (empty
 *                                   when none were excluded)
 * @param imaginaryModeCount         modes with ν &lt; −tolerance (translations not counted); left out of the DOS
 * @param minimumFrequency           lowest ν among the modes that are not excluded translations (negative when
 *                                   there is an imaginary mode)
 * @param fractionInsideGrid         spectral weight inside the grid before renormalisation (1 when the grid covers
 *                                   the spectrum; lower means modes beyond the grid edges were cut off)
 * @param eigenvectors               mass-weighted eigenvectors, mode k contiguous at [k·3N, (k+1)·3N), same order
 *                                   as {@code frequencies}; null unless requested
 * @param timings                    where the time went
 */
public record PhononDos(FrequencyUnit unit, FrequencyGrid grid, double[] density, double[] frequencies,
                        int[] translationalModeIndices, int imaginaryModeCount, double minimumFrequency,
                        double fractionInsideGrid, double[] eigenvectors, Timings timings)
        implements java.io.Serializable {

    /**
     * Wall-clock seconds per stage.
     *
     * @param forceConstantSeconds Hessian by finite differences (6N force evaluations) and its corrections
     * @param eigensolverSeconds   diagonalisation
     * @param eigensolverName      which solver ran
     */
    public record Timings(double forceConstantSeconds, double eigensolverSeconds, String eigensolverName)
            implements java.io.Serializable {
    }

    /** Number of modes, 3N. */
    public int modeCount() {
        return frequencies.length;
    }

    /** True when at least one imaginary mode was found. */
    public boolean hasImaginaryModes() {
        return imaginaryModeCount > 0;
    }
}
