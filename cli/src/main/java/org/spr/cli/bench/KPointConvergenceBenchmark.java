package org.spr.cli.bench;

import org.spr.electronic.CarbonStructures;
import org.spr.electronic.ElectronicLabel;
import org.spr.electronic.ElectronicLabelParameters;
import org.spr.electronic.KPointMesh;
import org.spr.electronic.KuboGreenwoodConductivity;
import org.spr.electronic.PiElectronicLabeller;


import org.spr.linalg.MatrixProducts;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.structure.Frame;

import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark harness (run by hand): for AMC structures of the repository's data set, the label (DOS + Kubo–Greenwood
 * σ at E_F) on in-plane k meshes m × m for each η, with seconds per structure (one warm-up label first).
 *
 * <pre>
 *   java -cp cli/target/spr.jar \
 *        org.spr.cli.bench.KPointConvergenceBenchmark [structures=10] [largest mesh=4] [η…=0.1 0.2]
 * </pre>
 * Prints one line per structure, mesh and η: atoms, σ (S/m), G (e²/h), ρ(E_F) (states/eV/atom/spin, σ_E = 0.1 eV),
 * mesh gap, states in the window, seconds (total and eigensolver).
 */
public final class KPointConvergenceBenchmark {

    private KPointConvergenceBenchmark() {
    }

    public static void main(String[] args) {
        int structures = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int largest = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double[] etas = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0.1, 0.2};
        System.out.printf(Locale.ROOT, "%s; %s; %d cores%n", SymmetricEigensolvers.preferred().name(),
                MatrixProducts.implementation(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-10s %5s %4s %5s %12s %9s %9s %7s %7s %8s %8s%n", "structure", "atoms", "mesh",
                "eta", "sigma[S/m]", "G[e2/h]", "rho(EF)", "gap", "states", "t[s]", "eig[s]");
        Frame warm = CarbonStructures.amc(2);
        if (warm == null) {
            throw new IllegalStateException("data/amc/structures not found");
        }
        new PiElectronicLabeller(ElectronicLabelParameters.DEFAULT.withKPoints(KPointMesh.inPlane(2, 2))).label(warm);
        int done = 0;
        for (int id = 2; done < structures && id < 1000; id++) {
            Frame frame = CarbonStructures.amc(id);
            if (frame == null) {
                continue;
            }
            done++;
            for (double eta : etas) {
                for (int m = 1; m <= largest; m++) {
                    ElectronicLabelParameters parameters = ElectronicLabelParameters.DEFAULT.withConductivity(true, eta)
                            .withKPoints(KPointMesh.inPlane(m, m));
                    long start = System.nanoTime();
                    ElectronicLabel label = new PiElectronicLabeller(parameters).label(frame);
                    double seconds = (System.nanoTime() - start) * 1e-9;
                    KuboGreenwoodConductivity sigma = label.conductivity();
                    System.out.printf(Locale.ROOT, "amc-%06d %5d %dx%d %5.2f %12.5g %9.4g %9.4g %7.4f %7d %8.3f %8.3f%n",
                            id, frame.atomCount(), m, m, eta, sigma.conductivity(), sigma.sheetConductanceQuanta(),
                            label.densityAtFermiLevel(), label.gap(), sigma.statesInWindow(), seconds,
                            label.timings().eigensolverSeconds());
                }
            }
        }
    }
}
