package org.spr.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.Lammps;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The final minimisation counts atoms that went missing and refuses the structure. */
@Tag("lammps")
class MinimisationIntegrationTest {

    @Test
    void lostAtomsAreCountedAndTheStructureRefused() {
        try (InProcessEngine engine = new InProcessEngine(List.of("-log", "none", "-screen", "none", "-nocite"), null)) {
            Lammps lammps = engine.lammps();
            MaterialSystem lj = Systems.lennardJones3d(2);
            lammps.commands(lj.crystal().commands(1));
            lammps.commands(lj.potential().massCommands());
            lammps.commands(lj.potential().pairCommands());
            // two atoms disappear behind the protocol's back (as "thermo_modify lost ignore" lets LAMMPS do)
            lammps.command("group gone id 3 17");
            lammps.command("delete_atoms group gone compress no");
            ProtocolResult result = Minimisation.minimise(lammps, "lj3d", 1, 32, null, 1e-4, 3, new String[]{null, "LJ"});
            assertEquals(2, result.lostAtoms());
            assertEquals(30, result.atoms(), "the remaining atoms are still returned, renumbered");
            assertFalse(result.usable());
            assertTrue(result.problem().contains("2 atoms were lost"), result.problem());
            for (double x : result.positions()) {
                assertTrue(Double.isFinite(x));
            }
        }
    }
}
