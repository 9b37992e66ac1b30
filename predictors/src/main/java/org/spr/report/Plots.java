package org.spr.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * PNG plots drawn headless with Java2D ({@link XyCanvas}; the heat map directly) and written atomically,
 * meeting-ready: the colour-blind-safe Okabe–Ito palette, axis tick labels at round numbers with one number of
 * decimals per axis ({@link #tickDecimals}), very small or large values shown on a scaled axis ("MSE (×10⁻⁵)"), no
 * rotated or overlapping labels.
 */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    /** Okabe &amp; Ito's colour-blind-safe palette, ordered for contrast on white (blue, vermillion, green, orange, sky blue, purple, black, yellow). */
    public static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(230, 159, 0),
        new Color(86, 180, 233), new Color(204, 121, 167), Color.BLACK, new Color(240, 228, 66)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Line plot of several series; {@code logY} for a logarithmic y axis. */
    public static void lines(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        double[] yRange = range(series.stream().map(Series::y).toList());
        if (logY && yRange[0] > 0 && yRange[1] / yRange[0] < 10) {
            logY = false; // less than a decade: a linear axis has labelled round ticks, a log axis might have none
        }
        int exponent = logY ? 0 : scaleExponent(yRange);
        double scale = Math.pow(10, -exponent);
        XyCanvas canvas = new XyCanvas(WIDTH, HEIGHT, title, xLabel, yLabel + scaleSuffix(exponent)).log(false, logY);
        int next = 0;
        for (Series s : series) {
            int colour = s.colour() >= 0 ? s.colour() : next++;
            XyCanvas.Style style = s.x().length <= 40 && !s.dashed() ? XyCanvas.Style.LINE : s.dashed() ? XyCanvas.Style.DASHED : XyCanvas.Style.LINE;
            canvas.add(s.name(), s.x(), scaledCopy(s.y(), scale), PALETTE[colour % PALETTE.length], style);
            if (s.x().length <= 40) {
                canvas.add("", s.x(), scaledCopy(s.y(), scale), PALETTE[colour % PALETTE.length], XyCanvas.Style.MARKERS);
            }
        }
        canvas.legend(series.size() > 1).write(png);
    }

    /**
     * Parity plot: predicted against reference values, with the y = x line, equal axes.
     *
     * @param logAxes logarithmic axes (e.g. conductivities spanning decades; values must be positive)
     */
    public static void parity(Path png, String title, String quantity, double[] reference, double[] predicted, boolean logAxes) {
        double[] range = range(List.of(reference, predicted));
        int exponent = logAxes ? 0 : scaleExponent(range);
        double scale = Math.pow(10, -exponent);
        double low = range[0] * scale;
        double high = range[1] * scale;
        if (logAxes) {
            low = Math.max(low, Double.MIN_NORMAL);
        }
        XyCanvas canvas = new XyCanvas(HEIGHT + 150, HEIGHT, title, "reference " + quantity + scaleSuffix(exponent),
                "predicted " + quantity + scaleSuffix(exponent)).log(logAxes, logAxes);
        canvas.add("y = x", new double[]{low, high}, new double[]{low, high}, Color.BLACK, XyCanvas.Style.LINE);
        canvas.add(reference.length + " values", scaledCopy(reference, scale), scaledCopy(predicted, scale), PALETTE[0], XyCanvas.Style.MARKERS);
        if (!logAxes) {
            double pad = 0.03 * (high - low);
            canvas.xRange(low - pad, high + pad).yRange(low - pad, high + pad);
        } else {
            canvas.xRange(low, high).yRange(low, high);
        }
        canvas.write(png);
    }

    /** Histogram of {@code values} in {@code bins} equal bins between their minimum and maximum (a filled step outline, round ticks). */
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
        double[] counts = new double[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - low) / width))]++;
            }
        }
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = low;
        for (int b = 0; b < bins; b++) {
            x[1 + 2 * b] = low + b * width;
            x[2 + 2 * b] = low + (b + 1) * width;
            y[1 + 2 * b] = counts[b];
            y[2 + 2 * b] = counts[b];
        }
        x[2 * bins + 1] = high;
        double maxCount = 0;
        for (double c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        new XyCanvas(WIDTH, HEIGHT, title, xLabel, "count").add("count", x, y, PALETTE[0], XyCanvas.Style.AREA)
                .yRange(0, Math.max(1, maxCount) * 1.05).countsOnY().legend(false).write(png);
    }

    /**
     * Heat map of z[i][j] over (x_i, y_j), averaged onto at most {@code maxCellsX} × {@code maxCellsY} cells so that
     * large matrices (e.g. a 200 × 400 weight matrix) stay readable; a symmetric blue–white–red scale centred on 0
     * when z has both signs (white–red otherwise), a colour bar with round ticks.
     */
    public static void heatMap(Path png, String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z,
                               int maxCellsX, int maxCellsY) {
        int nx = x.length;
        int ny = y.length;
        int fx = (int) Math.ceil(nx / (double) maxCellsX);
        int fy = (int) Math.ceil(ny / (double) maxCellsY);
        int cx = (nx + fx - 1) / fx;
        int cy = (ny + fy - 1) / fy;
        double[][] cells = new double[cx][cy];
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
                cells[i][j] = sum / count;
                min = Math.min(min, cells[i][j]);
                max = Math.max(max, cells[i][j]);
            }
        }
        boolean diverging = min < 0 && max > 0;
        double low = diverging ? -Math.max(-min, max) : min;
        double high = diverging ? -low : (max == min ? min + 1 : max);
        int exponent = scaleExponent(new double[]{low, high});
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int left = 90;
        int top = 50;
        int right = WIDTH - 150;
        int bottom = HEIGHT - 70;
        double x0 = x[0] - (nx > 1 ? (x[1] - x[0]) / 2 : 0.5);
        double x1 = x[nx - 1] + (nx > 1 ? (x[nx - 1] - x[nx - 2]) / 2 : 0.5);
        double y0 = y[0] - (ny > 1 ? (y[1] - y[0]) / 2 : 0.5);
        double y1 = y[ny - 1] + (ny > 1 ? (y[ny - 1] - y[ny - 2]) / 2 : 0.5);
        double cellWidth = (double) (right - left) / cx;
        double cellHeight = (double) (bottom - top) / cy;
        for (int i = 0; i < cx; i++) {
            for (int j = 0; j < cy; j++) {
                g.setColor(colour(cells[i][j], low, high, diverging));
                int px = left + (int) Math.floor(i * cellWidth);
                int py = bottom - (int) Math.ceil((j + 1) * cellHeight);
                g.fillRect(px, py, (int) Math.ceil(cellWidth) + 1, (int) Math.ceil(cellHeight) + 1);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, right - left, bottom - top);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        g.setFont(tickFont);
        FontMetrics metrics = g.getFontMetrics();
        double xStep = niceStep((x1 - x0) / 8);
        int xDecimals = tickDecimals(xStep);
        for (double t = Math.ceil(x0 / xStep) * xStep; t <= x1 + 1e-9 * xStep; t += xStep) {
            int px = left + (int) Math.round((t - x0) / (x1 - x0) * (right - left));
            g.drawLine(px, bottom, px, bottom + 5);
            String label = format(t, xDecimals);
            g.drawString(label, px - metrics.stringWidth(label) / 2, bottom + 20);
        }
        double yStep = niceStep((y1 - y0) / 8);
        int yDecimals = tickDecimals(yStep);
        for (double t = Math.ceil(y0 / yStep) * yStep; t <= y1 + 1e-9 * yStep; t += yStep) {
            int py = bottom - (int) Math.round((t - y0) / (y1 - y0) * (bottom - top));
            g.drawLine(left - 5, py, left, py);
            String label = format(t, yDecimals);
            g.drawString(label, left - 8 - metrics.stringWidth(label), py + metrics.getAscent() / 2 - 1);
        }
        // colour bar
        int barLeft = right + 30;
        int barWidth = 20;
        for (int py = top; py <= bottom; py++) {
            double v = high - (high - low) * (py - top) / (bottom - top);
            g.setColor(colour(v, low, high, diverging));
            g.drawLine(barLeft, py, barLeft + barWidth, py);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(barLeft, top, barWidth, bottom - top);
        double scale = Math.pow(10, -exponent);
        double barStep = niceStep((high - low) * scale / 6);
        int barDecimals = tickDecimals(barStep);
        for (double t = Math.ceil(low * scale / barStep) * barStep; t <= high * scale + 1e-9 * barStep; t += barStep) {
            int py = bottom - (int) Math.round((t / scale - low) / (high - low) * (bottom - top));
            g.drawLine(barLeft + barWidth, py, barLeft + barWidth + 4, py);
            g.drawString(format(t, barDecimals), barLeft + barWidth + 7, py + metrics.getAscent() / 2 - 1);
        }
        if (exponent != 0) {
            g.drawString(scaleSuffix(exponent).trim(), barLeft - 5, top - 10);
        }
        g.setFont(titleFont);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.drawString(title, (WIDTH - titleMetrics.stringWidth(title)) / 2, 30);
        g.drawString(xLabel, left + (right - left - titleMetrics.stringWidth(xLabel)) / 2, HEIGHT - 25);
        XyCanvas.drawYLabel(g, yLabel, titleMetrics, top, bottom, 30);
        g.dispose();
        XyCanvas.writePng(image, png);
    }

    private static Color colour(double v, double low, double high, boolean diverging) {
        Color blue = new Color(0, 114, 178);
        Color red = new Color(213, 94, 0);
        if (diverging) {
            double t = Math.max(-1, Math.min(1, v / high));
            return t >= 0 ? mix(Color.WHITE, red, t) : mix(Color.WHITE, blue, -t);
        }
        return mix(Color.WHITE, red, Math.max(0, Math.min(1, (v - low) / (high - low))));
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t), (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** A round step near {@code rough}: 1, 2 or 5 × 10^k. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double mantissa = rough / power;
        double nice = mantissa < 1.5 ? 1 : mantissa < 3 ? 2 : mantissa < 7.5 ? 5 : 10;
        return nice * power;
    }

    /** Decimals that show every multiple of {@code step} (1, 2 or 5 × 10^k) exactly. */
    static int tickDecimals(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** {@code value} with a fixed number of decimals, "0" for values that round to zero (no "-0.00"). */
    static String format(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    /** Label of the log-axis tick m × 10^e: a plain number for 10⁻³ … 10⁴, else "10ᵉ" or "m×10ᵉ". */
    static String formatLogTick(int m, int e) {
        if (e >= -3 && e <= 4) {
            return format(m * Math.pow(10, e), Math.max(0, -e));
        }
        return (m == 1 ? "" : m + "×") + "10" + superscript(e);
    }

    /**
     * Power of ten to divide an axis by when its values are very small or large (largest |value| below 10⁻² or at least
     * 10⁴), else 0.
     */
    static int scaleExponent(double[] range) {
        double largest = Math.max(Math.abs(range[0]), Math.abs(range[1]));
        if (!(largest > 0) || !Double.isFinite(largest) || (largest >= 1e-2 && largest < 1e4)) {
            return 0;
        }
        return (int) Math.floor(Math.log10(largest));
    }

    /** " (×10⁻⁵)" for an axis divided by 10^exponent, or "". */
    static String scaleSuffix(int exponent) {
        return exponent == 0 ? "" : " (×10" + superscript(exponent) + ")";
    }

    private static String superscript(int exponent) {
        String digits = Integer.toString(exponent);
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return out.toString();
    }

    private static double[] range(List<double[]> arrays) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : arrays) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!(high >= low)) {
            return new double[]{0, 1};
        }
        return high > low ? new double[]{low, high} : new double[]{low - 0.5, high + 0.5};
    }

    private static double[] scaled(double[] range, double scale) {
        return new double[]{range[0] * scale, range[1] * scale};
    }

    private static double[] scaledCopy(double[] values, double scale) {
        if (scale == 1) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * scale;
        }
        return out;
    }

}
