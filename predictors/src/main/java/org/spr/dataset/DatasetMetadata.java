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

    /**
     * The first difference that forbids appending rows made under {@code given} to a dataset with this metadata, as a
     * phrase naming both sides ("g(r) normalisation 2D vs 3D"), or empty when the rows fit. Provenance (software,
     * creation time) may differ.
     */
    public java.util.Optional<String> firstAppendDifference(DatasetMetadata given) {
        java.util.Optional<String> input = this.input.firstDifference(given.input);
        if (input.isPresent()) {
            return java.util.Optional.of("g(r) " + input.get());
        }
        if ((spectrumGrid == null) != (given.spectrumGrid == null)
                || spectrumGrid != null && !(spectrumGrid.sameAs(given.spectrumGrid)
                && spectrumGrid.normalisation().equals(given.spectrumGrid.normalisation()))) {
            return java.util.Optional.of("spectrum grid " + spectrumGrid + " vs " + given.spectrumGrid);
        }
        if (!spectrumUnit.equals(given.spectrumUnit)) {
            return java.util.Optional.of("spectrum unit " + spectrumUnit + " vs " + given.spectrumUnit);
        }
        if (!scalars.equals(given.scalars)) {
            return java.util.Optional.of("scalar labels " + scalars + " vs " + given.scalars);
        }
        if (!parameters.equals(given.parameters)) {
            return java.util.Optional.of("protocol parameters " + parameters + " vs " + given.parameters);
        }
        if (!units.equals(given.units)) {
            return java.util.Optional.of("units " + units + " vs " + given.units);
        }
        if (!protocol.equals(given.protocol)) {
            return java.util.Optional.of("protocol " + protocol + " vs " + given.protocol);
        }
        return java.util.Optional.empty();
    }

    /** True when both describe the same columns (grids, labels, parameters), whatever their provenance. */
    public boolean sameColumns(DatasetMetadata other) {
        return DatasetColumns.header(this).equals(DatasetColumns.header(other)) && input.matches(other.input)
                && ((spectrumGrid == null && other.spectrumGrid == null) || (spectrumGrid != null && other.spectrumGrid != null && spectrumGrid.sameAs(other.spectrumGrid)));
    }
}
