package org.spr.fixes.hook;

import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialGrid;
import org.spr.lammps.Lammps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Run under {@code mpirun -np N java …} (or plainly, for the serial reference): one configuration, displaced by a
 * function of position so that it is the same on any number of ranks (atom IDs from {@code create_atoms} depend on
 * the decomposition), and its g(r) (every partial) at the {@code run 0} call
 * of a {@code fix external}, through {@link InSituGr} (serial kernel on one rank, the distributed one on several).
 * Rank 0 writes every partial and the total to {@code DIR/gr.txt}; every rank writes its atom counts and the bytes
 * it moved to {@code DIR/rank<r>.txt}. Arguments: DIR CASE with CASE one of {@link #CASES}. Used by
 * {@link MpiGrIntegrationTest}.
 */
public final class MpiGrProgram {

    /** Binary LJ in a tilted cell with r_max beyond half the cell; binary 2D LJ ({@code dimension 2}); a large LJ slab. */
    static final List<String> CASES = List.of("triclinic", "planar", "large");

    private MpiGrProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String which = args[1];
        RadialGrid grid;
        try (Lammps lammps = Lammps.open(List.of("-log", "none", "-screen", "none", "-nocite"))) {
            String displace = String.join("\n", "variable dx atom 0.15*sin(12.9898*x+78.233*y+37.719*z)",
                    "variable dy atom 0.15*sin(78.233*x+37.719*y+12.9898*z)",
                    "variable dz atom 0.15*sin(37.719*x+12.9898*y+78.233*z)", "");
            switch (which) {
                case "triclinic" -> {
                    lammps.commands(String.join("\n", "units lj", "atom_style atomic", "atom_modify map array sort 0 0.0",
                            "lattice fcc 0.8442", "region box prism 0 4 0 4 0 4 0.7 -0.5 0.4", "create_box 2 box",
                            "create_atoms 1 box", "set type 1 type/fraction 2 0.3 12345", displace,
                            "displace_atoms all move v_dx v_dy v_dz units box", ""));
                    grid = new RadialGrid(5.0, 0.05);
                }
                case "planar" -> {
                    lammps.commands(String.join("\n", "units lj", "dimension 2", "atom_style atomic",
                            "atom_modify map array sort 0 0.0", "lattice hex 0.8", "region box block 0 20 0 12 -0.5 0.5",
                            "create_box 2 box", "create_atoms 1 box", "set type 1 type/fraction 2 0.4 4321", displace,
                            "displace_atoms all move v_dx v_dy 0.0 units box", ""));
                    grid = new RadialGrid(4.0, 0.02);
                }
                case "large" -> {
                    lammps.commands(String.join("\n", "units lj", "atom_style atomic", "atom_modify map array sort 0 0.0",
                            "lattice fcc 0.8442", "region box block 0 30 0 16 0 16", "create_box 1 box", "create_atoms 1 box",
                            displace, "displace_atoms all move v_dx v_dy v_dz units box", ""));
                    grid = new RadialGrid(3.0, 0.05);
                }
                default -> throw new IllegalArgumentException("unknown case " + which + "; one of " + CASES);
            }
            lammps.commands("mass * 1.0\npair_style lj/cut 2.5\npair_coeff * * 1.0 1.0\n");
            lammps.command("fix gr all external pf/callback 1 1");
            InSituGr gr = new InSituGr(grid, 0);
            StringBuilder table = new StringBuilder();
            StringBuilder counts = new StringBuilder();
            lammps.setFixExternalCallback("gr", step -> {
                StepContext context = new StepContext(step, false, null);
                PairCorrelation result = gr.compute(context);
                if (context.rank() == 0) {
                    int types = result.typeCount();
                    for (int k = 0; k < grid.bins(); k++) {
                        table.append(String.format(Locale.ROOT, "%.17g", result.total()[k]));
                        for (int p = 0; p < types * types; p++) {
                            table.append(String.format(Locale.ROOT, " %.17g", result.partial(p / types, p % types)[k]));
                        }
                        table.append('\n');
                    }
                }
                DistributedRadialDistribution distributed = gr.distributed();
                counts.append(String.format(Locale.ROOT, "RANK %d natoms %d nlocal %d held %d fromOthers %d bytesMoved %d%n",
                        context.rank(), context.natoms(), context.nlocal(),
                        distributed == null ? context.nlocal() : distributed.lastHeldAtoms(),
                        distributed == null ? 0 : distributed.lastReceivedFromOthers(),
                        gr.mpi() == null ? 0 : gr.mpi().bytesMoved()));
            });
            lammps.command("run 0");
            if (lammps.rank() == 0) {
                Files.writeString(directory.resolve("gr.txt"), table.toString());
            }
            Files.writeString(directory.resolve("rank" + lammps.rank() + ".txt"), counts.toString());
        }
        Lammps.finalizeMpi();
    }
}
