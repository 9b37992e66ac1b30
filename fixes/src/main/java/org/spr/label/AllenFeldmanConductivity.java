package org.spr.label;

import org.spr.linalg.MatrixProducts;
import org.spr.linalg.SymmetricEigenDecomposition;

import java.util.Objects;

/**
 * Allen–Feldman (Phys. Rev. B 48, 12581 (1993)) harmonic thermal conductivity of a disordered solid from the
 * eigenmodes of its dynamical matrix D (mass-weighted, metal units: eV/(Å²·amu)).
 *
 * <pre>
 *   generalised velocity   v^α_ij = 1/(2√(ω_i ω_j)) Σ_{aβ,bγ} e_i(aβ) (R_a^α − R_b^α) D_{aβ,bγ} e_j(bγ)
 *   mode diffusivity       D_i = π/(4 d ω_i²) Σ_{j≠i} Σ_{α∈dirs} (ω_i + ω_j)² |v^α_ij|² δ_η(ω_i − ω_j)
 *   Lorentzian             δ_η(x) = (1/π) η / (x² + η²)
 *   conductivity           κ(T) = (1/V) Σ_i C_i(T) D_i,  C_i = k_B x² eˣ/(eˣ−1)², x = ħω_i/k_BT (or k_B classically)
 * </pre>
 *
 * with d the number of averaged directions (3 bulk, 2 in-plane for a monolayer), R_a − R_b the minimum-image
 * separation in an orthorhombic box, and e_i the unit eigenvectors. For a plane wave, v_ii is the group velocity; the
 * j = i term is excluded, so a perfect crystal's D_i is carried by its degenerate partners only and grows as 1/η
 * (no diffusive limit), while a glass's D_i converges as η shrinks to a few level spacings. The three translational
 * (two for an in-plane matrix) modes and imaginary modes are skipped and counted. Lorentzian tails beyond |ω_i − ω_j| &gt; 50η are dropped
 * (1.3 % of each Lorentzian's weight). Cost: three dense products of 3N×3N matrices per direction
 * ({@link MatrixProducts}: system BLAS, else EJML); the cell should be larger than twice the force-constant range so that each matrix
 * element belongs to one image.
 */
public final class AllenFeldmanConductivity {

    /** √(eV/(Å²·amu)) in rad/s: ω = this·√λ. */
    /** Widths tried, relative to the parameters' η: κ at η/2 and 2η test for a plateau around the label at η. */
    static final double[] PLATEAU_FACTORS = {0.5, 1.0, 2.0};
    private static final int LABEL_WIDTH = 1;
    /**
     * Largest relative change of κ between η and η/2 or 2η for which Allen–Feldman is considered valid: a glass's
     * diffuson κ has a plateau in η (AMC, modes above 5 THz: ±3 % for η = 0.25–1 THz), a crystal or a barely
     * defected crystal has none (κ ∝ 1/η from propagating phonons: Stone–Wales-defected graphene 17 → 12 → 8.7
     * W/(m K) at η = 0.2, 0.5, 1 THz).
     */
    public static final double MAX_PLATEAU_DEVIATION = 0.25;

    public static final double ANGULAR_FREQUENCY_UNIT = 2 * Math.PI * FrequencyUnit.METAL_THZ.factor() * 1e12;
    private static final double BOLTZMANN = 1.380649e-23;
    private static final double REDUCED_PLANCK = 1.054571817e-34;

    private final AllenFeldmanParameters parameters;

    public AllenFeldmanConductivity(AllenFeldmanParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Computes κ(T).
     *
     * @param dynamicalMatrix mass-weighted, symmetric, 3N×3N row-major (eV/(Å²·amu)); read only
     * @param modes           its eigen-decomposition with eigenvectors
     * @param positions       3N coordinates (Å) the matrix was built at
     * @param boxLengths      orthorhombic box lengths L_x, L_y, L_z (Å); 0 along a non-periodic axis (then that
     *                        length is not used for the volume either, so give a positive value for a bulk cell)
     */
    public AllenFeldmanResult compute(double[] dynamicalMatrix, SymmetricEigenDecomposition modes, double[] positions,
                                      double[] boxLengths) {
        return compute(dynamicalMatrix, modes, positions, boxLengths, 3);
    }

    /**
     * Computes κ(T) for a dynamical matrix with {@code components} Cartesian components per atom: 3, or 2 for the
     * in-plane matrix of a LAMMPS {@code dimension 2} monolayer (x, y per atom; then only x and y may be averaged
     * and the two in-plane translations are skipped).
     *
     * @param positions  components·N coordinates (Å) in the matrix's layout
     * @param components 2 or 3
     */
    public AllenFeldmanResult compute(double[] dynamicalMatrix, SymmetricEigenDecomposition modes, double[] positions,
                                      double[] boxLengths, int components) {
        if (components != 2 && components != 3) {
            throw new IllegalArgumentException("Allen–Feldman needs 2 or 3 components per atom, got " + components);
        }
        if (components == 2 && parameters.directions()[2]) {
            throw new IllegalArgumentException("Allen–Feldman on an in-plane (2-component) matrix cannot average z; use in-plane directions");
        }
        int n = modes.dimension();
        if (modes.eigenvectors() == null) {
            throw new IllegalArgumentException("Allen–Feldman needs eigenvectors; decompose with computeVectors = true");
        }
        if (positions.length != n || n % components != 0 || dynamicalMatrix.length != (long) n * n || boxLengths.length != 3) {
            throw new IllegalArgumentException("Allen–Feldman inputs disagree: " + n + " modes, " + positions.length
                    + " coordinates, dynamical matrix of " + dynamicalMatrix.length + " entries, " + boxLengths.length + " box lengths");
        }
        double volume = volume(boxLengths);
        double[] eigenvalues = modes.eigenvalues();
        double[] omega = new double[n];
        boolean[] skipped = new boolean[n];
        int skippedCount = 0;
        for (int index : smallest(eigenvalues, components)) {
            skipped[index] = true;
            skippedCount++;
        }
        for (int i = 0; i < n; i++) {
            if (!skipped[i] && !(eigenvalues[i] > 0)) {
                skipped[i] = true;
                skippedCount++;
            }
            omega[i] = skipped[i] ? 0.0 : Math.sqrt(eigenvalues[i]);
        }
        // η/2, η, 2η from the same velocity matrices: κ at η is the label, the other two test for a plateau
        double[] etas = new double[PLATEAU_FACTORS.length];
        double[][] sums = new double[PLATEAU_FACTORS.length][n];
        for (int w = 0; w < etas.length; w++) {
            etas[w] = PLATEAU_FACTORS[w] * 2 * Math.PI * parameters.lorentzianWidth() * 1e12 / ANGULAR_FREQUENCY_UNIT;
        }
        double[] vectors = modes.eigenvectors();
        double[] weighted = new double[n * n];
        double[] half = new double[n * n];
        double[] velocity = new double[n * n];
        for (int alpha = 0; alpha < 3; alpha++) {
            if (!parameters.directions()[alpha]) {
                continue;
            }
            separationWeighted(dynamicalMatrix, positions, boxLengths, alpha, components, weighted);
            MatrixProducts.multiply(weighted, false, vectors, true, n, n, n, half);
            MatrixProducts.multiply(vectors, false, half, false, n, n, n, velocity);
            for (int w = 0; w < etas.length; w++) {
                accumulate(velocity, omega, skipped, etas[w], sums[w]);
            }
        }
        double[] frequencies = new double[n];
        for (int i = 0; i < n; i++) {
            frequencies[i] = FrequencyUnit.METAL_THZ.frequency(eigenvalues[i]);
        }
        double toSquareMetresPerSecond = 1e-20 * ANGULAR_FREQUENCY_UNIT;
        double prefactor = Math.PI / (4.0 * parameters.directionCount());
        double[][] diffusivity = new double[etas.length][n];
        for (int w = 0; w < etas.length; w++) {
            for (int i = 0; i < n; i++) {
                if (!skipped[i]) {
                    diffusivity[w][i] = prefactor * sums[w][i] / (omega[i] * omega[i]) * toSquareMetresPerSecond;
                }
            }
        }
        double[] temperatures = parameters.temperatures();
        double[] kappa = new double[temperatures.length];
        double[] belowCutoff = new double[temperatures.length];
        double[] plateauDeviation = new double[temperatures.length];
        for (int t = 0; t < temperatures.length; t++) {
            double[] total = new double[etas.length];
            double below = 0;
            for (int i = 0; i < n; i++) {
                if (skipped[i]) {
                    continue;
                }
                double capacity = heatCapacity(omega[i] * ANGULAR_FREQUENCY_UNIT, temperatures[t]);
                if (frequencies[i] < parameters.lowFrequencyCutoff()) {
                    below += capacity * diffusivity[LABEL_WIDTH][i];
                } else {
                    for (int w = 0; w < etas.length; w++) {
                        total[w] += capacity * diffusivity[w][i];
                    }
                }
            }
            kappa[t] = total[LABEL_WIDTH] / (volume * 1e-30);
            belowCutoff[t] = below / (volume * 1e-30);
            for (int w = 0; w < etas.length; w++) {
                if (total[LABEL_WIDTH] > 0) {
                    plateauDeviation[t] = Math.max(plateauDeviation[t], Math.abs(total[w] / total[LABEL_WIDTH] - 1));
                }
            }
        }
        double[] diffusivities = diffusivity[LABEL_WIDTH];
        return new AllenFeldmanResult(temperatures, kappa, frequencies, diffusivities, skippedCount, volume, parameters,
                belowCutoff, plateauDeviation);
    }

    /** Mode heat capacity in J/K at angular frequency ω (rad/s): quantum (Einstein) or classical k_B. */
    public double heatCapacity(double angularFrequency, double temperature) {
        if (!parameters.quantumHeatCapacity()) {
            return BOLTZMANN;
        }
        double x = REDUCED_PLANCK * angularFrequency / (BOLTZMANN * temperature);
        if (x > 700) {
            return 0.0;
        }
        double expm1 = Math.expm1(x);
        return BOLTZMANN * x * x * (expm1 + 1) / (expm1 * expm1);
    }

    private double volume(double[] boxLengths) {
        double thickness = parameters.monolayerThickness();
        double volume = thickness > 0 ? boxLengths[0] * boxLengths[1] * thickness
                : boxLengths[0] * boxLengths[1] * boxLengths[2];
        if (!(volume > 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("Allen–Feldman volume is " + volume + " Å³ from box lengths "
                    + java.util.Arrays.toString(boxLengths) + (thickness > 0 ? " and thickness " + thickness : "")
                    + "; a bulk cell needs three positive box lengths");
        }
        return volume;
    }

    /** out[aβ, bγ] = (R_a^α − R_b^α)·D[aβ, bγ] with the minimum-image separation. */
    private static void separationWeighted(double[] dynamical, double[] positions, double[] box, int alpha, int components,
                                           double[] out) {
        int n = positions.length;
        int atoms = n / components;
        double length = box[alpha];
        for (int a = 0; a < atoms; a++) {
            double ra = positions[components * a + alpha];
            for (int b = 0; b < atoms; b++) {
                double separation = ra - positions[components * b + alpha];
                if (length > 0) {
                    separation -= length * Math.rint(separation / length);
                }
                for (int beta = 0; beta < components; beta++) {
                    int offset = (components * a + beta) * n + components * b;
                    for (int gamma = 0; gamma < components; gamma++) {
                        out[offset + gamma] = separation * dynamical[offset + gamma];
                    }
                }
            }
        }
    }

    /** sums[i] += Σ_{j≠i} (ω_i + ω_j)² |M_ij / (2√(ω_iω_j))|² δ_η(ω_i − ω_j) = Σ (ω_i+ω_j)²/(4ω_iω_j) M_ij² δ_η. */
    private static void accumulate(double[] velocity, double[] omega, boolean[] skipped, double eta, double[] sums) {
        int n = omega.length;
        double reach = 50 * eta;
        for (int i = 0; i < n; i++) {
            if (skipped[i]) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j == i || skipped[j]) {
                    continue;
                }
                double difference = omega[i] - omega[j];
                if (Math.abs(difference) > reach) {
                    continue;
                }
                double m = velocity[i * n + j];
                double plus = omega[i] + omega[j];
                double lorentzian = eta / (Math.PI * (difference * difference + eta * eta));
                sum += plus * plus / (4 * omega[i] * omega[j]) * m * m * lorentzian;
            }
            sums[i] += sum;
        }
    }

    /** Indices of the {@code count} eigenvalues of smallest |λ| (the rigid translations), none for tiny systems. */
    private static int[] smallest(double[] values, int count) {
        if (values.length < 2 * count) {
            return new int[0];
        }
        int[] chosen = new int[count];
        java.util.Arrays.fill(chosen, -1);
        for (int c = 0; c < count; c++) {
            int best = -1;
            for (int k = 0; k < values.length; k++) {
                boolean taken = false;
                for (int previous = 0; previous < c; previous++) {
                    taken |= chosen[previous] == k;
                }
                if (!taken && (best < 0 || Math.abs(values[k]) < Math.abs(values[best]))) {
                    best = k;
                }
            }
            chosen[c] = best;
        }
        return chosen;
    }
}
