package org.spr.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScalarErrorsTest {

    @Test
    void aConstantFactorShowsAsTheLogRatioAndTheRelativeError() {
        double[][] reference = {{1}, {10}, {100}, {0.5}};
        double[][] predicted = {{2}, {20}, {200}, {1}};
        ScalarErrors errors = ScalarErrors.of(predicted, reference);
        assertEquals(Math.log10(2), errors.log10RatioMean(), 1e-12);
        assertEquals(0.0, errors.log10RatioStd(), 1e-12);
        assertEquals(1.0, errors.relativeMedian(), 1e-12);
        assertEquals(0.0, errors.withinFactor1p5(), 0.0);
        assertEquals(0.0, errors.relativeBelow25(), 0.0);
    }

    @Test
    void quantilesAndUndefinedRatios() {
        double[][] reference = {{1}, {1}, {1}, {1}, {0}};
        double[][] predicted = {{1.1}, {0.9}, {1.0}, {1.3}, {1.0}};
        ScalarErrors errors = ScalarErrors.of(predicted, reference);
        assertEquals(1, errors.undefinedLogRatios());
        assertEquals(0.1, errors.relativeMedian(), 1e-12);
        assertEquals(1.0, errors.relativeBelow25(), 1e-12 + 0.25);
        assertEquals(0.75, errors.relativeBelow25(), 1e-12);
        assertEquals(1.0, errors.withinFactor1p5(), 1e-12);
        assertEquals(0.5, ScalarErrors.quantile(new double[] {0, 1}, 0.5), 1e-12);
    }
}
