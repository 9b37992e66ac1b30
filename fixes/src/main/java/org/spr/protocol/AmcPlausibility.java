package org.spr.protocol;

import org.spr.structure.BondNetwork;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a structure is plausible amorphous monolayer carbon (AMC), measured on its bond graph (carbon bonds below
 * {@value #BOND_CUTOFF} Å, periodic in the plane):
 *
 * @param atoms                   atoms
 * @param coordination            atoms with 0, 1, 2, 3, ≥ 4 neighbours
 * @param ringSizes               primitive rings by size, index = size, up to {@value #MAX_RING}
 * @param twoCoordinatedFraction  fraction of atoms with two neighbours (chains, dangling bonds)
 * @param nonHexagonalFraction    fraction of primitive rings that are not hexagons
 * @param density                 atoms per Å² of the in-plane cell
 * @param energyAboveCrystal      energy per atom above flat graphene with the same potential (eV)
 *
 * <p>Accepted ranges (a structure outside any of them is refused by the AMC protocols, with the reason):
 * <ul>
 *   <li>two-coordinated atoms at most {@value #MAX_TWO_COORDINATED} (Toh et al. 2020: AMC is ~sp² carbon);</li>
 *   <li>atoms with fewer than two or more than three neighbours at most {@value #MAX_ODD_COORDINATED};</li>
 *   <li>density (atoms per Å² of the projected in-plane cell) between {@value #MIN_DENSITY} and
 *       {@value #MAX_DENSITY} (flat graphene with Tersoff 1988: 0.361; vacancies lower it, the ripples of a sheet
 *       relaxed in 3D raise the projected density, by up to ~20 % for strongly amorphous sheets);</li>
 *   <li>energy above graphene in [{@value #MIN_ENERGY_ABOVE_CRYSTAL}, {@value #MAX_ENERGY_ABOVE_CRYSTAL}] eV/atom
 *       (pristine graphene is not amorphous carbon; a structure below the crystal means the potential prefers
 *       something that is not sp² carbon, as BNC.tersoff's chains).</li>
 * </ul>
 */
public record AmcPlausibility(int atoms, int[] coordination, int[] ringSizes, double twoCoordinatedFraction,
                              double nonHexagonalFraction, double density, double energyAboveCrystal)
        implements Serializable {

    public static final double BOND_CUTOFF = 1.85;
    public static final int MAX_RING = 16;
    public static final double MAX_TWO_COORDINATED = 0.10;
    public static final double MAX_ODD_COORDINATED = 0.02;
    public static final double MIN_DENSITY = 0.25;
    public static final double MAX_DENSITY = 0.46;
    public static final double MIN_ENERGY_ABOVE_CRYSTAL = 0.001;
    public static final double MAX_ENERGY_ABOVE_CRYSTAL = 1.0;

    /**
     * Measures a structure.
     *
     * @param positions      x0,y0,z0,… (Å)
     * @param lx             in-plane cell length x (Å)
     * @param ly             in-plane cell length y (Å)
     * @param energyPerAtom  its energy per atom (eV)
     * @param crystalEnergy  energy per atom of graphene with the same potential (eV)
     */
    public static AmcPlausibility of(double[] positions, double lx, double ly, double energyPerAtom, double crystalEnergy) {
        BondNetwork network = BondNetwork.of(positions, lx, ly, 0, BOND_CUTOFF);
        int[] coordination = network.coordinationHistogram(4);
        int[] rings = network.ringSizeHistogram(MAX_RING);
        int total = 0;
        int hexagons = rings[6];
        for (int count : rings) {
            total += count;
        }
        int atoms = network.atoms();
        return new AmcPlausibility(atoms, coordination, rings, (double) coordination[2] / atoms,
                total == 0 ? 0 : 1.0 - (double) hexagons / total, atoms / (lx * ly), energyPerAtom - crystalEnergy);
    }

    /** Fraction of atoms with fewer than two or more than three neighbours. */
    public double oddCoordinatedFraction() {
        return (double) (coordination[0] + coordination[1] + coordination[4]) / atoms;
    }

    /** Primitive rings (≤ {@value #MAX_RING} atoms). */
    public int ringCount() {
        int total = 0;
        for (int count : ringSizes) {
            total += count;
        }
        return total;
    }

    /** Fraction of primitive rings with 5 to 8 atoms. */
    public double fiveToEightFraction() {
        int total = ringCount();
        return total == 0 ? 0 : (double) (ringSizes[5] + ringSizes[6] + ringSizes[7] + ringSizes[8]) / total;
    }

    /** The reasons this structure is outside the accepted ranges (empty when plausible). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (twoCoordinatedFraction > MAX_TWO_COORDINATED) {
            problems.add(String.format(Locale.ROOT, "%.1f %% two-coordinated atoms (at most %.0f %%)",
                    100 * twoCoordinatedFraction, 100 * MAX_TWO_COORDINATED));
        }
        if (oddCoordinatedFraction() > MAX_ODD_COORDINATED) {
            problems.add(String.format(Locale.ROOT, "%.1f %% atoms with <2 or >3 neighbours (at most %.0f %%)",
                    100 * oddCoordinatedFraction(), 100 * MAX_ODD_COORDINATED));
        }
        if (density < MIN_DENSITY || density > MAX_DENSITY) {
            problems.add(String.format(Locale.ROOT, "density %.3f atoms/Å² outside [%.2f, %.2f]", density, MIN_DENSITY,
                    MAX_DENSITY));
        }
        if (!(energyAboveCrystal >= MIN_ENERGY_ABOVE_CRYSTAL) || energyAboveCrystal > MAX_ENERGY_ABOVE_CRYSTAL) {
            problems.add(String.format(Locale.ROOT, "energy %.4f eV/atom above graphene outside [%.3f, %.1f]",
                    energyAboveCrystal, MIN_ENERGY_ABOVE_CRYSTAL, MAX_ENERGY_ABOVE_CRYSTAL));
        }
        return problems;
    }

    public boolean plausible() {
        return problems().isEmpty();
    }

    /** One line for logs: coordination, rings, density, energy. */
    public String summary() {
        StringBuilder rings = new StringBuilder();
        for (int size = 3; size <= MAX_RING; size++) {
            if (ringSizes[size] > 0) {
                rings.append(rings.length() == 0 ? "" : " ").append(size).append(':').append(ringSizes[size]);
            }
        }
        return String.format(Locale.ROOT, "N=%d coord(2/3/other)=%.3f/%.3f/%.3f rings{%s} nonhex=%.3f density=%.4f dE=%.4f eV",
                atoms, twoCoordinatedFraction, (double) coordination[3] / atoms, oddCoordinatedFraction(), rings,
                nonHexagonalFraction, density, energyAboveCrystal);
    }
}
