package org.spr.label;

/**
 * How an eigenvalue λ of the dynamical matrix becomes a frequency ν = ω/2π:
 *
 * <pre>
 *   ν = sign(λ) · c · √|λ|
 * </pre>
 *
 * A negative λ (an unstable, "imaginary" mode) gives a negative ν by this convention.
 */
public enum FrequencyUnit {

    /**
     * LAMMPS {@code metal} units: λ in eV/(Å²·amu), ν in THz, c = √(eV/(Å²·amu))/(2π)/10¹² = 15.633302.
     */
    METAL_THZ(15.633302, "THz"),

    /**
     * LAMMPS {@code lj} units: λ in ε/(σ²·m), ν in 1/τ (τ = σ√(m/ε)), c = 1/(2π).
     */
    LJ_REDUCED(1.0 / (2.0 * Math.PI), "1/tau");

    private final double factor;
    private final String symbol;

    FrequencyUnit(double factor, String symbol) {
        this.factor = factor;
        this.symbol = symbol;
    }

    /** The factor c in ν = c·√λ. */
    public double factor() {
        return factor;
    }

    /** Unit symbol of ν for metadata and plots. */
    public String symbol() {
        return symbol;
    }

    /** ν = sign(λ)·c·√|λ|. */
    public double frequency(double eigenvalue) {
        return Math.copySign(factor * Math.sqrt(Math.abs(eigenvalue)), eigenvalue);
    }

    /** Inverse of {@link #frequency}: λ = sign(ν)·(ν/c)². */
    public double eigenvalue(double frequency) {
        double root = frequency / factor;
        return Math.copySign(root * root, frequency);
    }
}
