package org.spr.protocol;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.RecordSink;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WWW bond switching against real LAMMPS (Tersoff 1988 carbon): the graphene → amorphous span and its plausibility. */
@Tag("lammps")
class AmcBondSwitchIntegrationTest {

    private static final List<String> QUIET = List.of("-log", "none", "-screen", "none", "-nocite");

    static ProtocolResult run(Protocol protocol) {
        try (InProcessEngine engine = new InProcessEngine(QUIET, RecordSink.NONE)) {
            return engine.call(protocol);
        }
    }

    private static double d(ProtocolResult result, String name) {
        return result.diagnostics().get(name);
    }

    @Test
    void aFewSwitchesMakeStoneWalesDefectedGraphene() {
        AmcBondSwitch protocol = AmcBondSwitch.defaults(3).withSize(6, 4).withMoves(2, 0, 0.5);
        ProtocolResult result = run(protocol);
        assertTrue(result.usable(), result.problem());
        assertEquals(96, result.atoms());
        assertEquals(0.0, d(result, "two_coordinated_fraction"), 0.0, "Stone–Wales moves keep three-coordination");
        assertEquals(4.0, d(result, "rings_5"), 0.0, "two 5-7-7-5 defects: " + result.diagnostics());
        assertEquals(4.0, d(result, "rings_7"), 0.0);
        assertEquals(48.0 - 8, d(result, "rings_6"), 0.0);
        // each Stone–Wales defect costs a few eV: per atom above graphene, positive, well below a disordered network
        assertTrue(d(result, "energy_above_graphene") > 0.02 && d(result, "energy_above_graphene") < 0.2,
                "energy above graphene " + d(result, "energy_above_graphene"));
        assertEquals(0.0, d(result, "cutoff_shell_pairs"), 0.0);
        ProtocolResult again = run(protocol);
        assertArrayEquals(result.positions(), again.positions(), 0.0, "bit for bit from the seed");
    }

    @Test
    void manySwitchesMakeAnAmorphousFiveToEightNetwork() {
        AmcBondSwitch protocol = AmcBondSwitch.defaults(5).withSize(8, 5).withMoves(80, 80, 0.5);
        ProtocolResult result = run(protocol);
        assertTrue(result.usable(), result.problem());
        assertTrue(d(result, "non_hexagonal_ring_fraction") >= 0.3, "amorphous: " + result.diagnostics());
        assertTrue(d(result, "two_coordinated_fraction") < 0.05, "sp² carbon: " + result.diagnostics());
        assertTrue(d(result, "energy_above_graphene") > 0.1, "above graphene: " + result.diagnostics());
        double fiveToEight = d(result, "rings_5") + d(result, "rings_6") + d(result, "rings_7") + d(result, "rings_8");
        double rings = fiveToEight + d(result, "rings_4") + d(result, "rings_9");
        assertTrue(fiveToEight >= 0.9 * rings, "a 5–8 network: " + result.diagnostics());
        assertEquals(0.0, d(result, "rings_4"), 0.0, "no 4-rings (refused moves)");
        assertTrue(d(result, "out_of_plane_rms") > 0.1, "relaxed in 3D, the amorphous sheet buckles: " + result.diagnostics());
    }

    @Test
    void reboIsSelectable() {
        ProtocolResult result = run(AmcBondSwitch.defaults(7).withSize(6, 4).withMoves(2, 0, 0.5)
                .withPotential(CarbonPotential.REBO));
        assertTrue(result.usable(), result.problem());
        assertTrue(d(result, "energy_above_graphene") > 0.02, result.diagnostics().toString());
        assertEquals(4.0, d(result, "rings_5"), 0.0, result.diagnostics().toString());
    }

    @Test
    void badParametersAreRefusedBeforeAnySimulation() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AmcBondSwitch.defaults(1).withMoves(10, 10, 0))
                .getMessage().contains("kT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AmcBondSwitch.defaults(1).withMoves(-1, 10, 0.5))
                .getMessage().contains("move counts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CarbonPotential.byKey("airebo"))
                .getMessage().contains("tersoff1988"));
    }

    @Test
    void stoneWalesRotationTurnsTheBondByNinetyDegreesAboutItsMidpoint() {
        // bond across the periodic x boundary: atom 0 at x = 0.3, atom 1 at x = 9.3 (image at −0.7), cell 10 × 10
        double[] x = {0.3, 5.0, 0.0, 9.3, 5.0, 0.0};
        double[] rotated = AmcBondSwitch.stoneWalesRotation(x, 0, 1, 10, 10);
        // midpoint (−0.2, 5); bond vector (−1, 0) → atoms at (−0.2, 5 ± 0.5)
        assertArrayEquals(new double[]{-0.2, 5.5, 0.0, -0.2, 4.5, 0.0}, rotated, 1e-12);
    }
}
