package org.spr.protocol;

import org.spr.dataset.SeededShuffle;

import org.spr.lammps.Lammps;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Atom-level steps the protocols share, done in Java by atom ID so results do not depend on the MPI decomposition. */
final class Atoms {

    private Atoms() {
    }

    /** Atoms kept when a fraction of n is removed: n − round(f·n). */
    static int kept(int atoms, double fraction) {
        return atoms - (int) Math.round(fraction * atoms);
    }

    /** IDs 1…n in a seeded random order. */
    static List<Integer> shuffledIds(int atoms, long seed) {
        List<Integer> ids = new ArrayList<>(atoms);
        for (int index : SeededShuffle.permutation(atoms, seed)) {
            ids.add(index + 1);
        }
        return ids;
    }

    /** Puts the given atoms (by ID) into a group, replacing a group of that name. */
    static void group(Lammps lammps, String name, List<Integer> ids) {
        StringJoiner group = new StringJoiner(" ", "group " + name + " id ", "");
        ids.stream().sorted().forEach(id -> group.add(Integer.toString(id)));
        lammps.command(group.toString());
    }

    /** Deletes the atoms given by ID and renumbers the rest 1…n ({@code compress yes}). */
    static void delete(Lammps lammps, List<Integer> ids) {
        if (ids.isEmpty()) {
            return;
        }
        group(lammps, "spr_delete", ids);
        lammps.command("delete_atoms group spr_delete compress yes");
        lammps.command("group spr_delete delete");
    }

    /**
     * Assigns types 2…n at random (types of the first count go to type 1, which all atoms have on entry): counts by
     * {@link Composition#counts}, sites by a seeded shuffle of the IDs.
     */
    static void assignTypes(Lammps lammps, List<Double> fractions, int atoms, long seed) {
        int[] counts = Composition.counts(fractions, atoms);
        List<Integer> ids = shuffledIds(atoms, seed);
        int start = counts[0];
        for (int type = 2; type <= counts.length; type++) {
            int count = counts[type - 1];
            if (count > 0) {
                group(lammps, "spr_type", ids.subList(start, start + count));
                lammps.command("set group spr_type type " + type);
                lammps.command("group spr_type delete");
            }
            start += count;
        }
    }
}
