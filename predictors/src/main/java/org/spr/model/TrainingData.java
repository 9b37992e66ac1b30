package org.spr.model;

import org.spr.error.SprException;
/**
 * What every trainer consumes: training inputs and targets (natural units, one row per structure), an optional
 * validation part (early stopping, model selection; may have zero rows), the specs, and provenance.
 *
 * @param x           training inputs, n × inputSpec.inputLength()
 * @param y           training targets, n × outputSpec.length(), natural units (not log10)
 * @param validationX validation inputs (may be empty)
 * @param validationY validation targets (may be empty)
 * @param inputSpec   the g(r) the rows were computed with
 * @param outputSpec  what the targets are
 * @param provenance  dataset name, hash, sizes, split seed
 */
public record TrainingData(double[][] x, double[][] y, double[][] validationX, double[][] validationY,
                           DescriptorSpec inputSpec, OutputSpec outputSpec, TrainingProvenance provenance) {

    public TrainingData {
        validationX = validationX == null ? new double[0][] : validationX;
        validationY = validationY == null ? new double[0][] : validationY;
        checkShape("training", x, y, inputSpec, outputSpec);
        checkShape("validation", validationX, validationY, inputSpec, outputSpec);
        if (x.length == 0) {
            throw SprException.usage("training data has no rows");
        }
        if (outputSpec.log10()) {
            for (double[][] block : new double[][][]{y, validationY}) {
                for (double[] row : block) {
                    if (!(row[0] > 0)) {
                        throw SprException.usage("target " + outputSpec.name() + " is trained on log10 but has a non-positive value " + row[0]);
                    }
                }
            }
        }
    }

    private static void checkShape(String part, double[][] x, double[][] y, DescriptorSpec inputSpec, OutputSpec outputSpec) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(part + " data has " + x.length + " inputs but " + y.length + " targets");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != inputSpec.inputLength()) {
                throw new IllegalArgumentException(part + " row " + i + " has " + x[i].length + " inputs, the spec (" + inputSpec + ") needs " + inputSpec.inputLength());
            }
            if (y[i].length != outputSpec.length()) {
                throw new IllegalArgumentException(part + " row " + i + " has " + y[i].length + " targets, the output (" + outputSpec + ") needs " + outputSpec.length());
            }
        }
    }

    /** Training-space targets: log10 of y when the output is log10-trained, else y itself. */
    public double[][] trainingSpaceY() {
        return toTrainingSpace(y);
    }

    /** Training-space validation targets. */
    public double[][] trainingSpaceValidationY() {
        return toTrainingSpace(validationY);
    }

    private double[][] toTrainingSpace(double[][] targets) {
        return outputSpec.trainingSpace(targets);
    }

    /** Training data with no validation part. */
    public static TrainingData of(double[][] x, double[][] y, DescriptorSpec inputSpec, OutputSpec outputSpec) {
        return new TrainingData(x, y, null, null, inputSpec, outputSpec, TrainingProvenance.synthetic(x.length));
    }
}
