package org.spr.fixes.hook;

import org.spr.lammps.Lammps;
import org.spr.lammps.RecordSink;
import org.spr.model.ModelCatalog;
import org.spr.system.Elements;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code predict} hook without {@code model=}: when bound (before the first step) it reads what the run is —
 * species of the atom types (named by their masses, or {@code species=A,B} given), units, and whether its g(r) is 2D
 * (LAMMPS {@code dimension 2}, or a slab whose atoms span under a quarter of a 3D box's height) or 3D — and chooses the
 * installed model that matches ({@link ModelCatalog#choose}); with none, the run is refused before its first step with
 * one sentence naming what was looked for and the nearest installed models. Parameters are those of
 * {@link PredictHook} plus {@code path} (model folders searched first, ';'-separated) and {@code species}.
 */
final class MatchedPredictHook implements Hook {

    private final Map<String, String> parameters;
    private Hook delegate;

    MatchedPredictHook(Map<String, String> parameters) {
        this.parameters = new LinkedHashMap<>(parameters);
    }

    /** What the running system needs from a model. */
    static ModelCatalog.Need need(Lammps lammps, String givenSpecies) {
        String units = lammps.unitStyle();
        int types = lammps.setting("ntypes");
        List<String> species = new ArrayList<>();
        if (givenSpecies != null && !givenSpecies.isBlank()) {
            species.addAll(Arrays.stream(givenSpecies.split("[,;]")).map(String::strip).toList());
            if (species.size() != types) {
                throw new IllegalArgumentException("hook 'predict' was given species=" + givenSpecies + " (" + species.size()
                        + ") but this system has " + types + " atom types");
            }
        } else if (units.equals("lj")) {
            species.addAll(ModelCatalog.unnamedLjSpecies(types));
        } else {
            double[] masses = lammps.massesPerType();
            for (int t = 1; t <= types; t++) {
                String element = masses == null ? null : Elements.byMass(masses[t]);
                species.add(element == null ? "type" + t : element);
            }
        }
        int dimension = lammps.setting("dimension");
        if (dimension == 3) {
            double[] x = lammps.gatherPositions();
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = 2; i < x.length; i += 3) {
                low = Math.min(low, x[i]);
                high = Math.max(high, x[i]);
            }
            if (x.length > 0 && high - low < 0.25 * lammps.box().lz()) {
                dimension = 2;
            }
        }
        return new ModelCatalog.Need(species, units, dimension);
    }

    @Override
    public void check(Lammps lammps) {
        ModelCatalog.Need need = need(lammps, parameters.get("species"));
        List<Path> paths = Arrays.stream(parameters.getOrDefault("path", "").split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
        ModelCatalog.Installed chosen = ModelCatalog.choose(ModelCatalog.scan(paths), need, paths);
        Map<String, String> chosenParameters = new LinkedHashMap<>(parameters);
        chosenParameters.remove("path");
        chosenParameters.remove("species");
        chosenParameters.put("model", chosen.location());
        chosenParameters.putIfAbsent("units", need.units());
        delegate = PredictHook.create(chosenParameters);
        delegate.check(lammps);
    }

    @Override
    public void onStep(StepContext step, RecordSink sink) throws Exception {
        if (delegate == null) {
            throw new IllegalStateException("the predict hook ran before it was bound");
        }
        delegate.onStep(step, sink);
    }
}
