package org.spr.lammps;

import java.util.List;

/**
 * Run under {@code mpirun -np N java …}: the graphene Tersoff test input (without the per-rank random displacement) on all ranks, rank 0 prints
 * "RESULT ranks pe press" once. Used by {@link MpiIntegrationTest}.
 */
public final class MpiEnergyProgram {

    private MpiEnergyProgram() {
    }

    public static void main(String[] args) {
        try (Lammps lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            lammps.commands(TestInputs.grapheneTersoff(8, 5).replace("displace_atoms", "#") + String.join("\n",
                    "velocity all create 600 4928 loop geom", "fix 1 all nve", "timestep 0.0005", "run 200", ""));
            double pe = lammps.thermo("pe");
            double press = lammps.thermo("press");
            double[] x = lammps.gatherPositions();
            if (lammps.rank() == 0) {
                System.out.printf("RESULT %d %.12f %.10f %.12f%n", lammps.ranks(), pe, press, x[0]);
            }
        }
        Lammps.finalizeMpi();
    }
}
