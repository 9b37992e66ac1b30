package org.spr.potential;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Writes the Zhou–Johnson–Wadley (2004) EAM for a chosen list of elements (any subset and order of the table) as a
 * LAMMPS {@code eam/alloy} (DYNAMO setfl) file:
 *
 * <pre>
 *   3 comment lines
 *   N_el  el_1 … el_N
 *   N_ρ  Δρ  N_r  Δr  r_c
 *   for each element:  Z  mass  a  lattice ;  F(ρ_k), k = 0 … N_ρ−1 ;  f(r_k), k = 0 … N_r−1
 *   for i = 1 … N, j = 1 … i:  r_k·φ_ij(r_k), k = 0 … N_r−1
 * </pre>
 *
 * Cross pairs follow the paper's alloy rule φ_ab = ½(f_b/f_a·φ_aa + f_a/f_b·φ_bb)
 * ({@link ZhouEamElement#crossPair}). The file is written to a temporary name and renamed, so it is either complete or
 * absent. Use with {@code pair_style eam/alloy} and {@code pair_coeff * * FILE el_1 … el_N}.
 */
public final class ZhouEamAlloyWriter {

    private static final int VALUES_PER_LINE = 5;

    private final ZhouEamParameterTable table;
    private final EamTabulation tabulation;

    public ZhouEamAlloyWriter(ZhouEamParameterTable table, EamTabulation tabulation) {
        this.table = Objects.requireNonNull(table, "table");
        this.tabulation = Objects.requireNonNull(tabulation, "tabulation");
    }

    /** The bundled Cu, Al, Zr parameters on the default grids. */
    public ZhouEamAlloyWriter() {
        this(ZhouEamParameterTable.bundled(), EamTabulation.DEFAULT);
    }

    /**
     * Writes the file.
     *
     * @param file     target path (parent directory must exist); replaced atomically if present
     * @param elements element symbols in the order LAMMPS types will map to them, e.g. {@code List.of("Cu", "Al", "Zr")}
     */
    public void write(Path file, List<String> elements) {
        List<ZhouEamElement> chosen = resolve(elements);
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                writeTo(out, chosen);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new UncheckedIOException("cannot write EAM file " + file, e);
        }
    }

    /** Largest tabulated density ρ_max = densityMaximumFactor·max ρ_e of the given elements. */
    public double densityMaximum(List<String> elements) {
        return densityMaximumOf(resolve(elements));
    }

    private double densityMaximumOf(List<ZhouEamElement> chosen) {
        double largest = 0;
        for (ZhouEamElement element : chosen) {
            largest = Math.max(largest, element.equilibriumDensity());
        }
        return tabulation.densityMaximumFactor() * largest;
    }

    private List<ZhouEamElement> resolve(List<String> elements) {
        if (elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("an EAM file needs at least one element");
        }
        List<ZhouEamElement> chosen = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        for (String symbol : elements) {
            if (!seen.add(symbol)) {
                throw new IllegalArgumentException("element " + symbol + " is listed twice in " + elements);
            }
            chosen.add(table.element(symbol));
        }
        return chosen;
    }

    private void writeTo(BufferedWriter out, List<ZhouEamElement> chosen) throws IOException {
        int densityPoints = tabulation.densityPoints();
        int radialPoints = tabulation.radialPoints();
        double densityStep = densityMaximumOf(chosen) / (densityPoints - 1);
        double radialStep = tabulation.radialStep();
        StringBuilder names = new StringBuilder();
        for (ZhouEamElement element : chosen) {
            names.append(' ').append(element.symbol());
        }
        out.write("Zhou, Johnson, Wadley, Phys. Rev. B 69, 144113 (2004) EAM:" + names + " UNITS: metal\n");
        out.write("written by org.spr.potential.ZhouEamAlloyWriter; cross pairs phi_ab = (f_b/f_a phi_aa + f_a/f_b phi_bb)/2\n");
        out.write(String.format(Locale.ROOT, "Nrho=%d rho_max=%.6f Nr=%d cutoff=%.6f A%n", densityPoints,
                densityStep * (densityPoints - 1), radialPoints, tabulation.cutoff()));
        out.write(chosen.size() + names.toString() + "\n");
        out.write(String.format(Locale.ROOT, "%d %.16e %d %.16e %.16e%n", densityPoints, densityStep, radialPoints,
                radialStep, tabulation.cutoff()));
        for (ZhouEamElement element : chosen) {
            out.write(String.format(Locale.ROOT, "%d %.8f %.8f %s%n", element.atomicNumber(), element.mass(),
                    element.latticeConstant(), element.lattice().name().toLowerCase(Locale.ROOT)));
            writeColumn(out, densityPoints, densityStep, element::embedding);
            writeColumn(out, radialPoints, radialStep, element::density);
        }
        for (int i = 0; i < chosen.size(); i++) {
            for (int j = 0; j <= i; j++) {
                ZhouEamElement a = chosen.get(i);
                ZhouEamElement b = chosen.get(j);
                writeColumn(out, radialPoints, radialStep, r -> r * ZhouEamElement.crossPair(a, b, r));
            }
        }
    }

    private static void writeColumn(BufferedWriter out, int points, double step, DoubleUnaryOperator function)
            throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int k = 0; k < points; k++) {
            double value = function.applyAsDouble(k * step);
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("EAM function is " + value + " at grid point " + k + " (x = " + k * step + ")");
            }
            line.append(String.format(Locale.ROOT, "%.16e", value));
            if ((k + 1) % VALUES_PER_LINE == 0 || k == points - 1) {
                out.write(line.append('\n').toString());
                line.setLength(0);
            } else {
                line.append(' ');
            }
        }
    }
}
