package org.spr.model;

import java.nio.file.Path;
import java.util.List;
import org.spr.report.Plots;
import org.spr.report.Series;

/**
 * Interpretability plots of a linear SPR model (as the linear paper's Fig. 3): W as a heat map over (r, output) (a line
 * over r for a scalar target), and b beside the mean target.
 */
public final class LinearInterpretation {

    private LinearInterpretation() {
    }

    /**
     * Writes {@code weights.png} (W_jk over r_k and output grid value x_j; W_k over r_k for a scalar) and, when {@code meanTarget} is not null,
     * {@code bias.png} (b_j and the mean training target over x_j) into {@code directory}.
     */
    public static void write(SprModel model, double[] meanTarget, Path directory) {
        if (!(model.backend() instanceof LinearBackend linear)) {
            throw new IllegalArgumentException("interpretation plots need a linear model, got " + model.kind().label());
        }
        DescriptorSpec input = model.inputSpec();
        OutputSpec output = model.outputSpec();
        int p = linear.inputLength();
        double[] r = new double[p];
        int bins = input.grid().bins();
        for (int k = 0; k < p; k++) {
            r[k] = input.grid().centre(k % bins) + (k / bins) * input.grid().rMax(); // partial channels side by side
        }
        double[] x = output.isSpectrum() ? output.grid().values() : new double[]{0};
        double[][] w = linear.weightMatrix(); // [output][input]
        double[][] z = new double[p][x.length];
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < x.length; j++) {
                z[k][j] = w[j][k];
            }
        }
        String yLabel = output.isSpectrum() ? ModelEvaluation.gridAxis(output) : output.name();
        String length = "lj".equals(ModelCatalog.units(model.metadata())) ? "σ" : "Å";
        String xLabel = input.channels() > 1 ? "r (" + length + "); the " + input.channels() + " channels side by side, "
                + input.grid().rMax() + " " + length + " apart" : "r (" + length + ")";
        if (output.isSpectrum()) {
            Plots.heatMap(directory.resolve("weights.png"), "linear SPR weights W", xLabel, yLabel, r, x, z, 200, 100);
        } else {
            // one output: W is one row; a heat map of it would have a y axis without meaning
            String target = output.log10() ? "log10 " + output.name() : output.name();
            Plots.lines(directory.resolve("weights.png"), "linear SPR weights W of " + target, xLabel,
                    "weight on the input bin", List.of(new Series("W", r, w[0])), false);
        }
        if (meanTarget != null && output.isSpectrum()) {
            Plots.lines(directory.resolve("bias.png"), "bias b and mean training target", yLabel, output.unit(),
                    List.of(new Series("bias b", x, linear.bias()), new Series("mean target", x, meanTarget)), false);
        }
    }
}
