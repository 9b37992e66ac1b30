package org.spr.potential;

/**
 * One element of the Zhou–Johnson–Wadley EAM (Phys. Rev. B 69, 144113 (2004)), with x = r/r_e:
 *
 * <pre>
 *   density    f(r) = f_e·exp(−β(x−1)) / (1 + (x−λ)²⁰)
 *   pair       φ(r) = A·exp(−α(x−1)) / (1 + (x−κ)²⁰) − B·exp(−β(x−1)) / (1 + (x−λ)²⁰)
 *   embedding  ρ &lt; ρ_n:        F = Σ_{i=0..3} Fn_i·(ρ/ρ_n − 1)^i          ρ_n = lowDensityFactor·ρ_e
 *              ρ_n ≤ ρ &lt; ρ_0:  F = Σ_{i=0..3} F_i·(ρ/ρ_e − 1)^i           ρ_0 = highDensityFactor·ρ_e
 *              ρ ≥ ρ_0:        F = F_e·(1 − ln((ρ/ρ_s)^η))·(ρ/ρ_s)^η
 * </pre>
 *
 * Units: Å, eV, amu.
 *
 * @param symbol                  chemical symbol
 * @param atomicNumber            Z
 * @param mass                    amu
 * @param equilibriumDistance     r_e (Å), the nearest-neighbour distance of the reference crystal
 * @param densityPrefactor        f_e
 * @param equilibriumDensity      ρ_e
 * @param scalingDensity          ρ_s
 * @param alpha                   α
 * @param beta                    β
 * @param repulsionPrefactor      A (eV)
 * @param attractionPrefactor     B (eV)
 * @param kappa                   κ
 * @param lambda                  λ
 * @param lowDensityCoefficients  Fn_0 … Fn_3 (eV)
 * @param midDensityCoefficients  F_0 … F_3 (eV)
 * @param eta                     η
 * @param highDensityPrefactor    F_e (eV)
 * @param lowDensityFactor        ρ_n/ρ_e (0.85 in the paper)
 * @param highDensityFactor       ρ_0/ρ_e (1.15 in the paper)
 * @param lattice                 reference crystal, for the setfl header
 */
public record ZhouEamElement(String symbol, int atomicNumber, double mass, double equilibriumDistance,
                             double densityPrefactor, double equilibriumDensity, double scalingDensity,
                             double alpha, double beta, double repulsionPrefactor, double attractionPrefactor,
                             double kappa, double lambda, double[] lowDensityCoefficients,
                             double[] midDensityCoefficients, double eta, double highDensityPrefactor,
                             double lowDensityFactor, double highDensityFactor, ReferenceLattice lattice) {

    /** Reference crystal structures and their lattice constant from the nearest-neighbour distance r_e. */
    public enum ReferenceLattice {
        /** a = √2·r_e. */
        FCC(Math.sqrt(2.0)),
        /** a = 2r_e/√3. */
        BCC(2.0 / Math.sqrt(3.0)),
        /** a = r_e (basal-plane nearest neighbours). */
        HCP(1.0);

        private final double constantOverDistance;

        ReferenceLattice(double constantOverDistance) {
            this.constantOverDistance = constantOverDistance;
        }

        /** Lattice constant a for nearest-neighbour distance r_e. */
        public double latticeConstant(double equilibriumDistance) {
            return constantOverDistance * equilibriumDistance;
        }
    }

    public ZhouEamElement {
        if (lowDensityCoefficients.length != 4 || midDensityCoefficients.length != 4) {
            throw new IllegalArgumentException("element " + symbol + " needs four Fn and four F coefficients");
        }
    }

    /** Lattice constant of the reference crystal (for the setfl header). */
    public double latticeConstant() {
        return lattice.latticeConstant(equilibriumDistance);
    }

    /** Electron density f(r) contributed by an atom of this element at distance r. */
    public double density(double r) {
        double x = r / equilibriumDistance;
        return densityPrefactor * Math.exp(-beta * (x - 1)) / (1 + Math.pow(x - lambda, 20));
    }

    /** Pair energy φ(r) between two atoms of this element (eV). */
    public double pair(double r) {
        double x = r / equilibriumDistance;
        return repulsionPrefactor * Math.exp(-alpha * (x - 1)) / (1 + Math.pow(x - kappa, 20))
                - attractionPrefactor * Math.exp(-beta * (x - 1)) / (1 + Math.pow(x - lambda, 20));
    }

    /** Embedding energy F(ρ) (eV), piecewise in ρ as in the class comment. */
    public double embedding(double rho) {
        double low = lowDensityFactor * equilibriumDensity;
        double high = highDensityFactor * equilibriumDensity;
        if (rho < low) {
            return polynomial(lowDensityCoefficients, rho / low - 1);
        }
        if (rho < high) {
            return polynomial(midDensityCoefficients, rho / equilibriumDensity - 1);
        }
        double power = Math.pow(rho / scalingDensity, eta);
        return highDensityPrefactor * (1 - Math.log(power)) * power;
    }

    /**
     * Cross pair φ_ab(r) = ½·( f_b(r)/f_a(r)·φ_aa(r) + f_a(r)/f_b(r)·φ_bb(r) ); for a = b it is φ_aa(r).
     */
    public static double crossPair(ZhouEamElement a, ZhouEamElement b, double r) {
        if (a.symbol().equals(b.symbol())) {
            return a.pair(r);
        }
        double fa = a.density(r);
        double fb = b.density(r);
        return 0.5 * (fb / fa * a.pair(r) + fa / fb * b.pair(r));
    }

    private static double polynomial(double[] coefficients, double t) {
        return coefficients[0] + t * (coefficients[1] + t * (coefficients[2] + t * coefficients[3]));
    }
}
