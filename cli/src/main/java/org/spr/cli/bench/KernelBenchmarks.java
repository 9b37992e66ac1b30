package org.spr.cli.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spr.descriptor.PairCorrelation;
import org.spr.descriptor.RadialDistribution;
import org.spr.descriptor.RadialGrid;
import org.spr.linalg.EjmlSymmetricEigensolver;
import org.spr.linalg.LapackSymmetricEigensolver;
import org.spr.linalg.MatrixProducts;
import org.spr.linalg.RandomMatrices;
import org.spr.linalg.SymmetricEigenDecomposition;
import org.spr.linalg.SymmetricEigensolver;
import org.spr.model.BoundPredictor;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;
import org.spr.model.LinearTrainer;
import org.spr.model.OutputSpec;
import org.spr.model.Resampling;
import org.spr.model.SpectrumGrid;
import org.spr.model.TrainingData;
import org.spr.model.TrainingDomain;
import org.spr.structure.Box;
import org.spr.structure.Frame;

/**
 * JMH micro-benchmarks of the numeric kernels (no LAMMPS): g(r) of one frame, the symmetric eigensolvers (LAPACK
 * against EJML), matrix products, linear-model inference and the training-domain distance. Run them with
 * {@code spr bench kernels [JMH options]}, e.g. {@code spr bench kernels -f 1 -wi 2 -i 3 Eigen}. The suites of
 * {@code spr bench} (bridge, labels, transport, monitor) measure whole paths against LAMMPS and NumPy instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Djava.awt.headless=true", "-Dai.djl.offline=true"})
public class KernelBenchmarks {

    /** A random (ideal-gas) frame at number density 0.8 in a cube, r_max 4, dr 0.02, one thread. */
    @State(Scope.Benchmark)
    public static class GrState {
        @Param({"1000", "10000"})
        public int atoms;
        RadialDistribution rdf;
        Frame frame;
        PairCorrelation buffer;

        @Setup
        public void setUp() {
            double side = Math.cbrt(atoms / 0.8);
            Random random = new Random(1);
            double[] positions = new double[3 * atoms];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = side * random.nextDouble();
            }
            frame = Frame.of(positions, new int[atoms], Box.orthogonal(side, side, side));
            rdf = new RadialDistribution(new RadialGrid(4.0, 0.02), 1);
            buffer = rdf.compute(frame, null);
        }
    }

    /** g(r) of one frame into a reused buffer. */
    @Benchmark
    public PairCorrelation pairCorrelation(GrState state) {
        state.buffer = state.rdf.compute(state.frame, state.buffer);
        return state.buffer;
    }

    /** A random symmetric matrix and a solver. */
    @State(Scope.Benchmark)
    public static class EigenState {
        @Param({"lapack", "ejml"})
        public String solver;
        @Param({"300", "900"})
        public int n;
        SymmetricEigensolver eigensolver;
        double[] matrix;

        @Setup
        public void setUp() {
            eigensolver = solver.equals("lapack") ? LapackSymmetricEigensolver.load() : new EjmlSymmetricEigensolver();
            matrix = RandomMatrices.uniformSymmetric(n, 1);
        }
    }

    /** Eigenvalues of a dense symmetric n×n matrix (the copy the solver may overwrite is part of the time, O(n²)). */
    @Benchmark
    public SymmetricEigenDecomposition eigenvalues(EigenState state) {
        return state.eigensolver.decompose(state.matrix.clone(), state.n, false);
    }

    /** Two random n×n matrices and an output buffer. */
    @State(Scope.Benchmark)
    public static class ProductState {
        @Param({"300", "900"})
        public int n;
        double[] a;
        double[] b;
        double[] c;

        @Setup
        public void setUp() {
            a = RandomMatrices.gaussianSymmetric(n, 1);
            b = RandomMatrices.gaussianSymmetric(n, 2);
            c = new double[n * n];
        }
    }

    /** C = Aᵀ·B with the implementation this JVM chose ({@code -Dspr.linalg=ejml} in the JMH options for EJML). */
    @Benchmark
    public double[] matrixProduct(ProductState state) {
        return MatrixProducts.multiply(state.a, true, state.b, false, state.n, state.n, state.n, state.c);
    }

    /** A linear model 400 → 200 bins and a training domain of 2,000 g(r)s of 400 bins. */
    @State(Scope.Benchmark)
    public static class ModelState {
        BoundPredictor linear;
        TrainingDomain domain;
        double[] input;
        double[] output;

        @Setup
        public void setUp() {
            RadialGrid grid = new RadialGrid(8.0, 0.02);
            int p = grid.bins();
            Random random = new Random(1);
            double[][] x = new double[2000][p];
            double[][] y = new double[2000][200];
            for (int i = 0; i < x.length; i++) {
                double shift = random.nextGaussian();
                for (int j = 0; j < p; j++) {
                    x[i][j] = Math.sin(0.05 * j + shift) + 0.02 * random.nextGaussian();
                }
                for (int k = 0; k < 200; k++) {
                    y[i][k] = Math.exp(-0.5 * Math.pow((k - 100 - 20 * shift) / 10.0, 2));
                }
            }
            DescriptorSpec spec = DescriptorSpec.total(grid, 3, GrKind.INSTANTANEOUS, List.of("C"));
            TrainingData data = TrainingData.of(x, y, spec, OutputSpec.spectrum(new SpectrumGrid(0.25, 0.5, 200, "THz", "unit area"), "1/THz"));
            linear = new LinearTrainer(0, 1e-6).train(data).bind(spec, Resampling.REFUSE);
            domain = TrainingDomain.fit(x, TrainingDomain.DEFAULT_COMPONENTS);
            input = x[7];
            output = new double[200];
        }
    }

    /** Linear SPR inference, y = W g + b, 400 → 200. */
    @Benchmark
    public double[] linearInference(ModelState state) {
        return state.linear.predict(state.input, state.output);
    }

    /** Distance of one g(r) from the training domain (8 principal components). */
    @Benchmark
    public double domainDistance(ModelState state) {
        return state.domain.distance(state.input);
    }
}
