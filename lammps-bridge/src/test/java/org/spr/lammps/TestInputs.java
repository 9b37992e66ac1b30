package org.spr.lammps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small LAMMPS inputs shared by the bridge tests, and a runner for the {@code lmp} executable as reference. */
final class TestInputs {

    static final String POTENTIALS = "/usr/share/lammps/potentials";

    private TestInputs() {
    }

    /** Orthogonal graphene cell a × √3a with 4 atoms (a = 2.46 Å), 10 Å of vacuum, Tersoff carbon, randomly displaced. */
    static String grapheneTersoff(int nx, int ny) {
        return String.join("\n",
                "units metal",
                "atom_style atomic",
                "atom_modify map array",
                "boundary p p p",
                "lattice custom 2.46 a1 1 0 0 a2 0 1.7320508075688772 0 a3 0 0 4.065040650406504 &",
                "  basis 0 0 0 basis 0.5 0.16666666666666666 0 basis 0.5 0.5 0 basis 0 0.6666666666666666 0",
                "region box block 0 " + nx + " 0 " + ny + " -0.5 0.5",
                "create_box 1 box",
                "create_atoms 1 box",
                "mass 1 12.011",
                "pair_style tersoff",
                "pair_coeff * * " + POTENTIALS + "/BNC.tersoff C",
                "displace_atoms all random 0.05 0.05 0.02 12345 units box",
                "");
    }

    /** FCC copper with 20 % zirconium, randomly displaced, EAM Finnis–Sinclair (Mendelev CuZr). */
    static String copperZirconiumEam() {
        return String.join("\n",
                "units metal",
                "atom_style atomic",
                "atom_modify map array",
                "boundary p p p",
                "lattice fcc 3.7",
                "region box block 0 4 0 4 0 4",
                "create_box 2 box",
                "create_atoms 1 box",
                "set type 1 type/fraction 2 0.2 4321",
                "mass 1 63.546",
                "mass 2 91.224",
                "pair_style eam/fs",
                "pair_coeff * * " + POTENTIALS + "/CuZr_mm.eam.fs Cu Zr",
                "displace_atoms all random 0.1 0.1 0.1 777 units box",
                "");
    }

    /** Thermo settings whose printed values the tests compare: energy, pressure, one atom's force. */
    static String thermoForComparison() {
        return String.join("\n",
                "variable fx1 equal fx[1]",
                "variable fy1 equal fy[1]",
                "variable fz1 equal fz[1]",
                "thermo_style custom step pe press v_fx1 v_fy1 v_fz1",
                "thermo_modify format float %.15g",
                "run 0",
                "");
    }

    /** Runs the {@code lmp} executable on an input and returns its screen output. */
    static String runExecutable(String input, Path directory) throws IOException, InterruptedException {
        Path file = directory.resolve("in.reference");
        Files.writeString(file, input, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(executable(), "-log", "none", "-nocite", "-in", file.toString())
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        return output;
    }

    /** The numbers on the thermo line that follows the header starting with "Step" (the first one). */
    static double[] thermoLine(String output) {
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].trim().startsWith("Step")) {
                String[] words = lines[i + 1].trim().split("\\s+");
                List<Double> values = new ArrayList<>();
                for (String word : words) {
                    values.add(Double.parseDouble(word));
                }
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        throw new AssertionError("no thermo output in:\n" + output);
    }

    /**
     * The lmp executable that matches the library under test: {@code $SPR_LMP} when it names an executable file (the
     * second surefire execution sets it to LAMMPS 2025's), else {@code lmp} on the PATH (Debian's).
     */
    static String executable() {
        String given = System.getenv("SPR_LMP");
        if (given != null && java.nio.file.Files.isExecutable(Path.of(given))) {
            return given;
        }
        return "lmp";
    }

    static boolean executableAvailable() {
        try {
            Process process = new ProcessBuilder(executable(), "-h").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
