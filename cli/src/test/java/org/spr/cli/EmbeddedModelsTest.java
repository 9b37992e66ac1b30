package org.spr.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spr.model.ModelCatalog;
import org.spr.model.ModelFile;
import org.spr.model.SprModel;
import org.spr.system.SystemFile;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in system ships an embedded phonon DOS model with its training domain (issue 12.6), and a run of that
 * system — species named by their masses in metal units, types unnamed in lj units — picks it among the embedded
 * models, whatever else is installed there.
 */
class EmbeddedModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"amc", "lj2d", "lj3d", "ka", "sic", "cualzr", "cuzr"})
    void aRunOfTheSystemPicksItsEmbeddedModel(String system) {
        SystemFile file = SystemFile.builtIn(system);
        List<String> species = file.units().equals("lj") ? ModelCatalog.unnamedLjSpecies(file.species().size()) : file.species();
        List<ModelCatalog.Installed> embedded = ModelCatalog.scan(List.of()).stream()
                .filter(model -> model.origin().equals("embedded")).toList();
        ModelCatalog.Installed chosen = ModelCatalog.choose(embedded,
                new ModelCatalog.Need(species, file.units(), file.grDimension()), List.of());
        assertEquals(system + "-linear", chosen.name());
        SprModel model = ModelFile.loadResource(ModelCatalog.EMBEDDED_FOLDER + chosen.name() + ModelFile.EXTENSION);
        assertNotNull(model.domain(), system + ": the model carries its training domain");
        assertTrue(model.domain().trainingRows() >= 50, system + ": trained on " + model.domain().trainingRows() + " rows");
        assertEquals(file.species(), model.inputSpec().species(), system + ": the system's species, in type order");
    }
}
