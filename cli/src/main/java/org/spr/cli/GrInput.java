package org.spr.cli;

import org.spr.model.DescriptorSpec;

/**
 * One g(r) to predict from, with the spec it was computed with.
 *
 * @param label name in the output (file name, frame number …)
 * @param gr    values, channels × bins of {@code spec}
 * @param spec  how it was computed
 */
public record GrInput(String label, double[] gr, DescriptorSpec spec) {
}
