package org.spr.protocol;

import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.structure.BondNetwork;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Amorphous monolayer carbon by Wooten–Winer–Weaire bond switching from graphene, in the plane: a Stone–Wales move
 * rotates a randomly chosen bond i–j by 90° about its midpoint (so i and j exchange one neighbour each: four hexagons
 * become 5-7-7-5 in graphene), the structure is relaxed with the potential (a few conjugate-gradient steps at fixed
 * cell, z frozen), and the move is kept when no atom lost three-coordination (bonds below
 * {@value AmcPlausibility#BOND_CUTOFF} Å), no 3- or 4-membered ring formed (as in Kumar, Wilson and Thorpe's
 * amorphous graphene) and the Metropolis test passes. Two stages:
 * <ol>
 *   <li><b>randomisation</b>: {@code randomMoves} kept moves (Metropolis at infinite temperature) — the disorder
 *       knob: 0 leaves graphene, a few per hundred atoms make Stone–Wales-defected graphene, about one per two atoms
 *       a fully amorphous 5–6–7–8 network;</li>
 *   <li><b>annealing</b>: {@code annealMoves} attempts accepted with probability min(1, exp(−ΔE/kT)) at
 *       {@code thermalEnergy} kT (eV): removes the most strained rings; lower kT anneals towards fewer defects.</li>
 * </ol>
 * Then {@link MonolayerFinish}: in-plane minimisation with the cell relaxed, 3D relaxation, cutoff-shell nudges,
 * plausibility (the structure is refused outside {@link AmcPlausibility}'s ranges). Deterministic for a seed.
 *
 * <p>Speed (2-core box, Tersoff 1988, 240 atoms, 30 CG steps per move): see README "AMC protocols".
 *
 * @param cellsX          graphene cells (a × √3a, 4 atoms) along x
 * @param cellsY          cells along y
 * @param potential       carbon potential
 * @param randomMoves     moves kept without an energy test (three-coordination still required)
 * @param annealMoves     Metropolis attempts after the randomisation
 * @param thermalEnergy   kT of the Metropolis test (eV), positive
 * @param relaxSteps      conjugate-gradient iterations relaxing each move
 * @param relax3d         relax in 3D at the end ({@link MonolayerFinish}); false keeps the cell flat
 * @param forceTolerance  largest force component (eV/Å) accepted after the final minimisation
 * @param seed            random seed
 */
public record AmcBondSwitch(int cellsX, int cellsY, CarbonPotential potential, int randomMoves, int annealMoves,
                            double thermalEnergy, int relaxSteps, boolean relax3d, double forceTolerance, long seed)
        implements Protocol {

    public AmcBondSwitch {
        require(cellsX >= 3 && cellsY >= 2, "cells must be at least 3 × 2, got " + cellsX + " × " + cellsY);
        require(potential != null, "a carbon potential is needed");
        require(randomMoves >= 0 && annealMoves >= 0, "move counts must not be negative");
        require(thermalEnergy > 0 && Double.isFinite(thermalEnergy), "kT must be a positive number of eV, got " + thermalEnergy);
        require(relaxSteps >= 1, "relaxation steps per move must be at least 1, got " + relaxSteps);
        require(forceTolerance > 0, "force tolerance must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Defaults: 10 × 6 cells (240 atoms), Tersoff 1988, 120 random moves, 240 Metropolis attempts at kT = 0.5 eV,
     * 30 CG steps per move, 3D relaxation, force tolerance 0.01 eV/Å.
     */
    public static AmcBondSwitch defaults(long seed) {
        return new AmcBondSwitch(10, 6, CarbonPotential.TERSOFF_1988, 120, 240, 0.5, 30, true, 0.01, seed);
    }

    public AmcBondSwitch withSize(int x, int y) {
        return new AmcBondSwitch(x, y, potential, randomMoves, annealMoves, thermalEnergy, relaxSteps, relax3d,
                forceTolerance, seed);
    }

    public AmcBondSwitch withMoves(int random, int anneal, double kT) {
        return new AmcBondSwitch(cellsX, cellsY, potential, random, anneal, kT, relaxSteps, relax3d, forceTolerance, seed);
    }

    public AmcBondSwitch withPotential(CarbonPotential newPotential) {
        return new AmcBondSwitch(cellsX, cellsY, newPotential, randomMoves, annealMoves, thermalEnergy, relaxSteps,
                relax3d, forceTolerance, seed);
    }

    public AmcBondSwitch withRelax3d(boolean value) {
        return new AmcBondSwitch(cellsX, cellsY, potential, randomMoves, annealMoves, thermalEnergy, relaxSteps, value,
                forceTolerance, seed);
    }

    public AmcBondSwitch withSeed(long newSeed) {
        return new AmcBondSwitch(cellsX, cellsY, potential, randomMoves, annealMoves, thermalEnergy, relaxSteps, relax3d,
                forceTolerance, newSeed);
    }

    public int atoms() {
        return Graphene.atoms(cellsX, cellsY);
    }

    @Override
    public String name() {
        return "amc-bond-switch";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cells_x", cellsX);
        map.put("cells_y", cellsY);
        map.put("potential", potential.key());
        map.put("random_moves", randomMoves);
        map.put("anneal_moves", annealMoves);
        map.put("kT", thermalEnergy);
        return map;
    }

    @Override
    public ProtocolResult run(Lammps lammps, RecordSink sink) throws Exception {
        lammps.commands(Graphene.commands(cellsX, cellsY, 20.0, potential.latticeConstant()));
        lammps.commands(potential.potential().pairCommands());
        lammps.commands(String.join("\n",
                "fix spr_plane all setforce NULL NULL 0.0",
                "thermo_style custom step pe fmax",
                "thermo_modify norm no",
                "thermo 0",
                "min_style cg",
                "min_modify line quadratic",
                ""));
        Random random = new Random(seed);
        double[] box = {lammps.box().lx(), lammps.box().ly()};
        double[] current = lammps.gatherPositions();
        double energy = energy(lammps);
        int kept = 0;
        int accepted = 0;
        int attempts = 0;
        sink.emit(new ProtocolStage("randomise", randomMoves));
        int limit = 10 * randomMoves + 100;
        while (kept < randomMoves && attempts < limit) {
            attempts++;
            double[] trial = tryMove(lammps, current, box, random);
            if (trial != null) {
                current = trial;
                kept++;
            } else {
                lammps.scatterPositions(current);
            }
        }
        if (kept > 0) {
            lammps.scatterPositions(current);
            energy = energy(lammps);
        }
        sink.emit(new ProtocolStage("anneal", annealMoves));
        for (int move = 0; move < annealMoves; move++) {
            double[] trial = tryMove(lammps, current, box, random);
            boolean accept = false;
            if (trial != null) {
                double trialEnergy = lammps.thermo("pe");  // current: thermo ran at the minimisation's last step
                double change = trialEnergy - energy;
                if (change <= 0 || random.nextDouble() < Math.exp(-change / thermalEnergy)) {
                    current = trial;
                    energy = trialEnergy;
                    accept = true;
                    accepted++;
                }
            }
            if (!accept) {
                lammps.scatterPositions(current);
            }
        }
        sink.emit(new ProtocolStage("minimise", 0));
        ProtocolResult result = MonolayerFinish.finish(lammps, seed, atoms(), forceTolerance, potential, relax3d);
        Map<String, Double> diagnostics = new LinkedHashMap<>(result.diagnostics());
        diagnostics.put("random_moves_kept", (double) kept);
        diagnostics.put("anneal_moves_accepted", (double) accepted);
        String refusal = result.refusal();
        if (kept < randomMoves && refusal == null) {
            refusal = "only " + kept + " of " + randomMoves + " random bond switches kept three-coordination in "
                    + attempts + " attempts";
        }
        return result.withDiagnostics(diagnostics, refusal);
    }

    /**
     * Rotates a random bond by ±90° about its midpoint, relaxes, and returns the relaxed positions when the move made
     * no atom more under- or over-coordinated than before and no 3- or 4-membered ring; null otherwise (LAMMPS then
     * holds the rejected trial).
     */
    private double[] tryMove(Lammps lammps, double[] current, double[] box, Random random) {
        BondNetwork network = BondNetwork.of(current, box[0], box[1], 0, AmcPlausibility.BOND_CUTOFF);
        int[] bonds = network.bonds();
        int b = random.nextInt(bonds.length / 2);
        double[] trial = stoneWalesRotation(current, bonds[2 * b], bonds[2 * b + 1], box[0], box[1]);
        lammps.scatterPositions(trial);
        lammps.command(String.format(Locale.ROOT, "minimize 0.0 1.0e-3 %d %d", relaxSteps, 10 * relaxSteps));
        double[] relaxed = lammps.gatherPositions();
        BondNetwork after = BondNetwork.of(relaxed, box[0], box[1], 0, AmcPlausibility.BOND_CUTOFF);
        if (after.coordinationFraction(3) < network.coordinationFraction(3)) {
            return null;
        }
        int[] smallRings = after.ringSizeHistogram(4);
        return smallRings[3] + smallRings[4] == 0 ? relaxed : null;
    }

    private static double energy(Lammps lammps) {
        lammps.command("run 0");
        return lammps.thermo("pe");
    }

    /**
     * The positions with atoms i and j rotated by 90° in the plane about the (minimum-image) midpoint of their bond:
     * p' = m + R(90°)(p − m). New array; z unchanged.
     */
    static double[] stoneWalesRotation(double[] positions, int i, int j, double lx, double ly) {
        double[] out = positions.clone();
        double dx = BondNetwork.minimumImage(positions[3 * j] - positions[3 * i], lx);
        double dy = BondNetwork.minimumImage(positions[3 * j + 1] - positions[3 * i + 1], ly);
        double mx = positions[3 * i] + dx / 2;
        double my = positions[3 * i + 1] + dy / 2;
        // i sits at m − d/2, j at m + d/2; rotated: i → m + R(−d/2), j → m + R(d/2), R(x, y) = (−y, x)
        out[3 * i] = mx + dy / 2;
        out[3 * i + 1] = my - dx / 2;
        out[3 * j] = mx - dy / 2;
        out[3 * j + 1] = my + dx / 2;
        return out;
    }
}
