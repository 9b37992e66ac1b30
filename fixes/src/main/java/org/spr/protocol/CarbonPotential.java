package org.spr.protocol;

import java.util.List;

/**
 * The carbon potentials the amorphous-monolayer-carbon protocols can use, with what is known about them (measured
 * here with LAMMPS; graphene relaxed in the plane):
 * <ul>
 *   <li>{@link #TERSOFF_1988} (default): Tersoff's 1988 carbon, the C–C–C entry of {@code SiC.tersoff}
 *       ({@code pair_coeff * * SiC.tersoff C}), the potential both SPR papers cite. Graphene −7.393 eV/atom,
 *       a = 2.530 Å; carbon chains 2.2 eV/atom above graphene, so amorphous networks stay three-coordinated.</li>
 *   <li>{@link #LINDSAY_BROIDO}: {@code BNC.tersoff}'s carbon (Lindsay–Broido 2010, fitted to graphene phonons).
 *       Graphene −7.978 eV/atom, a = 2.492 Å, but a zigzag chain is 1.3 eV/atom <em>below</em> graphene: quenches
 *       make graphene islands joined by chains (≈ 30 % two-coordinated atoms), not amorphous carbon. Kept for
 *       reproducing older data only.</li>
 *   <li>{@link #REBO}: Brenner's REBO ({@code pair_style rebo}, {@code CH.rebo}). Graphene −7.395 eV/atom,
 *       a = 2.460 Å; chains 1.3 eV/atom above graphene.</li>
 * </ul>
 *
 * @param key            name used on command lines and in dataset rows
 * @param file           potential file (found by {@link Potentials#path})
 * @param pairStyle      LAMMPS pair style
 * @param latticeConstant graphene lattice constant with this potential (Å)
 * @param grapheneEnergy  energy per atom of flat graphene relaxed in the plane (eV)
 * @param cutoffInner    where the potential's smooth cutoff begins (Å)
 * @param cutoffOuter    where it ends (Å); pairs between inner and outer sit on the cutoff's kink
 */
public record CarbonPotential(String key, String file, String pairStyle, double latticeConstant, double grapheneEnergy,
                              double cutoffInner, double cutoffOuter) implements java.io.Serializable {

    public static final CarbonPotential TERSOFF_1988 =
            new CarbonPotential("tersoff1988", "SiC.tersoff", "tersoff", 2.5298, -7.3932, 1.80, 2.10);
    public static final CarbonPotential LINDSAY_BROIDO =
            new CarbonPotential("bnc", "BNC.tersoff", "tersoff", 2.4920, -7.9777, 1.80, 2.10);
    public static final CarbonPotential REBO =
            new CarbonPotential("rebo", "CH.rebo", "rebo", 2.4602, -7.3950, 1.70, 2.00);

    /** All, default first. */
    public static List<CarbonPotential> all() {
        return List.of(TERSOFF_1988, LINDSAY_BROIDO, REBO);
    }

    /** By key (tersoff1988, bnc, rebo); one sentence naming the known keys otherwise. */
    public static CarbonPotential byKey(String key) {
        for (CarbonPotential potential : all()) {
            if (potential.key.equalsIgnoreCase(key.strip())) {
                return potential;
            }
        }
        throw new IllegalArgumentException("Unknown carbon potential '" + key + "'; known: tersoff1988 (default), bnc, rebo.");
    }

    /** The potential as a {@link Potential} (species C). */
    public Potential potential() {
        if ("tersoff".equals(pairStyle)) {
            return Potential.tersoff(file, "C");
        }
        String path = Potentials.path(file);
        return new Potential(file, "metal", pairStyle, List.of("* * " + path + " C"), List.of(), List.of("C"),
                List.of(AtomicMasses.of("C")), null);
    }
}
