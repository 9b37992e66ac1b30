package org.spr.protocol;

import org.spr.lammps.Lammps;
import org.spr.lammps.SimulationBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * How every amorphous-monolayer-carbon protocol ends, one convention for the vibrations of monolayers:
 * <ol>
 *   <li>minimise in the plane (z frozen) with the in-plane cell relaxed ({@link Minimisation});</li>
 *   <li><b>relax in 3D</b>: release z, displace every atom by a random δz ∈ [−{@value #RIPPLE_SEED} Å, +…], minimise
 *       again (in-plane cell relaxed). A flat cell minimised with z frozen is a saddle point (out-of-plane imaginary
 *       modes); after this step the Hessian is taken at a true minimum and the PDOS holds all 3N modes (in-plane and
 *       out-of-plane together). Imaginary modes that remain are counted per structure by the label;</li>
 *   <li><b>cutoff shell</b>: pairs at distances in the potential's smooth-cutoff shell [R−D, R+D] sit on a kink of
 *       the potential (spurious stiff two-atom modes, finite-difference-dependent imaginary modes). Their atoms are
 *       nudged by {@value #NUDGE} Å at random and the structure re-minimised, up to {@value #NUDGES} times; the pairs
 *       before and after are recorded ({@code cutoff_shell_pairs_found}, {@code cutoff_shell_pairs});</li>
 *   <li><b>plausibility</b> ({@link AmcPlausibility}): measured and recorded; a structure outside the accepted
 *       ranges is refused with the reason.</li>
 * </ol>
 */
final class MonolayerFinish {

    /** Amplitude (Å) of the random out-of-plane displacement that starts the 3D relaxation. */
    static final double RIPPLE_SEED = 0.1;
    /** Random displacement (Å) of the atoms of a pair in the cutoff shell. */
    static final double NUDGE = 0.1;
    /** Nudge-and-minimise rounds. */
    static final int NUDGES = 3;

    private MonolayerFinish() {
    }

    static ProtocolResult finish(Lammps lammps, long seed, int requestedAtoms, double forceTolerance,
                                 CarbonPotential potential, boolean relax3d) {
        ProtocolResult result = Minimisation.minimise(lammps, "AMC", seed, requestedAtoms, "x 0.0 y 0.0",
                forceTolerance, 2, new String[]{null, "C"});
        lammps.command("unfix spr_plane");
        if (!result.converged() || result.lostAtoms() > 0) {
            return result;
        }
        Random random = new Random(seed * 0x2545F4914F6CDD1DL + 5);
        int dimension = 2;
        if (relax3d) {
            lammps.command(String.format(Locale.ROOT, "displace_atoms all random 0.0 0.0 %.4f %d units box", RIPPLE_SEED,
                    1 + random.nextInt(899_999_999)));
            result = Minimisation.minimise(lammps, "AMC", seed, requestedAtoms, "x 0.0 y 0.0", forceTolerance, 3,
                    new String[]{null, "C"});
            dimension = 3;
        }
        int found = cutoffShellPairs(result, potential).size() / 2;
        for (int round = 0; round < NUDGES && result.converged(); round++) {
            List<Integer> pairs = cutoffShellPairs(result, potential);
            if (pairs.isEmpty()) {
                break;
            }
            StringJoiner group = new StringJoiner(" ", "group spr_shell id ", "");
            pairs.stream().distinct().sorted().forEach(i -> group.add(Integer.toString(i + 1)));
            lammps.command(group.toString());
            lammps.command(String.format(Locale.ROOT, "displace_atoms spr_shell random %.4f %.4f %.4f %d units box", NUDGE,
                    NUDGE, dimension == 3 ? NUDGE : 0.0, 1 + random.nextInt(899_999_999)));
            lammps.command("group spr_shell delete");
            if (dimension == 2) {
                lammps.command("fix spr_plane all setforce NULL NULL 0.0");
            }
            result = Minimisation.minimise(lammps, "AMC", seed, requestedAtoms, "x 0.0 y 0.0", forceTolerance, dimension,
                    new String[]{null, "C"});
            if (dimension == 2) {
                lammps.command("unfix spr_plane");
            }
        }
        int remaining = cutoffShellPairs(result, potential).size() / 2;
        SimulationBox box = result.box();
        double lx = box.lx();
        double ly = box.ly();
        AmcPlausibility plausibility = AmcPlausibility.of(result.positions(), lx, ly, result.energyPerAtom(),
                potential.grapheneEnergy());
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("energy_above_graphene", plausibility.energyAboveCrystal());
        diagnostics.put("two_coordinated_fraction", plausibility.twoCoordinatedFraction());
        diagnostics.put("odd_coordinated_fraction", plausibility.oddCoordinatedFraction());
        diagnostics.put("non_hexagonal_ring_fraction", plausibility.nonHexagonalFraction());
        for (int size = 4; size <= 9; size++) {
            diagnostics.put("rings_" + size, (double) plausibility.ringSizes()[size]);
        }
        diagnostics.put("density", plausibility.density());
        diagnostics.put("cutoff_shell_pairs_found", (double) found);
        diagnostics.put("cutoff_shell_pairs", (double) remaining);
        diagnostics.put("out_of_plane_rms", outOfPlaneRms(result.positions()));
        List<String> problems = plausibility.problems();
        if (remaining > 0) {
            problems = new java.util.ArrayList<>(problems);
            problems.add(remaining + " pairs remain in the cutoff shell after " + NUDGES + " nudges");
        }
        return result.withDiagnostics(diagnostics, problems.isEmpty() ? null
                : "implausible amorphous monolayer carbon: " + String.join("; ", problems));
    }

    /** Atom indices (0-based) of the pairs with r in [inner, outer], flattened: i0, j0, i1, j1, … */
    static List<Integer> cutoffShellPairs(ProtocolResult result, CarbonPotential potential) {
        SimulationBox box = result.box();
        double lx = box.lx();
        double ly = box.ly();
        double[] x = result.positions();
        int n = x.length / 3;
        List<Integer> pairs = new java.util.ArrayList<>();
        double inner2 = potential.cutoffInner() * potential.cutoffInner();
        double outer2 = potential.cutoffOuter() * potential.cutoffOuter();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = org.spr.structure.BondNetwork.minimumImage(x[3 * j] - x[3 * i], lx);
                double dy = org.spr.structure.BondNetwork.minimumImage(x[3 * j + 1] - x[3 * i + 1], ly);
                double dz = x[3 * j + 2] - x[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= inner2 && r2 <= outer2) {
                    pairs.add(i);
                    pairs.add(j);
                }
            }
        }
        return pairs;
    }

    /** Root-mean-square z about the mean (Å). */
    static double outOfPlaneRms(double[] positions) {
        int n = positions.length / 3;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += positions[3 * i + 2];
        }
        mean /= n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = positions[3 * i + 2] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / n);
    }
}
