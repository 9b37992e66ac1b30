package org.spr.cli;

import org.spr.error.SprException;
import org.spr.model.TrainingDomain;
import picocli.CommandLine.Option;

/** Where an input leaves a model's training domain ({@code spr predict}, {@code spr evaluate}). */
final class DomainThresholdOption {

    @Option(names = "--domain-threshold", paramLabel = "D", defaultValue = "" + TrainingDomain.DEFAULT_THRESHOLD,
            description = "out of the model's training domain beyond this domain distance (1 = edge of the training set; default ${DEFAULT-VALUE})")
    double threshold;

    /** The threshold, checked to be positive. */
    double value() {
        if (!(threshold > 0)) {
            throw SprException.usage("--domain-threshold must be positive, got " + threshold);
        }
        return threshold;
    }
}
