package org.spr.potential;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the {@code lmp} executable (Debian's LAMMPS) on files written by {@link ZhouEamAlloyWriter}: minimised pure
 * crystals must reproduce the published lattice constants and cohesive energies of the Zhou 2004 EAM
 * (Cu fcc a = 3.615 Å, E_c = 3.54 eV; Al fcc a = 4.05 Å, E_c = 3.58 eV; Zr hcp a = 3.20 Å, E_c = 6.36 eV).
 * Al's model E_c is 3.58 eV (the paper's fitted value, also what Debian's {@code Al_zhou.eam.alloy} of Zhou 2001 gives
 * in LAMMPS), not the experimental 3.36–3.39 eV.
 */
@Tag("lammps")
class ZhouEamAlloyWriterLammpsTest {

    private static final Path LAMMPS = Path.of("/usr/bin/lmp");
    private static final Pattern RESULT = Pattern.compile("RESULT a=(\\S+) c=(\\S+) ec=(\\S+)");

    @TempDir
    static Path directory;

    @BeforeAll
    static void writePotential() {
        Assumptions.assumeTrue(Files.isExecutable(LAMMPS), "LAMMPS executable " + LAMMPS + " is absent (apt-get install lammps)");
        new ZhouEamAlloyWriter().write(directory.resolve("CuAlZr.eam.alloy"), List.of("Cu", "Al", "Zr"));
        new ZhouEamAlloyWriter().write(directory.resolve("ZrCu.eam.alloy"), List.of("Zr", "Cu"));
    }

    /**
     * Relaxes a crystal of type {@code type} of CuAlZr.eam.alloy and checks its lattice constant a and cohesive energy
     * against the published values, to the relative {@code tolerance}.
     */
    private static void assertPublishedCrystal(String element, int type, String lattice, String region, String couple,
                                               double latticeConstant, double cohesiveEnergy, double tolerance) throws Exception {
        double[] result = relax("CuAlZr.eam.alloy", "Cu Al Zr", type, lattice, region, couple, 4);
        assertEquals(latticeConstant, result[0], tolerance * latticeConstant, element + " lattice constant a");
        assertEquals(cohesiveEnergy, result[2], tolerance * cohesiveEnergy, element + " cohesive energy");
    }

    @Test
    void copperFccMatchesPublishedLatticeConstantAndCohesiveEnergy() throws Exception {
        assertPublishedCrystal("Cu", 1, "fcc 3.6", "0 4 0 4 0 4", "iso", 3.615, 3.54, 0.01);
    }

    @Test
    void aluminiumFccMatchesPublishedLatticeConstantAndCohesiveEnergy() throws Exception {
        // the cohesive energy is the model's value, see the class comment
        assertPublishedCrystal("Al", 2, "fcc 4.0", "0 4 0 4 0 4", "iso", 4.05, 3.58, 0.01);
    }

    @Test
    void zirconiumHcpMatchesPublishedLatticeConstantAndCohesiveEnergy() throws Exception {
        assertPublishedCrystal("Zr", 3, "hcp 3.2", "0 4 0 2 0 2", "aniso", 3.20, 6.36, 0.015);
    }

    @Test
    void elementOrderOnlyRelabelsTypes() throws Exception {
        double[] first = relax("CuAlZr.eam.alloy", "Cu Al Zr", 1, "fcc 3.6", "0 4 0 4 0 4", "iso", 4);
        double[] reordered = relax("ZrCu.eam.alloy", "Zr Cu", 2, "fcc 3.6", "0 4 0 4 0 4", "iso", 4);
        assertEquals(first[0], reordered[0], 1e-6);
        assertEquals(first[2], reordered[2], 1e-6);
    }

    /** Returns {a, c, E_c} of a box/relax-minimised crystal made of one type. */
    private static double[] relax(String file, String elements, int type, String lattice, String region, String couple,
                                  int cellsAlongX) throws IOException, InterruptedException {
        String script = String.join("\n",
                "units metal",
                "atom_style atomic",
                "boundary p p p",
                "lattice " + lattice,
                "region box block " + region,
                "create_box 3 box",
                "create_atoms " + type + " box",
                "pair_style eam/alloy",
                "pair_coeff * * " + file + " " + elements + (elements.split(" ").length < 3 ? " " + elements.split(" ")[0] : ""),
                "fix relax all box/relax " + couple + " 0.0 vmax 0.001",
                "min_style cg",
                "minimize 0 1e-10 10000 100000",
                "variable a equal lx/" + cellsAlongX,
                "variable c equal lz/" + region.split(" ")[5],
                "variable ec equal -pe/atoms",
                "print \"RESULT a=${a} c=${c} ec=${ec}\"",
                "");
        Path input = directory.resolve("in." + file + "." + type);
        Files.writeString(input, script, StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(LAMMPS.toString(), "-in", input.getFileName().toString(), "-log", "none")
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "lmp finished");
        Matcher matcher = RESULT.matcher(output);
        assertTrue(matcher.find(), "LAMMPS printed no result:\n" + output);
        double[] result = {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                Double.parseDouble(matcher.group(3))};
        System.out.printf(Locale.ROOT, "%s type %d (%s): a = %.4f Å, c = %.4f Å, E_c = %.4f eV%n", file, type, lattice,
                result[0], result[1], result[2]);
        return result;
    }
}
