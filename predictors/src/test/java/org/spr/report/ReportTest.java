package org.spr.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    private static void assertPng(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), file + " is a PNG");
    }

    @Test
    void plotsRenderHeadlessToPng() throws Exception {
        double[] x = {0, 1, 2, 3};
        Plots.lines(directory.resolve("lines.png"), "t", "x", "y", List.of(new Series("a", x, new double[]{1, 2, 3, 4}), new Series("b", x, new double[]{2, 2, 2, 2})), false);
        Plots.parity(directory.resolve("parity.png"), "t", "q", new double[]{1, 10, 100}, new double[]{1.1, 9, 120}, true);
        Plots.histogram(directory.resolve("histogram.png"), "t", "v", new double[]{0, 0.1, 0.1, 0.5, 1}, 5);
        double[] r = new double[400];
        double[] f = new double[200];
        double[][] z = new double[400][200];
        for (int k = 0; k < 400; k++) {
            r[k] = 0.01 + 0.02 * k;
            for (int j = 0; j < 200; j++) {
                f[j] = 0.25 + 0.5 * j;
                z[k][j] = Math.sin(k / 30.0) * Math.cos(j / 20.0);
            }
        }
        Plots.heatMap(directory.resolve("heat.png"), "W", "r", "ν", r, f, z, 200, 100);
        for (String name : List.of("lines.png", "parity.png", "histogram.png", "heat.png")) {
            assertPng(directory.resolve(name));
        }
        try (var files = Files.list(directory)) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void aLogAxisWithinOneDecadeLabelsEveryTick() {
        // κ of AMC spans 2.2–8.8 W/(m K): labelling only 1, 2, 5 × 10^k left the axis with the single label "5"
        XyCanvas.Ticks narrow = XyCanvas.Ticks.log(2.1, 9.2);
        assertEquals(List.of("3", "4", "5", "6", "7", "8", "9"), Arrays.asList(narrow.labels()));
        XyCanvas.Ticks wide = XyCanvas.Ticks.log(1, 1000);
        assertEquals("", wide.labels()[2], "3 is not labelled on a range of three decades");
        assertEquals("2", wide.labels()[1]);
    }

    @Test
    void countAxesHaveWholeNumberTicks() {
        XyCanvas.Ticks counts = XyCanvas.Ticks.linear(0, 2.1, 6, 1);
        assertEquals(List.of("0", "1", "2"), Arrays.asList(counts.labels()));
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0"), Arrays.asList(XyCanvas.Ticks.linear(0, 2.1, 6).labels()));
    }

    @Test
    void csvTablesAreWrittenWhole() throws Exception {
        Path file = directory.resolve("t.csv");
        CsvTables.write(file, List.of("a", "b"), List.of(List.of(1, "x,y"), List.of(2.5, "z")));
        assertEquals("a,b\n1,\"x,y\"\n2.5,z\n", Files.readString(file));
    }

    @Test
    void progressPrintsOneLinePerTenthWhenNotOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress progress = new Progress("work", 200, out, false, false)) {
            for (int i = 0; i < 200; i++) {
                progress.step();
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length, "0 %, 10 %, …, 100 %");
        assertTrue(lines[10].contains("100%") && lines[10].contains("200/200"), lines[10]);
        assertEquals("1:05", Progress.clock(65));
        assertEquals("59:59", Progress.clock(3599));
        assertEquals("1:00:00", Progress.clock(3600), "hours from an hour on");
        assertEquals("0:00", Progress.clock(-3), "no negative durations");
        assertEquals(30.0, Progress.remaining(10, 0.25), 1e-12, "a quarter done in 10 s leaves 30 s");
    }

    @Test
    void quietProgressPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress progress = new Progress("work", 10, new PrintStream(bytes), true, true)) {
            progress.advance(10);
            assertEquals(10, progress.done());
        }
        assertEquals(0, bytes.size());
    }
}
