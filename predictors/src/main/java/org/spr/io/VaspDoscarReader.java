package org.spr.io;

import java.nio.file.Path;

/**
 * Reads the total electronic DOS of a VASP {@code DOSCAR} (plain or {@code .gz}):
 * <pre>
 *   line 1      NIONS NIONS JOBPAR NCDIJ      (the first integer is the number of ions of the cell)
 *   lines 2–5   volume and cell lengths, TEBEG, 'CAR', the system name            (not used)
 *   line 6      EMAX EMIN NEDOS E_FERMI weight
 *   NEDOS lines E dos intdos                                  (ISPIN = 1, also non-collinear runs)
 *            or E dos_up dos_down intdos_up intdos_down       (ISPIN = 2: dos = dos_up + dos_down)
 *   then, with LORBIT, one projected-DOS block per ion        (ignored)
 * </pre>
 * Energies are absolute (eV), the DOS in states/eV per cell. Malformed input (too few lines, a non-number, fewer or more
 * energy lines than NEDOS, energies that do not increase, a column count that changes) raises an
 * {@link InputFormatException} naming the file and line.
 */
public final class VaspDoscarReader {

    private VaspDoscarReader() {
    }

    /** The total DOS in {@code file}. */
    public static DoscarDensityOfStates read(Path file) {
        try (TextLines lines = TextLines.open(file)) {
            return read(lines);
        }
    }

    private static void require(TextLines lines, String what) {
        if (!lines.next()) {
            throw new InputFormatException(lines.file(), lines.lineNumber() + 1, "the DOSCAR ends before " + what);
        }
    }

    private static DoscarDensityOfStates read(TextLines lines) {
        require(lines, "line 1 (the number of ions)");
        if (lines.blank()) {
            throw lines.error("expected the number of ions as the first integer of the DOSCAR");
        }
        int atoms = lines.parseInt(0);
        if (atoms < 1) {
            throw lines.error("the number of ions must be positive, got " + atoms);
        }
        for (int line = 2; line <= 5; line++) {
            require(lines, "header line " + line);
        }
        require(lines, "line 6 (EMAX EMIN NEDOS E_FERMI weight)");
        if (lines.tokens() < 4) {
            throw lines.error("expected 'EMAX EMIN NEDOS E_FERMI weight' on line 6, found " + lines.tokens() + " columns");
        }
        double eMax = lines.parseDouble(0), eMin = lines.parseDouble(1);
        int nedos = lines.parseInt(2);
        double fermi = lines.parseDouble(3);
        if (nedos < 2) {
            throw lines.error("NEDOS must be at least 2, got " + nedos);
        }
        if (!Double.isFinite(fermi) || !Double.isFinite(eMin) || !Double.isFinite(eMax)) {
            throw lines.error("EMAX, EMIN and E_FERMI must be finite numbers");
        }
        double[] energies = new double[nedos];
        double[] total = new double[nedos];
        int columns = 0;
        for (int i = 0; i < nedos; i++) {
            if (!lines.next()) {
                throw new InputFormatException(lines.file(), lines.lineNumber() + 1, "the DOSCAR ends after " + i
                        + " energy lines but line 6 announces NEDOS = " + nedos);
            }
            int tokens = lines.tokens();
            if (i == 0) {
                if (tokens != 3 && tokens != 5) {
                    throw lines.error("expected 3 columns (E dos intdos) or 5 (E dos_up dos_down int_up int_down) in the total DOS, found " + tokens);
                }
                columns = tokens;
            } else if (tokens != columns) {
                throw lines.error("energy line " + (i + 1) + " of NEDOS = " + nedos + " has " + tokens + " columns, the first had "
                        + columns + " (fewer energy lines than NEDOS?)");
            }
            energies[i] = lines.parseDouble(0);
            total[i] = columns == 5 ? lines.parseDouble(1) + lines.parseDouble(2) : lines.parseDouble(1);
            if (!Double.isFinite(energies[i]) || !Double.isFinite(total[i])) {
                throw lines.error("the energy and the DOS must be finite numbers");
            }
            if (i > 0 && !(energies[i] > energies[i - 1])) {
                throw lines.error("energies must increase, but " + lines.token(0) + " eV follows " + energies[i - 1] + " eV");
            }
        }
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            // the next block must be a projected-DOS header repeating line 6 (EMAX EMIN NEDOS E_FERMI weight)
            if (lines.tokens() < 4 || !isInteger(lines.token(2)) || Integer.parseInt(lines.token(2)) != nedos) {
                throw lines.error("expected the end of the total DOS after NEDOS = " + nedos
                        + " energy lines (or a projected-DOS header repeating line 6), found another line; is NEDOS on line 6 right?");
            }
            break;
        }
        return new DoscarDensityOfStates(lines.file(), atoms, fermi, columns == 5, energies, total);
    }

    private static boolean isInteger(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit) && token.length() < 10;
    }
}
