package org.spr.protocol;

import java.util.List;
import org.spr.lammps.LammpsEngine;

/**
 * The Lennard-Jones liquid of LAMMPS's {@code examples/KAPPA} (ρ* = 0.6 on an fcc lattice, r_c = 2.5σ, lj units), the
 * reference state of the Green–Kubo checks: Evans, PRA 34, 1449 (1986) gives κ* ≈ 3.4 at T* = 1.35.
 */
public final class LennardJonesLiquid {

    private LennardJonesLiquid() {
    }

    /** Creates the box and 4 × cells³ atoms in {@code engine} (velocities and fixes are the caller's). */
    public static void create(LammpsEngine engine, int cells) {
        for (String command : List.of("units lj", "atom_style atomic", "atom_modify map array sort 0 0.0",
                "lattice fcc 0.6", "region box block 0 " + cells + " 0 " + cells + " 0 " + cells, "create_box 1 box",
                "create_atoms 1 box", "mass 1 1.0", "pair_style lj/cut 2.5", "pair_coeff 1 1 1.0 1.0",
                "neighbor 0.3 bin", "neigh_modify delay 0 every 1")) {
            engine.command(command);
        }
    }
}
