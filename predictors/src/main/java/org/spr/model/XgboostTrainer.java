package org.spr.model;

import org.spr.error.SprException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains gradient-boosted trees (XGBoost4J, squared error, histogram method) on one scalar target, on log10 of it when
 * the output spec says so. k-fold cross-validation (same seeded folds as everywhere, {@link KFold}) reports the
 * RMSE and R² in training space before the final model is trained on the training rows; the CV numbers go into the
 * provenance. When the data has validation rows, the number of rounds is chosen on them (early stopping: the
 * prefix of trees with the lowest validation MSE, the final model refitted with that many rounds, which with the same
 * seed reproduces exactly those trees).
 */
public final class XgboostTrainer implements Trainer {

    /**
     * Settings.
     *
     * @param rounds         boosting rounds
     * @param maxDepth       tree depth
     * @param eta            learning rate
     * @param subsample      row subsampling per tree
     * @param columnSample   feature subsampling per tree
     * @param minChildWeight minimum hessian sum in a leaf
     * @param folds          k of the cross-validation (0 or 1 = none)
     * @param seed           random seed
     */
    public record Settings(int rounds, int maxDepth, double eta, double subsample, double columnSample, double minChildWeight,
                           int folds, long seed) {
        public Settings {
            if (rounds < 1 || maxDepth < 1 || !(eta > 0) || !(subsample > 0 && subsample <= 1) || !(columnSample > 0 && columnSample <= 1)) {
                throw SprException.usage("invalid XGBoost settings: rounds and depth must be positive, eta > 0, subsample and column sample in (0, 1]");
            }
        }

        /** 300 rounds, depth 4, eta 0.05, subsample 0.8, column sample 0.5, min child weight 1, 5 folds. */
        public static Settings defaults(long seed) {
            return new Settings(300, 4, 0.05, 0.8, 0.5, 1, 5, seed);
        }
    }

    /**
     * Cross-validation result in training space.
     *
     * @param rmse root mean squared error over all out-of-fold predictions
     * @param r2   coefficient of determination of the out-of-fold predictions
     */
    public record CrossValidationResult(double rmse, double r2) {
    }

    private final Settings settings;
    private CrossValidationResult lastCrossValidation;
    private int lastChosenRounds;
    private java.util.List<String> lastWarnings = java.util.List.of();

    public XgboostTrainer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.XGBOOST;
    }

    /** CV result of the last {@link #train} call, or null without CV. */
    public CrossValidationResult lastCrossValidation() {
        return lastCrossValidation;
    }

    @Override
    public SprModel train(TrainingData data) {
        if (data.outputSpec().isSpectrum()) {
            throw SprException.usage("XGBoost models predict scalar targets; use linear or cnn for the spectrum");
        }
        double[][] x = data.x();
        double[] y = column(data.trainingSpaceY());
        int p = data.inputSpec().inputLength();
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("rounds", Integer.toString(settings.rounds()));
        hyperparameters.put("max_depth", Integer.toString(settings.maxDepth()));
        hyperparameters.put("eta", Double.toString(settings.eta()));
        hyperparameters.put("subsample", Double.toString(settings.subsample()));
        hyperparameters.put("colsample_bytree", Double.toString(settings.columnSample()));
        hyperparameters.put("min_child_weight", Double.toString(settings.minChildWeight()));
        lastCrossValidation = null;
        if (settings.folds() >= 2) {
            lastCrossValidation = crossValidate(x, y, p);
            hyperparameters.put("cv_folds", Integer.toString(settings.folds()));
            hyperparameters.put("cv_rmse_training_space", Double.toString(lastCrossValidation.rmse()));
            hyperparameters.put("cv_r2_training_space", Double.toString(lastCrossValidation.r2()));
        }
        lastWarnings = new java.util.ArrayList<>();
        lastChosenRounds = settings.rounds();
        if (data.validationX().length > 0) {
            double[] validationY = column(data.trainingSpaceValidationY());
            Booster full = fit(x, y, p, settings.rounds());
            double[] validationMse = validationCurve(full, data.validationX(), validationY, p);
            full.dispose();
            int best = 0;
            for (int k = 1; k < validationMse.length; k++) {
                if (validationMse[k] < validationMse[best]) {
                    best = k;
                }
            }
            lastChosenRounds = best + 1;
            hyperparameters.put("selection", "rounds chosen on the validation rows (" + data.validationX().length + ")");
            hyperparameters.put("rounds_chosen", Integer.toString(lastChosenRounds));
            hyperparameters.put("validation_rmse_training_space", Double.toString(Math.sqrt(validationMse[best])));
            if (lastChosenRounds == settings.rounds()) {
                lastWarnings.add("the validation error was lowest at the last of the " + settings.rounds()
                        + " rounds (--rounds): more rounds may help");
            }
        }
        Booster booster = fit(x, y, p, lastChosenRounds);
        return new SprModel(ModelMetadata.forTraining(ModelKind.XGBOOST, data, settings.seed(), hyperparameters), new XgboostBackend(booster, p));
    }

    private CrossValidationResult crossValidate(double[][] x, double[] y, int p) {
        int[] fold = KFold.assign(x.length, settings.folds(), settings.seed());
        double[] outOfFold = new double[y.length];
        for (int f = 0; f < settings.folds(); f++) {
            int[] train = KFold.rows(fold, f, false);
            int[] test = KFold.rows(fold, f, true);
            double[] trainY = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                trainY[i] = y[train[i]];
            }
            XgboostBackend backend = new XgboostBackend(fit(KFold.select(x, train), trainY, p), p);
            try {
                double[] predicted = backend.predictBatch(KFold.select(x, test));
                for (int i = 0; i < test.length; i++) {
                    outOfFold[test[i]] = predicted[i];
                }
            } finally {
                backend.close();
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            residual += (outOfFold[i] - y[i]) * (outOfFold[i] - y[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return new CrossValidationResult(Math.sqrt(residual / y.length), total > 0 ? 1 - residual / total : Double.NaN);
    }

    /** Validation MSE (training space) after k + 1 trees, for every k below the booster's rounds. */
    private double[] validationCurve(Booster booster, double[][] validationX, double[] validationY, int p) {
        float[] data = flatten(validationX, p);
        double[] mse = new double[settings.rounds()];
        try {
            for (int k = 0; k < mse.length; k++) {
                float[][] predicted = booster.inplace_predict(data, validationX.length, p, Float.NaN, new int[]{0, k + 1});
                double sum = 0;
                for (int i = 0; i < validationY.length; i++) {
                    double d = predicted[i][0] - validationY[i];
                    sum += d * d;
                }
                mse[k] = sum / validationY.length;
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
        return mse;
    }

    /** Rounds of the last model: all of them, or the count of lowest validation error when the data had validation rows. */
    public int lastChosenRounds() {
        return lastChosenRounds;
    }

    @Override
    public java.util.List<String> warnings() {
        return lastWarnings;
    }

    private Booster fit(double[][] x, double[] y, int p) {
        return fit(x, y, p, settings.rounds());
    }

    private Booster fit(double[][] x, double[] y, int p, int rounds) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(flatten(x, p), x.length, p, Float.NaN);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = (float) y[i];
            }
            matrix.setLabel(labels);
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("objective", "reg:squarederror");
            parameters.put("tree_method", "hist");
            parameters.put("max_depth", settings.maxDepth());
            parameters.put("eta", settings.eta());
            parameters.put("subsample", settings.subsample());
            parameters.put("colsample_bytree", settings.columnSample());
            parameters.put("min_child_weight", settings.minChildWeight());
            parameters.put("seed", settings.seed());
            parameters.put("verbosity", 0);
            return XGBoost.train(matrix, parameters, rounds, new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    static float[] flatten(double[][] rows, int width) {
        float[] data = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < width; k++) {
                data[i * width + k] = (float) rows[i][k];
            }
        }
        return data;
    }

    private static double[] column(double[][] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i][0];
        }
        return out;
    }
}
