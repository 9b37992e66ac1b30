package org.spr.structure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coordination and primitive rings of known carbon networks. */
class BondNetworkTest {

    /** Graphene nx × ny orthogonal cells (4 atoms, a × √3a), flat, and the cell lengths. */
    static double[] graphene(int nx, int ny, double a, double[] cell) {
        double[][] basis = {{0, 0}, {0.5, 1.0 / 6}, {0.5, 0.5}, {0, 2.0 / 3}};
        double[] x = new double[3 * 4 * nx * ny];
        int k = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (double[] b : basis) {
                    x[k++] = (i + b[0]) * a;
                    x[k++] = (j + b[1]) * a * Math.sqrt(3);
                    x[k++] = 0;
                }
            }
        }
        cell[0] = nx * a;
        cell[1] = ny * a * Math.sqrt(3);
        return x;
    }

    @Test
    void grapheneIsThreeCoordinatedWithOneHexagonPerTwoAtoms() {
        double[] cell = new double[2];
        double[] x = graphene(6, 4, 2.46, cell);
        BondNetwork network = BondNetwork.of(x, cell[0], cell[1], 0, 1.85);
        assertEquals(1.0, network.coordinationFraction(3), 0.0);
        assertEquals(3 * 96 / 2, network.bondCount());
        int[] rings = network.ringSizeHistogram(12);
        assertEquals(48, rings[6], "one hexagon per two atoms");
        for (int size = 0; size <= 12; size++) {
            if (size != 6) {
                assertEquals(0, rings[size], "no " + size + "-rings in graphene");
            }
        }
    }

    @Test
    void stoneWalesRotationMakesTwoPentagonsAndTwoHeptagons() {
        double[] cell = new double[2];
        double[] x = graphene(6, 4, 2.46, cell);
        BondNetwork network = BondNetwork.of(x, cell[0], cell[1], 0, 1.85);
        int[] bonds = network.bonds();
        int i = bonds[0];
        int j = bonds[1];
        // rotate bond i–j by 90° about its midpoint (minimum image)
        double dx = BondNetwork.minimumImage(x[3 * j] - x[3 * i], cell[0]);
        double dy = BondNetwork.minimumImage(x[3 * j + 1] - x[3 * i + 1], cell[1]);
        double mx = x[3 * i] + dx / 2;
        double my = x[3 * i + 1] + dy / 2;
        // unrelaxed: the new bonds are 1.51 Å, the nearest non-bonded pair 1.89 Å, so the 1.85 Å graph is already 5-7-7-5
        x[3 * i] = mx + 0.5 * dy;
        x[3 * i + 1] = my - 0.5 * dx;
        x[3 * j] = mx - 0.5 * dy;
        x[3 * j + 1] = my + 0.5 * dx;
        BondNetwork defected = BondNetwork.of(x, cell[0], cell[1], 0, 1.85);
        assertEquals(1.0, defected.coordinationFraction(3), 0.0, "a Stone–Wales defect keeps three-coordination");
        int[] rings = defected.ringSizeHistogram(12);
        assertEquals(2, rings[5]);
        assertEquals(2, rings[7]);
        assertEquals(48 - 4, rings[6], "four hexagons became 5-7-7-5");
    }

    @Test
    void aChainAtomIsTwoCoordinated() {
        // three atoms in a row, 1.3 Å apart, in a large cell: ends 1-coordinated, middle 2-coordinated
        double[] x = {0, 0, 0, 1.3, 0, 0, 2.6, 0, 0};
        BondNetwork network = BondNetwork.of(x, 50, 50, 0, 1.85);
        assertEquals(1.0 / 3, network.coordinationFraction(2), 1e-12);
        assertEquals(2.0 / 3, network.coordinationFraction(1), 1e-12);
        assertEquals(0, network.primitiveRings(12).size());
    }
}
