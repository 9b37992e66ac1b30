package org.spr.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small Java2D x–y plot (lines, dashed lines, markers, filled areas) with full control of the ticks: labels at
 * multiples of a round step (1, 2 or 5 × 10^k) with one number of decimals per axis, or on logarithmic axes at 1, 2
 * and 5 × 10^k; a legend outside the plot on the right; written atomically as PNG.
 */
final class XyCanvas {

    enum Style { LINE, DASHED, MARKERS, AREA }

    record Layer(String name, double[] x, double[] y, Color colour, Style style) {
    }

    private final int width;
    private final int height;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Layer> layers = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private Double xMin;
    private Double xMax;
    private Double yMin;
    private Double yMax;
    private boolean legend = true;
    private boolean countsOnY;

    XyCanvas(int width, int height, String title, String xLabel, String yLabel) {
        this.width = width;
        this.height = height;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    XyCanvas add(String name, double[] x, double[] y, Color colour, Style style) {
        layers.add(new Layer(name, x, y, colour, style));
        return this;
    }

    XyCanvas log(boolean x, boolean y) {
        this.logX = x;
        this.logY = y;
        return this;
    }

    XyCanvas xRange(double low, double high) {
        xMin = low;
        xMax = high;
        return this;
    }

    XyCanvas yRange(double low, double high) {
        yMin = low;
        yMax = high;
        return this;
    }

    /** y holds counts: y ticks at whole numbers only (no "0.5" on a histogram of 11 values). */
    XyCanvas countsOnY() {
        countsOnY = true;
        return this;
    }

    XyCanvas legend(boolean show) {
        legend = show;
        return this;
    }

    void write(Path png) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        g.setFont(tickFont);
        FontMetrics tickMetrics = g.getFontMetrics();
        int legendWidth = 0;
        if (legend && layers.stream().filter(l -> !l.name().isEmpty()).count() > 1) {
            for (Layer layer : layers) {
                legendWidth = Math.max(legendWidth, tickMetrics.stringWidth(layer.name()));
            }
            legendWidth += 50;
        }
        double[] xr = range(true);
        double[] yr = range(false);
        Ticks xt = logX ? Ticks.log(xr[0], xr[1]) : Ticks.linear(xr[0], xr[1], 8);
        Ticks yt = logY ? Ticks.log(yr[0], yr[1]) : Ticks.linear(yr[0], yr[1], 6, countsOnY ? 1 : 0);
        if (xMin == null && !logX) {
            xr = new double[]{xr[0], xr[1]};
        }
        int yLabelWidth = 0;
        for (String label : yt.labels) {
            yLabelWidth = Math.max(yLabelWidth, tickMetrics.stringWidth(label));
        }
        int left = 45 + yLabelWidth;
        int top = 50;
        int right = width - 25 - legendWidth;
        int bottom = height - 65;
        Axis x = new Axis(xr[0], xr[1], left, right, logX);
        Axis y = new Axis(yr[0], yr[1], bottom, top, logY);
        // grid and ticks
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < xt.values.length; i++) {
            int px = (int) Math.round(x.pixel(xt.values[i]));
            if (px < left - 1 || px > right + 1) {
                continue;
            }
            g.setColor(new Color(225, 225, 225));
            g.drawLine(px, top, px, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, bottom, px, bottom + 5);
            String label = xt.labels[i];
            if (!label.isEmpty()) {
                g.drawString(label, px - tickMetrics.stringWidth(label) / 2, bottom + 8 + tickMetrics.getAscent());
            }
        }
        for (int i = 0; i < yt.values.length; i++) {
            int py = (int) Math.round(y.pixel(yt.values[i]));
            if (py < top - 1 || py > bottom + 1) {
                continue;
            }
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, py, right, py);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(left - 5, py, left, py);
            String label = yt.labels[i];
            if (!label.isEmpty()) {
                g.drawString(label, left - 8 - tickMetrics.stringWidth(label), py + tickMetrics.getAscent() / 2 - 2);
            }
        }
        // data, clipped to the plot
        Graphics2D plot = (Graphics2D) g.create();
        plot.clipRect(left, top, right - left + 1, bottom - top + 1);
        for (Layer layer : layers) {
            plot.setColor(layer.colour());
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < layer.x().length; i++) {
                double vx = layer.x()[i];
                double vy = layer.y()[i];
                if (!Double.isFinite(vx) || !Double.isFinite(vy) || (logX && vx <= 0) || (logY && vy <= 0)) {
                    started = false;
                    continue;
                }
                double px = x.pixel(vx);
                double py = y.pixel(vy);
                if (layer.style() == Style.MARKERS) {
                    plot.fill(new java.awt.geom.Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
                    continue;
                }
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
            }
            if (layer.style() == Style.AREA) {
                Path2D.Double area = new Path2D.Double(path);
                area.lineTo(x.pixel(layer.x()[layer.x().length - 1]), y.pixel(Math.max(yr[0], logY ? yr[0] : 0)));
                area.lineTo(x.pixel(layer.x()[0]), y.pixel(Math.max(yr[0], logY ? yr[0] : 0)));
                area.closePath();
                Color c = layer.colour();
                plot.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
                plot.fill(area);
                plot.setColor(c);
            }
            if (layer.style() != Style.MARKERS) {
                plot.setStroke(layer.style() == Style.DASHED
                        ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 5f}, 0f)
                        : new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                plot.draw(path);
            }
        }
        plot.dispose();
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, right - left, bottom - top);
        // legend
        if (legendWidth > 0) {
            int ly = top + 10;
            for (Layer layer : layers) {
                if (layer.name().isEmpty()) {
                    continue;
                }
                g.setColor(layer.colour());
                int lx = right + 15;
                if (layer.style() == Style.MARKERS) {
                    g.fillOval(lx + 10, ly - 4, 8, 8);
                } else {
                    g.setStroke(layer.style() == Style.DASHED
                            ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 5f}, 0f)
                            : new BasicStroke(2.2f));
                    g.drawLine(lx, ly, lx + 28, ly);
                }
                g.setColor(Color.DARK_GRAY);
                g.drawString(layer.name(), lx + 36, ly + tickMetrics.getAscent() / 2 - 2);
                ly += tickMetrics.getHeight() + 6;
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.drawString(title, Math.max(5, (left + right - titleMetrics.stringWidth(title)) / 2), 30);
        g.setFont(labelFont);
        FontMetrics labelMetrics = g.getFontMetrics();
        g.drawString(xLabel, (left + right - labelMetrics.stringWidth(xLabel)) / 2, height - 20);
        drawYLabel(g, yLabel, labelMetrics, top, bottom, 22);
        g.dispose();
        writePng(image, png);
    }

    /** Draws a y-axis label turned by −90°, centred between {@code top} and {@code bottom}, its baseline at x = {@code x}. */
    static void drawYLabel(Graphics2D g, String label, FontMetrics metrics, int top, int bottom, int x) {
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(label, -((top + bottom + metrics.stringWidth(label)) / 2), x);
        rotated.dispose();
    }

    /** Writes {@code image} as a PNG file that is complete or absent (a temporary name, then renamed). */
    static void writePng(BufferedImage image, Path png) {
        AtomicFiles.write(png, out -> {
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Data range of x or y (explicit range when set); a log axis spans whole 1-2-5 steps; a flat range gets ±0.5. */
    private double[] range(boolean isX) {
        Double fixedLow = isX ? xMin : yMin;
        Double fixedHigh = isX ? xMax : yMax;
        boolean log = isX ? logX : logY;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Layer layer : layers) {
            for (double v : isX ? layer.x() : layer.y()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!(high >= low)) {
            low = log ? 1 : 0;
            high = log ? 10 : 1;
        }
        if (fixedLow != null) {
            low = fixedLow;
        }
        if (fixedHigh != null) {
            high = fixedHigh;
        }
        if (high == low) {
            low = log ? low / 2 : low - 0.5;
            high = log ? high * 2 : high + 0.5;
        }
        if (log) {
            return new double[]{low / Math.pow(high / low, 0.03), high * Math.pow(high / low, 0.03)};
        }
        double pad = isX ? 0 : 0.04 * (high - low);
        boolean area = layers.stream().anyMatch(l -> l.style() == Style.AREA);
        return new double[]{!isX && area && low >= 0 && fixedLow == null ? 0 : low - (fixedLow == null ? pad : 0),
            high + (fixedHigh == null ? pad : 0)};
    }

    /** Maps data to pixels. */
    private record Axis(double low, double high, double from, double to, boolean log) {
        double pixel(double v) {
            double t = log ? (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) : (v - low) / (high - low);
            return from + t * (to - from);
        }
    }

    /** Tick positions and their labels (empty label: tick and grid line without text). */
    record Ticks(double[] values, String[] labels) {

        /** Multiples of a round step, about {@code count} of them over [low, high], all with the step's decimals. */
        static Ticks linear(double low, double high, int count) {
            return linear(low, high, count, 0);
        }

        /** As {@link #linear(double, double, int)} with a step of at least {@code minStep} (1 for counts). */
        static Ticks linear(double low, double high, int count, double minStep) {
            double step = Math.max(minStep, Plots.niceStep((high - low) / count));
            int decimals = Plots.tickDecimals(step);
            List<Double> values = new ArrayList<>();
            for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + 1e-9 * step; k++) {
                values.add(k * step);
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            String[] labels = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                labels[i] = Plots.format(v[i], decimals);
            }
            return new Ticks(v, labels);
        }

        /**
         * 1…9 × 10^k inside [low, high]: labels at 1, 2, 5 × 10^k (only decades when the range spans more than 3; every
         * tick when it spans less than one, so that e.g. 2.2–8.8 is not labelled by its "5" alone).
         */
        static Ticks log(double low, double high) {
            List<Double> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            boolean decadesOnly = Math.log10(high / low) > 3;
            boolean everyTick = Math.log10(high / low) < 1;
            for (int e = (int) Math.floor(Math.log10(low)); e <= (int) Math.ceil(Math.log10(high)); e++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v < low || v > high) {
                        continue;
                    }
                    values.add(v);
                    boolean labelled = everyTick || m == 1 || (!decadesOnly && (m == 2 || m == 5));
                    labels.add(labelled ? Plots.formatLogTick(m, e) : "");
                }
            }
            return new Ticks(values.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(String[]::new));
        }
    }
}
