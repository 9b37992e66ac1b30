package org.spr.fixes.hook;

import org.spr.protocol.Graphene;
import org.spr.protocol.Potentials;
import org.spr.lammps.Lammps;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run under {@code mpirun -np N java …}: displaced graphene with Tersoff, the predict hook (embedded model,
 * instantaneous g(r)) every 10 steps of a short NVE run; rank 0 prints one line per prediction with sums of g and
 * of the PDOS, and how many records the other ranks emitted (must be 0), each rank into {@code DIR/rank<r>.txt}
 * (arguments: DIR [inherent]: with {@code inherent}, the g(r) of minimised copies). Used by
 * {@link MpiMonitorIntegrationTest}.
 */
public final class MpiMonitorProgram {

    private MpiMonitorProgram() {
    }

    public static void main(String[] args) throws Exception {
        List<Serializable> records = new ArrayList<>();
        try (Lammps lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            lammps.commands(Graphene.commands(12, 7, 20.0));
            lammps.command("pair_style tersoff");
            lammps.command("pair_coeff * * " + Potentials.path("BNC.tersoff") + " C");
            // displaced by a function of position (the same on any number of ranks; atom IDs are not): a perfect
            // lattice puts distances exactly on bin edges, where round-off in placing periodic images decides the bin
            lammps.commands(String.join("\n", "variable dx atom 0.05*sin(12.9898*x+78.233*y+37.719*z)",
                    "variable dy atom 0.05*sin(78.233*x+37.719*y+12.9898*z)",
                    "displace_atoms all move v_dx v_dy 0.0 units box", ""));
            lammps.commands("velocity all create 600 4928 loop geom\nfix 1 all nve\ntimestep 0.0005\nthermo 10\n");
            lammps.command("fix mon all external pf/callback 10 1");
            boolean inherent = args.length > 1 && args[1].equals("inherent");
            HookBinding binding = new HookBinding("predict", inherent
                    ? Map.of("kind", "inherent", "potential", PredictHook.amcPotential(Potentials.path("BNC.tersoff")))
                    : Map.of("kind", "instantaneous"));
            org.spr.lammps.FixBinding.tallyEnergy(lammps, "mon", 10);
            lammps.setFixExternalCallback("mon", binding.create(lammps, "mon", 10, records::add));
            lammps.command("run 30");
            // each rank writes its own file: lines printed by two ranks interleave on mpirun's stdout
            StringBuilder text = new StringBuilder();
            if (lammps.rank() == 0) {
                for (Serializable record : records) {
                    if (((HookBinding.HookOutput) record).record() instanceof PredictHook.Prediction p) {
                        double g = 0;
                        double y = 0;
                        for (double v : p.g()) {
                            g += v;
                        }
                        for (double v : p.prediction()) {
                            y += v * v;
                        }
                        text.append(String.format(Locale.ROOT, "PREDICTION %d %d %.12f %.12f %.9f%n", lammps.ranks(), p.step(), g, y,
                                p.domainDistance()));
                    }
                }
            } else {
                text.append("OTHER_RANK_RECORDS ").append(records.size()).append('\n');
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0], "rank" + lammps.rank() + ".txt"), text.toString());
        }
        Lammps.finalizeMpi();
    }
}
