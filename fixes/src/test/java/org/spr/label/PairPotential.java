package org.spr.label;

/** An analytic pair potential φ(r) for tests: first and second derivatives. */
interface PairPotential {

    double firstDerivative(double r);

    double secondDerivative(double r);

    /** φ = ½ k (r − r0)². */
    static PairPotential harmonic(double stiffness, double restLength) {
        return new PairPotential() {
            public double firstDerivative(double r) {
                return stiffness * (r - restLength);
            }

            public double secondDerivative(double r) {
                return stiffness;
            }
        };
    }

    /** φ = D (1 − e^{−a(r − re)})² − D. */
    static PairPotential morse(double depth, double alpha, double equilibrium) {
        return new PairPotential() {
            public double firstDerivative(double r) {
                double e = Math.exp(-alpha * (r - equilibrium));
                return 2 * depth * alpha * e * (1 - e);
            }

            public double secondDerivative(double r) {
                double e = Math.exp(-alpha * (r - equilibrium));
                return 2 * depth * alpha * alpha * e * (2 * e - 1);
            }
        };
    }

    /** φ = 4ε((σ/r)¹² − (σ/r)⁶). */
    static PairPotential lennardJones(double epsilon, double sigma) {
        return new PairPotential() {
            public double firstDerivative(double r) {
                double s6 = Math.pow(sigma / r, 6);
                return 4 * epsilon * (-12 * s6 * s6 + 6 * s6) / r;
            }

            public double secondDerivative(double r) {
                double s6 = Math.pow(sigma / r, 6);
                return 4 * epsilon * (156 * s6 * s6 - 42 * s6) / (r * r);
            }
        };
    }
}
