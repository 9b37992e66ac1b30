package org.spr.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spr.descriptor.RadialGrid;

/**
 * An experimental reduced pair distribution function G(r) from a PDFgetX3 or PDFgui {@code .gr} file, and its
 * conversion to the g(r) a model sees. G(r) = 4πρ₀ r [g(r) − 1], so g(r) = 1 + G(r) / (4πρ₀ r) with the number
 * density ρ₀ (atoms/Å³), which the file does not hold and the caller must give.
 *
 * @param source       the file read
 * @param r            radii, strictly increasing
 * @param reducedPdf   G(r) at each radius
 */
public record ExperimentalPdf(Path source, double[] r, double[] reducedPdf) {

    /**
     * Reads a {@code .gr} file: header lines (anything up to a {@code #### start data} marker, or any line that
     * is not two or more numbers) are skipped, then each line gives r and G(r) in its first two columns (further
     * columns such as dr and dG are ignored). Blank lines and lines starting with {@code #} are skipped.
     */
    public static ExperimentalPdf read(Path file) {
        List<double[]> points = new ArrayList<>();
        try (TextLines lines = TextLines.open(file)) {
            boolean markerSeen = false, dataStarted = false;
            List<double[]> beforeMarker = new ArrayList<>();
            while (lines.next()) {
                String text = lines.line().trim();
                if (text.startsWith("#### start data")) {
                    markerSeen = true;
                    beforeMarker.clear();
                    continue;
                }
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("[") || lines.tokens() < 2) {
                    if (dataStarted && !markerSeen && !text.isEmpty() && !text.startsWith("#")) {
                        throw lines.error("expected two numbers r and G(r)");
                    }
                    continue;
                }
                double r, g;
                try {
                    r = Double.parseDouble(lines.token(0));
                    g = Double.parseDouble(lines.token(1));
                } catch (NumberFormatException e) {
                    if (dataStarted) {
                        throw lines.error("expected two numbers r and G(r)");
                    }
                    continue; // a header line such as "qmax = 25"
                }
                if (!Double.isFinite(r) || !Double.isFinite(g)) {
                    throw lines.error("r and G(r) must be finite numbers");
                }
                if (!points.isEmpty() && r <= points.get(points.size() - 1)[0]) {
                    throw lines.error("r must increase from line to line, got " + r + " after " + points.get(points.size() - 1)[0]);
                }
                dataStarted = true;
                points.add(new double[] {r, g});
            }
            if (points.size() < 2) {
                throw new InputFormatException(file, 0, "holds fewer than two (r, G(r)) points");
            }
        }
        double[] r = new double[points.size()], g = new double[points.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = points.get(i)[0];
            g[i] = points.get(i)[1];
        }
        return new ExperimentalPdf(file, r, g);
    }

    /**
     * g(r) at the bin centres of {@code grid}: G linearly interpolated at each centre, then
     * g = 1 + G / (4πρ₀ r). Centres below the first measured r get g = 0 (inside the excluded core; G → −4πρ₀r).
     *
     * @throws IllegalArgumentException when ρ₀ is not positive or the grid reaches beyond the measured range
     */
    public double[] toPairCorrelation(RadialGrid grid, double numberDensity) {
        if (!(numberDensity > 0) || !Double.isFinite(numberDensity)) {
            throw new IllegalArgumentException("number density must be positive (atoms per cubic length unit), got " + numberDensity);
        }
        int bins = grid.bins();
        double last = r[r.length - 1];
        if (grid.centre(bins - 1) > last) {
            throw new IllegalArgumentException(source + ": the data end at r = " + last + " but the model grid needs r up to "
                    + grid.centre(bins - 1) + " (" + grid + ")");
        }
        double[] g = new double[bins];
        int j = 0;
        for (int k = 0; k < bins; k++) {
            double rc = grid.centre(k);
            if (rc < r[0]) {
                g[k] = 0;
                continue;
            }
            while (j < r.length - 2 && r[j + 1] < rc) {
                j++;
            }
            double t = (rc - r[j]) / (r[j + 1] - r[j]);
            double reduced = (1 - t) * reducedPdf[j] + t * reducedPdf[j + 1];
            g[k] = 1 + reduced / (4 * Math.PI * numberDensity * rc);
        }
        return g;
    }
}
