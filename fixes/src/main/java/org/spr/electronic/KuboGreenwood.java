package org.spr.electronic;

import org.spr.linalg.MatrixProducts;
import org.spr.linalg.SymmetricEigenDecomposition;
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
        boolean[] directions = directions(frame);
        Sums sums = sums(states.eigenvalues(), states.eigenvectors(), n, directions, energy, broadening,
                (alpha, out) -> PiTightBinding.positionWeighted(hamiltonian, frame, alpha, out));
        return assemble(sums.components(), frame, energy, broadening, thickness, sums.states());
    }

    /**
     * The eigenstates at one point of a k-point mesh.
     *
     * @param weight       w_k of the mesh point ({@link KPointMesh.KPoint#weight()}), the weights summing to 1
     * @param multiplicity mesh points it stands for (1, or 2 with its time-reversed partner)
     * @param embedded     true: {@code hamiltonian} is the 2N×2N embedding of H(k) ({@link PiTightBinding#embeddedBlochHamiltonian});
     *                     false: the real N×N H at Γ ({@link PiTightBinding#hamiltonian})
     * @param hamiltonian  that matrix (read only)
     * @param states       its eigen-decomposition with eigenvectors
     */
    record MeshStates(double weight, int multiplicity, boolean embedded, double[] hamiltonian,
                      SymmetricEigenDecomposition states) {
    }

    /**
     * σ at E averaged over a k-point mesh: σ = Σ_k w_k σ_k (one E for all k, E_F of the whole mesh), σ_k the formula
     * of the class comment with the Bloch eigenstates |n k⟩ and X^α(k)_ij = H_ij(k)(r_j − r_i)_α,
     * ⟨n k|v_α|m k⟩ = (i/ħ)⟨n k|X^α(k)|m k⟩ (the Kubo–Greenwood trace per cell is the average over k of the traces
     * at each k; time-reversed partners give equal σ_k, {@link KPointMesh}).
     *
     * <p>Through the real embedding (emb(Z) = [[Re Z, −Im Z], [Im Z, Re Z]]): with Δ = Σ_n |n⟩δ_η(E − E_n)⟨n| = δ_η(E − H(k)),
     * <pre>
     *   S_k = Σ_{n,m} |⟨n|X|m⟩|² δ_η(E − E_n) δ_η(E − E_m) = Tr[X Δ X† Δ]
     *   Σ_{p,q} (w_pᵀ emb(X) w_q)² δ_η(E − E_p) δ_η(E − E_q) = Tr[emb(X) emb(Δ) emb(X)ᵀ emb(Δ)] = Tr emb(X Δ X† Δ) = 2 Re S_k = 2 S_k
     * </pre>
     * over the 2N real eigenvectors w_p of emb(H(k)) (emb(Δ) = Σ_p w_p δ_η(E − E_p) w_pᵀ because emb(H) has the levels of
     * H twice, with eigenvectors spanning the embedded eigenspaces, whatever basis the solver picks within a degenerate
     * pair). So each embedded sum is halved; the real Γ path (X real antisymmetric) needs no factor. The resulting
     * {@link KuboGreenwoodConductivity#statesInWindow()} counts (n, k) over the whole mesh (each irreducible point's
     * count times its multiplicity).
     *
     * @param points     the irreducible points with their states
     * @param frame      the structure
     * @param energy     E (eV), E_F of the whole mesh for a label
     * @param broadening η, eV, positive
     * @param thickness  monolayer thickness t in Å, positive (not used for a bulk frame)
     */
    static KuboGreenwoodConductivity computeMesh(java.util.List<MeshStates> points, Frame frame, double energy,
                                                 double broadening, double thickness) {
        if (!(broadening > 0) || !Double.isFinite(broadening)) {
            throw new IllegalArgumentException("Kubo–Greenwood broadening eta must be a positive number of eV, got " + broadening);
        }
        if (frame.dimension() == 2 && !(thickness > 0)) {
            throw new IllegalArgumentException("monolayer thickness must be a positive number of Å, got " + thickness);
        }
        boolean[] directions = directions(frame);
        double[] total = {Double.NaN, Double.NaN, Double.NaN};
        for (int alpha = 0; alpha < 3; alpha++) {
            if (directions[alpha]) {
                total[alpha] = 0.0;
            }
        }
        int states = 0;
        for (MeshStates point : points) {
            SymmetricEigenDecomposition decomposition = point.states();
            if (decomposition.eigenvectors() == null) {
                throw new IllegalArgumentException("Kubo–Greenwood needs eigenvectors; decompose with computeVectors = true");
            }
            int d = decomposition.dimension();
            int expected = point.embedded() ? 2 * frame.atomCount() : frame.atomCount();
            if (d != expected || point.hamiltonian().length != (long) d * d) {
                throw new IllegalArgumentException("Kubo–Greenwood inputs disagree: " + d + " states, " + frame.atomCount()
                        + " atoms, embedded " + point.embedded() + ", Hamiltonian of " + point.hamiltonian().length + " entries");
            }
            double[] h = point.hamiltonian();
            Sums sums = sums(decomposition.eigenvalues(), decomposition.eigenvectors(), d, directions, energy, broadening,
                    point.embedded() ? (alpha, out) -> PiTightBinding.embeddedPositionWeighted(h, frame, alpha, out)
                            : (alpha, out) -> PiTightBinding.positionWeighted(h, frame, alpha, out));
            double factor = point.embedded() ? 0.5 * point.weight() : point.weight();
            for (int alpha = 0; alpha < 3; alpha++) {
                if (directions[alpha]) {
                    total[alpha] += factor * sums.components()[alpha];
                }
            }
            states += point.multiplicity() * (point.embedded() ? sums.states() / 2 : sums.states());
        }
        return assemble(total, frame, energy, broadening, thickness, states);
    }

    /** The directions σ is computed along: x, y for a monolayer (dimension 2), x, y, z for bulk. */
    static boolean[] directions(Frame frame) {
        return new boolean[] {true, true, frame.dimension() != 2};
    }

    /** X^α into out (dimension² entries), or a new array when out is null. */
    @FunctionalInterface
    interface PositionWeighted {
        double[] matrix(int alpha, double[] out);
    }

    /**
     * Σ_{n,m} (M^α_nm)² δ_η(E − E_n) δ_η(E − E_m) per direction (NaN where not computed) and the number of states
     * within the Gaussian cutoff of E.
     */
    record Sums(double[] components, int states) {
    }

    /**
     * The sums of the class comment for one real symmetric eigen-decomposition of dimension d (the N×N Hamiltonian, or
     * the 2N×2N embedding of a Bloch Hamiltonian, whose sums are then twice the complex ones, see
     * {@link #computeMesh}).
     */
    static Sums sums(double[] levels, double[] vectors, int d, boolean[] directions, double energy, double broadening,
                     PositionWeighted positionWeighted) {
        double reach = ElectronicDensityOfStates.CUTOFF_WIDTHS * broadening;
        int first = 0;
        while (first < d && levels[first] < energy - reach) {
            first++;
        }
        int last = first;
        while (last < d && levels[last] <= energy + reach) {
            last++;
        }
        int k = last - first;
        double[] components = {Double.NaN, Double.NaN, Double.NaN};
        if (k == 0) {
            for (int alpha = 0; alpha < 3; alpha++) {
                if (directions[alpha]) {
                    components[alpha] = 0.0;
                }
            }
            return new Sums(components, 0);
        }
        double[] weights = new double[k];
        for (int s = 0; s < k; s++) {
            weights[s] = ElectronicDensityOfStates.gaussian(energy - levels[first + s], broadening);
        }
        double[] window = java.util.Arrays.copyOfRange(vectors, first * d, last * d);
        double[] weighted = new double[d * d];
        double[] half = new double[d * k];
        double[] velocity = new double[k * k];
        for (int alpha = 0; alpha < 3; alpha++) {
            if (!directions[alpha]) {
                continue;
            }
            positionWeighted.matrix(alpha, weighted);
            MatrixProducts.multiply(weighted, false, window, true, d, k, d, half);
            MatrixProducts.multiply(window, false, half, false, k, k, d, velocity);
            components[alpha] = weightedSquares(velocity, weights);
        }
        return new Sums(components, k);
    }

    /** σ in S/m (and the sheet conductance for a monolayer) from the sums, see the class comment. */
    static KuboGreenwoodConductivity assemble(double[] sums, Frame frame, double energy, double broadening,
                                              double thickness, int states) {
        boolean monolayer = frame.dimension() == 2;
        double measure = monolayer ? frame.box().area() : frame.box().volume();
        boolean[] directions = directions(frame);
        double[] components = sums.clone();
        double total = 0;
        int count = 0;
        for (int alpha = 0; alpha < 3; alpha++) {
            if (directions[alpha]) {
                total += components[alpha];
                count++;
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
                monolayer ? sheet / CONDUCTANCE_QUANTUM : Double.NaN, monolayer ? thickness : Double.NaN, measure, states);
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
