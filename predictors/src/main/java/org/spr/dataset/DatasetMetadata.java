package org.spr.dataset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spr.model.DescriptorSpec;
import org.spr.model.SoftwareVersions;
import org.spr.model.SpectrumGrid;

/**
 * The JSON sidecar of a dataset ({@code <name>.json} beside {@code <name>.csv}).
 *
 * @param formatVersion  dataset format version (currently 1)
 * @param input          the g(r) of the g_ columns: grid, 2D/3D, kind, species, partials, smoothing
 * @param spectrumGrid   grid of the y_ columns (unit, normalisation), or null when the dataset has no spectrum
 * @param spectrumUnit   unit of the spectrum values (e.g. 1/THz)
 * @param scalars        scalar label columns s_name
 * @param parameters     protocol parameter names (columns param:name), e.g. quench_rate
 * @param units          units of the other columns (e.g. energy_per_atom → eV, param:quench_rate → K/ps)
 * @param protocol       the protocol that made the structures (free text)
 * @param software       software versions (LAMMPS, spr, java …)
 * @param created        creation time, ISO-8601
 */
public record DatasetMetadata(int formatVersion, DescriptorSpec input, SpectrumGrid spectrumGrid, String spectrumUnit,
                              List<ScalarLabel> scalars, List<String> parameters, Map<String, String> units,
                              String protocol, Map<String, String> software, String created) {

    /** Version written by this build. */
    public static final int FORMAT_VERSION = 1;

    public DatasetMetadata {
        if (input == null) {
            throw new IllegalArgumentException("dataset metadata needs the input g(r) spec");
        }
        spectrumUnit = spectrumUnit == null ? "" : spectrumUnit;
        scalars = List.copyOf(scalars == null ? List.of() : scalars);
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        units = units == null ? Map.of() : new TreeMap<>(units);
        protocol = protocol == null ? "" : protocol;
        software = software == null ? Map.of() : new TreeMap<>(software);
        created = created == null ? "" : created;
        for (String parameter : parameters) {
            if (parameter.isBlank() || parameter.contains(",") || parameter.contains("\"")) {
                throw new IllegalArgumentException("protocol parameter name '" + parameter + "' must be non-blank without commas or quotes");
            }
        }
    }

    /** Metadata stamped with the current format version, software versions (plus {@code extraSoftware}) and time. */
    public static DatasetMetadata create(DescriptorSpec input, SpectrumGrid spectrumGrid, String spectrumUnit, List<ScalarLabel> scalars,
                                         List<String> parameters, Map<String, String> units, String protocol, Map<String, String> extraSoftware) {
        Map<String, String> software = new TreeMap<>(SoftwareVersions.current());
        if (extraSoftware != null) {
            software.putAll(extraSoftware);
        }
        return new DatasetMetadata(FORMAT_VERSION, input, spectrumGrid, spectrumUnit, scalars, parameters, units, protocol, software,
                java.time.OffsetDateTime.now().withNano(0).toString());
    }

    /** True when both describe the same columns (grids, labels, parameters), whatever their provenance. */
    public boolean sameColumns(DatasetMetadata other) {
        return DatasetColumns.header(this).equals(DatasetColumns.header(other)) && input.matches(other.input)
                && ((spectrumGrid == null && other.spectrumGrid == null) || (spectrumGrid != null && other.spectrumGrid != null && spectrumGrid.sameAs(other.spectrumGrid)));
    }
}
