package org.spr.io;

import org.spr.error.SprException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameSelectionTest {

    private static int[] selected(FrameSelection selection, int frames) {
        return IntStream.range(0, frames).filter(selection::selects).toArray();
    }

    @Test
    void rangesAndStridesSelectTheExpectedFrames() {
        assertEquals("[0, 1, 2, 3, 4]", java.util.Arrays.toString(selected(FrameSelection.parse(null, 1), 5)));
        assertEquals("[0, 3, 6, 9]", java.util.Arrays.toString(selected(FrameSelection.parse(null, 3), 10)));
        assertEquals("[2, 4, 6]", java.util.Arrays.toString(selected(FrameSelection.parse("2:8", 2), 10)));
        assertEquals("[5, 6, 7]", java.util.Arrays.toString(selected(FrameSelection.parse("5:", 1), 8)));
        assertEquals("[0, 1]", java.util.Arrays.toString(selected(FrameSelection.parse(":2", 1), 8)));
        assertEquals("[4]", java.util.Arrays.toString(selected(FrameSelection.parse("4", 1), 8)));
        assertTrue(FrameSelection.parse(":2", 1).isPast(2));
        assertFalse(FrameSelection.parse("5:", 1).isPast(1_000_000));
    }

    @Test
    void badSelectionsAreRefused() {
        assertThrows(SprException.class, () -> FrameSelection.parse("a:b", 1));
        assertThrows(SprException.class, () -> FrameSelection.parse("3:1", 1));
        assertThrows(SprException.class, () -> FrameSelection.parse(null, 0));
    }
}
