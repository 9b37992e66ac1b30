package org.spr.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * A material as the protocols need it: its name, its reference crystal (lattice, size, type assignment) and the
 * potential that maps species to types. {@link Systems} makes the papers' systems.
 *
 * @param name      system name for reports and dataset rows (e.g. "sic", "cualzr")
 * @param crystal   the reference crystal ({@link DistortRemoveRelax} starts from it; {@link MeltQuench} takes its
 *                  volume per atom and composition)
 * @param potential the interatomic potential
 */
public record MaterialSystem(String name, Crystal crystal, Potential potential) implements Serializable {

    public MaterialSystem {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A material system needs a name.");
        }
        if (!crystal.units().equals(potential.units())) {
            throw new IllegalArgumentException("System " + name + ": the crystal is in " + crystal.units()
                    + " units but the potential " + potential.name() + " in " + potential.units() + " units.");
        }
        if (crystal.typesUsed() > potential.types()) {
            throw new IllegalArgumentException("System " + name + ": the crystal uses " + crystal.typesUsed()
                    + " atom types but the potential " + potential.name() + " maps only " + potential.types()
                    + " species " + potential.species() + ".");
        }
    }

    /** Atom fractions of the potential's species (types 1…n) in the crystal. */
    public List<Double> fractions() {
        return crystal.fractions(potential.types());
    }

    /** The same system with a crystal of other repetitions. */
    public MaterialSystem withCells(int cellsX, int cellsY, int cellsZ) {
        Crystal c = crystal;
        return new MaterialSystem(name, new Crystal(c.units(), c.dimension(), c.style(), c.scale(), c.basisTypes(),
                c.typeFractions(), cellsX, cellsY, cellsZ), potential);
    }
}
