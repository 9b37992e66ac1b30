package org.spr.report;

/**
 * One named line of a plot.
 *
 * @param name legend text
 * @param x    abscissae
 * @param y    ordinates, same length as x
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
    }
}
