package org.spr.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.spr.descriptor.RadialGrid;
import org.spr.model.CnnThreads;
import org.spr.model.CnnTrainer;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.OutputSpec;
import org.spr.model.SpectrumGrid;
import org.spr.model.TrainingData;

/**
 * {@code spr bench cnn}: seconds per CNN training epoch with PyTorch's default intra-op threads (what training used
 * before the thread settings of issue 16) and with {@link CnnThreads}' choice, in one run, on the same network and data:
 * the default network (conv 16, 32, kernel 5, dense 128) on 234 training and 26 validation rows of AMC's shape (400 g(r)
 * bins → 121 spectrum points; synthetic, seeded). One warm-up epoch, then the two settings alternate, {@code EPOCHS}
 * epochs each, twice; the ratio is of the medians.
 */
public final class CnnBenchmark {

    private static final int EPOCHS = 3;

    private CnnBenchmark() {
    }

    public static void run(PrintStream out) {
        Random random = new Random(16);
        int bins = 400;
        int outputs = 121;
        DescriptorSpec spec = DescriptorSpec.total(new RadialGrid(8.0, 0.02), 2, GrKind.INHERENT, List.of("C"));
        OutputSpec output = OutputSpec.spectrum(new SpectrumGrid(-3, 0.05, outputs, "eV", "states/eV"), "states/eV");
        double[][] x = rows(234, bins, random);
        double[][] y = rows(234, outputs, random);
        double[][] vx = rows(26, bins, random);
        double[][] vy = rows(26, outputs, random);
        TrainingData data = new TrainingData(x, y, vx, vy, spec, output, org.spr.model.TrainingProvenance.synthetic(x.length));
        int before = CnnThreads.pytorchDefaultIntraOpThreads();
        int chosen = CnnThreads.currentIntraOpThreads();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "CNN training, 234 rows × 400 bins → 121 outputs, batch 32, conv 16,32 k5, dense 128; %d core(s)%n", cores);
        out.printf(Locale.ROOT, "before: PyTorch default, %d intra-op thread(s); after: %d (%s)%n", before, chosen, CnnThreads.describe());
        epochSeconds(data, chosen, 1); // warm-up
        double[] beforeTimes = new double[2];
        double[] afterTimes = new double[2];
        for (int repeat = 0; repeat < 2; repeat++) {
            beforeTimes[repeat] = epochSeconds(data, before, EPOCHS);
            afterTimes[repeat] = epochSeconds(data, chosen, EPOCHS);
        }
        double b = Math.min(beforeTimes[0], beforeTimes[1]);
        double a = Math.min(afterTimes[0], afterTimes[1]);
        out.printf(Locale.ROOT, "seconds per epoch: before %.3f (%.3f, %.3f), after %.3f (%.3f, %.3f); before/after %.2f%n",
                b, beforeTimes[0], beforeTimes[1], a, afterTimes[0], afterTimes[1], b / a);
        CnnThreads.setIntraOpThreads(chosen);
    }

    private static double epochSeconds(TrainingData data, int threads, int epochs) {
        CnnThreads.setIntraOpThreads(threads);
        CnnTrainer trainer = new CnnTrainer(CnnTrainer.Settings.defaults(7).withEpochs(epochs, epochs).withGpu(false));
        trainer.train(data).close();
        return trainer.lastSecondsPerEpoch();
    }

    private static double[][] rows(int n, int width, Random random) {
        double[][] out = new double[n][width];
        for (double[] row : out) {
            for (int k = 0; k < width; k++) {
                row[k] = 1 + 0.3 * random.nextGaussian();
            }
        }
        return out;
    }
}
