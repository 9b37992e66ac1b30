package org.spr.fixes.electronic;

import org.spr.fixes.label.SymmetricEigenDecomposition;
import org.spr.fixes.label.SymmetricEigensolver;
import org.spr.fixes.label.SymmetricEigensolvers;
import org.spr.structure.Frame;

import java.util.Locale;
import java.util.Objects;

/**
 * Makes an {@link ElectronicLabel} from a carbon structure without DFT: π tight-binding H
 * ({@link PiTightBinding}) → eigenvalues (and eigenvectors when σ is wanted) with
 * {@link SymmetricEigensolvers#preferred()} → E_F at half filling and the DOS ({@link ElectronicDensityOfStates}) →
 * Kubo–Greenwood σ at E_F ({@link KuboGreenwood}).
 *
 * <p>The structure is sampled at the Γ point of its periodic cell only (no k-points): a crystal's DOS is a set of
 * discrete levels spaced by about ħv_F·2π/L near E_F (0.6 eV for a 59 Å graphene cell), which σ_E smooths.
 * Amorphous cells of a few hundred atoms have no such structure to resolve. Cost: O(N³), see
 * {@code PiElectronicBenchmark}.
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
