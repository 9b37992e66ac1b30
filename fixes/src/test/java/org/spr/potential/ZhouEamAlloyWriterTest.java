package org.spr.potential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZhouEamAlloyWriterTest {

    private static final ZhouEamParameterTable TABLE = ZhouEamParameterTable.bundled();

    @TempDir
    Path directory;

    @Test
    void bundledTableHoldsCopperAluminiumZirconium() {
        assertEquals(List.of("Cu", "Al", "Zr"), List.copyOf(TABLE.elements().keySet()));
        ZhouEamElement zirconium = TABLE.element("Zr");
        assertEquals(40, zirconium.atomicNumber());
        assertEquals(ZhouEamElement.ReferenceLattice.HCP, zirconium.lattice());
        assertEquals(3.199978, zirconium.latticeConstant(), 1e-9);
        assertEquals(3.615, TABLE.element("Cu").latticeConstant(), 1e-3);
    }

    @Test
    void functionsHaveTheirDefiningValues() {
        for (ZhouEamElement e : TABLE.elements().values()) {
            double rhoE = e.equilibriumDensity();
            double low = e.lowDensityFactor() * rhoE;
            double high = e.highDensityFactor() * rhoE;
            assertEquals(e.densityPrefactor(), e.density(e.equilibriumDistance()), 1e-6 * e.densityPrefactor(), e.symbol() + " f(re) = fe");
            assertEquals(e.midDensityCoefficients()[0], e.embedding(rhoE), 1e-12, e.symbol() + " F(ρe) = F0");
            assertEquals(0.0, e.embedding(0.0), 1e-5, e.symbol() + " F(0) = 0");
            assertEquals(e.embedding(low * (1 - 1e-12)), e.embedding(low), 1e-5, e.symbol() + " F continuous at ρn");
            assertEquals(e.embedding(high * (1 - 1e-12)), e.embedding(high), 1e-5, e.symbol() + " F continuous at ρ0");
        }
    }

    @Test
    void crossPairFollowsTheAlloyRule() {
        ZhouEamElement cu = TABLE.element("Cu");
        ZhouEamElement zr = TABLE.element("Zr");
        for (double r : new double[] {2.0, 2.7, 3.5, 5.0}) {
            double expected = 0.5 * (zr.density(r) / cu.density(r) * cu.pair(r) + cu.density(r) / zr.density(r) * zr.pair(r));
            assertEquals(expected, ZhouEamElement.crossPair(cu, zr, r), 1e-14);
            assertEquals(ZhouEamElement.crossPair(cu, zr, r), ZhouEamElement.crossPair(zr, cu, r), 1e-14);
            assertEquals(cu.pair(r), ZhouEamElement.crossPair(cu, cu, r), 0.0);
        }
    }

    @Test
    void writtenFileHasTheSetflLayoutAndTabulatedValues() throws IOException {
        EamTabulation grid = new EamTabulation(101, 3.0, 201, 6.5);
        Path file = directory.resolve("ZrAl.eam.alloy");
        new ZhouEamAlloyWriter(TABLE, grid).write(file, List.of("Zr", "Al"));
        assertFalse(Files.exists(directory.resolve("ZrAl.eam.alloy.tmp")));
        List<String> lines = Files.readAllLines(file);
        assertEquals("2 Zr Al", lines.get(3));
        double[] header = numbers(lines.get(4));
        double rhoMax = 3.0 * TABLE.element("Zr").equilibriumDensity();
        assertArrayEquals(new double[] {101, rhoMax / 100, 201, 6.5 / 200, 6.5}, header, 1e-12);
        assertEquals("40 91.22400000 3.19997800 hcp", lines.get(5));
        double[] zrTables = numbers(String.join(" ", lines.subList(6, 6 + 21 + 41)));
        assertEquals(101 + 201, zrTables.length);
        ZhouEamElement zr = TABLE.element("Zr");
        assertEquals(zr.embedding(50 * rhoMax / 100), zrTables[50], 1e-12);
        assertEquals(zr.density(100 * 6.5 / 200), zrTables[101 + 100], 1e-12);
        int alHeader = 6 + 21 + 41;
        assertEquals("13 26.98153900 4.05020016 fcc", lines.get(alHeader));
        double[] pairs = numbers(String.join(" ", lines.subList(alHeader + 1 + 21 + 41, lines.size())));
        assertEquals(3 * 201, pairs.length, "pairs Zr-Zr, Al-Zr, Al-Al");
        double r = 80 * 6.5 / 200;
        assertEquals(0.0, pairs[0], 0.0, "r·φ(0) = 0");
        assertEquals(r * zr.pair(r), pairs[80], 1e-12);
        assertEquals(r * ZhouEamElement.crossPair(TABLE.element("Al"), zr, r), pairs[201 + 80], 1e-12);
        assertEquals(r * TABLE.element("Al").pair(r), pairs[402 + 80], 1e-12);
    }

    @Test
    void refusesUnknownOrRepeatedElementsAndBadGrids() {
        ZhouEamAlloyWriter writer = new ZhouEamAlloyWriter();
        Path file = directory.resolve("x.eam.alloy");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> writer.write(file, List.of("Cu", "Ni")));
        assertTrue(unknown.getMessage().contains("'Ni'") && unknown.getMessage().contains("Zr"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> writer.write(file, List.of("Cu", "Cu")));
        assertThrows(IllegalArgumentException.class, () -> writer.write(file, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new EamTabulation(2000, 1.0, 2000, 7.0));
        assertThrows(IllegalArgumentException.class, () -> new EamTabulation(2000, 3.0, 2000, -1.0));
        assertFalse(Files.exists(file));
    }

    @Test
    void malformedParameterFileIsReportedWithItsLine() {
        String csv = "# comment\n"
                + "element,Z,mass,re,fe,rhoe,rhos,alpha,beta,A,B,kappa,lambda,Fn0,Fn1,Fn2,Fn3,F0,F1,F2,F3,eta,Fe,rho_low_factor,rho_high_factor\n"
                + "Cu,29,63.546,2.556162,1.554485,21.175871,21.175395,8.127620,4.334731,0.396620,0.548085,0.308782,0.756515,-2.170269,-0.263788,1.088878,-0.817603,-2.19,0.00,0.561830,-2.100595,0.310490,-2.186568,0.85,1.15\n"
                + "Al,13,26.98,x,1.403115,20.418205,23.195740,6.613165,3.527021,0.314873,0.365551,0.379846,0.759692,-2.807602,-0.301435,1.258562,-1.247604,-2.83,0.00,0.622245,-2.488244,0.785902,-2.824528,0.85,1.15\n";
        ParameterFileException e = assertThrows(ParameterFileException.class,
                () -> ZhouEamParameterTable.read(new StringReader(csv), "test.csv"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("test.csv:4: column 're'"), e.getMessage());
        ParameterFileException missing = assertThrows(ParameterFileException.class,
                () -> ZhouEamParameterTable.read(new StringReader("element,Z\nCu,29\n"), "short.csv"));
        assertTrue(missing.getMessage().contains("'mass'"), missing.getMessage());
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
