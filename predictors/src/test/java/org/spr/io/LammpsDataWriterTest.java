package org.spr.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LammpsDataWriterTest {

    @Test
    void compressedTriclinicFrameReadsBackExactly(@TempDir Path directory) {
        Box box = new Box(-1, 0, -5, 10, 9, 10, 1.5, -0.5, 0.25, true, true, true);
        double[] positions = {0.5, 0.5, 0, 1.0 / 3, 2.5, 0.1, 9.75, 8.5, 4.9};
        Frame frame = new Frame(positions, new int[]{1, 2, 1}, 2, new String[]{"Si", "C"}, new double[]{28.085, 12.011},
                null, box, 3, 0);
        Path file = directory.resolve("s.data.gz");
        LammpsDataWriter.write(frame, "test", file);
        Frame back = LammpsDataReader.read(file, 3);
        assertArrayEquals(positions, back.positions(), 0.0);
        assertArrayEquals(new int[]{1, 2, 1}, back.types());
        assertEquals(box.xy(), back.box().xy(), 0.0);
        assertEquals(box.lz(), back.box().lz(), 1e-15);
        assertEquals("C", back.speciesNames()[1]);
        assertEquals(12.011, back.masses()[1], 0.0);
    }
}
