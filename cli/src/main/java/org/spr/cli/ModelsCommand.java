package org.spr.cli;

import org.spr.model.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code spr models}: the installed models and what they fit. */
@Command(name = "models", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the installed models: what they predict and which runs they fit.",
                "",
                "Searched in this order (the order in which spr run --monitor-hook predict and spr analyze choose",
                "the first model whose species, units and g(r) dimension match the run): the --model-path folders,",
                "models/ under the working directory (recursively), ~/.spr/models, then the models embedded in spr.",
                "",
                "Columns: name, kind, what it predicts, species, units, g(r) dimension and kind, training-set size,",
                "training domain (whether out-of-domain g(r) are flagged), where it was found.",
                "",
                "Example:",
                "  spr models --model-path my-models"})
public final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--model-path", paramLabel = "DIR", description = "further folders (or model files) searched first")
    List<Path> modelPath = new ArrayList<>();

    @Override
    public Integer call() {
        List<ModelCatalog.Installed> models = ModelCatalog.scan(modelPath);
        if (models.isEmpty()) {
            System.out.println("no models installed");
            return ExitCodes.OK;
        }
        String format = "%-22s %-8s %-34s %-12s %-6s %-4s %-16s %6s  %-22s %s%n";
        System.out.printf(Locale.ROOT, format, "name", "kind", "predicts", "species", "units", "dim", "g(r)", "train",
                "domain", "location");
        for (ModelCatalog.Installed model : models) {
            var metadata = model.metadata();
            var training = metadata.training();
            String domain = (training.datasetName() == null || training.datasetName().isBlank() ? "?" : training.datasetName())
                    + (metadata.domain() != null ? " (flagged)" : "");
            System.out.printf(Locale.ROOT, format, model.name(), metadata.kind().label(), model.predicts(),
                    String.join(",", model.species()), model.units(), model.dimension() + "D", metadata.input().grKind().label(),
                    training.trainingSize(), domain, model.origin().equals("embedded") ? "embedded" : model.location());
        }
        return ExitCodes.OK;
    }
}
