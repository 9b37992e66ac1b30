package org.spr.model;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The applicability domain of a model: where its training inputs lie, as a principal-component model of the training
 * g(r)s, so that every prediction can say how far its input is from what the model has seen (a liquid at 3,000 K
 * given to a model trained on quenched solids is far away).
 *
 * <p>With the training mean μ, the top k principal directions v_i (orthonormal, rows of {@code components}) and their
 * variances λ_i, an input x is measured by
 * <pre>
 *   c = x − μ,   t_i = v_i · c
 *   Mahalanobis distance in the subspace   d_M = √( Σ_i t_i² / λ_i )
 *   residual norm outside the subspace     d_R = √( |c|² − Σ_i t_i² ) = |c − Σ_i t_i v_i|
 * </pre>
 * and the domain distance is D = max(d_M / d_M,99 , d_R / d_R,99), where the scales are the 99th percentiles of d_M
 * and d_R over the training rows: D = 1 is the edge of the bulk of the training set, D ≤ 1 for 99 % of the training
 * rows in each measure. An input is out of domain when D exceeds a threshold, by default
 * {@link #DEFAULT_THRESHOLD} = 1.5 (a margin over the in-sample calibration, which is slightly optimistic for new
 * points of the same family).
 *
 * <p>Travels in the model metadata JSON (so in the one model file); {@link #distance(double[])} allocates nothing.
 *
 * @param mean             training mean μ on the model input grid (length p)
 * @param components       principal directions v_i, k × p, orthonormal, by decreasing variance
 * @param variances        variance λ_i of the training rows along v_i (length k, positive, decreasing)
 * @param mahalanobisScale 99th percentile of d_M over the training rows (positive)
 * @param residualScale    99th percentile of d_R over the training rows (positive)
 * @param trainingRows     number of rows the domain was fitted on
 * @param weights          per-input whitening weights w_j = 1 / max(σ_j, 0.1·median σ) applied before everything
 *                         else (x → w·x; mean and components live in that space); null (older files) means 1.
 *                         Whitening makes a deviation where the training set never varies (the empty gap between
 *                         coordination shells, which a hot liquid fills) count for as much as it means.
 */
public record TrainingDomain(double[] mean, double[][] components, double[] variances, double mahalanobisScale,
                             double residualScale, int trainingRows, double[] weights) {

    /** Out of domain beyond this distance unless the caller chooses another threshold. */
    public static final double DEFAULT_THRESHOLD = 1.5;
    /** Principal components kept by default (fewer when there are fewer training rows). */
    public static final int DEFAULT_COMPONENTS = 8;
    /** Percentile of the training distances that defines distance 1. */
    public static final double CALIBRATION_PERCENTILE = 99.0;

    /** Components whose variance is below this fraction of the largest are numerically zero and left to the residual. */
    private static final double RELATIVE_VARIANCE_FLOOR = 1e-12;

    public TrainingDomain {
        Objects.requireNonNull(mean, "domain mean");
        Objects.requireNonNull(components, "domain components");
        Objects.requireNonNull(variances, "domain variances");
        if (components.length != variances.length) {
            throw new IllegalArgumentException("the domain has " + components.length + " components but " + variances.length + " variances");
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].length != mean.length) {
                throw new IllegalArgumentException("domain component " + i + " has " + components[i].length + " values, the mean " + mean.length);
            }
            if (!(variances[i] > 0)) {
                throw new IllegalArgumentException("domain variance " + i + " must be positive, got " + variances[i]);
            }
        }
        if (weights != null && weights.length != mean.length) {
            throw new IllegalArgumentException("the domain has " + weights.length + " weights for " + mean.length + " inputs");
        }
        if (!(mahalanobisScale > 0) || !(residualScale > 0)) {
            throw new IllegalArgumentException("domain scales must be positive, got " + mahalanobisScale + " and " + residualScale);
        }
    }

    /** Number of inputs p. */
    public int inputLength() {
        return mean.length;
    }

    /** The training mean in input units (the stored mean is in whitened units). */
    public double[] centre() {
        double[] centre = mean.clone();
        if (weights != null) {
            for (int j = 0; j < centre.length; j++) {
                centre[j] /= weights[j];
            }
        }
        return centre;
    }

    /** Number of principal components k. */
    public int componentCount() {
        return components.length;
    }

    /**
     * Fits the domain of {@code trainingInputs} (n rows of p values): mean, top principal components by an EJML
     * symmetric eigendecomposition of the smaller of the centred Gram matrices (CᵀC, p × p, when n ≥ p; else C Cᵀ,
     * n × n, with v = Cᵀu / √μ), and the 99th-percentile scales of both measures over the rows.
     *
     * @param trainingInputs rows on the model input grid, all of one length
     * @param components     k requested; at most n − 1 and p are kept, and none of numerically zero variance
     */
    public static TrainingDomain fit(double[][] trainingInputs, int components) {
        return fit(trainingInputs, components, true);
    }

    /** As {@link #fit(double[][], int)}, whitening the inputs first or not (then every weight is 1). */
    public static TrainingDomain fit(double[][] trainingInputs, int components, boolean whiten) {
        int n = trainingInputs.length;
        if (n == 0) {
            throw new IllegalArgumentException("a training domain needs at least one row");
        }
        if (components < 0) {
            throw new IllegalArgumentException("the number of domain components must be >= 0, got " + components);
        }
        int p = trainingInputs[0].length;
        double[] weights = whiten ? whiteningWeights(trainingInputs, p) : null;
        double[][] raw = trainingInputs;
        trainingInputs = new double[n][];
        for (int i = 0; i < n; i++) {
            if (raw[i].length != p) {
                throw new IllegalArgumentException("training rows differ in length: " + raw[i].length + " vs " + p);
            }
            trainingInputs[i] = new double[p];
            for (int j = 0; j < p; j++) {
                trainingInputs[i][j] = weights == null ? raw[i][j] : raw[i][j] * weights[j];
            }
        }
        double[] mean = new double[p];
        for (double[] row : trainingInputs) {
            if (row.length != p) {
                throw new IllegalArgumentException("training rows differ in length: " + row.length + " vs " + p);
            }
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, p);
        double totalSquares = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double c = trainingInputs[i][j] - mean[j];
                centred.unsafe_set(i, j, c);
                totalSquares += c * c;
            }
        }
        int wanted = Math.min(components, Math.min(n - 1, p));
        double[][] directions = new double[0][];
        double[] variances = new double[0];
        if (wanted > 0) {
            Principal principal = principalComponents(centred, wanted);
            directions = principal.directions;
            variances = principal.variances;
        }
        double[] mahalanobis = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            double[] measures = measures(trainingInputs[i], null, mean, directions, variances);
            mahalanobis[i] = measures[0];
            residual[i] = measures[1];
        }
        // a floor keeps the scales positive for degenerate training sets (one row, rows spanning only the subspace)
        double floor = 1e-9 * Math.sqrt(totalSquares / n) + Double.MIN_NORMAL;
        double mahalanobisScale = Math.max(percentile(mahalanobis, CALIBRATION_PERCENTILE), 1e-9);
        double residualScale = Math.max(percentile(residual, CALIBRATION_PERCENTILE), floor);
        return new TrainingDomain(mean, directions, variances, mahalanobisScale, residualScale, n, weights);
    }

    /** w_j = 1 / max(σ_j, 0.1 · median_j σ_j) over the training rows (all 1 when the rows do not vary at all). */
    private static double[] whiteningWeights(double[][] rows, int p) {
        double[] sigma = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : rows) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            double mean = sum / rows.length;
            sigma[j] = Math.sqrt(Math.max(0, squares / rows.length - mean * mean));
        }
        double[] sorted = sigma.clone();
        java.util.Arrays.sort(sorted);
        double floor = 0.1 * sorted[p / 2];
        double[] weights = new double[p];
        for (int j = 0; j < p; j++) {
            double scale = Math.max(sigma[j], floor);
            weights[j] = scale > 0 ? 1 / scale : 1;
        }
        return weights;
    }

    private record Principal(double[][] directions, double[] variances) {
    }

    private static Principal principalComponents(DMatrixRMaj centred, int wanted) {
        int n = centred.numRows;
        int p = centred.numCols;
        boolean dual = n < p;
        int size = dual ? n : p;
        DMatrixRMaj gram = new DMatrixRMaj(size, size);
        if (dual) {
            CommonOps_DDRM.multOuter(centred, gram); // C Cᵀ
        } else {
            CommonOps_DDRM.multInner(centred, gram); // Cᵀ C
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eigen.decompose(gram)) {
            throw new IllegalStateException("the eigendecomposition of the training Gram matrix did not converge");
        }
        Integer[] order = new Integer[eigen.getNumberOfEigenvalues()];
        double[] values = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            values[i] = eigen.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double largest = values[order[0]];
        int kept = 0;
        double[][] directions = new double[wanted][];
        double[] variances = new double[wanted];
        for (int rank = 0; rank < wanted; rank++) {
            int index = order[rank];
            double mu = values[index];
            if (!(mu > RELATIVE_VARIANCE_FLOOR * largest) || !(mu > 0)) {
                break;
            }
            DMatrixRMaj vector = eigen.getEigenVector(index);
            double[] direction = new double[p];
            if (dual) {
                // v = Cᵀ u, normalised (|Cᵀu| = √μ for a unit u)
                for (int i = 0; i < n; i++) {
                    double u = vector.get(i, 0);
                    for (int j = 0; j < p; j++) {
                        direction[j] += centred.unsafe_get(i, j) * u;
                    }
                }
            } else {
                for (int j = 0; j < p; j++) {
                    direction[j] = vector.get(j, 0);
                }
            }
            normaliseWithSign(direction);
            directions[kept] = direction;
            variances[kept] = mu / (n - 1);
            kept++;
        }
        return new Principal(Arrays.copyOf(directions, kept), Arrays.copyOf(variances, kept));
    }

    /** Scales to unit length and makes the entry of largest magnitude positive (a reproducible sign). */
    private static void normaliseWithSign(double[] v) {
        double norm = 0;
        int largest = 0;
        for (int j = 0; j < v.length; j++) {
            norm += v[j] * v[j];
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        double scale = (v[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
        for (int j = 0; j < v.length; j++) {
            v[j] *= scale;
        }
    }

    /** Per-thread buffer of the projections t_i, so that {@link #distance} allocates nothing after a thread's first call. */
    private static final ThreadLocal<double[]> PROJECTIONS = ThreadLocal.withInitial(() -> new double[DEFAULT_COMPONENTS]);

    private static double[] projectionBuffer(int k) {
        double[] buffer = PROJECTIONS.get();
        if (buffer.length < k) {
            buffer = new double[k];
            PROJECTIONS.set(buffer);
        }
        return buffer;
    }

    /** {d_M, d_R} of one input (a new array; for fitting and diagnostics). */
    private static double[] measures(double[] input, double[] weights, double[] mean, double[][] components, double[] variances) {
        double[] t = projectionBuffer(components.length);
        double mahalanobisSquared = project(input, weights, mean, components, variances, t);
        return new double[] {Math.sqrt(mahalanobisSquared), Math.sqrt(residualSquared(input, weights, mean, components, t))};
    }

    /** Fills t_i = v_i · (w x − μ) and returns d_M² = Σ_i t_i² / λ_i. */
    private static double project(double[] input, double[] weights, double[] mean, double[][] components, double[] variances,
                                  double[] t) {
        double mahalanobisSquared = 0;
        for (int i = 0; i < components.length; i++) {
            double[] direction = components[i];
            double projection = 0;
            for (int j = 0; j < mean.length; j++) {
                projection += direction[j] * ((weights == null ? input[j] : input[j] * weights[j]) - mean[j]);
            }
            t[i] = projection;
            mahalanobisSquared += projection * projection / variances[i];
        }
        return mahalanobisSquared;
    }

    /**
     * d_R² = Σ_j (c_j − Σ_i t_i v_ij)², summed explicitly rather than as |c|² − Σ t_i² so that a point on the subspace
     * gets a residual at rounding level (not √ε·|c|).
     */
    private static double residualSquared(double[] input, double[] weights, double[] mean, double[][] components, double[] t) {
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            double r = (weights == null ? input[j] : input[j] * weights[j]) - mean[j];
            for (int i = 0; i < components.length; i++) {
                r -= t[i] * components[i][j];
            }
            sum += r * r;
        }
        return sum;
    }

    private void checkLength(double[] input) {
        if (input.length != mean.length) {
            throw new ModelMismatchException("The training domain has " + mean.length + " inputs but the g(r) has " + input.length + ".");
        }
    }

    /** Mahalanobis distance d_M of {@code input} in the principal subspace (training units: standard deviations). */
    public double mahalanobisDistance(double[] input) {
        checkLength(input);
        return measures(input, weights, mean, components, variances)[0];
    }

    /** Residual norm d_R of {@code input} outside the principal subspace (units of g). */
    public double residualNorm(double[] input) {
        checkLength(input);
        return measures(input, weights, mean, components, variances)[1];
    }

    /**
     * Domain distance D = max(d_M / d_M,99 , d_R / d_R,99) of an input on the model grid; 1 is the edge of the
     * training set. Allocates nothing (a per-thread buffer of k projections). NaN inputs give NaN.
     */
    public double distance(double[] input) {
        checkLength(input);
        double[] t = projectionBuffer(components.length);
        double mahalanobis = Math.sqrt(project(input, weights, mean, components, variances, t));
        double residual = Math.sqrt(residualSquared(input, weights, mean, components, t));
        if (Double.isNaN(residual) || Double.isNaN(mahalanobis)) {
            return Double.NaN;
        }
        return Math.max(mahalanobis / mahalanobisScale, residual / residualScale);
    }

    /** True when {@code distance} exceeds {@code threshold}; a NaN distance (no domain recorded) is never out of domain. */
    public static boolean isOutOfDomain(double distance, double threshold) {
        return distance > threshold;
    }

    /**
     * The q-th percentile (0 ≤ q ≤ 100) of {@code values} by linear interpolation between order statistics:
     * position h = (n − 1)·q/100, value x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) of the sorted values.
     */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q / 100.0;
        int lower = (int) Math.floor(h);
        if (lower >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingDomain that && Arrays.equals(mean, that.mean) && Arrays.deepEquals(components, that.components)
                && Arrays.equals(variances, that.variances) && Double.compare(mahalanobisScale, that.mahalanobisScale) == 0
                && Double.compare(residualScale, that.residualScale) == 0 && trainingRows == that.trainingRows
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.deepHashCode(components), Arrays.hashCode(variances), mahalanobisScale,
                residualScale, trainingRows, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TrainingDomain[%d inputs, %d components, %d rows, d_M99=%.4g, d_R99=%.4g]",
                mean.length, components.length, trainingRows, mahalanobisScale, residualScale);
    }
}
