package org.spr.cli.bench;

import org.spr.electronic.ElectronicLabel;
import org.spr.electronic.ElectronicLabelParameters;
import org.spr.electronic.PiElectronicLabeller;
import org.spr.generate.DatasetGenerator;
import org.spr.generate.Label;
import org.spr.generate.Recipes;
import org.spr.label.AllenFeldmanConductivity;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.HessianAssembler;
import org.spr.linalg.MatrixProducts;
import org.spr.label.PhononDosParameters;
import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolvers;
import org.spr.label.VibrationalLabel;
import org.spr.label.VibrationalLabels;
import org.spr.protocol.AmcQuench;
import org.spr.protocol.ProtocolResult;
import org.spr.lammps.InProcessEngine;
import org.spr.lammps.RecordSink;
import org.spr.structure.Box;
import org.spr.structure.Frame;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Seconds per structure of the transport labels: Allen–Feldman κ on AMC at ~200 and ~800 atoms (Hessian force
 * evaluations, eigensolver with vectors, velocity products) and the π tight-binding DOS and DOS + Kubo–Greenwood σ
 * at ~200, ~800 and ~3,000 atoms, with the scaling exponent. The dense linear algebra is compared, on the same matrix
 * sizes in the same run, with NumPy (eigh, matmul on the same OpenBLAS) when python3-numpy is installed.
 */
public final class TransportLabelBenchmark {

    private TransportLabelBenchmark() {
    }

    public static void run(PrintStream out) throws Exception {
        out.println("# spr bench transport: Allen–Feldman κ and π tight-binding labels per AMC structure ("
                + SymmetricEigensolvers.preferred().name() + ", " + MatrixProducts.implementation() + ")");
        List<Frame> frames = new ArrayList<>();
        List<Integer> atoms = new ArrayList<>();
        List<Double> tightBinding = new ArrayList<>();
        for (int[] cells : new int[][]{{10, 5}, {18, 11}}) {
            AmcQuench protocol = AmcQuench.defaults(5).withSize(cells[0], cells[1]).withDisorder(0.05, 5000, 2000);
            try (InProcessEngine engine = new InProcessEngine(List.of("-log", "none", "-screen", "none", "-nocite"), RecordSink.NONE)) {
                ProtocolResult structure = engine.call(protocol);
                AllenFeldmanParameters parameters = Label.allenFeldman(Recipes.recipe("amc", Map.of()));
                VibrationalLabels labels = engine.call(new VibrationalLabel(PhononDosParameters.metalDefaults(),
                        HessianAssembler.DEFAULT_DISPLACEMENT, parameters));
                var timings = labels.phononDos().timings();
                int n = structure.atoms();
                double total = timings.forceConstantSeconds() + timings.eigensolverSeconds() + labels.thermalSeconds();
                double[] numpy = numpyDenseSeconds(3 * n, true);
                out.printf(Locale.ROOT, "Allen–Feldman, AMC %d atoms (3N = %d): %.2f s = force evaluations %.2f s + eigensolver "
                                + "with vectors %.2f s + velocity products %.2f s; κ(300 K) = %.2f W/(m K)%s%n",
                        n, 3 * n, total, timings.forceConstantSeconds(), timings.eigensolverSeconds(), labels.thermalSeconds(),
                        labels.allenFeldman().conductivity()[0], numpy == null ? "" : String.format(Locale.ROOT,
                                "; NumPy eigh + 2 matmul per direction on a %d² matrix: %.2f s (ours / NumPy %.2f)", 3 * n,
                                numpy[0] + 2 * 2 * numpy[1], (timings.eigensolverSeconds() + labels.thermalSeconds())
                                        / (numpy[0] + 2 * 2 * numpy[1])));
                Frame frame = new DatasetGenerator(DatasetGenerator.Options.defaults(Recipes.recipe("amc", Map.of()), 1,
                        Path.of("unused.csv"))).frame(structure);
                frames.add(frame);
            }
        }
        frames.add(replicate(frames.get(1), 2, 2));
        PiElectronicLabeller dosOnly = new PiElectronicLabeller(ElectronicLabelParameters.DEFAULT.withConductivity(false, 0.1));
        PiElectronicLabeller withSigma = new PiElectronicLabeller(ElectronicLabelParameters.DEFAULT
                .withConductivity(true, Label.SIGMA_BROADENING_EV));
        for (Frame frame : frames) {
            dosOnly.label(frame);
            double dosSeconds = median(3, () -> dosOnly.label(frame).timings().totalSeconds());
            ElectronicLabel full = withSigma.label(frame);
            double fullSeconds = median(3, () -> withSigma.label(frame).timings().totalSeconds());
            double[] numpy = numpyDenseSeconds(frame.atomCount(), false);
            String mesh = "";
            if (frame.atomCount() < 1000) {
                long start = System.nanoTime();
                ElectronicLabel label = Label.electronic(frame, java.util.Set.of(Label.SIGMA, Label.EDOS));
                mesh = String.format(Locale.ROOT, "; dataset label (4×4 k-points, DOS + σ) %.2f s, σ = %.3g S/m",
                        (System.nanoTime() - start) * 1e-9, label.conductivity().conductivity());
            }
            out.printf(Locale.ROOT, "π tight binding, %d atoms, Γ: DOS %.3f s, DOS + σ %.3f s%s%s%n",
                    frame.atomCount(), dosSeconds, fullSeconds, mesh,
                    numpy == null ? "" : String.format(Locale.ROOT, "; NumPy eigvalsh %.3f s (ours DOS / NumPy %.2f)", numpy[2], dosSeconds / numpy[2]));
            atoms.add(frame.atomCount());
            tightBinding.add(fullSeconds);
        }
        int last = atoms.size() - 1;
        out.printf(Locale.ROOT, "π tight binding DOS + σ at Γ scales as N^%.2f between %d and %d atoms (dense eigensolver: N^3)%n",
                Math.log(tightBinding.get(last) / tightBinding.get(1)) / Math.log((double) atoms.get(last) / atoms.get(1)),
                atoms.get(1), atoms.get(last));
    }

    /** The frame repeated nx × ny times in the plane. */
    public static Frame replicate(Frame frame, int nx, int ny) {
        int n = frame.atomCount();
        double[] positions = new double[3 * n * nx * ny];
        int[] types = new int[n * nx * ny];
        Box box = frame.box();
        int k = 0;
        for (int a = 0; a < nx; a++) {
            for (int b = 0; b < ny; b++) {
                for (int i = 0; i < n; i++) {
                    positions[3 * k] = frame.positions()[3 * i] + a * box.lx();
                    positions[3 * k + 1] = frame.positions()[3 * i + 1] + b * box.ly();
                    positions[3 * k + 2] = frame.positions()[3 * i + 2];
                    types[k++] = frame.types()[i];
                }
            }
        }
        Box bigger = new Box(box.xlo(), box.ylo(), box.zlo(), nx * box.lx(), ny * box.ly(), box.lz(), 0, 0, 0,
                box.periodicX(), box.periodicY(), box.periodicZ());
        return new Frame(positions, types, frame.typeCount(), frame.speciesNames(), frame.masses(), null, bigger,
                frame.dimension(), 0);
    }

    private interface Timed {
        double seconds();
    }

    private static double median(int repeats, Timed timed) {
        double[] values = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            values[i] = timed.seconds();
        }
        java.util.Arrays.sort(values);
        return values[repeats / 2];
    }

    /**
     * NumPy on a random symmetric n² matrix: {eigh with vectors, one matmul, eigvalsh} in seconds, or null when
     * python3-numpy is missing. The matrix is passed as raw little-endian doubles.
     */
    public static double[] numpyDenseSeconds(int n, boolean vectors) {
        try {
            Path file = Files.createTempFile("spr-bench-", ".bin");
            try {
                ByteBuffer buffer = ByteBuffer.allocate(8 * n * n).order(ByteOrder.LITTLE_ENDIAN);
                for (double value : org.spr.linalg.RandomMatrices.gaussianSymmetric(n, n)) {
                    buffer.putDouble(value);
                }
                Files.write(file, buffer.array());
                String script = String.join("\n", "import sys, time, numpy as np",
                        "n = int(sys.argv[2]); a = np.fromfile(sys.argv[1], dtype='<f8').reshape(n, n)",
                        "t = time.perf_counter(); w, v = np.linalg.eigh(a) if sys.argv[3] == '1' else (None, a); e = time.perf_counter() - t",
                        "t = time.perf_counter(); c = a @ v; m = time.perf_counter() - t",
                        "t = time.perf_counter(); np.linalg.eigvalsh(a); s = time.perf_counter() - t",
                        "print(e, m, s)");
                Process process = new ProcessBuilder("python3", "-c", script, file.toString(), Integer.toString(n), vectors ? "1" : "0")
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    return null;
                }
                String[] parts = output.split("\\s+");
                return new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
