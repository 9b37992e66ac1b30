package org.spr.system;

import org.spr.descriptor.RadialGrid;
import org.spr.generate.Recipes;
import org.spr.generate.SystemRecipe;
import org.spr.label.AllenFeldmanParameters;
import org.spr.label.FrequencyGrid;
import org.spr.label.FrequencyUnit;
import org.spr.label.PhononDosParameters;
import org.spr.protocol.AtomicMasses;
import org.spr.protocol.Potential;
import org.spr.protocol.PotentialFiles;
import org.spr.protocol.Potentials;
import org.spr.inputs.Inputs;
import org.spr.model.DescriptorSpec;
import org.spr.model.GrKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A material as a file: species, masses, units, dimension, the potential as LAMMPS commands, the structure protocol
 * (a built-in recipe with parameters, or the user's own LAMMPS script with variables drawn per structure), the g(r)
 * grid and kind, and the label settings. Written in a subset of TOML ({@link Toml}); the built-in systems ship as
 * {@code inputs/<system>/system.toml}. A commented example is {@code examples/a-si/a-si.toml}; the keys:
 *
 * <pre>
 * name = "a-si"                 # recorded in datasets and models
 * description = "…"             # optional
 * species = ["Si"]              # types 1…n
 * masses = [28.0855]            # optional: standard atomic masses (1 in lj units)
 * units = "metal"               # metal or lj
 * dimension = 3                 # LAMMPS dimension (2 or 3)
 *
 * [potential]                   # LAMMPS commands; file names relative to this file or in LAMMPS's potentials folder
 * pair_style = "sw"
 * pair_coeff = ["* * Si.sw Si"]
 * settings = []                 # optional further commands, e.g. "pair_modify shift yes"
 *
 * [structure]                   # either recipe = "amc" (+ [structure.parameters]) or a script:
 * script = "in.melt-quench"     # relative to this file; ends with the structure in the box
 * minimize = true               # minimise after the script (default true)
 * box_relax = "iso 0.0"         # fix box/relax arguments for that minimisation, or "none" (default)
 * force_tolerance = 1e-3        # largest force component accepted (eV/Å or ε/σ)
 * [structure.variables]         # ${NAME} of the script, drawn per structure (${seed} is always set)
 * quench_rate = "log-uniform 1e12:1e14"
 *
 * [gr]                          # the descriptor
 * r_max = 8.0
 * dr = 0.02
 * dimension = 3                 # 2: in-plane (area) normalisation, e.g. a monolayer in a 3D box
 * kind = "inherent"             # inherent, instantaneous or window-averaged
 *
 * [labels.pdos]                 # Hessian phonon DOS on 0…max (THz, or 1/τ in lj units)
 * max = 25.0
 * bins = 200
 * width = 0.3                   # Gaussian σ
 * [labels.kappa]                # Allen–Feldman κ (metal units)
 * width = 0.5                   # Lorentzian half width (THz)
 * temperature = 300
 * quantum = true
 * thickness = 3.35              # monolayers only (gr dimension 2): in-plane κ with this thickness (Å)
 * [labels.electronic]
 * model = "pi-tight-binding"    # carbon only (labels sigma, edos)
 * </pre>
 */
public final class SystemFile {

    private static final Set<String> TOP = Set.of("name", "description", "species", "masses", "units", "dimension",
            "potential", "structure", "gr", "labels");

    private final String source;
    private final Path directory;
    private final String name;
    private final String description;
    private final List<String> species;
    private final List<Double> masses;
    private final String units;
    private final int dimension;
    private final String pairStyle;
    private final List<String> pairCoefficients;
    private final List<String> potentialSettings;
    private final String recipe;
    private final Map<String, String> recipeParameters;
    private final Path script;
    private final List<StructureVariable> variables;
    private final boolean minimize;
    private final String boxRelax;
    private final double forceTolerance;
    private final RadialGrid grid;
    private final int grDimension;
    private final GrKind grKind;
    private final FrequencyGrid pdosGrid;
    private final double pdosWidth;
    private final boolean kappa;
    private final double kappaWidth;
    private final double kappaTemperature;
    private final boolean kappaQuantum;
    private final double kappaThickness;
    /** Low-frequency cutoff of the κ sum (THz): modes below it are left out (0: all modes). */
    private final double kappaCutoff;
    private final String electronicModel;

    private SystemFile(String source, Path directory, Map<String, Object> document) {
        this.source = source;
        this.directory = directory;
        Section top = new Section(source, "", document, TOP);
        name = top.string("name", null);
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new SystemFileException(source + ": name must be given, as letters, digits, '.', '_' or '-' (got "
                    + name + ").");
        }
        description = top.string("description", "");
        species = top.strings("species", null);
        if (species == null || species.isEmpty()) {
            throw new SystemFileException(source + ": species must list the species of atom types 1…n, e.g. species = [\"Si\"].");
        }
        units = top.string("units", "metal");
        if (!units.equals("metal") && !units.equals("lj")) {
            throw new SystemFileException(source + ": units must be metal or lj, got " + units + ".");
        }
        List<Double> givenMasses = top.numbers("masses", null);
        if (givenMasses == null) {
            givenMasses = new ArrayList<>();
            for (String s : species) {
                if (units.equals("lj")) {
                    givenMasses.add(1.0);
                } else {
                    try {
                        givenMasses.add(AtomicMasses.of(s));
                    } catch (IllegalArgumentException e) {
                        throw new SystemFileException(source + ": " + e.getMessage().replace("explicitly", "as masses = […]"));
                    }
                }
            }
        }
        if (givenMasses.size() != species.size()) {
            throw new SystemFileException(source + ": masses has " + givenMasses.size() + " values for " + species.size()
                    + " species.");
        }
        masses = List.copyOf(givenMasses);
        dimension = (int) top.number("dimension", 3);
        if (dimension != 2 && dimension != 3) {
            throw new SystemFileException(source + ": dimension must be 2 or 3, got " + dimension + ".");
        }

        Section potential = top.section("potential", Set.of("pair_style", "pair_coeff", "settings"));
        pairStyle = potential == null ? null : potential.string("pair_style", null);
        pairCoefficients = potential == null ? List.of() : potential.strings("pair_coeff", List.of());
        potentialSettings = potential == null ? List.of() : potential.strings("settings", List.of());
        if (potential != null && (pairStyle == null || pairCoefficients.isEmpty())) {
            throw new SystemFileException(source + ": [potential] needs pair_style and pair_coeff.");
        }

        Section structure = top.section("structure", Set.of("recipe", "parameters", "script", "variables", "minimize",
                "box_relax", "force_tolerance"));
        if (structure == null) {
            throw new SystemFileException(source + ": a [structure] section must name a recipe or a script.");
        }
        recipe = structure.string("recipe", null);
        String scriptName = structure.string("script", null);
        if ((recipe == null) == (scriptName == null)) {
            throw new SystemFileException(source + ": [structure] must have exactly one of recipe = \"…\" (built in: "
                    + String.join(", ", Recipes.names()) + ") or script = \"FILE\".");
        }
        if (recipe != null && !Recipes.names().contains(recipe)) {
            throw new SystemFileException(source + ": [structure] recipe " + recipe + " is not built in (known: "
                    + String.join(", ", Recipes.names()) + "); use script = \"FILE\" for your own LAMMPS script.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Section recipeSection = structure.section("parameters", null);
        if (recipeSection != null) {
            recipeSection.values.forEach((key, value) -> parameters.put(key, Toml_text(value)));
        }
        recipeParameters = parameters;
        if (scriptName != null) {
            if (directory == null) {
                throw new SystemFileException(source + ": a built-in system cannot name a script.");
            }
            script = directory.resolve(scriptName).toAbsolutePath().normalize();
            if (!Files.isReadable(script)) {
                throw new SystemFileException(source + ": [structure] script " + scriptName + " does not exist (looked for "
                        + script + ").");
            }
            if (pairStyle == null) {
                throw new SystemFileException(source + ": a script protocol needs the [potential] the labels are made with.");
            }
        } else {
            script = null;
        }
        List<StructureVariable> drawn = new ArrayList<>();
        Section variableSection = structure.section("variables", null);
        if (variableSection != null) {
            if (script == null) {
                throw new SystemFileException(source + ": [structure.variables] belong to a script; a recipe takes "
                        + "[structure.parameters].");
            }
            variableSection.values.forEach((key, value) -> drawn.add(StructureVariable.parse(key, value,
                    source + " [structure.variables] " + key)));
        }
        variables = List.copyOf(drawn);
        minimize = structure.bool("minimize", true);
        String relax = structure.string("box_relax", "none");
        boxRelax = relax.equals("none") ? null : relax;
        forceTolerance = structure.number("force_tolerance", units.equals("lj") ? 1e-4 : 1e-3);
        if (!(forceTolerance > 0)) {
            throw new SystemFileException(source + ": force_tolerance must be positive.");
        }

        Section gr = top.section("gr", Set.of("r_max", "dr", "dimension", "kind"));
        double rMax = gr == null ? (units.equals("lj") ? 5.0 : 8.0) : gr.number("r_max", units.equals("lj") ? 5.0 : 8.0);
        double dr = gr == null ? (units.equals("lj") ? 0.0125 : 0.02) : gr.number("dr", units.equals("lj") ? 0.0125 : 0.02);
        try {
            grid = new RadialGrid(rMax, dr);
        } catch (IllegalArgumentException e) {
            throw new SystemFileException(source + " [gr]: " + e.getMessage());
        }
        grDimension = gr == null ? dimension : (int) gr.number("dimension", dimension);
        if (grDimension != 2 && grDimension != 3) {
            throw new SystemFileException(source + " [gr]: dimension must be 2 or 3, got " + grDimension + ".");
        }
        try {
            grKind = GrKind.parse(gr == null ? "inherent" : gr.string("kind", "inherent"));
        } catch (IllegalArgumentException e) {
            throw new SystemFileException(source + " [gr]: " + e.getMessage());
        }

        Section labels = top.section("labels", Set.of("pdos", "kappa", "electronic"));
        Section pdos = labels == null ? null : labels.section("pdos", Set.of("max", "bins", "width", "min"));
        double pdosMax = pdos == null ? (units.equals("lj") ? 10.0 : 100.0) : pdos.number("max", units.equals("lj") ? 10.0 : 100.0);
        double pdosMin = pdos == null ? 0.0 : pdos.number("min", 0.0);
        int bins = pdos == null ? 200 : (int) pdos.number("bins", 200);
        try {
            pdosGrid = new FrequencyGrid(pdosMin, pdosMax, bins);
        } catch (IllegalArgumentException e) {
            throw new SystemFileException(source + " [labels.pdos]: " + e.getMessage());
        }
        pdosWidth = pdos == null ? (units.equals("lj") ? 0.1 : 1.0) : pdos.number("width", units.equals("lj") ? 0.1 : 1.0);
        Section kappaSection = labels == null ? null : labels.section("kappa", Set.of("width", "temperature", "quantum", "thickness", "cutoff"));
        kappa = kappaSection != null;
        if (kappa && units.equals("lj")) {
            throw new SystemFileException(source + ": [labels.kappa] (Allen–Feldman κ in W/(m K)) needs metal units.");
        }
        kappaWidth = kappa ? kappaSection.number("width", 0.5) : 0.5;
        kappaTemperature = kappa ? kappaSection.number("temperature", 300) : 300;
        kappaQuantum = !kappa || kappaSection.bool("quantum", true);
        kappaThickness = kappa ? kappaSection.number("thickness", AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS)
                : AllenFeldmanParameters.CARBON_MONOLAYER_THICKNESS;
        kappaCutoff = kappa ? kappaSection.number("cutoff", 0.0) : 0.0;
        Section electronic = labels == null ? null : labels.section("electronic", Set.of("model"));
        electronicModel = electronic == null ? null : electronic.string("model", "pi-tight-binding");
        if (electronicModel != null && !electronicModel.equals("pi-tight-binding")) {
            throw new SystemFileException(source + " [labels.electronic]: model must be pi-tight-binding, got " + electronicModel + ".");
        }
    }

    private static String Toml_text(Object value) {
        return value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d)
                : String.valueOf(value);
    }

    // ---------------------------------------------------------------- loading

    /** Reads a system file (or the {@code system.toml} of a directory). */
    public static SystemFile load(Path file) {
        Path path = Files.isDirectory(file) ? file.resolve("system.toml") : file;
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SystemFileException("System file " + path + " cannot be read: " + e.getMessage() + ".");
        }
        Path directory = path.toAbsolutePath().getParent();
        return new SystemFile(path.toString(), directory, Toml.parse(path.toString(), text));
    }

    /** Parses system-file text (relative paths resolve against {@code directory}). */
    public static SystemFile parse(String source, String text, Path directory) {
        return new SystemFile(source, directory, Toml.parse(source, text));
    }

    /** Names of the built-in systems that have a system file. */
    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        for (String system : Inputs.systems()) {
            if (Inputs.files(system).contains("system.toml")) {
                names.add(system);
            }
        }
        return names;
    }

    /** A built-in system by name. */
    public static SystemFile builtIn(String name) {
        if (!builtInNames().contains(name)) {
            throw new SystemFileException("Unknown built-in system '" + name + "'; built in: " + String.join(", ", builtInNames())
                    + ".");
        }
        String text = Inputs.text(name, "system.toml");
        Map<String, Object> document = Toml.parse("inputs/" + name + "/system.toml", text);
        if (document.get("structure") instanceof Map<?, ?> structure && structure.containsKey("script")) {
            // a script protocol runs from files: unpack the system's files (script, potentials) once per user
            Path directory = Path.of(System.getProperty("java.io.tmpdir"), "spr-inputs-" + System.getProperty("user.name"), name);
            Inputs.copy(name, directory);
            return new SystemFile("inputs/" + name + "/system.toml", directory, document);
        }
        return new SystemFile("inputs/" + name + "/system.toml", null, document);
    }

    /**
     * What {@code --system} names: a built-in system, or the path of a system file (or of a directory holding
     * {@code system.toml}). A name that is both is the file when it exists as a path with a directory part.
     */
    public static SystemFile resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        boolean looksLikePath = nameOrPath.contains("/") || nameOrPath.endsWith(".toml");
        if (builtInNames().contains(nameOrPath) && !(looksLikePath && Files.exists(path))) {
            return builtIn(nameOrPath);
        }
        if (Files.isRegularFile(path) || Files.isRegularFile(path.resolve("system.toml"))) {
            return load(path);
        }
        throw new SystemFileException("--system " + nameOrPath + " is neither a built-in system (" + String.join(", ",
                builtInNames()) + ") nor a system file.");
    }

    // ---------------------------------------------------------------- what the commands use

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String source() {
        return source;
    }

    public List<String> species() {
        return species;
    }

    public List<Double> masses() {
        return masses;
    }

    public String units() {
        return units;
    }

    /** LAMMPS dimension. */
    public int dimension() {
        return dimension;
    }

    /** Dimension of the g(r) normalisation (2 for a monolayer in a 3D box). */
    public int grDimension() {
        return grDimension;
    }

    /** The built-in recipe, or null for a script. */
    public String recipe() {
        return recipe;
    }

    /** The structure script, or null for a recipe. */
    public Path script() {
        return script;
    }

    public List<StructureVariable> variables() {
        return variables;
    }

    /** Whether the κ label applies (a {@code [labels.kappa]} section). */
    public boolean hasKappa() {
        return kappa;
    }

    /** The electronic model ("pi-tight-binding"), or null. */
    public String electronicModel() {
        return electronicModel;
    }

    /** The g(r) the system's structures are described by. */
    public DescriptorSpec descriptor() {
        return DescriptorSpec.total(grid, grDimension, grKind, species);
    }

    /** Hessian PDOS settings in the system's units. */
    public PhononDosParameters phononDos() {
        boolean lj = units.equals("lj");
        return new PhononDosParameters(lj ? FrequencyUnit.LJ_REDUCED : FrequencyUnit.METAL_THZ, pdosGrid, pdosWidth,
                lj ? 0.01 : PhononDosParameters.DEFAULT_METAL_TOLERANCE_THZ, true, false);
    }

    /** Allen–Feldman settings, or null without {@code [labels.kappa]}. */
    public AllenFeldmanParameters allenFeldman() {
        if (!kappa) {
            return null;
        }
        return (grDimension == 2 ? AllenFeldmanParameters.monolayer(kappaWidth, kappaQuantum, kappaThickness, kappaTemperature)
                : AllenFeldmanParameters.bulk(kappaWidth, kappaQuantum, kappaTemperature)).withLowFrequencyCutoff(kappaCutoff);
    }

    /** The declared potential, file names resolved (this file's directory, then LAMMPS's potentials folders); or null. */
    public Potential potential() {
        if (pairStyle == null) {
            return null;
        }
        return potential(name, units, pairStyle, pairCoefficients, potentialSettings, species, masses, directory);
    }

    /**
     * A potential from LAMMPS commands: each pair_coeff word that names an existing file (relative to
     * {@code directory}, the working directory, {@code $LAMMPS_POTENTIALS} or Debian's potentials folder) becomes its
     * absolute path, and for Tersoff and EAM files the species are checked against the file.
     */
    public static Potential potential(String label, String units, String pairStyle, List<String> coefficients,
                                      List<String> settings, List<String> species, List<Double> masses, Path directory) {
        List<String> resolved = new ArrayList<>();
        String checkedFile = null;
        for (String line : coefficients) {
            String[] words = line.strip().split("\\s+");
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                if (i >= 2 && (word.contains(".") || word.contains("/")) && !word.matches("[-+0-9.eE]+")) {
                    String found = findFile(word, directory);
                    if (found != null) {
                        word = found;
                        if (PotentialFiles.checkable(pairStyle)) {
                            checkedFile = found;
                        }
                    }
                }
                out.append(i == 0 ? "" : " ").append(word);
            }
            resolved.add(out.toString());
        }
        String fileName = null;
        for (String line : coefficients) {
            String[] words = line.strip().split("\\s+");
            if (words.length > 2 && words[2].contains(".")) {
                fileName = Path.of(words[2]).getFileName().toString();
            }
        }
        String name = pairStyle.strip().split("\\s+")[0] + (fileName == null ? "" : " " + fileName);
        try {
            return new Potential(name, units, pairStyle.strip(), resolved, settings, species, masses, checkedFile);
        } catch (IllegalArgumentException e) {
            throw new SystemFileException(label + ": " + e.getMessage());
        }
    }

    /**
     * A potential from one line of LAMMPS commands, {@code "pair_style sw; pair_coeff * * Si.sw Si"} (';'-separated;
     * commands other than pair_style and pair_coeff become settings), for the given species and masses (metal units).
     */
    public static Potential fromCommands(String commands, List<String> species, List<Double> masses) {
        String pairStyle = null;
        List<String> coefficients = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String command : commands.split(";")) {
            String line = command.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("pair_style ")) {
                pairStyle = line.substring("pair_style ".length()).strip();
            } else if (line.startsWith("pair_coeff ")) {
                coefficients.add(line.substring("pair_coeff ".length()).strip());
            } else {
                settings.add(line);
            }
        }
        if (pairStyle == null || coefficients.isEmpty()) {
            throw new SystemFileException("--potential needs a pair_style and at least one pair_coeff, e.g. "
                    + "\"pair_style sw; pair_coeff * * Si.sw Si\"; got \"" + commands + "\".");
        }
        return potential("--potential", "metal", pairStyle, coefficients, settings, species, masses, null);
    }

    private static String findFile(String word, Path directory) {
        if (directory != null && Files.isRegularFile(directory.resolve(word))) {
            return directory.resolve(word).toAbsolutePath().normalize().toString();
        }
        try {
            return Potentials.path(word);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The dataset recipe: the built-in recipe with this file's parameters (overridden by {@code overrides}), or the
     * script protocol with its variables drawn from each structure's seed ({@code overrides} replace variables'
     * distributions, e.g. {@code quench_rate=uniform 1e12:1e13}); grids and label settings from this file.
     */
    public SystemRecipe recipe(Map<String, String> overrides) {
        if (recipe != null) {
            Map<String, String> options = new LinkedHashMap<>(recipeParameters);
            options.putAll(overrides);
            SystemRecipe base = Recipes.recipe(recipe, options);
            return base.withSettings(descriptor(), phononDos(), allenFeldman());
        }
        List<StructureVariable> drawn = new ArrayList<>();
        for (StructureVariable variable : variables) {
            String override = overrides.get(variable.name());
            drawn.add(override == null ? variable : StructureVariable.parse(variable.name(), override, "--set " + variable.name()));
        }
        for (String key : overrides.keySet()) {
            if (variables.stream().noneMatch(v -> v.name().equals(key))) {
                drawn.add(StructureVariable.parse(key, overrides.get(key), "--set " + key));
            }
        }
        Potential potential = potential();
        String scriptPath = script.toString();
        String directoryText = directory.toString();
        String[] speciesArray = species.toArray(String[]::new);
        List<String> names = drawn.stream().map(StructureVariable::name).toList();
        Map<String, String> columnUnits = Map.of("energy_per_atom", units.equals("lj") ? "epsilon" : "eV");
        return new SystemRecipe(name, descriptor(), phononDos(), names, columnUnits, seed -> {
            Random random = new Random(seed * 0x5DEECE66DL + 31);
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            for (StructureVariable variable : drawn) {
                values.put(variable.name(), variable.draw(random));
            }
            return new ScriptProtocol(name, scriptPath, directoryText, values, potential, dimension, minimize, boxRelax,
                    forceTolerance, seed, speciesArray);
        }, potential, dimension, Map.of(), allenFeldman());
    }

    /** One line for listings: name, species, units, dimension, protocol. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%-10s %-12s %-5s %dD  %s", name, String.join(",", species), units,
                grDimension, recipe != null ? "recipe " + recipe : "script " + script.getFileName());
    }

    // ---------------------------------------------------------------- typed access to one table

    private static final class Section {
        final String source;
        final String path;
        final Map<String, Object> values;

        Section(String source, String path, Map<String, Object> values, Set<String> allowed) {
            this.source = source;
            this.path = path;
            this.values = values;
            if (allowed != null) {
                for (String key : values.keySet()) {
                    if (!allowed.contains(key)) {
                        throw new SystemFileException(source + ": unknown key " + where(key) + " (known here: "
                                + String.join(", ", new java.util.TreeSet<>(allowed)) + ").");
                    }
                }
            }
        }

        String where(String key) {
            return path.isEmpty() ? key : "[" + path + "] " + key;
        }

        Section section(String key, Set<String> allowed) {
            Object value = values.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map)) {
                throw new SystemFileException(source + ": " + where(key) + " must be a table [" + (path.isEmpty() ? "" : path + ".")
                        + key + "].");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return new Section(source, path.isEmpty() ? key : path + "." + key, map, allowed);
        }

        String string(String key, String fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String text)) {
                throw new SystemFileException(source + ": " + where(key) + " must be a \"string\", got " + value + ".");
            }
            return text.strip();
        }

        double number(String key, double fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Number number)) {
                throw new SystemFileException(source + ": " + where(key) + " must be a number, got " + value + ".");
            }
            return number.doubleValue();
        }

        boolean bool(String key, boolean fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Boolean flag)) {
                throw new SystemFileException(source + ": " + where(key) + " must be true or false, got " + value + ".");
            }
            return flag;
        }

        List<String> strings(String key, List<String> fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof String single) {
                return List.of(single.strip());
            }
            if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
                throw new SystemFileException(source + ": " + where(key) + " must be a list of \"strings\", got " + value + ".");
            }
            return list.stream().map(v -> ((String) v).strip()).toList();
        }

        List<Double> numbers(String key, List<Double> fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof Number))) {
                throw new SystemFileException(source + ": " + where(key) + " must be a list of numbers, got " + value + ".");
            }
            return list.stream().map(v -> ((Number) v).doubleValue()).toList();
        }
    }
}
