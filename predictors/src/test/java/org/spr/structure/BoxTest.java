package org.spr.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxTest {

    private final Box box = new Box(1, -2, 0.5, 10, 8, 6, 2, -1.5, 1, true, true, true);

    @Test
    void fractionalAndCartesianAreInverse() {
        double[] r = {3.3, 4.1, 2.2}, s = new double[3], back = new double[3];
        box.toFractional(r, 0, s, 0);
        box.toCartesian(s, 0, back, 0);
        assertArrayEquals(r, back, 1e-12);
    }

    @Test
    void wrappingMovesByWholeCellVectorsIntoTheCell() {
        double[] r = {3.3 + 2 * 10 + 2 - 1.5, 4.1 + 8 + 1, 2.2 + 6}; // inside + 2a + b + c
        box.wrap(r, 0);
        assertArrayEquals(new double[] {3.3, 4.1, 2.2}, r, 1e-12);
        double[] inside = {3.3, 4.1, 2.2};
        double[] copy = inside.clone();
        box.wrap(copy, 0);
        assertArrayEquals(inside, copy, 0.0);
    }

    @Test
    void minimumImageOfAnOrthogonalBox() {
        Box cube = Box.orthogonal(10, 10, 10);
        double[] d = {9, -6, 4};
        cube.minimumImage(d, 0);
        assertArrayEquals(new double[] {-1, 4, 4}, d, 1e-12);
    }

    @Test
    void volumeAreaAndWidths() {
        assertEquals(480, box.volume(), 1e-12);
        assertEquals(80, box.area(), 1e-12);
        assertEquals(6, box.perpendicularWidth(2), 1e-12);
        // widths are V / |u × v|: check one against the cross product directly
        double[] b = {2, 8, 0}, c = {-1.5, 1, 6};
        double[] cross = {b[1] * c[2] - b[2] * c[1], b[2] * c[0] - b[0] * c[2], b[0] * c[1] - b[1] * c[0]};
        assertEquals(480 / Math.sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]), box.perpendicularWidth(0), 1e-12);
        Box fromVectors = Box.fromCellVectors(new double[][] {{0, 10, 0}, {-8, 2, 0}, {1, -1.5, 6}});
        assertEquals(480, fromVectors.volume(), 1e-9);
        assertEquals(10, fromVectors.lx(), 1e-12);
        assertEquals(2, fromVectors.xy(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Box.orthogonal(0, 1, 1));
    }
}
