package org.spr.model;

import org.spr.error.SprException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the linear SPR model y = W g + b (multi-output) by minimising, per output bin j,
 * <pre>  (1/n) Σ_i (y_ij − W_j·g_i − b_j)² + α‖W_j‖₁ + β‖W_j‖₂²</pre>
 * (summed over j this is the paper's loss with the squared error averaged over structures; the bias is not penalised).
 * α = 0: exact ridge solution by Cholesky ({@link LinearKernels#ridge}); α &gt; 0: coordinate descent
 * ({@link LinearKernels#elasticNet}), warm-started from the ridge solution.
 * With a {@link CrossValidation} the (α, β) pair of lowest validation MSE is chosen first: on the data's validation rows
 * when it has some (hold-out), else by k-fold cross-validation of the training rows; the final fit uses the training rows.
 */
public final class LinearTrainer implements Trainer {

    /**
     * A k-fold grid search over α and β.
     *
     * @param alphas candidate L1 weights (≥ 0)
     * @param betas  candidate L2 weights (≥ 0)
     * @param folds  k
     * @param seed   seed of the fold assignment
     */
    public record CrossValidation(double[] alphas, double[] betas, int folds, long seed) {
        public CrossValidation {
            if (alphas.length == 0 || betas.length == 0) {
                throw SprException.usage("the alpha and beta grids must not be empty");
            }
            for (double a : alphas) {
                checkPenalty("alpha", a);
            }
            for (double b : betas) {
                checkPenalty("beta", b);
            }
        }
    }

    /**
     * Result of a grid search.
     *
     * @param alphas  grid of α
     * @param betas   grid of β
     * @param meanMse mean validation MSE over the folds, [α index][β index]
     * @param bestAlpha chosen α
     * @param bestBeta  chosen β
     */
    public record SearchResult(double[] alphas, double[] betas, double[][] meanMse, double bestAlpha, double bestBeta) {
    }

    private final double alpha;
    private final double beta;
    private final CrossValidation crossValidation;
    private final double tolerance;
    private final int maxSweeps;
    private SearchResult lastSearch;
    private boolean selectOnValidation = true;
    private java.util.List<String> lastWarnings = java.util.List.of();
    private int lastUnconvergedOutputs;

    /** Fixed α, β. */
    public LinearTrainer(double alpha, double beta) {
        this(alpha, beta, null, 1e-5, 2_000);
    }

    /** α and β chosen by a cross-validated grid search. */
    public LinearTrainer(CrossValidation crossValidation) {
        this(0, 0, crossValidation, 1e-5, 2_000);
    }

    /**
     * @param tolerance relative convergence threshold of coordinate descent (largest |Δw_k|·√G_kk over the standard
     *                  deviation of the target)
     * @param maxSweeps cap on full coordinate-descent sweeps per output
     */
    public LinearTrainer(double alpha, double beta, CrossValidation crossValidation, double tolerance, int maxSweeps) {
        checkPenalty("alpha", alpha);
        checkPenalty("beta", beta);
        this.alpha = alpha;
        this.beta = beta;
        this.crossValidation = crossValidation;
        this.tolerance = tolerance;
        this.maxSweeps = maxSweeps;
    }

    private static void checkPenalty(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw SprException.usage(name + " must be a finite number >= 0, got " + value);
        }
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LINEAR;
    }

    /**
     * Whether a grid search scores the candidates on the data's validation rows when it has some (default), or always
     * by k-fold cross-validation on the training rows.
     */
    public LinearTrainer selectOnValidation(boolean onValidation) {
        this.selectOnValidation = onValidation;
        return this;
    }

    @Override
    public java.util.List<String> warnings() {
        return lastWarnings;
    }

    /** Outputs of the last fit whose coordinate descent hit the sweep cap before converging (0 = all converged). */
    public int lastUnconvergedOutputs() {
        return lastUnconvergedOutputs;
    }

    /** The grid search of the last {@link #train} call, or null without cross-validation. */
    public SearchResult lastSearch() {
        return lastSearch;
    }

    @Override
    public SprModel train(TrainingData data) {
        double[][] x = data.x();
        double[][] y = data.trainingSpaceY();
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double chosenAlpha = alpha;
        double chosenBeta = beta;
        Map<String, String> settings = new LinkedHashMap<>();
        lastWarnings = new java.util.ArrayList<>();
        if (crossValidation != null) {
            boolean holdOut = selectOnValidation && data.validationX().length > 0;
            if (holdOut) {
                lastSearch = searchOnValidation(x, y, data.validationX(), data.trainingSpaceValidationY(), crossValidation.alphas(), crossValidation.betas());
                settings.put("selection", "validation rows (" + data.validationX().length + ")");
            } else {
                lastSearch = search(x, y, crossValidation);
                settings.put("selection", crossValidation.folds() + "-fold cross-validation on the training rows");
                settings.put("cv_folds", Integer.toString(crossValidation.folds()));
                settings.put("cv_seed", Long.toString(crossValidation.seed()));
            }
            chosenAlpha = lastSearch.bestAlpha();
            chosenBeta = lastSearch.bestBeta();
            edgeWarning("--alpha", crossValidation.alphas(), chosenAlpha).ifPresent(lastWarnings::add);
            edgeWarning("--beta", crossValidation.betas(), chosenBeta).ifPresent(lastWarnings::add);
            settings.put("cv_alphas", java.util.Arrays.toString(crossValidation.alphas()));
            settings.put("cv_betas", java.util.Arrays.toString(crossValidation.betas()));
        }
        settings.put("alpha", Double.toString(chosenAlpha));
        settings.put("beta", Double.toString(chosenBeta));
        settings.put("cd_tolerance", Double.toString(tolerance));
        settings.put("cd_max_sweeps", Integer.toString(maxSweeps));
        settings.put("loss", "(1/n) sum_i |y_i - W g_i - b|^2 + alpha |W|_1 + beta |W|_2^2");
        lastUnconvergedOutputs = 0;
        LinearBackend backend = fit(x, y, all, chosenAlpha, chosenBeta);
        if (chosenAlpha > 0) {
            settings.put("cd_unconverged_outputs", Integer.toString(lastUnconvergedOutputs));
        }
        long seed = crossValidation == null ? 0 : crossValidation.seed();
        return new SprModel(ModelMetadata.forTraining(ModelKind.LINEAR, data, seed, settings), backend);
    }

    /** Fits W, b on the selected rows (training-space targets). */
    public LinearBackend fit(double[][] x, double[][] y, int[] rows, double alpha, double beta) {
        int p = x[0].length;
        int m = y[0].length;
        double[] xMean = new double[p];
        double[] yMean = new double[m];
        LinearKernels.columnMeans(x, rows, xMean);
        LinearKernels.columnMeans(y, rows, yMean);
        double[] gram = new double[p * p];
        double[] cross = new double[p * m];
        LinearKernels.centredGram(x, rows, xMean, gram);
        LinearKernels.centredCross(x, y, rows, xMean, yMean, cross);
        double[] targetVariance = targetVariance(y, rows, yMean);
        return solve(gram, cross, xMean, yMean, targetVariance, alpha, beta, null);
    }

    /** Solves for W (p × m) from G and C and assembles the backend; {@code warmStart} (p × m) may be null. */
    LinearBackend solve(double[] gram, double[] cross, double[] xMean, double[] yMean, double[] targetVariance,
                        double alpha, double beta, double[] warmStart) {
        int p = xMean.length;
        int m = yMean.length;
        double[] solution = new double[p * m];
        if (warmStart != null && alpha > 0) {
            System.arraycopy(warmStart, 0, solution, 0, solution.length);
        } else {
            LinearKernels.ridge(gram, cross, p, m, beta, solution);
        }
        if (alpha > 0) {
            // outputs are independent problems sharing G: solve them in parallel
            int unconverged = (int) java.util.stream.IntStream.range(0, m).parallel().filter(j -> {
                double[] w = new double[p];
                double[] c = new double[p];
                double[] q = new double[p];
                for (int k = 0; k < p; k++) {
                    w[k] = solution[k * m + j];
                    c[k] = cross[k * m + j];
                }
                double scale = Math.sqrt(Math.max(targetVariance[j], 1e-300));
                int sweeps = LinearKernels.elasticNet(gram, c, p, alpha, beta, tolerance * scale, maxSweeps, w, q);
                for (int k = 0; k < p; k++) {
                    solution[k * m + j] = w[k];
                }
                return sweeps > maxSweeps;
            }).count();
            lastUnconvergedOutputs = Math.max(lastUnconvergedOutputs, unconverged);
        }
        double[] weights = new double[m * p];
        double[] bias = new double[m];
        for (int j = 0; j < m; j++) {
            double b = yMean[j];
            for (int k = 0; k < p; k++) {
                double wjk = solution[k * m + j];
                weights[j * p + k] = wjk;
                b -= wjk * xMean[k];
            }
            bias[j] = b;
        }
        return new LinearBackend(p, m, weights, bias);
    }

    private static double[] targetVariance(double[][] y, int[] rows, double[] yMean) {
        double[] variance = new double[yMean.length];
        for (int i : rows) {
            for (int j = 0; j < variance.length; j++) {
                double d = y[i][j] - yMean[j];
                variance[j] += d * d;
            }
        }
        for (int j = 0; j < variance.length; j++) {
            variance[j] /= rows.length;
        }
        return variance;
    }

    /**
     * k-fold grid search: for each fold, G and C are computed once from its training rows; for each β the ridge solution
     * is the warm start of the α values in increasing order; the validation MSE is averaged over folds and output bins.
     */
    public SearchResult search(double[][] x, double[][] y, CrossValidation cv) {
        int[] fold = KFold.assign(x.length, cv.folds(), cv.seed());
        int[][] trainParts = new int[cv.folds()][];
        int[][] validationParts = new int[cv.folds()][];
        for (int f = 0; f < cv.folds(); f++) {
            trainParts[f] = KFold.rows(fold, f, false);
            validationParts[f] = KFold.rows(fold, f, true);
        }
        return search(x, y, cv.alphas(), cv.betas(), trainParts, validationParts);
    }

    /**
     * Hold-out grid search: every (α, β) is fitted on the training rows and scored by its MSE on the validation rows
     * (training-space targets), as one fold of {@link #search(double[][], double[][], CrossValidation)}.
     */
    public SearchResult searchOnValidation(double[][] x, double[][] y, double[][] validationX, double[][] validationY,
                                           double[] alphas, double[] betas) {
        double[][] allX = new double[x.length + validationX.length][];
        double[][] allY = new double[allX.length][];
        System.arraycopy(x, 0, allX, 0, x.length);
        System.arraycopy(validationX, 0, allX, x.length, validationX.length);
        System.arraycopy(y, 0, allY, 0, y.length);
        System.arraycopy(validationY, 0, allY, y.length, validationY.length);
        int[] train = java.util.stream.IntStream.range(0, x.length).toArray();
        int[] validation = java.util.stream.IntStream.range(x.length, allX.length).toArray();
        return search(allX, allY, alphas, betas, new int[][]{train}, new int[][]{validation});
    }

    private SearchResult search(double[][] x, double[][] y, double[] alphaGrid, double[] betaGrid, int[][] trainParts, int[][] validationParts) {
        int p = x[0].length;
        int m = y[0].length;
        double[] alphas = alphaGrid.clone();
        double[] betas = betaGrid.clone();
        java.util.Arrays.sort(alphas);
        java.util.Arrays.sort(betas);
        double[][] sum = new double[alphas.length][betas.length];
        double[] gram = new double[p * p];
        double[] cross = new double[p * m];
        double[] xMean = new double[p];
        double[] yMean = new double[m];
        double[] prediction = new double[m];
        int parts = trainParts.length;
        for (int f = 0; f < parts; f++) {
            int[] train = trainParts[f];
            int[] validation = validationParts[f];
            LinearKernels.columnMeans(x, train, xMean);
            LinearKernels.columnMeans(y, train, yMean);
            LinearKernels.centredGram(x, train, xMean, gram);
            LinearKernels.centredCross(x, y, train, xMean, yMean, cross);
            double[] variance = targetVariance(y, train, yMean);
            for (int b = 0; b < betas.length; b++) {
                double[] warm = null;
                for (int a = 0; a < alphas.length; a++) {
                    LinearBackend backend = solve(gram, cross, xMean, yMean, variance, alphas[a], betas[b], warm);
                    warm = columnMajorWeights(backend);
                    double squared = 0;
                    for (int i : validation) {
                        backend.predict(x[i], prediction);
                        for (int j = 0; j < m; j++) {
                            double d = prediction[j] - y[i][j];
                            squared += d * d;
                        }
                    }
                    sum[a][b] += squared / ((double) validation.length * m);
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double bestAlpha = alphas[0];
        double bestBeta = betas[0];
        for (int a = 0; a < alphas.length; a++) {
            for (int b = 0; b < betas.length; b++) {
                sum[a][b] /= parts;
                if (sum[a][b] < best) {
                    best = sum[a][b];
                    bestAlpha = alphas[a];
                    bestBeta = betas[b];
                }
            }
        }
        return new SearchResult(alphas, betas, sum, bestAlpha, bestBeta);
    }

    /**
     * Warnings for a chosen value at the edge of its grid (the optimum may lie beyond it): the largest value of a grid
     * of two or more, or the smallest when it is above 0 (0, no penalty, is a natural end).
     *
     * @param name   parameter name as the user gives it, e.g. "--beta"
     * @param grid   candidate values
     * @param chosen the chosen value
     * @return a sentence, or empty
     */
    public static java.util.Optional<String> edgeWarning(String name, double[] grid, double chosen) {
        if (grid.length < 2) {
            return java.util.Optional.empty();
        }
        double lowest = java.util.Arrays.stream(grid).min().orElseThrow();
        double highest = java.util.Arrays.stream(grid).max().orElseThrow();
        if (chosen == highest) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%s = %g is the largest value of its grid: the best value may be larger; extend the grid", name, chosen));
        }
        if (chosen == lowest && lowest > 0) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%s = %g is the smallest value of its grid: the best value may be smaller; extend the grid", name, chosen));
        }
        return java.util.Optional.empty();
    }

    private static double[] columnMajorWeights(LinearBackend backend) {
        int p = backend.inputLength();
        int m = backend.outputLength();
        double[] solution = new double[p * m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < p; k++) {
                solution[k * m + j] = backend.weight(j, k);
            }
        }
        return solution;
    }

    @Override
    public String toString() {
        return crossValidation == null ? String.format(Locale.ROOT, "linear(alpha=%g, beta=%g)", alpha, beta)
                : "linear(" + crossValidation.folds() + "-fold CV over alpha x beta)";
    }
}
