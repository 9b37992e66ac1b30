package org.spr.io;

import org.spr.error.ExitCode;
import org.spr.error.SprException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.spr.descriptor.GaussianSmoothing;
import org.spr.io.ExperimentalPdf;
import org.spr.model.DescriptorSpec;
import org.spr.model.ModelMismatchException;

/**
 * Reads an experimental reduced PDF G(r) ({@code .gr}, PDFgetX3/PDFgui) for {@code spr predict} and converts it to the
 * total 3D g(r) on the model's grid, g = 1 + G / (4πρ₀ r) ({@link ExperimentalPdf#toPairCorrelation}), smoothed with the
 * model's width when it has one. The number density ρ₀ is not in the file and must be given; a 2D or partials model
 * is refused by the model's own spec check.
 */
public final class ExperimentalPdfGrReader implements GrInputReader {

    private final Double numberDensity;

    /** @param numberDensity ρ₀ in atoms per cubic length unit of r (Å⁻³), or null when the user gave none */
    public ExperimentalPdfGrReader(Double numberDensity) {
        this.numberDensity = numberDensity;
    }

    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gr") || name.endsWith(".gr.gz");
    }

    @Override
    public List<GrInput> read(Path file, DescriptorSpec model) {
        if (numberDensity == null) {
            throw new SprException(ExitCode.USAGE, file + " is an experimental PDF G(r): give the sample's number density with"
                    + " --density RHO0 (atoms per cubic Å) to convert it to g(r).");
        }
        ExperimentalPdf pdf = ExperimentalPdf.read(file);
        double[] g;
        try {
            g = pdf.toPairCorrelation(model.grid(), numberDensity);
        } catch (IllegalArgumentException e) {
            if (numberDensity > 0 && Double.isFinite(numberDensity)) {
                throw new ModelMismatchException(e.getMessage() + ".");
            }
            throw new SprException(ExitCode.USAGE, "--density: " + e.getMessage(), e);
        }
        if (model.smoothingWidth() > 0) {
            g = GaussianSmoothing.smooth(g, model.grid().dr(), model.smoothingWidth(), null);
        }
        DescriptorSpec spec = new DescriptorSpec(model.grid(), 3, model.grKind(), model.species(), false, model.smoothingWidth());
        return List.of(GrInput.single(file.getFileName().toString(), g, spec));
    }
}
