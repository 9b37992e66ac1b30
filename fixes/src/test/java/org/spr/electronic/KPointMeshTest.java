package org.spr.electronic;

import org.junit.jupiter.api.Test;
import org.spr.structure.Frame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KPointMeshTest {

    /** Time reversal halves every mesh with an even axis and keeps Γ alone for all-odd meshes: (n − 1)/2 + 1 points. */
    @Test
    void irreduciblePointsHalveTheMeshAndTheirWeightsSumToOne() {
        int[][] meshes = {{1, 1, 1}, {2, 2, 1}, {3, 3, 1}, {4, 4, 1}, {3, 2, 1}, {3, 3, 3}, {2, 3, 4}};
        int[] expected = {1, 2, 5, 8, 3, 14, 12};
        for (int c = 0; c < meshes.length; c++) {
            KPointMesh mesh = new KPointMesh(meshes[c][0], meshes[c][1], meshes[c][2]);
            List<KPointMesh.KPoint> points = mesh.irreducible();
            assertEquals(expected[c], points.size(), mesh.toString());
            double weight = 0;
            int multiplicity = 0;
            Set<String> covered = new HashSet<>();
            for (KPointMesh.KPoint point : points) {
                weight += point.weight();
                multiplicity += point.multiplicity();
                assertEquals(point.multiplicity() / (double) mesh.size(), point.weight(), 1e-15);
                assertEquals(point.multiplicity() == 1, point.gamma(), "only Γ is its own partner");
                covered.add(key(point.fractional(), 1));
                covered.add(key(point.fractional(), -1));
                for (int axis = 0; axis < 3; axis++) {
                    assertTrue(Math.abs(point.fractional()[axis]) < 0.5, "inside the zone");
                }
            }
            assertEquals(1.0, weight, 1e-12, mesh.toString());
            assertEquals(mesh.size(), multiplicity);
            assertEquals(mesh.size(), covered.size(), "±s of the irreducible points cover the mesh " + mesh);
        }
        assertTrue(KPointMesh.GAMMA.irreducible().get(0).gamma());
        // MP offsets: 2 → ±1/4, 3 → 0, ±1/3, 4 → ±1/8, ±3/8
        assertEquals(-0.25, KPointMesh.inPlane(2, 2).irreducible().get(0).fractional()[0], 1e-15);
        assertEquals(-1.0 / 3, KPointMesh.inPlane(3, 3).irreducible().get(0).fractional()[0], 1e-15);
        assertEquals(-0.375, KPointMesh.inPlane(4, 4).irreducible().get(0).fractional()[0], 1e-15);
    }

    private static String key(double[] s, int sign) {
        return Math.round(sign * s[0] * 1e6) + "," + Math.round(sign * s[1] * 1e6) + "," + Math.round(sign * s[2] * 1e6);
    }

    @Test
    void invalidMeshesAreRefusedNamingTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KPointMesh(0, 1, 1)).getMessage().contains("k-point mesh"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KPointMesh.inPlane(2, 100)).getMessage().contains("k-point mesh"));
        Frame sheet = CarbonStructures.graphene(6, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PiElectronicLabeller(ElectronicLabelParameters.DEFAULT.withKPoints(new KPointMesh(2, 2, 2))).label(sheet));
        assertTrue(e.getMessage().contains("n3 = 1"), e.getMessage());
        Frame open = new Frame(sheet.positions(), sheet.types(), 1, sheet.speciesNames(), sheet.masses(), null,
                sheet.box().withPeriodicity(true, false, true), 2, 0);
        e = assertThrows(IllegalArgumentException.class,
                () -> new PiElectronicLabeller(ElectronicLabelParameters.DEFAULT.withKPoints(KPointMesh.inPlane(2, 2))).label(open));
        assertTrue(e.getMessage().contains("not periodic"), e.getMessage());
        assertEquals(KPointMesh.GAMMA, ElectronicLabelParameters.DEFAULT.kPoints());
        assertEquals(KPointMesh.GAMMA, new ElectronicLabelParameters(PiTightBindingParameters.CARBON,
                ElectronicLabelParameters.DEFAULT_GRID, 0.1, true, 0.1, 3.35).kPoints());
        assertThrows(NullPointerException.class, () -> ElectronicLabelParameters.DEFAULT.withKPoints(null));
    }
}
