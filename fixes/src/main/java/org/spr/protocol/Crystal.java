package org.spr.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A periodic crystal as LAMMPS builds it: a {@code lattice} style with its scale, repeated cellsX × cellsY × cellsZ
 * times (cellsZ = 1 in 2D) in a fully periodic box, with atom types given per basis atom or assigned at random to a
 * composition (a substitutional alloy, done by the protocol with its seed).
 *
 * <p>The scale is LAMMPS's: the lattice constant in Å for {@code metal} units, the reduced number density ρ* for
 * {@code lj} units (so the volume, or in 2D the area, per atom is 1/ρ*).
 *
 * @param units          "metal" or "lj"
 * @param dimension      2 (atoms in the z = 0 plane, LAMMPS {@code dimension 2}) or 3
 * @param style          sc, bcc, fcc, hcp, diamond (3D), sq, sq2, hex (2D; hex is the triangular lattice)
 * @param scale          lattice constant (Å, metal) or reduced density (lj)
 * @param basisTypes     type of each basis atom in LAMMPS's basis order (empty: all type 1), e.g. 1,1,1,1,2,2,2,2 for
 *                       zincblende from {@code diamond}
 * @param typeFractions  fractions of types 1…n assigned at random over all sites (empty: none), summing to 1
 * @param cellsX         repetitions along x
 * @param cellsY         repetitions along y
 * @param cellsZ         repetitions along z (1 in 2D)
 */
public record Crystal(String units, int dimension, String style, double scale, List<Integer> basisTypes,
                      List<Double> typeFractions, int cellsX, int cellsY, int cellsZ) implements Serializable {

    /** Basis atoms per conventional cell of each supported style (LAMMPS's definitions). */
    private static final Map<String, Integer> BASIS = Map.of(
            "sc", 1, "bcc", 2, "fcc", 4, "hcp", 4, "diamond", 8, "sq", 1, "sq2", 2, "hex", 2);

    public Crystal {
        basisTypes = List.copyOf(basisTypes);
        typeFractions = List.copyOf(typeFractions);
        if (!"metal".equals(units) && !"lj".equals(units)) {
            throw new IllegalArgumentException("Crystal units must be metal or lj, got " + units + ".");
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("Crystal dimension must be 2 or 3, got " + dimension + ".");
        }
        Integer basis = BASIS.get(style);
        if (basis == null) {
            throw new IllegalArgumentException("Lattice style " + style + " is not supported (use one of "
                    + new java.util.TreeSet<>(BASIS.keySet()) + ").");
        }
        boolean planar = style.equals("sq") || style.equals("sq2") || style.equals("hex");
        if (planar != (dimension == 2)) {
            throw new IllegalArgumentException("Lattice style " + style + " is for " + (planar ? "2D" : "3D")
                    + " crystals, but the dimension is " + dimension + ".");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("Lattice scale must be positive, got " + scale + ".");
        }
        if (cellsX < 1 || cellsY < 1 || cellsZ < 1 || (dimension == 2 && cellsZ != 1)) {
            throw new IllegalArgumentException("Cell repetitions must be positive (and 1 along z in 2D), got "
                    + cellsX + " × " + cellsY + " × " + cellsZ + ".");
        }
        if (!basisTypes.isEmpty() && !typeFractions.isEmpty()) {
            throw new IllegalArgumentException("Give types per basis atom or random type fractions, not both.");
        }
        if (!basisTypes.isEmpty()) {
            if (basisTypes.size() != basis) {
                throw new IllegalArgumentException("Lattice " + style + " has " + basis + " basis atoms, but "
                        + basisTypes.size() + " basis types were given.");
            }
            for (int type : basisTypes) {
                if (type < 1) {
                    throw new IllegalArgumentException("Basis types must be at least 1, got " + basisTypes + ".");
                }
            }
        }
        if (!typeFractions.isEmpty()) {
            new Composition(java.util.stream.IntStream.rangeClosed(1, typeFractions.size())
                    .mapToObj(Integer::toString).toList(), typeFractions);
        }
    }

    /** A single-type crystal. */
    public static Crystal of(String units, int dimension, String style, double scale, int cellsX, int cellsY, int cellsZ) {
        return new Crystal(units, dimension, style, scale, List.of(), List.of(), cellsX, cellsY, cellsZ);
    }

    /** Basis atoms per conventional cell. */
    public int basisAtoms() {
        return BASIS.get(style);
    }

    /** Lattice sites (= atoms before vacancies). */
    public int sites() {
        return basisAtoms() * cellsX * cellsY * cellsZ;
    }

    /** Highest type number this crystal uses. */
    public int typesUsed() {
        if (!basisTypes.isEmpty()) {
            return basisTypes.stream().mapToInt(Integer::intValue).max().orElse(1);
        }
        return Math.max(1, typeFractions.size());
    }

    /**
     * Volume per atom of the perfect crystal (area per atom in 2D): 1/ρ* in lj units; in metal units a³/4 (fcc),
     * a³/2 (bcc), a³ (sc), a³/8 (diamond), √2·a³/2 (ideal hcp), a² (sq), a²/2 (sq2), √3·a²/2 (hex).
     */
    public double volumePerAtom() {
        if ("lj".equals(units)) {
            return 1.0 / scale;
        }
        double a = scale;
        return switch (style) {
            case "fcc" -> a * a * a / 4;
            case "bcc" -> a * a * a / 2;
            case "sc" -> a * a * a;
            case "diamond" -> a * a * a / 8;
            case "hcp" -> Math.sqrt(2) * a * a * a / 2;
            case "sq" -> a * a;
            case "sq2" -> a * a / 2;
            case "hex" -> Math.sqrt(3) * a * a / 2;
            default -> throw new IllegalStateException("no volume for lattice " + style);
        };
    }

    /** Fractions of types 1…types in the crystal: from the basis types, the random fractions, or all type 1. */
    public List<Double> fractions(int types) {
        List<Double> fractions = new ArrayList<>();
        for (int type = 1; type <= types; type++) {
            double fraction;
            if (!typeFractions.isEmpty()) {
                fraction = type <= typeFractions.size() ? typeFractions.get(type - 1) : 0.0;
            } else if (!basisTypes.isEmpty()) {
                final int t = type;
                fraction = basisTypes.stream().filter(b -> b == t).count() / (double) basisTypes.size();
            } else {
                fraction = type == 1 ? 1.0 : 0.0;
            }
            fractions.add(fraction);
        }
        return fractions;
    }

    /**
     * Commands from {@code units} to {@code create_atoms}: IDs 1…N kept in an array map (no spatial sorting, so that
     * atom IDs mean the same sites in every run), {@code types} atom types in the box.
     */
    public String commands(int types) {
        List<String> lines = new ArrayList<>();
        lines.add("units " + units);
        lines.add("dimension " + dimension);
        lines.add("atom_style atomic");
        lines.add("atom_modify map array sort 0 0.0");
        lines.add("boundary p p p");
        lines.add(String.format(Locale.ROOT, "lattice %s %.12g", style, scale));
        lines.add(dimension == 2
                ? String.format(Locale.ROOT, "region spr_box block 0 %d 0 %d -0.5 0.5", cellsX, cellsY)
                : String.format(Locale.ROOT, "region spr_box block 0 %d 0 %d 0 %d", cellsX, cellsY, cellsZ));
        lines.add("create_box " + types + " spr_box");
        StringBuilder create = new StringBuilder("create_atoms 1 box");
        for (int i = 0; i < basisTypes.size(); i++) {
            if (basisTypes.get(i) != 1) {
                create.append(" basis ").append(i + 1).append(' ').append(basisTypes.get(i));
            }
        }
        lines.add(create.toString());
        lines.add("");
        return String.join("\n", lines);
    }
}
