package org.spr.label;

import java.util.Objects;

/**
 * Builds the Hessian H = ∂²U/∂x∂x by central finite differences of forces:
 *
 * <pre>
 *   H[iα, jβ] = −( F_jβ(x + δ e_iα) − F_jβ(x − δ e_iα) ) / (2δ)
 * </pre>
 *
 * <p>Each of the 3N coordinates is displaced by +δ and by −δ, so a Hessian costs 6N force evaluations and
 * its error is O(δ²) (third derivatives of U). The result is the raw matrix: not symmetrised, no acoustic
 * sum rule, no mass weighting (see {@link ForceConstantMatrices}). Row iα holds the response of all forces
 * to a displacement of coordinate iα. All 3N coordinates are displaced even for a 2D monolayer: out-of-plane
 * (ZA) modes belong to its spectrum.
 *
 * <p>Memory: n² doubles with n = 3N (46 MB for 800 atoms), so n must satisfy n² &lt; 2³¹.
 */
public final class HessianAssembler {

    /** Default displacement δ: 0.01 Å in metal units. */
    public static final double DEFAULT_DISPLACEMENT = 0.01;

    /** Largest coordinate count 3N whose n² matrix fits a Java array. */
    public static final int MAX_COORDINATES = 46_340;

    private final double displacement;

    /**
     * @param displacement finite-difference step δ (Å in metal units, σ in LJ units); positive and finite
     */
    public HessianAssembler(double displacement) {
        if (!(displacement > 0) || !Double.isFinite(displacement)) {
            throw new IllegalArgumentException("Hessian displacement must be a positive number, got " + displacement);
        }
        this.displacement = displacement;
    }

    /** An assembler with δ = {@value #DEFAULT_DISPLACEMENT}. */
    public HessianAssembler() {
        this(DEFAULT_DISPLACEMENT);
    }

    /** The finite-difference step δ. */
    public double displacement() {
        return displacement;
    }

    /**
     * Assembles the raw finite-difference Hessian into a new array.
     *
     * @see #assemble(ForceField, double[], HessianProgressListener, double[])
     */
    public double[] assemble(ForceField forceField, double[] positions, HessianProgressListener listener) {
        return assemble(forceField, positions, listener, null);
    }

    /**
     * Assembles the raw finite-difference Hessian.
     *
     * @param forceField forces for a configuration
     * @param positions  3N coordinates of the reference configuration; not modified
     * @param listener   progress per force evaluation; may be {@link HessianProgressListener#NONE}
     * @param out        optional output of length (3N)², row-major; allocated when null
     * @return the Hessian, row-major n×n with n = 3N (eV/Å² in metal units)
     */
    public double[] assemble(ForceField forceField, double[] positions, HessianProgressListener listener,
                             double[] out) {
        Objects.requireNonNull(forceField, "forceField");
        Objects.requireNonNull(listener, "listener");
        int n = checkCoordinates(positions);
        double[] hessian = out != null ? out : new double[n * n];
        if (hessian.length != n * n) {
            throw new IllegalArgumentException("Hessian output array has length " + hessian.length
                    + " but 3N = " + n + " coordinates need " + ((long) n * n));
        }
        double[] work = positions.clone();
        double[] forcesPlus = new double[n];
        double[] forcesMinus = new double[n];
        double scale = -1.0 / (2.0 * displacement);
        int total = 2 * n;
        for (int row = 0; row < n; row++) {
            double original = positions[row];
            work[row] = original + displacement;
            evaluate(forceField, work, forcesPlus, row, '+');
            listener.progress(2 * row + 1, total);
            work[row] = original - displacement;
            evaluate(forceField, work, forcesMinus, row, '-');
            listener.progress(2 * row + 2, total);
            work[row] = original;
            int offset = row * n;
            for (int column = 0; column < n; column++) {
                hessian[offset + column] = scale * (forcesPlus[column] - forcesMinus[column]);
            }
        }
        return hessian;
    }

    private static int checkCoordinates(double[] positions) {
        Objects.requireNonNull(positions, "positions");
        int n = positions.length;
        if (n == 0 || n % 3 != 0) {
            throw new IllegalArgumentException("positions must hold 3N coordinates (x0, y0, z0, x1, …), got length " + n);
        }
        if (n > MAX_COORDINATES) {
            throw new IllegalArgumentException("a dense Hessian of " + (n / 3) + " atoms does not fit a Java array (at most "
                    + (MAX_COORDINATES / 3) + " atoms)");
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(positions[k])) {
                throw new IllegalArgumentException("position of atom " + (k / 3) + " along " + axis(k) + " is " + positions[k]);
            }
        }
        return n;
    }

    private static void evaluate(ForceField forceField, double[] work, double[] forcesOut, int displaced, char sign) {
        forceField.forces(work, forcesOut);
        for (int k = 0; k < forcesOut.length; k++) {
            if (!Double.isFinite(forcesOut[k])) {
                throw new IllegalStateException("force field returned " + forcesOut[k] + " for atom " + (k / 3)
                        + " along " + axis(k) + " after displacing atom " + (displaced / 3) + " by " + sign + "δ along "
                        + axis(displaced));
            }
        }
    }

    private static char axis(int coordinate) {
        return "xyz".charAt(coordinate % 3);
    }
}
