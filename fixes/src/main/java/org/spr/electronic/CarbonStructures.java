package org.spr.electronic;

import org.spr.io.LammpsDataReader;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Carbon test structures: pristine graphene frames, vacancies, and the AMC data set of the repository. */
public final class CarbonStructures {

    /** Graphene C–C bond length a₀ (Å), so that hopping = t₀ exactly. */
    public static final double BOND = 1.42;
    /** Graphene lattice constant √3·a₀ (Å). */
    public static final double LATTICE = Math.sqrt(3) * BOND;

    private CarbonStructures() {
    }

    /**
     * Pristine graphene with bond length {@link #BOND}: an orthogonal cell a × √3a with 4 atoms (armchair along y),
     * repeated nx × ny times, z = 0, 20 Å along z, dimension 2.
     */
    public static Frame graphene(int cellsX, int cellsY) {
        double a = LATTICE;
        double b = Math.sqrt(3) * a;
        double[][] basis = {{0, 0}, {0.5, 1.0 / 6}, {0.5, 0.5}, {0, 2.0 / 3}};
        int n = 4 * cellsX * cellsY;
        double[] positions = new double[3 * n];
        int atom = 0;
        for (int i = 0; i < cellsX; i++) {
            for (int j = 0; j < cellsY; j++) {
                for (double[] site : basis) {
                    positions[3 * atom] = (i + site[0]) * a;
                    positions[3 * atom + 1] = (j + site[1]) * b;
                    atom++;
                }
            }
        }
        Box box = new Box(0, 0, -10, cellsX * a, cellsY * b, 20, 0, 0, 0, true, true, true);
        return new Frame(positions, ones(n), 1, new String[] {"C"}, new double[] {12.011}, null, box, 2, 0);
    }

    /** The frame with {@code count} distinct atoms removed at random (seeded). */
    public static Frame withVacancies(Frame frame, int count, long seed) {
        int n = frame.atomCount();
        boolean[] removed = new boolean[n];
        Random random = new Random(seed);
        for (int left = count; left > 0; ) {
            int k = random.nextInt(n);
            if (!removed[k]) {
                removed[k] = true;
                left--;
            }
        }
        double[] positions = new double[3 * (n - count)];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!removed[i]) {
                System.arraycopy(frame.positions(), 3 * i, positions, 3 * kept, 3);
                kept++;
            }
        }
        return new Frame(positions, ones(n - count), 1, frame.speciesNames(), frame.masses(), null, frame.box(),
                frame.dimension(), 0);
    }

    /** The frame rigidly translated by (dx, dy, dz) and wrapped back into its cell. */
    public static Frame translated(Frame frame, double dx, double dy, double dz) {
        double[] positions = frame.positions().clone();
        for (int i = 0; i < frame.atomCount(); i++) {
            positions[3 * i] += dx;
            positions[3 * i + 1] += dy;
            positions[3 * i + 2] += dz;
            frame.box().wrap(positions, 3 * i);
        }
        return new Frame(positions, frame.types(), frame.typeCount(), frame.speciesNames(), frame.masses(), frame.ids(),
                frame.box(), frame.dimension(), frame.timestep());
    }

    /**
     * Disordered carbon sheet {@code amc-NNNNNN} of the former AMC data set (BNC.tersoff quenches, 240-atom cells; kept
     * as fixed tight-binding inputs in the test resources: 1 nearly pristine, 2 with 5 % vacancies and midgap states)
     * as a monolayer, or null when absent.
     */
    public static Frame amc(int id) {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            Path file = directory.resolve(String.format("fixes/src/test/resources/org/spr/electronic/bnc-amc-%06d.data.gz", id));
            if (Files.isRegularFile(file)) {
                return LammpsDataReader.read(file, 2);
            }
        }
        return null;
    }

    public static int[] ones(int n) {
        int[] types = new int[n];
        java.util.Arrays.fill(types, 1);
        return types;
    }
}
