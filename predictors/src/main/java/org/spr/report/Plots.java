package org.spr.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots rendered headless with XChart and written atomically. */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Line plot of several series; {@code logY} for a logarithmic y axis. */
    public static void lines(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (Series s : series) {
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            line.setMarker(s.x().length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        save(chart, png);
    }

    /**
     * Parity plot: predicted against reference values, with the y = x line.
     *
     * @param logAxes logarithmic axes (e.g. conductivities spanning decades; values must be positive)
     */
    public static void parity(Path png, String title, String quantity, double[] reference, double[] predicted, boolean logAxes) {
        XYChart chart = new XYChartBuilder().width(HEIGHT).height(HEIGHT).title(title)
                .xAxisTitle("reference " + quantity).yAxisTitle("predicted " + quantity).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisLogarithmic(logAxes);
        chart.getStyler().setYAxisLogarithmic(logAxes);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : new double[][]{reference, predicted}) {
            for (double v : values) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        chart.addSeries("data", reference, predicted);
        XYSeries diagonal = chart.addSeries("y = x", new double[]{low, high}, new double[]{low, high});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        save(chart, png);
    }

    /** Histogram of {@code values} in {@code bins} equal bins between their minimum and maximum. */
    public static void histogram(Path png, String title, String xLabel, double[] values, int bins) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (!(high > low)) {
            low = Double.isFinite(low) ? low - 0.5 : 0;
            high = low + 1;
        }
        double width = (high - low) / bins;
        double[] centres = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = low + (b + 0.5) * width;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - low) / width))]++;
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.###E0");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("count", centres, counts);
        save(chart, png);
    }

    /**
     * Heat map of z[i][j] over (x_i, y_j), averaged onto at most {@code maxCellsX} × {@code maxCellsY} cells so that
     * large matrices (e.g. a 200 × 400 weight matrix) stay readable; a symmetric blue–white–red scale centred on 0
     * when z has both signs.
     */
    public static void heatMap(Path png, String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z,
                               int maxCellsX, int maxCellsY) {
        int nx = x.length;
        int ny = y.length;
        int fx = (int) Math.ceil(nx / (double) maxCellsX);
        int fy = (int) Math.ceil(ny / (double) maxCellsY);
        int cx = (nx + fx - 1) / fx;
        int cy = (ny + fy - 1) / fy;
        List<String> xTicks = new ArrayList<>();
        List<String> yTicks = new ArrayList<>();
        int labelEveryX = Math.max(1, cx / 10);
        int labelEveryY = Math.max(1, cy / 10);
        for (int i = 0; i < cx; i++) {
            xTicks.add(i % labelEveryX == 0 ? String.format(Locale.ROOT, "%.3g", x[i * fx]) : " ".repeat(i + 1));
        }
        for (int j = 0; j < cy; j++) {
            yTicks.add(j % labelEveryY == 0 ? String.format(Locale.ROOT, "%.3g", y[j * fy]) : " ".repeat(j + 1));
        }
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cx; i++) {
            for (int j = 0; j < cy; j++) {
                double sum = 0;
                int count = 0;
                for (int a = i * fx; a < Math.min(nx, (i + 1) * fx); a++) {
                    for (int b = j * fy; b < Math.min(ny, (j + 1) * fy); b++) {
                        sum += z[a][b];
                        count++;
                    }
                }
                double mean = sum / count;
                min = Math.min(min, mean);
                max = Math.max(max, mean);
                cells.add(new Number[]{i, j, mean});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(45);
        if (min < 0 && max > 0) {
            double bound = Math.max(-min, max);
            chart.getStyler().setMin(-bound);
            chart.getStyler().setMax(bound);
            chart.getStyler().setRangeColors(new Color[]{new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        } else {
            chart.getStyler().setMin(min);
            chart.getStyler().setMax(max == min ? min + 1 : max);
            chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(178, 24, 43)});
        }
        chart.addSeries(title, xTicks, yTicks, cells);
        save(chart, png);
    }

    private static void save(Chart<?, ?> chart, Path png) {
        AtomicFiles.write(png, out -> {
            try {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
