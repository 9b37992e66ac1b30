package org.spr.cli.bench;

import org.spr.model.TrainingDomain;

import java.util.Locale;
import java.util.Random;

/**
 * Benchmark harness (run by hand, not a test): {@link TrainingDomain#fit} time for n training rows of p inputs (the
 * eigendecomposition is on the smaller of p × p and n × n), and the cost of one {@link TrainingDomain#distance} call.
 *
 * <pre>./spr --version   # builds cli/target/spr.jar
 * java -cp cli/target/spr.jar org.spr.cli.bench.TrainingDomainBenchmark [n:p ...]</pre>
 * (default sizes 500:400 2000:400 3000:400 1000:1200).
 */
public final class TrainingDomainBenchmark {

    private TrainingDomainBenchmark() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"500:400", "2000:400", "3000:400", "1000:1200"};
        Random random = new Random(1);
        for (String size : sizes) {
            int n = Integer.parseInt(size.split(":")[0]);
            int p = Integer.parseInt(size.split(":")[1]);
            double[][] x = new double[n][p];
            for (double[] row : x) {
                double shift = random.nextGaussian();
                for (int j = 0; j < p; j++) {
                    row[j] = Math.sin(0.05 * j + shift) + 0.02 * random.nextGaussian();
                }
            }
            TrainingDomain.fit(x, TrainingDomain.DEFAULT_COMPONENTS); // warm-up
            long start = System.nanoTime();
            TrainingDomain domain = TrainingDomain.fit(x, TrainingDomain.DEFAULT_COMPONENTS);
            double fitSeconds = (System.nanoTime() - start) * 1e-9;
            int calls = 200_000;
            double sink = 0;
            for (int i = 0; i < calls / 10; i++) {
                sink += domain.distance(x[i % n]);
            }
            start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += domain.distance(x[i % n]);
            }
            double microseconds = (System.nanoTime() - start) * 1e-3 / calls;
            System.out.printf(Locale.ROOT, "n=%d p=%d k=%d: fit %.3f s, distance %.2f us per call (checksum %.3g)%n", n, p,
                    domain.componentCount(), fitSeconds, microseconds, sink);
        }
    }
}
