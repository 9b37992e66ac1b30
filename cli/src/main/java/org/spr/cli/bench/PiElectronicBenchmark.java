package org.spr.cli.bench;

import org.spr.electronic.CarbonStructures;
import org.spr.electronic.ElectronicLabel;
import org.spr.electronic.ElectronicLabelParameters;
import org.spr.electronic.PiElectronicLabeller;


import org.spr.linalg.MatrixProducts;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark harness (run by hand): seconds per structure for the π tight-binding DOS (eigenvalues only) and for
 * DOS + Kubo–Greenwood σ (eigenvectors + velocity products; with its stages H, eigensolver, products), each the median of {@code repeats} after one warm-up, at
 * replicas 1×1, 2×2, 3×3 of the AMC structure amc-000002 (228, 912, 2052 atoms; graphene with 3 % vacancies when
 * the data set is absent), and the scaling exponent p of time ∝ N^p between consecutive sizes.
 *
 * <pre>
 *   java -cp cli/target/spr.jar \
 *        org.spr.cli.bench.PiElectronicBenchmark [repeats] [replicas…]
 * </pre>
 */
public final class PiElectronicBenchmark {

    private PiElectronicBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] replicas = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2, 3};
        Frame base = CarbonStructures.amc(2);
        String source = "amc-000002";
        if (base == null) {
            base = CarbonStructures.withVacancies(CarbonStructures.graphene(10, 6), 7, 1);
            source = "graphene 10x6, 7 vacancies";
        }
        System.out.printf(Locale.ROOT, "structure %s; %s; %s; %d cores%n", source, SymmetricEigensolvers.preferred().name(),
                MatrixProducts.implementation(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%6s %12s %12s %12s %12s %14s %12s%n", "atoms", "DOS [s]", "DOS+σ [s]",
                "  H [s]", " eig+v [s]", "σ products [s]", "G [e²/h]");
        ElectronicLabelParameters withSigma = ElectronicLabelParameters.DEFAULT;
        ElectronicLabelParameters dosOnly = withSigma.withConductivity(false, withSigma.conductivityBroadening());
        double[] atoms = new double[replicas.length];
        double[] dosTimes = new double[replicas.length];
        double[] sigmaTimes = new double[replicas.length];
        for (int r = 0; r < replicas.length; r++) {
            Frame frame = replicate(base, replicas[r]);
            atoms[r] = frame.atomCount();
            new PiElectronicLabeller(dosOnly).label(frame);
            double[] dos = new double[repeats];
            double[] sigma = new double[repeats];
            double[] build = new double[repeats];
            double[] solve = new double[repeats];
            double[] products = new double[repeats];
            ElectronicLabel last = null;
            for (int k = 0; k < repeats; k++) {
                dos[k] = new PiElectronicLabeller(dosOnly).label(frame).timings().totalSeconds();
                last = new PiElectronicLabeller(withSigma).label(frame);
                sigma[k] = last.timings().totalSeconds();
                build[k] = last.timings().hamiltonianSeconds();
                solve[k] = last.timings().eigensolverSeconds();
                products[k] = last.timings().conductivitySeconds();
            }
            dosTimes[r] = median(dos);
            sigmaTimes[r] = median(sigma);
            System.out.printf(Locale.ROOT, "%6d %12.3f %12.3f %12.3f %12.3f %14.3f %12.4g%n", frame.atomCount(), dosTimes[r],
                    sigmaTimes[r], median(build), median(solve), median(products), last.conductivity().sheetConductanceQuanta());
        }
        for (int r = 1; r < replicas.length; r++) {
            double logN = Math.log(atoms[r] / atoms[r - 1]);
            System.out.printf(Locale.ROOT, "scaling exponent N=%d→%d: DOS %.2f, DOS+σ %.2f%n", (int) atoms[r - 1], (int) atoms[r],
                    Math.log(dosTimes[r] / dosTimes[r - 1]) / logN, Math.log(sigmaTimes[r] / sigmaTimes[r - 1]) / logN);
        }
    }

    /** The frame repeated m × m times in the plane (a, b). */
    static Frame replicate(Frame frame, int m) {
        int n = frame.atomCount();
        Box box = frame.box();
        double[] positions = new double[3 * n * m * m];
        int atom = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int a = 0; a < n; a++) {
                    positions[3 * atom] = frame.positions()[3 * a] + i * box.lx() + j * box.xy();
                    positions[3 * atom + 1] = frame.positions()[3 * a + 1] + j * box.ly();
                    positions[3 * atom + 2] = frame.positions()[3 * a + 2];
                    atom++;
                }
            }
        }
        Box big = new Box(box.xlo(), box.ylo(), box.zlo(), m * box.lx(), m * box.ly(), box.lz(), m * box.xy(), box.xz(),
                box.yz(), box.periodicX(), box.periodicY(), box.periodicZ());
        return new Frame(positions, CarbonStructures.ones(n * m * m), 1, frame.speciesNames(), frame.masses(), null, big,
                frame.dimension(), 0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
