package org.spr.cli.bench;

import org.spr.model.BoundPredictor;
import org.spr.model.CnnBackend;
import org.spr.model.CnnTrainer;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.LinearTrainer;
import org.spr.model.OutputSpec;
import org.spr.model.Resampling;
import org.spr.model.SpectrumGrid;
import org.spr.model.SprModel;
import org.spr.model.SyntheticData;
import org.spr.model.TrainingData;
import org.spr.model.XgboostTrainer;


import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.spr.descriptor.RadialGrid;

/**
 * Benchmark harness (run by hand, not a test):
 * inference per g(r) (400 bins → 200 bins) for linear, CNN and XGBoost (scalar output), and linear training time on
 * 2,000 × 400 → 200 with and without the α/β grid search, with peak heap.
 *
 * <pre>./spr --version   # builds cli/target/spr.jar
 * java -Xmx4g -cp cli/target/spr.jar org.spr.cli.bench.PredictorBenchmark [inference]</pre>
 * ({@code inference} skips the slow training benchmarks). PyTorch runs with one intra-op thread unless
 * {@code -Dai.djl.pytorch.num_threads} says otherwise.
 */
public final class PredictorBenchmark {

    private PredictorBenchmark() {
    }

    public static void main(String[] args) {
        int n = 2000;
        int p = 400;
        int m = 200;
        Random random = new Random(1);
        RadialGrid grid = RadialGrid.DEFAULT;
        DescriptorSpec spec = DescriptorSpec.total(grid, 2, GrKind.INHERENT, List.of("C"));
        double[] peaks = new double[n];
        double[][] x = SyntheticData.peakedGr(n, new RadialGrid(8.0, 0.02), random, peaks);
        double[][] y = SyntheticData.shiftedGaussians(peaks, m);
        OutputSpec spectrum = OutputSpec.spectrum(new SpectrumGrid(0.25, 0.5, m, "THz", "unit area"), "1/THz");
        TrainingData data = TrainingData.of(x, y, spec, spectrum);

        boolean inferenceOnly = args.length > 0 && args[0].equals("inference");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        resetPeak();
        long start = System.nanoTime();
        SprModel linear = new LinearTrainer(0, 1e-6).train(data);
        double ridgeSeconds = (System.nanoTime() - start) / 1e9;
        long ridgePeak = peakHeap();
        System.out.printf(Locale.ROOT, "linear train ridge (alpha=0, beta=1e-6) %d x %d -> %d: %.2f s, peak heap %.0f MiB%n", n, p, m, ridgeSeconds, ridgePeak / 1048576.0);

        if (!inferenceOnly) {
            resetPeak();
            start = System.nanoTime();
            new LinearTrainer(1e-5, 1e-6).train(data);
            double lassoSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "linear train elastic net (alpha=1e-5, beta=1e-6): %.2f s, peak heap %.0f MiB%n", lassoSeconds, peakHeap() / 1048576.0);
            searchBenchmark(data, new double[]{0}, new double[]{0, 1e-8, 1e-6, 1e-4, 1e-2}, 5);
            searchBenchmark(data, new double[]{0, 1e-5}, new double[]{0, 1e-4}, 3);
        }

        double[] out = new double[m];
        BoundPredictor bound = linear.bind(spec, Resampling.REFUSE);
        System.out.printf(Locale.ROOT, "linear inference 400 -> 200: %.2f us per g(r)%n", timeMicros(() -> bound.predict(x[7], out), 200_000));

        SprModel cnn = new CnnTrainer(CnnTrainer.Settings.defaults(1).withEpochs(1, 1).withGpu(false))
                .train(TrainingData.of(Arrays.copyOf(x, 200), Arrays.copyOf(y, 200), spec, spectrum));
        BoundPredictor cnnBound = cnn.bind(spec, Resampling.REFUSE);
        System.out.printf(Locale.ROOT, "cnn inference 400 -> 200 (conv 16,32 k5, dense 128, CPU, 1 row): %.1f us per g(r)%n",
                timeMicros(() -> cnnBound.predict(x[7], out), 2_000));
        CnnBackend backend = (CnnBackend) cnn.backend();
        double[][] batch = Arrays.copyOf(x, 256);
        System.out.printf(Locale.ROOT, "cnn inference batched 256 rows: %.1f us per g(r)%n", timeMicros(() -> backend.predictBatch(batch), 50) / 256);

        double[][] kappa = new double[n][1];
        for (int i = 0; i < n; i++) {
            kappa[i][0] = Math.pow(10, peaks[i]);
        }
        SprModel xgb = new XgboostTrainer(new XgboostTrainer.Settings(300, 4, 0.05, 0.8, 0.5, 1, 0, 1))
                .train(TrainingData.of(x, kappa, spec, OutputSpec.scalar("kappa", "W/(m K)", true)));
        BoundPredictor xgbBound = xgb.bind(spec, Resampling.REFUSE);
        double[] scalar = new double[1];
        System.out.printf(Locale.ROOT, "xgboost inference 400 -> 1 (300 trees, depth 4): %.1f us per g(r)%n", timeMicros(() -> xgbBound.predict(x[7], scalar), 20_000));
        cnn.close();
        xgb.close();
    }

    private static void searchBenchmark(TrainingData data, double[] alphas, double[] betas, int folds) {
        resetPeak();
        long start = System.nanoTime();
        LinearTrainer searching = new LinearTrainer(new LinearTrainer.CrossValidation(alphas, betas, folds, 1));
        searching.train(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "linear train with %d-fold CV over alpha %s x beta %s: %.2f s (best alpha=%g beta=%g), peak heap %.0f MiB%n",
                folds, Arrays.toString(alphas), Arrays.toString(betas), seconds, searching.lastSearch().bestAlpha(), searching.lastSearch().bestBeta(),
                peakHeap() / 1048576.0);
    }

    private static double timeMicros(Runnable body, int repetitions) {
        for (int i = 0; i < Math.max(10, repetitions / 10); i++) {
            body.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            body.run();
        }
        return (System.nanoTime() - start) / 1e3 / repetitions;
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
