package org.spr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RdfCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new RdfCommand());
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(out, true));
        return command.execute(args);
    }

    /** A simple-cubic crystal (a = 1, 4×4×4, two types alternating) as a two-frame dump. */
    private static Path dump(Path dir, boolean truncate) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int frame = 0; frame < 2; frame++) {
            text.append("ITEM: TIMESTEP\n").append(frame * 100).append("\nITEM: NUMBER OF ATOMS\n64\n");
            text.append("ITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\nITEM: ATOMS id type element x y z\n");
            int id = 1;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int k = 0; k < 4; k++) {
                        int type = 1 + (i + j + k) % 2;
                        text.append(id++).append(' ').append(type).append(type == 1 ? " Na " : " Cl ")
                                .append(i).append(' ').append(j).append(' ').append(k).append('\n');
                    }
                }
            }
        }
        if (truncate) {
            text.append("ITEM: TIMESTEP\n200\nITEM: NUMBER OF ATOMS\n64\n");
        }
        Path file = dir.resolve("crystal.lammpstrj");
        Files.writeString(file, text.toString());
        return file;
    }

    @Test
    void writesPerFrameRowsWithPartials(@TempDir Path dir) throws IOException {
        Path input = dump(dir, false);
        Path csv = dir.resolve("gr.csv");
        assertEquals(0, run(input.toString(), "--rmax", "1.5", "--dr", "0.1", "--partials", "--out", csv.toString()), err.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("frame,timestep,r,g,n,g_Na_Na,g_Na_Cl,g_Cl_Cl", lines.get(0));
        assertEquals(1 + 2 * 15, lines.size());
        // bin [1.0, 1.1): 6 unlike nearest neighbours, no like ones
        String[] row = lines.get(11).split(",");
        assertEquals("0", row[0]);
        assertEquals(1.05, Double.parseDouble(row[2]), 1e-12);
        assertEquals(6.0, Double.parseDouble(row[4]), 1e-9);
        assertEquals(0.0, Double.parseDouble(row[5]), 0.0);
        assertTrue(Double.parseDouble(row[6]) > 0);
        assertTrue(lines.get(16).startsWith("1,100,"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void averagesFramesAndWarnsAboutATruncatedLastFrame(@TempDir Path dir) throws IOException {
        Path input = dump(dir, true);
        Path csv = dir.resolve("avg.csv");
        assertEquals(0, run(input.toString(), "--rmax", "1.5", "--dr", "0.1", "--average", "--every", "1", "--out", csv.toString()), err.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("r,g,n", lines.get(0));
        assertEquals(16, lines.size());
        assertTrue(err.toString().contains("warning") && err.toString().contains("truncated"), err.toString());
    }

    @Test
    void badParametersExitWithTwoAndBadInputWithThree(@TempDir Path dir) throws IOException {
        Path input = dump(dir, false);
        Path csv = dir.resolve("x.csv");
        assertEquals(2, run(input.toString(), "--rmax", "0", "--out", csv.toString()));
        assertTrue(err.toString().contains("r_max"), err.toString());
        assertEquals(2, run(input.toString(), "--dim", "4", "--out", csv.toString()));
        assertEquals(2, run(input.toString()));
        assertEquals(3, run(dir.resolve("missing.lammpstrj").toString(), "--out", csv.toString()));
        Path broken = dir.resolve("broken.lammpstrj");
        Files.writeString(broken, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 one\n");
        assertEquals(3, run(broken.toString(), "--out", csv.toString()));
        assertTrue(err.toString().contains("broken.lammpstrj:8:"), err.toString());
        assertFalse(Files.exists(csv), "a failed run leaves no output");
    }

    @Test
    void helpShowsAnExample() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("spr rdf quench.lammpstrj.gz"), out.toString());
    }
}
