package org.spr.dataset;

import java.util.Map;

/**
 * One structure of a dataset.
 *
 * @param id            unique id (rows are merged and split by id), e.g. amc-q1e12-s000042
 * @param system        material system, e.g. AMC
 * @param protocol      protocol name, e.g. quench
 * @param seed          random seed of the structure
 * @param atoms         number of atoms
 * @param energyPerAtom potential energy per atom
 * @param parameters    protocol parameter values by name (all names of the metadata must be present)
 * @param gr            g(r), channels × bins of the metadata's input spec
 * @param spectrum      spectrum on the metadata's grid, or null when the dataset has none
 * @param scalars       scalar labels by name (all of the metadata's; NaN allowed for "not computed")
 */
public record DatasetRow(String id, String system, String protocol, long seed, int atoms, double energyPerAtom,
                         Map<String, String> parameters, double[] gr, double[] spectrum, Map<String, Double> scalars) {

    public DatasetRow {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a dataset row needs a non-blank id");
        }
        system = system == null ? "" : system;
        protocol = protocol == null ? "" : protocol;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        scalars = scalars == null ? Map.of() : Map.copyOf(scalars);
    }
}
