package org.spr.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Column names of the dataset CSV. */
public final class DatasetColumns {

    /** The fixed leading columns. */
    public static final List<String> FIXED = List.of("id", "system", "protocol", "seed", "atoms", "energy_per_atom");
    public static final String PARAMETER_PREFIX = "param:";
    public static final String GR_PREFIX = "g_";
    public static final String SPECTRUM_PREFIX = "y_";
    public static final String SCALAR_PREFIX = "s_";

    private DatasetColumns() {
    }

    /** The full header for a dataset with this metadata. */
    public static List<String> header(DatasetMetadata metadata) {
        List<String> header = new ArrayList<>(FIXED);
        for (String parameter : metadata.parameters()) {
            header.add(PARAMETER_PREFIX + parameter);
        }
        var grid = metadata.input().grid();
        int channels = metadata.input().channels();
        for (int c = 0; c < channels; c++) {
            String channel = channels > 1 ? "c" + c + "_" : "";
            for (int k = 0; k < grid.bins(); k++) {
                header.add(GR_PREFIX + channel + label(grid.centre(k), grid.dr()));
            }
        }
        if (metadata.spectrumGrid() != null) {
            var spectrum = metadata.spectrumGrid();
            for (int j = 0; j < spectrum.count(); j++) {
                header.add(SPECTRUM_PREFIX + label(spectrum.value(j), spectrum.step()));
            }
        }
        for (ScalarLabel scalar : metadata.scalars()) {
            header.add(SCALAR_PREFIX + scalar.name());
        }
        return header;
    }

    /** A grid value with enough decimals to tell neighbours apart (at least 3), e.g. 0.010 for Δr = 0.02. */
    static String label(double value, double step) {
        int decimals = Math.max(3, (int) Math.ceil(-Math.log10(step / 2)) + 1);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The sidecar path of a dataset CSV: {@code name.csv} → {@code name.json}. */
    public static Path sidecar(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".json");
    }
}
