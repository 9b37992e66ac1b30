package org.spr.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.structure.Frame;

class ReadersTest {

    private static final RadialGrid GRID = new RadialGrid(6.0, 0.05);

    static Path fixture(String name) {
        try {
            return Path.of(ReadersTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Frame> readAll(Path file) {
        List<Frame> frames = new ArrayList<>();
        try (FrameReader reader = FrameReader.open(file)) {
            reader.forEachRemaining(frames::add);
        }
        return frames;
    }

    private static PairCorrelation rdf(Frame frame) {
        return new RadialDistribution(GRID).compute(frame);
    }

    @Test
    void theSameStructureInEveryFormatGivesIdenticalPairCorrelations() {
        Frame dump = readAll(fixture("sic.lammpstrj")).get(0);
        Frame data = readAll(fixture("sic.data")).get(0);
        Frame xyz = readAll(fixture("sic.extxyz")).get(0);
        Frame poscar = readAll(fixture("POSCAR_sic")).get(0);
        PairCorrelation reference = rdf(dump);
        for (Frame frame : List.of(data, xyz, poscar)) {
            assertEquals(dump.box(), frame.box());
            assertArrayEquals(new String[] {"Si", "C"}, frame.speciesNames());
            assertArrayEquals(dump.types(), frame.types());
            assertArrayEquals(dump.positions(), frame.positions(), 0.0);
            PairCorrelation g = rdf(frame);
            assertArrayEquals(reference.total(), g.total(), 0.0);
            assertArrayEquals(reference.partial(0, 1), g.partial(0, 1), 0.0);
            assertArrayEquals(reference.coordination(), g.coordination(), 0.0);
        }
        assertTrue(dump.box().isTriclinic());
        assertArrayEquals(new double[] {28.0855, 12.011}, data.masses(), 0.0);
        assertEquals(48, dump.atomCount());
        assertEquals(6, dump.ids()[5]);
    }

    @Test
    void unwrappedScaledGzipAndDirectVariantsGiveTheSamePairCorrelation() {
        List<Frame> frames = readAll(fixture("sic.lammpstrj"));
        assertEquals(2, frames.size());
        assertEquals(100, frames.get(1).timestep());
        PairCorrelation reference = rdf(frames.get(0));
        // frame 2 holds images outside the box (xu yu zu): they are wrapped back
        Frame shifted = frames.get(1);
        assertArrayEquals(frames.get(0).positions(), shifted.positions(), 1e-12);
        assertArrayEquals(reference.total(), rdf(shifted).total(), 1e-12);
        Frame scaled = readAll(fixture("sic_scaled.lammpstrj.gz")).get(0);
        assertArrayEquals(frames.get(0).positions(), scaled.positions(), 1e-12);
        assertArrayEquals(reference.total(), rdf(scaled).total(), 1e-12);
        Frame direct = readAll(fixture("sic_direct.vasp")).get(0);
        assertArrayEquals(reference.total(), rdf(direct).total(), 1e-12);
    }

    @Test
    void aTruncatedFinalFrameIsAWarningAndEarlierFramesAreKept() {
        try (FrameReader reader = FrameReader.open(fixture("truncated.lammpstrj"))) {
            List<Frame> frames = new ArrayList<>();
            reader.forEachRemaining(frames::add);
            assertEquals(2, frames.size());
            assertEquals(10, frames.get(1).timestep());
            assertEquals(1, reader.warnings().size());
            String warning = reader.warnings().get(0);
            assertTrue(warning.contains("truncated.lammpstrj") && warning.contains("truncated") && warning.contains("2 frame(s)"), warning);
        }
    }

    @Test
    void malformedInputNamesFileAndLine() {
        InputFormatException error = assertThrows(InputFormatException.class, () -> readAll(fixture("malformed.lammpstrj")));
        assertEquals(15, error.line());
        assertTrue(error.getMessage().contains("malformed.lammpstrj:15:"), error.getMessage());
        assertTrue(error.getMessage().contains("1.2.3"), error.getMessage());
    }

    @Test
    void badFilesGetOneClearSentence(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("bad.data");
        Files.writeString(data, "comment\n\n4 atoms\n1 atom types\n0 1 xlo xhi\n0 1 ylo yhi\n0 1 zlo zhi\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 0.5 0.5\n");
        InputFormatException error = assertThrows(InputFormatException.class, () -> readAll(data));
        assertEquals(12, error.line());
        Path dump = dir.resolve("x.lammpstrj");
        Files.writeString(dump, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\nITEM: ATOMS id type q\n1 1 0\n");
        error = assertThrows(InputFormatException.class, () -> readAll(dump));
        assertEquals(9, error.line());
        Path empty = dir.resolve("nothing");
        Files.writeString(empty, "");
        assertThrows(InputFormatException.class, () -> FrameReader.open(empty));
        Path xyz = dir.resolve("nolattice.xyz");
        Files.writeString(xyz, "1\ncomment\nC 0 0 0\n");
        error = assertThrows(InputFormatException.class, () -> readAll(xyz));
        assertEquals(2, error.line());
    }

    @Test
    void formatsAreDetectedByNameAndByContent(@TempDir Path dir) throws IOException {
        assertEquals(StructureFormat.LAMMPS_DUMP, StructureFormat.detect(fixture("sic_scaled.lammpstrj.gz")));
        assertEquals(StructureFormat.LAMMPS_DATA, StructureFormat.detect(fixture("sic.data")));
        assertEquals(StructureFormat.EXTENDED_XYZ, StructureFormat.detect(fixture("sic.extxyz")));
        assertEquals(StructureFormat.POSCAR, StructureFormat.detect(fixture("POSCAR_sic")));
        String[][] cases = {{"sic.lammpstrj", "LAMMPS_DUMP"}, {"sic.data", "LAMMPS_DATA"}, {"sic.extxyz", "EXTENDED_XYZ"}, {"POSCAR_sic", "POSCAR"}};
        for (String[] c : cases) {
            Path copy = dir.resolve("unnamed_" + c[0].replace('.', '_'));
            Files.copy(fixture(c[0]), copy);
            assertEquals(StructureFormat.valueOf(c[1]), StructureFormat.detect(copy), c[0]);
        }
    }

    @Test
    void twoDimensionalFramesComeWithTheRequestedDimension() {
        try (FrameReader reader = FrameReader.open(fixture("sic.lammpstrj"), 2)) {
            assertEquals(2, reader.next().dimension());
        }
    }

    @Test
    void experimentalReducedPdfIsConvertedToPairCorrelation() {
        ExperimentalPdf pdf = ExperimentalPdf.read(fixture("sample.gr"));
        assertEquals(1000, pdf.r().length);
        RadialGrid grid = new RadialGrid(8.0, 0.02);
        double[] g = pdf.toPairCorrelation(grid, 0.1);
        for (int k = 0; k < grid.bins(); k++) {
            double r = grid.centre(k);
            assertEquals(1 + Math.exp(-r) * Math.sin(5 * r), g[k], 2e-3, "r = " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> pdf.toPairCorrelation(new RadialGrid(12.0, 0.02), 0.1));
        assertThrows(IllegalArgumentException.class, () -> pdf.toPairCorrelation(grid, 0));
    }

    @Test
    void plainTwoColumnGrFilesAreRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.gr");
        Files.writeString(file, "# r G\n0.5 0.1\n1.0 0.2\n1.5 -0.3\n");
        ExperimentalPdf pdf = ExperimentalPdf.read(file);
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, pdf.r(), 0.0);
        assertArrayEquals(new double[] {0.1, 0.2, -0.3}, pdf.reducedPdf(), 0.0);
    }
}
