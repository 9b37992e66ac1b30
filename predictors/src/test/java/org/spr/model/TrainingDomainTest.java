package org.spr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spr.descriptor.RadialGrid;

class TrainingDomainTest {

    @TempDir
    Path directory;

    /** The default model grid: 8 Å, 0.02 Å, 400 bins. */
    private static final RadialGrid GRID = new RadialGrid(8.0, 0.02);

    /**
     * A quenched-solid-like g(r): zero inside the core, a first peak at r1 of width w, second and third shells at √3 r1
     * and 2 r1 (broader), a smooth step to 1 beyond the first shell, and noise of 0.02.
     */
    static double[] solidLike(double r1, double w, Random random) {
        double[] g = new double[GRID.bins()];
        for (int k = 0; k < g.length; k++) {
            double r = GRID.centre(k);
            if (r < 1.0) {
                continue;
            }
            double step = 1 / (1 + Math.exp(-(r - 1.1 * r1) / 0.05));
            g[k] = step * (1 + 0.3 * Math.cos(2 * Math.PI * (r - 2 * r1) / 1.2) * Math.exp(-(r - 2 * r1) / 2.5))
                    + 0.35 / w * Math.exp(-(r - r1) * (r - r1) / (2 * w * w))
                    + 0.25 / w * Math.exp(-Math.pow(r - Math.sqrt(3) * r1, 2) / (2 * 2.25 * w * w))
                    + 0.15 / w * Math.exp(-Math.pow(r - 2 * r1, 2) / (2 * 2.25 * w * w))
                    + 0.02 * random.nextGaussian();
        }
        return g;
    }

    /** A member of the training family: r1 = 1.42 ± 0.05, w ∈ [0.04, 0.08]. */
    static double[] family(Random random) {
        return solidLike(1.42 + 0.05 * (2 * random.nextDouble() - 1), 0.04 + 0.04 * random.nextDouble(), random);
    }

    static double[][] familyRows(int n, Random random) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = family(random);
        }
        return rows;
    }

    /** A hot liquid: one broad first peak, then g → 1 within a few Å. */
    static double[] liquidLike(Random random) {
        double[] g = new double[GRID.bins()];
        for (int k = 0; k < g.length; k++) {
            double r = GRID.centre(k);
            double step = 1 / (1 + Math.exp(-(r - 1.2) / 0.08));
            g[k] = step * (1 + 1.2 * Math.exp(-Math.pow(r - 1.5, 2) / (2 * 0.2 * 0.2))
                    + 0.15 * Math.cos(2 * Math.PI * (r - 2.6) / 1.3) * Math.exp(-(r - 1.5) / 0.8)) + 0.02 * random.nextGaussian();
        }
        return g;
    }

    @Test
    void sameFamilyIsInsideAndLiquidOrShiftedPeakIsOutside() {
        Random random = new Random(20240901);
        TrainingDomain domain = TrainingDomain.fit(familyRows(600, random), TrainingDomain.DEFAULT_COMPONENTS);
        assertEquals(8, domain.componentCount());
        assertEquals(400, domain.inputLength());
        int inside = 0;
        int trials = 400;
        for (int i = 0; i < trials; i++) {
            if (domain.distance(family(random)) <= TrainingDomain.DEFAULT_THRESHOLD) {
                inside++;
            }
        }
        assertTrue(inside >= 0.95 * trials, inside + " of " + trials + " same-family g(r) inside the domain");
        for (int i = 0; i < 5; i++) {
            double liquid = domain.distance(liquidLike(random));
            assertTrue(TrainingDomain.isOutOfDomain(liquid, TrainingDomain.DEFAULT_THRESHOLD), "liquid distance " + liquid);
            double shifted = domain.distance(solidLike(2.0, 0.06, random));
            assertTrue(shifted > TrainingDomain.DEFAULT_THRESHOLD, "shifted-peak distance " + shifted);
        }
    }

    @Test
    void calibrationPutsTheTrainingPercentileAtOne() {
        double[][] rows = familyRows(300, new Random(5));
        TrainingDomain domain = TrainingDomain.fit(rows, 6);
        int beyond = 0;
        for (double[] row : rows) {
            if (domain.mahalanobisDistance(row) / domain.mahalanobisScale() > 1 + 1e-12) {
                beyond++;
            }
        }
        // 99th percentile with linear interpolation: 299 · 0.99 = 296.01 → at most 3 rows above
        assertTrue(beyond <= 3 && beyond >= 2, beyond + " rows beyond the Mahalanobis scale");
        assertEquals(0.0, domain.distance(domain.centre()), 1e-9, "the mean is at the centre");
    }

    /** Rows μ + s e1 + t e2 (2D plane, no noise): d_M of a point in the plane is √(cᵀ Σ⁻¹ c) with the 2 × 2 sample covariance. */
    private static void checkMahalanobisInAPlane(int n, int p) {
        Random random = new Random(n * 31L + p);
        double[] mu = new double[p];
        for (int j = 0; j < p; j++) {
            mu[j] = random.nextDouble();
        }
        double[][] rows = new double[n][];
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 2 * random.nextGaussian();
            t[i] = 0.5 * random.nextGaussian() + 0.3 * s[i];
            rows[i] = mu.clone();
            rows[i][0] += s[i];
            rows[i][1] += t[i];
        }
        double ms = 0, mt = 0;
        for (int i = 0; i < n; i++) {
            ms += s[i] / n;
            mt += t[i] / n;
        }
        double sss = 0, stt = 0, sst = 0;
        for (int i = 0; i < n; i++) {
            sss += (s[i] - ms) * (s[i] - ms) / (n - 1);
            stt += (t[i] - mt) * (t[i] - mt) / (n - 1);
            sst += (s[i] - ms) * (t[i] - mt) / (n - 1);
        }
        TrainingDomain domain = TrainingDomain.fit(rows, 8, false);
        assertEquals(2, domain.componentCount(), "a plane has two non-zero variances");
        double[] point = mu.clone();
        double a = 1.7, b = -0.9;
        point[0] += ms + a;
        point[1] += mt + b;
        double determinant = sss * stt - sst * sst;
        double expected = Math.sqrt((stt * a * a - 2 * sst * a * b + sss * b * b) / determinant);
        assertEquals(expected, domain.mahalanobisDistance(point), 1e-9 * expected);
        assertEquals(0.0, domain.residualNorm(point), 1e-9);
        // directions orthonormal, variances of the projections = λ
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double dot = 0;
                for (int k = 0; k < p; k++) {
                    dot += domain.components()[i][k] * domain.components()[j][k];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12);
            }
        }
        assertEquals(sss + stt, domain.variances()[0] + domain.variances()[1], 1e-9 * (sss + stt), "trace of the covariance");
        // off the plane: a residual of exactly the step taken
        point[5] += 0.25;
        assertEquals(0.25, domain.residualNorm(point), 1e-9);
    }

    @Test
    void mahalanobisDistanceMatchesTheSampleCovarianceInBothDecompositions() {
        checkMahalanobisInAPlane(50, 400); // n < p: n × n Gram matrix
        checkMahalanobisInAPlane(300, 20); // n ≥ p: p × p covariance
    }

    @Test
    void fewRowsKeepFewerComponentsAndStayFinite() {
        double[][] rows = familyRows(4, new Random(8));
        TrainingDomain domain = TrainingDomain.fit(rows, 8);
        assertTrue(domain.componentCount() <= 3);
        double distance = domain.distance(family(new Random(9)));
        assertTrue(Double.isFinite(distance) && distance > 0);
        TrainingDomain single = TrainingDomain.fit(new double[][] {rows[0]}, 8);
        assertEquals(0, single.componentCount());
        assertTrue(Double.isFinite(single.distance(rows[0])));
    }

    private SprModel familyModel() {
        Random random = new Random(17);
        double[][] x = familyRows(200, random);
        double[][] y = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                y[i][j] = x[i][70 + 10 * j];
            }
        }
        DescriptorSpec spec = DescriptorSpec.total(GRID, 3, GrKind.INHERENT, List.of("C"));
        return new LinearTrainer(0, 1e-3).train(TrainingData.of(x, y, spec, SyntheticData.spectrum(3)));
    }

    @Test
    void domainTravelsInTheModelFileBitForBit() {
        SprModel model = familyModel();
        assertTrue(model.domain() != null, "the trainer attaches a domain");
        Path file = directory.resolve("domain.sprmodel");
        ModelFile.save(model, file);
        SprModel loaded = ModelFile.load(file);
        assertEquals(model.domain(), loaded.domain());
        assertArrayEquals(model.domain().components()[7], loaded.domain().components()[7]);
        double[] liquid = liquidLike(new Random(1));
        assertEquals(model.domainDistance(liquid), loaded.domainDistance(liquid));
        // bound predictors measure on the model grid after resampling
        DescriptorSpec fine = model.inputSpec().withGrid(new RadialGrid(8.0, 0.01));
        double[] fineG = new double[800];
        for (int k = 0; k < 800; k++) {
            fineG[k] = 1 + Math.exp(-Math.pow((k + 0.5) * 0.01 - 1.42, 2) / 0.005);
        }
        BoundPredictor bound = loaded.bind(fine, Resampling.RESAMPLE);
        double[] resampled = GrResampler.resample(fineG, fine.grid(), GRID, 1, null);
        assertEquals(loaded.domainDistance(resampled), bound.domainDistance(fineG));
    }

    @Test
    void modelFileWithoutDomainLoadsAndNeverFlags() throws Exception {
        SprModel model = familyModel();
        Path file = directory.resolve("new.sprmodel");
        ModelFile.save(model, file);
        ModelZip entries = ModelZip.read(file);
        JsonObject json = JsonParser.parseString(entries.metadataJson()).getAsJsonObject();
        assertTrue(json.has("domain"));
        json.remove("domain"); // as written before the domain existed
        Path old = directory.resolve("old.sprmodel");
        entries.withMetadataJson(json.toString()).write(old);
        SprModel loaded = ModelFile.load(old);
        assertNull(loaded.domain());
        double[] liquid = liquidLike(new Random(2));
        assertTrue(Double.isNaN(loaded.domainDistance(liquid)));
        assertTrue(!TrainingDomain.isOutOfDomain(loaded.domainDistance(liquid), TrainingDomain.DEFAULT_THRESHOLD));
        assertArrayEquals(model.predict(liquid, model.inputSpec()), loaded.predict(liquid, loaded.inputSpec()));
    }
}
