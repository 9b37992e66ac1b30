package org.spr.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.RecordSink;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AMC quench against real LAMMPS (Tersoff carbon). */
@Tag("lammps")
class AmcQuenchIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    private static ProtocolResult run(AmcQuench protocol, RecordSink sink) {
        try (InProcessEngine engine = new InProcessEngine(QUIET, sink)) {
            return engine.call(protocol);
        }
    }

    @Test
    void coldAnnealWithoutVacanciesStaysGrapheneAndIsRefusedAsNotAmorphous() {
        AmcQuench protocol = AmcQuench.defaults(7).withSize(4, 3).withDisorder(0.0, 500, 5000).withSchedule(0.0005, 200, 200);
        ProtocolResult result = run(protocol, RecordSink.NONE);
        assertTrue(result.converged() && result.lostAtoms() == 0, result.problem());
        assertEquals(48, result.atoms());
        // Tersoff 1988 carbon (SiC.tersoff, C–C–C) graphene: −7.393 eV/atom after the in-plane cell relaxes
        assertEquals(-7.393, result.energyPerAtom(), 0.005);
        assertEquals(1.0, result.diagnostics().get("rings_6") / 24, 0.0, "one hexagon per two atoms");
        assertTrue(result.diagnostics().get("out_of_plane_rms") < 0.05, "graphene relaxed in 3D stays flat");
        assertTrue(!result.usable() && result.problem().contains("above graphene"),
                "pristine graphene is not amorphous carbon: " + result.problem());
    }

    @Test
    void hotQuenchWithVacanciesIsDisorderedAndReproducible() {
        AmcQuench protocol = AmcQuench.defaults(11).withSize(5, 3).withDisorder(0.1, 6000, 10000).withSchedule(0.0005, 300, 500);
        List<Object> stages = new ArrayList<>();
        ProtocolResult first = run(protocol, stages::add);
        ProtocolResult second = run(protocol, RecordSink.NONE);
        assertTrue(first.converged(), first.problem());
        assertEquals(60 - 6, first.atoms(), "10 % of 60 atoms removed");
        assertTrue(first.diagnostics().get("energy_above_graphene") > 0.05, "a quenched melt is not graphene: "
                + first.diagnostics());
        assertTrue(first.diagnostics().get("non_hexagonal_ring_fraction") > 0, first.diagnostics().toString());
        assertArrayEquals(first.positions(), second.positions(), 0.0, "bit for bit from the seed");
        assertEquals(first.energyPerAtom(), second.energyPerAtom(), 0.0);
        assertEquals(4, stages.size(), "heat, hold, quench, minimise: " + stages);
    }

    /** The knobs of {@code spr quench}'s defaults (1 % vacancies, 4500 K, 1000 K/ps) end in plausible sp² carbon. */
    @Test
    void theMainJobsQuenchEndsAsSp2CarbonAboveGraphene() {
        ProtocolResult result = run(AmcQuench.defaults(5).withSize(10, 6).withDisorder(0.01, 4500, 1000), RecordSink.NONE);
        assertTrue(result.usable(), result.problem());
        assertTrue(result.diagnostics().get("two_coordinated_fraction") < 0.05, result.diagnostics().toString());
        assertTrue(result.diagnostics().get("energy_above_graphene") > 0.001, result.diagnostics().toString());
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> AmcQuench.defaults(1).withDisorder(0.0, 5000, -5));
        assertTrue(rate.getMessage().contains("quench rate"));
        IllegalArgumentException vacancies = assertThrows(IllegalArgumentException.class,
                () -> AmcQuench.defaults(1).withDisorder(1.0, 5000, 100));
        assertTrue(vacancies.getMessage().contains("vacancy fraction"));
    }
}
