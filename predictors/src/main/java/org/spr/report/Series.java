package org.spr.report;

/**
 * One named line of a plot.
 *
 * @param name   legend text
 * @param x      abscissae
 * @param y      ordinates, same length as x
 * @param colour index into the plot palette ({@link Plots#PALETTE}), or −1 for the next colour in turn
 * @param dashed draw dashed (e.g. a prediction beside its solid reference of the same colour)
 */
public record Series(String name, double[] x, double[] y, int colour, boolean dashed) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
    }

    /** A solid line in the next colour. */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, -1, false);
    }
}
