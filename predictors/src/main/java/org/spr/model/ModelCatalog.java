package org.spr.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The installed models and how they match a run. Models are looked for, in this order: the folders given with
 * {@code --model-path}, {@code models/} under the working directory (searched recursively), {@code ~/.spr/models}, and
 * the models embedded in the jar ({@value #EMBEDDED_INDEX}). Only the metadata is read.
 */
public final class ModelCatalog {

    /** Index of the embedded models, one name per line. */
    public static final String EMBEDDED_INDEX = "/org/spr/inputs/models/models.txt";
    /** Folder of the embedded models. */
    public static final String EMBEDDED_FOLDER = "/org/spr/inputs/models/";

    /**
     * One installed model.
     *
     * @param location a file path, or the name of an embedded model
     * @param origin   where it was found: a --model-path folder, models/, ~/.spr/models or embedded
     * @param metadata its metadata
     */
    public record Installed(String location, String origin, ModelMetadata metadata) {

        public List<String> species() {
            return metadata.input().species();
        }

        /** LAMMPS units the model's inputs and outputs are in: lj for reduced-unit models, else metal. */
        public String units() {
            return ModelCatalog.units(metadata);
        }

        /** Dimension of its g(r) normalisation. */
        public int dimension() {
            return metadata.input().dimension();
        }

        /** Short name: the file name without extension, or the embedded name. */
        public String name() {
            String file = Path.of(location).getFileName().toString();
            return file.endsWith(ModelFile.EXTENSION) ? file.substring(0, file.length() - ModelFile.EXTENSION.length()) : file;
        }

        /** What it predicts, e.g. "spectrum (1/THz on THz)" or "kappa (W/(m K))". */
        public String predicts() {
            OutputSpec output = metadata.output();
            return output.isSpectrum() ? "spectrum [" + output.unit() + " on " + output.grid().unit() + "]"
                    : output.name() + " [" + output.unit() + "]";
        }

        /** "species [Si], metal units, 3D g(r)". */
        public String describe() {
            return "species " + species() + ", " + units() + " units, " + dimension() + "D g(r)";
        }
    }

    /** What a run needs: species by type, units, and the g(r) dimension the run's structure calls for. */
    public record Need(List<String> species, String units, int dimension) {
        public Need {
            species = List.copyOf(species);
        }

        @Override
        public String toString() {
            return "species " + species + ", " + units + " units, " + dimension + "D g(r)";
        }
    }

    private ModelCatalog() {
    }

    /** Units of a model: lj when its output grid or unit is in reduced units (1/tau, reduced) or its species is LJ. */
    public static String units(ModelMetadata metadata) {
        OutputSpec output = metadata.output();
        String text = (output.unit() + " " + (output.isSpectrum() ? output.grid().unit() : "")).toLowerCase(Locale.ROOT);
        if (text.contains("tau") || text.contains("reduced") || metadata.input().species().equals(List.of("LJ"))) {
            return "lj";
        }
        return "metal";
    }

    /** The folders searched besides {@code extra}: ./models and ~/.spr/models. */
    public static List<Path> defaultFolders() {
        return List.of(Path.of("models"), Path.of(System.getProperty("user.home"), ".spr", "models"));
    }

    /** All installed models: {@code extra} folders (or model files), ./models, ~/.spr/models, then embedded. */
    public static List<Installed> scan(List<Path> extra) {
        List<Installed> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path folder : extra) {
            collect(folder, "--model-path " + folder, found, seen);
        }
        collect(Path.of("models"), "models/", found, seen);
        collect(Path.of(System.getProperty("user.home"), ".spr", "models"), "~/.spr/models", found, seen);
        for (String name : embeddedNames()) {
            try (InputStream in = ModelCatalog.class.getResourceAsStream(EMBEDDED_FOLDER + name + ModelFile.EXTENSION)) {
                if (in != null) {
                    found.add(new Installed(name, "embedded", ModelFile.readMetadata(in, "embedded " + name)));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable embedded model is a packaging bug; skip it in listings
            }
        }
        return found;
    }

    /** Names of the embedded models. */
    public static List<String> embeddedNames() {
        List<String> names = new ArrayList<>();
        InputStream in = ModelCatalog.class.getResourceAsStream(EMBEDDED_INDEX);
        if (in == null) {
            return names;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            return names;
        }
        return names;
    }

    private static void collect(Path folder, String origin, List<Installed> found, Set<Path> seen) {
        if (Files.isRegularFile(folder)) {
            add(folder, origin, found, seen);
            return;
        }
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder, 4)) {
            files.filter(p -> p.getFileName().toString().endsWith(ModelFile.EXTENSION)).sorted()
                    .forEach(p -> add(p, origin, found, seen));
        } catch (IOException e) {
            // an unreadable folder holds no usable model
        }
    }

    private static void add(Path file, String origin, List<Installed> found, Set<Path> seen) {
        Path key = file.toAbsolutePath().normalize();
        if (!seen.add(key)) {
            return;
        }
        try {
            found.add(new Installed(file.toString(), origin, ModelFile.readMetadata(file)));
        } catch (RuntimeException e) {
            // not a readable model file: listed nowhere, chosen never
        }
    }

    /** A spectrum on a frequency grid (THz, or reduced 1/τ): a phonon DOS model. */
    public static boolean predictsPhononDos(Installed model) {
        OutputSpec output = model.metadata().output();
        if (!output.isSpectrum()) {
            return false;
        }
        String unit = output.grid().unit().toLowerCase(Locale.ROOT);
        return unit.equals("thz") || unit.contains("tau") || unit.equals("reduced");
    }

    /** Larger training set first, then linear before XGBoost before CNN (cheapest per step). */
    private static boolean better(Installed a, Installed b) {
        int sizeA = a.metadata().training().trainingSize();
        int sizeB = b.metadata().training().trainingSize();
        if (sizeA != sizeB) {
            return sizeA > sizeB;
        }
        return rank(a.metadata().kind()) < rank(b.metadata().kind());
    }

    private static int rank(ModelKind kind) {
        return switch (kind.label()) {
            case "linear" -> 0;
            case "xgboost" -> 1;
            default -> 2;
        };
    }

    /**
     * The names a run in {@code lj} units gives its n atom types when none were given (LJ, LJ2, …, LJn): reduced-unit
     * types have no element, so such a run matches an lj model by the number of its species, type i being the model's
     * i-th species (e.g. A and B of the Kob–Andersen model).
     */
    public static List<String> unnamedLjSpecies(int types) {
        List<String> names = new java.util.ArrayList<>();
        for (int t = 1; t <= types; t++) {
            names.add(t == 1 ? "LJ" : "LJ" + t);
        }
        return names;
    }

    /** How many of species, units, dimension differ between a model and a need (0 = it matches). */
    public static int mismatches(Installed model, Need need) {
        int count = 0;
        boolean positional = need.units().equals("lj") && need.species().equals(unnamedLjSpecies(need.species().size()));
        if (positional ? model.species().size() != need.species().size()
                : !new LinkedHashSet<>(model.species()).equals(new LinkedHashSet<>(need.species()))) {
            count++;
        }
        if (!model.units().equals(need.units())) {
            count++;
        }
        if (model.dimension() != need.dimension()) {
            count++;
        }
        return count;
    }

    /**
     * The first installed spectrum model (in search order; among one folder's, the largest training set) that
     * matches the need, or a {@link ModelMismatchException} whose one sentence names what was looked for, where, and
     * the nearest installed models.
     */
    public static Installed choose(List<Installed> installed, Need need, List<Path> extra) {
        List<Installed> spectra = installed.stream().filter(ModelCatalog::predictsPhononDos).toList();
        for (Installed model : spectra) {
            if (mismatches(model, need) == 0) {
                Installed best = model;
                for (Installed other : spectra) {
                    if (other.origin().equals(model.origin()) && mismatches(other, need) == 0 && better(other, best)) {
                        best = other;
                    }
                }
                return best;
            }
        }
        // nearest: fewest of species, units, dimension differing; then most species in common (Cu: cuzr before sic)
        List<Installed> nearest = spectra.stream().sorted(Comparator.<Installed>comparingInt(m -> mismatches(m, need))
                .thenComparingInt(m -> -(int) m.species().stream().filter(need.species()::contains).count())).limit(3).toList();
        List<String> where = new ArrayList<>();
        extra.forEach(p -> where.add(p.toString()));
        where.addAll(List.of("models/", "~/.spr/models", "embedded"));
        throw new ModelMismatchException("no installed phonon DOS model fits " + need + " (looked in "
                + String.join(", ", where) + "); nearest: " + (nearest.isEmpty() ? "none installed"
                : String.join("; ", nearest.stream().map(m -> m.name() + " (" + String.join(", ", m.species()) + "; "
                        + m.units() + ", " + m.dimension() + "D)").toList()))
                + "; train one with spr generate and spr train, or give --model-path");
    }
}
