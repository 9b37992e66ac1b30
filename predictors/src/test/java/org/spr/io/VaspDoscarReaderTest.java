package org.spr.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.model.SpectrumGrid;

/**
 * Fixtures: {@code DOSCAR_graphene} (ISPIN = 1, 2 ions, D(E) = 0.08 |E − E_F| states/eV per cell on E_F ± 5 eV in 0.5 eV
 * steps, E_F = −2.3 eV at the minimum, like graphene's Dirac cone); {@code DOSCAR_spin} (ISPIN = 2, 2 ions, up and down
 * bands 0.2 + 1.5 exp(−(E − E_F − c)²) with c = −1 (up) and 0 (down) eV on E_F ± 4 eV, E_F = 5.5 eV, then a
 * projected-DOS block as LORBIT writes it).
 */
class VaspDoscarReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsAnUnpolarisedDoscar() {
        DoscarDensityOfStates dos = VaspDoscarReader.read(ReadersTest.fixture("DOSCAR_graphene"));
        assertEquals(2, dos.atoms());
        assertEquals(-2.3, dos.fermiEnergy(), 0.0);
        assertFalse(dos.spinPolarised());
        assertEquals(21, dos.points());
        assertEquals(-7.3, dos.energies()[0], 0.0);
        assertEquals(2.7, dos.energies()[20], 0.0);
        assertEquals(0.0, dos.total()[10], 0.0);
        assertEquals(0.4, dos.total()[0], 0.0);
    }

    @Test
    void sumsBothSpinsAndIgnoresTheProjectedBlocks() {
        DoscarDensityOfStates dos = VaspDoscarReader.read(ReadersTest.fixture("DOSCAR_spin"));
        assertEquals(2, dos.atoms());
        assertEquals(5.5, dos.fermiEnergy(), 0.0);
        assertTrue(dos.spinPolarised());
        assertEquals(17, dos.points());
        assertEquals(0.20019 + 0.2, dos.total()[0], 1e-12);
        assertEquals(1.5, dos.energies()[0], 0.0);
        assertEquals(9.5, dos.energies()[16], 0.0);
        // the down band is centred at E_F: 0.2 + 1.5 (down) + 0.2 + 1.5 e^{-1} (up)
        assertEquals(0.2 + 1.5 + 0.2 + 1.5 * Math.exp(-1), dos.total()[8], 1e-4);
    }

    @Test
    void resamplesTheVShapedDosPerAtomAroundTheFermiLevel() {
        DoscarDensityOfStates dos = VaspDoscarReader.read(ReadersTest.fixture("DOSCAR_graphene"));
        SpectrumGrid grid = DoscarDensityOfStates.window(-3, 3, 0.05);
        assertEquals(121, grid.count());
        assertEquals("eV", grid.unit());
        double[] y = dos.resample(grid);
        // per atom: 0.04 |x|, averaged over each bin; a bin away from the kink holds the value at its centre
        assertEquals(0.04, y[80], 1e-12); // x = 1 eV
        assertEquals(0.12, y[0], 1e-12); // x = -3 eV
        assertEquals(0.04 * 0.0125, y[60], 1e-12); // the bin [-0.025, 0.025] around the minimum
        double integral = 0;
        for (double v : y) {
            integral += v * grid.step();
        }
        assertEquals(0.04 * 3.025 * 3.025, integral, 1e-12, "states per atom in the window, bins to ±3.025 eV");
    }

    @Test
    void resamplingConservesTheIntegralOfAFineDos() {
        int n = 20001;
        double[] e = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = -10 + 0.001 * i;
            d[i] = 1 + Math.sin(3 * e[i]) + e[i] * e[i] / 10; // states/eV per cell, E_F = 0.4 eV below
        }
        DoscarDensityOfStates dos = new DoscarDensityOfStates(Path.of("fine"), 4, 0.4, false, e, d);
        SpectrumGrid grid = DoscarDensityOfStates.window(-3, 3, 0.05);
        double[] y = dos.resample(grid);
        double sum = 0;
        for (double v : y) {
            sum += v * grid.step();
        }
        double a = 0.4 - 3.025, b = 0.4 + 3.025;
        double exact = (b - a) - (Math.cos(3 * b) - Math.cos(3 * a)) / 3 + (b * b * b - a * a * a) / 30;
        assertEquals(exact / 4, sum, 1e-6 * exact, "states per atom in the window");
        // each bin: the mean of D over it, per atom
        double centre = 0.4 + grid.value(70);
        double mean = 1 + Math.sin(3 * centre) * Math.sin(3 * 0.025) / (3 * 0.025) + (centre * centre + 0.025 * 0.025 / 3) / 10;
        assertEquals(mean / 4, y[70], 1e-6);
    }

    @Test
    void resamplingACoarseDoscarConservesTheTrapezoidIntegral() {
        DoscarDensityOfStates dos = VaspDoscarReader.read(ReadersTest.fixture("DOSCAR_spin"));
        SpectrumGrid grid = DoscarDensityOfStates.window(-3.5, 3.5, 0.1);
        double[] y = dos.resample(grid);
        double sum = 0;
        for (double v : y) {
            sum += v * grid.step();
        }
        // the window's bins span E_F ± 3.55 eV = 1.95…9.05 eV: the trapezoid over the points 2.0…9.0 eV plus the two 0.05 eV ends
        double trapezoid = 0;
        double[] e = dos.energies(), d = dos.total();
        for (int i = 2; i < 16; i++) {
            trapezoid += 0.5 * (d[i] + d[i - 1]) * (e[i] - e[i - 1]);
        }
        double slopeLow = (d[1] - d[0]) / 0.5, slopeHigh = (d[16] - d[15]) / 0.5;
        trapezoid += 0.05 * (d[1] - slopeLow * 0.025) + 0.05 * (d[15] + slopeHigh * 0.025);
        assertEquals(trapezoid / 2, sum, 1e-12);
    }

    @Test
    void refusesAWindowBeyondTheDoscarsEnergies() {
        DoscarDensityOfStates dos = VaspDoscarReader.read(ReadersTest.fixture("DOSCAR_graphene"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> dos.resample(DoscarDensityOfStates.window(-3, 5, 0.05)));
        assertTrue(e.getMessage().contains("DOSCAR_graphene") && e.getMessage().contains("beyond the DOSCAR's energies"), e.getMessage());
        assertTrue(e.getMessage().contains("-5…5 eV"), e.getMessage());
        // the bins of a window that ends exactly at the DOSCAR's range reach half a step beyond it
        assertThrows(InputFormatException.class, () -> dos.resample(DoscarDensityOfStates.window(-5, 0, 0.05)));
        dos.resample(DoscarDensityOfStates.window(-4.975, 4.975, 0.05));
        IllegalArgumentException notWhole = assertThrows(IllegalArgumentException.class, () -> DoscarDensityOfStates.window(-3, 3, 0.07));
        assertTrue(notWhole.getMessage().contains("whole number"), notWhole.getMessage());
    }

    private List<String> graphene() throws IOException {
        return new ArrayList<>(Files.readAllLines(ReadersTest.fixture("DOSCAR_graphene")));
    }

    private String failure(List<String> lines) throws IOException {
        Path file = directory.resolve("DOSCAR");
        Files.write(file, lines);
        return assertThrows(InputFormatException.class, () -> VaspDoscarReader.read(file)).getMessage();
    }

    /** The graphene DOSCAR with line INDEX (0-based) replaced by LINE fails with a message that contains EXPECTED. */
    private void assertRefusedWithLine(int index, String line, String expected) throws IOException {
        List<String> lines = graphene();
        lines.set(index, line);
        String message = failure(lines);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void refusesMalformedDoscarsNamingTheLine() throws IOException {
        String empty = failure(List.of());
        assertTrue(empty.endsWith("DOSCAR:1: the DOSCAR ends before line 1 (the number of ions)"), empty);

        String shortHeader = failure(graphene().subList(0, 4));
        assertTrue(shortHeader.contains("DOSCAR:5: the DOSCAR ends before header line 5"), shortHeader);

        String truncated = failure(graphene().subList(0, 11));
        assertTrue(truncated.contains("DOSCAR:12: the DOSCAR ends after 5 energy lines but line 6 announces NEDOS = 21"), truncated);

        assertRefusedWithLine(8, "    -6.300  abc  3.6000E-01", "DOSCAR:9: 'abc' in column 2 is not a number");
        assertRefusedWithLine(9, "    -6.400  2.8000E-01  5.1000E-01", "DOSCAR:10: energies must increase");
        assertRefusedWithLine(5, graphene().get(5).replace(" 21 ", " 3 "), "DOSCAR:10: expected the end of the total DOS after NEDOS = 3");
        assertRefusedWithLine(6, "    -7.300  4.0000E-01  0.0000E+00  1.0", "DOSCAR:7: expected 3 columns");
        assertRefusedWithLine(0, "   0   0   1   0", "DOSCAR:1: the number of ions must be positive");
    }
}
