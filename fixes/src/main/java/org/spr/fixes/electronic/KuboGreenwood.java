package org.spr.fixes.electronic;

import org.spr.fixes.label.MatrixProducts;
import org.spr.fixes.label.SymmetricEigenDecomposition;
import org.spr.structure.Frame;

/**
 * Kubo–Greenwood DC conductivity of non-interacting electrons at T = 0 from the eigenstates |n⟩ (energies E_n) of a
 * tight-binding Hamiltonian H:
 *
 * <pre>
 *   σ_αα(E) = (2πħe²/Ω) Σ_{n,m} |⟨n|v_α|m⟩|² δ_η(E − E_n) δ_η(E − E_m)
 *   ⟨i|v_α|j⟩ = (i/ħ)[H, r_α]_ij = −(i/ħ) H_ij (r_i − r_j)_α        (minimum-image separation)
 *   ⟨n|v_α|m⟩ = −(i/ħ) M^α_nm,  M^α = Uᵀ X^α U,  X^α_ij = H_ij (r_i − r_j)_α   (eV·Å)
 *   ⇒ σ_αα(E) = (2π e²/ħ) (1/Ω) Σ_{n,m} (M^α_nm)² δ_η(E − E_n) δ_η(E − E_m)
 *   δ_η(x) = exp(−x²/2η²)/(η√(2π))                                    (1/eV)
 * </pre>
 *
 * The factor 2 in 2πħ is the spin degeneracy: per spin direction the Kubo–Greenwood formula reads
 * σ = e² ρ_Ω D with D(E) = πħ Tr[v δ(E−H) v δ(E−H)] / Tr[δ(E−H)] (Einstein relation). Each term M²·δ·δ is in
 * (eV·Å)²/eV² = Å², so with Ω = A, the in-plane area of a monolayer in Å², Σ/A is a number and σ = 2π(e²/ħ)Σ/A is a
 * sheet conductance G in S, G/(e²/h) = 4π²Σ/A. With Ω = V, a bulk volume in Å³, σ is in S/Å = 10¹⁰ S/m; a monolayer's σ in S/m is G/t for the
 * thickness convention t (3.35 Å for carbon). A monolayer averages σ_xx and σ_yy; bulk averages x, y, z.
 *
 * <p>δ_η is a Gaussian (standard deviation η) rather than a Lorentzian so that only the eigenstates within
 * {@value ElectronicDensityOfStates#CUTOFF_WIDTHS}·η of E enter: M is needed only on that window of K states, at
 * the cost of X·U_K (N×N·N×K) and U_Kᵀ·(X U_K) (K×N·N×K) through {@link MatrixProducts} (BLAS dgemm). Eigenvectors
 * are real, so M is antisymmetric and its diagonal (the intra-state velocity) vanishes; in a clean crystal the
 * current is carried by pairs of degenerate standing waves (±k) and σ has no finite limit (ballistic): σ ∝ 1/η² while
 * η is below the level spacing (graphene with its Dirac states at E_F: G = 8π(ħv_F)²/(Aη²) in units of e²/h, which
 * the tests check), σ ∝ 1/η once η spans many levels. A disordered structure's σ levels off once η spans a few level
 * spacings at E, and is then the label.
 */
public final class KuboGreenwood {

    /** e²/ħ in S. */
    public static final double CONDUCTANCE_UNIT = 1.602176634e-19 * 1.602176634e-19 / 1.054571817e-34;
    /** The conductance quantum e²/h in S. */
    public static final double CONDUCTANCE_QUANTUM = CONDUCTANCE_UNIT / (2 * Math.PI);

    private KuboGreenwood() {
    }

    /**
     * σ at energy E.
     *
     * @param hamiltonian H (eV), N×N row-major, read only; the same matrix the states diagonalise
     * @param states      its eigen-decomposition with eigenvectors (eigenvalues ascending)
     * @param frame       the structure H was built from (positions, box, dimension 2 = monolayer in the xy plane)
     * @param energy      E in eV (E_F for a label)
     * @param broadening  η in eV, positive
     * @param thickness   monolayer thickness t in Å, positive (not used for a bulk frame)
     */
    public static KuboGreenwoodConductivity compute(double[] hamiltonian, SymmetricEigenDecomposition states, Frame frame,
                                                    double energy, double broadening, double thickness) {
        int n = states.dimension();
        if (states.eigenvectors() == null) {
            throw new IllegalArgumentException("Kubo–Greenwood needs eigenvectors; decompose with computeVectors = true");
        }
        if (n != frame.atomCount() || hamiltonian.length != (long) n * n) {
            throw new IllegalArgumentException("Kubo–Greenwood inputs disagree: " + n + " states, " + frame.atomCount()
                    + " atoms, Hamiltonian of " + hamiltonian.length + " entries");
        }
        if (!(broadening > 0) || !Double.isFinite(broadening)) {
            throw new IllegalArgumentException("Kubo–Greenwood broadening eta must be a positive number of eV, got " + broadening);
        }
        boolean monolayer = frame.dimension() == 2;
        if (monolayer && !(thickness > 0)) {
            throw new IllegalArgumentException("monolayer thickness must be a positive number of Å, got " + thickness);
        }
        double measure = monolayer ? frame.box().area() : frame.box().volume();
        boolean[] directions = {true, true, !monolayer};
        double[] levels = states.eigenvalues();
        double reach = ElectronicDensityOfStates.CUTOFF_WIDTHS * broadening;
        int first = 0;
        while (first < n && levels[first] < energy - reach) {
            first++;
        }
        int last = first;
        while (last < n && levels[last] <= energy + reach) {
            last++;
        }
        int k = last - first;
        double[] weights = new double[k];
        for (int s = 0; s < k; s++) {
            weights[s] = ElectronicDensityOfStates.gaussian(energy - levels[first + s], broadening);
        }
        double[] components = {Double.NaN, Double.NaN, Double.NaN};
        double total = 0;
        int count = 0;
        if (k > 0) {
            double[] window = java.util.Arrays.copyOfRange(states.eigenvectors(), first * n, last * n);
            double[] weighted = new double[n * n];
            double[] half = new double[n * k];
            double[] velocity = new double[k * k];
            for (int alpha = 0; alpha < 3; alpha++) {
                if (!directions[alpha]) {
                    continue;
                }
                PiTightBinding.positionWeighted(hamiltonian, frame, alpha, weighted);
                MatrixProducts.multiply(weighted, false, window, true, n, k, n, half);
                MatrixProducts.multiply(window, false, half, false, k, k, n, velocity);
                double sum = weightedSquares(velocity, weights);
                components[alpha] = sum;
                total += sum;
                count++;
            }
        } else {
            for (int alpha = 0; alpha < 3; alpha++) {
                if (directions[alpha]) {
                    components[alpha] = 0.0;
                    count++;
                }
            }
        }
        double meanSum = total / count;
        double toSiemens = 2 * Math.PI * CONDUCTANCE_UNIT / measure;
        double perLength = monolayer ? 1e10 / thickness : 1e10;
        for (int alpha = 0; alpha < 3; alpha++) {
            if (directions[alpha]) {
                components[alpha] *= toSiemens * perLength;
            }
        }
        double conductivity = meanSum * toSiemens * perLength;
        double sheet = monolayer ? meanSum * toSiemens : Double.NaN;
        return new KuboGreenwoodConductivity(energy, broadening, directions, components, conductivity, sheet,
                monolayer ? sheet / CONDUCTANCE_QUANTUM : Double.NaN, monolayer ? thickness : Double.NaN, measure, k);
    }

    /** Σ_{n,m} M_nm² w_n w_m for a k×k row-major M. */
    static double weightedSquares(double[] matrix, double[] weights) {
        int k = weights.length;
        double sum = 0;
        for (int a = 0; a < k; a++) {
            double row = 0;
            int offset = a * k;
            for (int b = 0; b < k; b++) {
                double m = matrix[offset + b];
                row += m * m * weights[b];
            }
            sum += row * weights[a];
        }
        return sum;
    }
}
