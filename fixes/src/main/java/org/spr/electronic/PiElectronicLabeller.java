package org.spr.electronic;

import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.structure.Frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes an {@link ElectronicLabel} from a carbon structure without DFT: π tight-binding H
 * ({@link PiTightBinding}) → eigenvalues (and eigenvectors when σ is wanted) with
 * {@link SymmetricEigensolvers#preferred()} → E_F at half filling and the DOS ({@link ElectronicDensityOfStates}) →
 * Kubo–Greenwood σ at E_F ({@link KuboGreenwood}).
 *
 * <p>k-points ({@link ElectronicLabelParameters#kPoints()}). With {@link KPointMesh#GAMMA} the cell is sampled at Γ
 * only, with the real symmetric H: a crystal's DOS is then a set of discrete levels spaced by about ħv_F·2π/L near E_F
 * (0.6 eV for a 59 Å graphene cell), and a 240-atom amorphous cell has levels about 0.04 eV apart at E_F, so σ at
 * η = 0.1 eV samples only a few states. A Monkhorst–Pack mesh samples the Bloch Hamiltonians H(k)
 * ({@link PiTightBinding#blochHamiltonian}) at the time-reversal-irreducible points ({@link KPointMesh#irreducible()}).
 * Each complex Hermitian H(k) = A + iB is diagonalised through its real symmetric embedding [[A, −B], [B, A]]
 * (2N × 2N, each level twice; {@link PiTightBinding#embeddedBlochHamiltonian}) with the same
 * {@link SymmetricEigensolver}, so LAPACK dsyevd and the pure-Java fallback both serve; this costs about 8 times a
 * real N×N solve (a complex zheevd would cost about 4 times), and Γ itself, when in the mesh, uses the real N×N path.
 * Then:
 * <ul>
 *   <li>levels: the N levels of each irreducible point (the pairs of the embedding averaged), each listed once per mesh
 *   point it stands for (twice for a ±k pair), so {@link ElectronicLabel#levels()} holds N·n1·n2·n3 levels, those
 *   of the full mesh, ascending;</li>
 *   <li>E_F: half filling of this combined list, i.e. of the whole mesh with N electrons per cell
 *   ({@link ElectronicDensityOfStates#fermiLevel} applied to it: N·n_k electrons in N·n_k spin-degenerate levels);</li>
 *   <li>DOS: the broadened DOS of the combined list = Σ_k w_k ρ_k, the k-weighted average of the per-k DOS (still
 *   states/eV/atom/spin, integrating to 1);</li>
 *   <li>σ: Σ_k w_k σ_k at that common E_F ({@link KuboGreenwood}, embedded sums halved).</li>
 * </ul>
 * Convergence, measured on ten AMC structures (amc-000002 … 000012, 216–230 atoms; deviation of σ(E_F) from the
 * 8×8 value, max over the ten): η = 0.1 eV: 1×1 150 %, 2×2 35 %, 3×3 10 %, 4×4 2.8 %, 5×5 0.5 %; η = 0.2 eV: 1×1 70 %,
 * 2×2 4.6 %, 3×3 1.0 %, 4×4 0.1 %; ρ(E_F) at σ_E = 0.1 eV is within 1 % from 3×3. Seconds per structure with σ
 * (LAPACK/OpenBLAS, 2 shared cores): 1×1 0.01–0.02, 2×2 0.03, 3×3 0.07, 4×4 0.15, 5×5 0.25, 8×8 0.7.
 *
 * <p>The eigenvectors of every irreducible point are kept until E_F is known: memory n_irr·(2N)²·8 bytes (15 MB for
 * N = 240 on a 4×4 mesh), besides the Hamiltonians. Cost: O(N³) per point, see {@code PiElectronicBenchmark}.
 */
public final class PiElectronicLabeller {

    private final ElectronicLabelParameters parameters;
    private final SymmetricEigensolver solver;

    /** A labeller with the preferred eigensolver (system LAPACK when present). */
    public PiElectronicLabeller(ElectronicLabelParameters parameters) {
        this(parameters, SymmetricEigensolvers.preferred());
    }

    public PiElectronicLabeller(ElectronicLabelParameters parameters, SymmetricEigensolver solver) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.solver = Objects.requireNonNull(solver, "solver");
    }

    public ElectronicLabelParameters parameters() {
        return parameters;
    }

    /**
     * The label of one structure.
     *
     * @param frame carbon atoms (a frame whose species are named must name every type "C"); dimension 2 = monolayer
     *              in the xy plane (σ in-plane, per area), 3 = bulk
     * @throws IllegalArgumentException for a non-carbon species or a cell narrower than twice the hopping cutoff
     */
    public ElectronicLabel label(Frame frame) {
        checkCarbon(frame);
        KPointMesh mesh = parameters.kPoints();
        if (mesh.gammaOnly()) {
            return gammaLabel(frame);
        }
        mesh.checkFits(frame);
        return meshLabel(frame, mesh.irreducible(), true);
    }

    /** Γ only, real symmetric H (the path of {@link KPointMesh#GAMMA}). */
    private ElectronicLabel gammaLabel(Frame frame) {
        int n = frame.atomCount();
        long start = System.nanoTime();
        double[] hamiltonian = new PiTightBinding(parameters.model()).hamiltonian(frame, null);
        boolean vectors = parameters.conductivity();
        double[] work = vectors ? hamiltonian.clone() : hamiltonian;
        long built = System.nanoTime();
        SymmetricEigenDecomposition states = solver.decompose(work, n, vectors);
        long solved = System.nanoTime();
        double[] levels = states.eigenvalues();
        double fermi = ElectronicDensityOfStates.fermiLevel(levels);
        double[] density = ElectronicDensityOfStates.broaden(levels, fermi, parameters.grid(), parameters.dosBroadening(), null);
        double atFermi = ElectronicDensityOfStates.densityAt(levels, fermi, parameters.dosBroadening());
        long dos = System.nanoTime();
        KuboGreenwoodConductivity sigma = vectors
                ? KuboGreenwood.compute(hamiltonian, states, frame, fermi, parameters.conductivityBroadening(),
                parameters.monolayerThickness())
                : null;
        long end = System.nanoTime();
        ElectronicLabel.Timings timings = new ElectronicLabel.Timings((built - start) * 1e-9, (solved - built) * 1e-9,
                (dos - solved) * 1e-9, (end - dos) * 1e-9, solver.name());
        return new ElectronicLabel(parameters.grid(), density, fermi, atFermi, levels.clone(), sigma, n, parameters, timings);
    }

    /**
     * The label from the given mesh points (weights summing to 1), see the class comment.
     *
     * @param realAtGamma true to use the real N×N Hamiltonian at Γ; false to send Γ through the complex (embedded)
     *                    path as well, which tests compare with the real one
     */
    ElectronicLabel meshLabel(Frame frame, List<KPointMesh.KPoint> points, boolean realAtGamma) {
        checkCarbon(frame);
        int n = frame.atomCount();
        PiTightBinding model = new PiTightBinding(parameters.model());
        boolean vectors = parameters.conductivity();
        int meshSize = 0;
        for (KPointMesh.KPoint point : points) {
            meshSize += point.multiplicity();
        }
        double[] all = new double[n * meshSize];
        int filled = 0;
        List<KuboGreenwood.MeshStates> states = new ArrayList<>();
        long buildNanos = 0;
        long solveNanos = 0;
        for (KPointMesh.KPoint point : points) {
            long start = System.nanoTime();
            boolean embedded = !(realAtGamma && point.gamma());
            double[] hamiltonian = embedded ? model.embeddedBlochHamiltonian(frame, point.fractional(), null)
                    : model.hamiltonian(frame, null);
            int d = embedded ? 2 * n : n;
            double[] work = vectors ? hamiltonian.clone() : hamiltonian;
            long built = System.nanoTime();
            SymmetricEigenDecomposition decomposition = solver.decompose(work, d, vectors);
            long solved = System.nanoTime();
            buildNanos += built - start;
            solveNanos += solved - built;
            double[] levels = decomposition.eigenvalues();
            for (int s = 0; s < n; s++) {
                double level = embedded ? 0.5 * (levels[2 * s] + levels[2 * s + 1]) : levels[s];
                for (int copy = 0; copy < point.multiplicity(); copy++) {
                    all[filled++] = level;
                }
            }
            if (vectors) {
                states.add(new KuboGreenwood.MeshStates(point.weight(), point.multiplicity(), embedded, hamiltonian,
                        decomposition));
            }
        }
        long dosStart = System.nanoTime();
        Arrays.sort(all);
        double fermi = ElectronicDensityOfStates.fermiLevel(all);
        double[] density = ElectronicDensityOfStates.broaden(all, fermi, parameters.grid(), parameters.dosBroadening(), null);
        double atFermi = ElectronicDensityOfStates.densityAt(all, fermi, parameters.dosBroadening());
        long dos = System.nanoTime();
        KuboGreenwoodConductivity sigma = vectors
                ? KuboGreenwood.computeMesh(states, frame, fermi, parameters.conductivityBroadening(),
                parameters.monolayerThickness())
                : null;
        long end = System.nanoTime();
        String name = String.format(Locale.ROOT, "%s, %d k-points (%d irreducible), H(k) as 2N×2N real embedding",
                solver.name(), meshSize, points.size());
        ElectronicLabel.Timings timings = new ElectronicLabel.Timings(buildNanos * 1e-9, solveNanos * 1e-9,
                (dos - dosStart) * 1e-9, (end - dos) * 1e-9, name);
        return new ElectronicLabel(parameters.grid(), density, fermi, atFermi, all, sigma, n, parameters, timings);
    }

    private static void checkCarbon(Frame frame) {
        String[] species = frame.speciesNames();
        if (species == null) {
            return;
        }
        int[] counts = frame.countsPerType();
        for (int t = 0; t < frame.typeCount(); t++) {
            if (counts[t] > 0 && species[t] != null && !species[t].equalsIgnoreCase("C")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the π tight-binding model is for carbon, but type %d is %s (%d atoms)", t + 1, species[t], counts[t]));
            }
        }
    }
}
