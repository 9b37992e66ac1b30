package org.spr.lammps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a LAMMPS input script command by command through {@link Lammps#command}, so that Java can act between
 * commands: {@code fix external} callbacks are bound the moment their fix exists (LAMMPS requires them before the
 * run), and every command's file and line are known for error reports.
 *
 * <p>LAMMPS semantics are kept: variables, {@code next}, {@code if}, loops and everything else are evaluated by
 * LAMMPS itself. Only what needs the input file (which the library interface does not have) is done here:
 * {@code include FILE}, {@code label}, {@code jump SELF|FILE [label]} (including {@code jump} inside
 * {@code if … then/elif/else}, whose condition LAMMPS still evaluates), the rule that an exhausted {@code next}
 * skips the following {@code jump}, continuation lines ending in {@code &}, and {@code quit}.
 */
public final class ScriptRunner {

    /** Called before each command is executed (the isolated engine sends it to the host). */
    @FunctionalInterface
    public interface CommandListener {
        void beforeCommand(ScriptPosition position);
    }

    private static final String CONDITION_VARIABLE = "_spr_if_taken";

    private final Lammps lammps;
    private final Map<String, FixBinding> pendingBindings;
    private final RecordSink sink;
    private final CommandListener listener;
    private final Map<String, Integer> fixIntervals = new java.util.HashMap<>();
    private final Map<String, Integer> automaticFixes = new LinkedHashMap<>();
    private final Set<String> boundFixes = new java.util.LinkedHashSet<>();
    /** Fix ID → interval of the energy tallies made for bindings that need the energy ({@link FixBinding#tallyEnergy}). */
    private final Map<String, Integer> energyTallies = new LinkedHashMap<>();
    private boolean skipNextJump;
    private boolean quit;

    /**
     * @param bindings fix ID → how to make its callback; each is bound as soon as the script defines that fix
     */
    public ScriptRunner(Lammps lammps, Map<String, FixBinding> bindings, RecordSink sink, CommandListener listener) {
        this.lammps = lammps;
        this.pendingBindings = new LinkedHashMap<>(bindings);
        this.sink = sink;
        this.listener = listener == null ? position -> { } : listener;
    }

    /**
     * Zero-edit monitoring: defines {@code fix ID all external pf/callback N 1} right before the script's first
     * {@code run} or {@code minimize} (when the script has not defined that fix itself), then binds it.
     */
    public ScriptRunner addFixBeforeFirstRun(String fixId, int every, FixBinding binding) {
        if (every <= 0) {
            throw new IllegalArgumentException("the monitor interval must be a positive number of steps, got " + every);
        }
        automaticFixes.put(fixId, every);
        pendingBindings.put(fixId, binding);
        return this;
    }

    /** Fix IDs given a binding that the script has not defined (yet). */
    public Set<String> unboundFixes() {
        return new HashSet<>(pendingBindings.keySet());
    }

    /** Runs a script file to its end (or {@code quit}). */
    public void run(Path script) {
        Path current = script;
        String label = null;
        while (current != null && !quit) {
            Jump jump = runFile(current, label);
            if (jump == null) {
                return;
            }
            current = jump.self ? current : resolve(jump.file);
            label = jump.label;
        }
    }

    /** Executes one command as if it stood in a script (include and jump are not allowed here). */
    public void runCommand(String command, ScriptPosition position) {
        Jump jump = execute(command, position, null);
        if (jump != null) {
            throw new LammpsException("jump is only allowed inside a script file (" + position + ")");
        }
    }

    private record Jump(boolean self, String file, String label) {
    }

    /** Runs one file from its start or from a label; returns a jump out of it, or null at its end. */
    private Jump runFile(Path file, String startLabel) {
        List<ScriptPosition> commands = read(file);
        int index = 0;
        if (startLabel != null) {
            index = findLabel(commands, startLabel, file);
        }
        while (index < commands.size() && !quit) {
            ScriptPosition position = commands.get(index);
            Jump jump = execute(position.command(), position, file);
            if (jump == null) {
                index++;
            } else if (jump.self) {
                index = jump.label == null ? 0 : findLabel(commands, jump.label, file);
            } else {
                return jump;
            }
        }
        return null;
    }

    /**
     * Executes one command; a LAMMPS error (a library built with exceptions) is reported at this command's file and
     * line, as the isolated engine reports it for a library that ends the process.
     */
    private Jump execute(String command, ScriptPosition position, Path file) {
        try {
            return executeAt(command, position, file);
        } catch (LammpsException e) {
            throw e.at(position);
        }
    }

    private Jump executeAt(String command, ScriptPosition position, Path file) {
        List<String> words = Tokens.split(command);
        if (words.isEmpty()) {
            return null;
        }
        String name = words.get(0);
        switch (name) {
            case "label":
                return null;
            case "quit":
                listener.beforeCommand(position);
                quit = true;
                return null;
            case "include": {
                listener.beforeCommand(position);
                requireArguments(words, 2, position, "include FILE");
                Jump jump = runFile(resolve(words.get(1)), null);
                if (jump != null) {
                    return jump.self ? new Jump(false, words.get(1), jump.label) : jump;
                }
                return null;
            }
            case "jump": {
                listener.beforeCommand(position);
                requireArguments(words, 2, position, "jump FILE|SELF [label]");
                if (skipNextJump) {
                    skipNextJump = false;
                    return null;
                }
                String target = words.get(1);
                String label = words.size() > 2 ? words.get(2) : null;
                boolean self = target.equals("SELF") || (file != null && resolve(target).equals(file));
                return new Jump(self, target, label);
            }
            case "next": {
                listener.beforeCommand(position);
                lammps.command(command);
                for (String variable : words.subList(1, words.size())) {
                    if (!lammps.hasId("variable", variable)) {
                        skipNextJump = true;
                    }
                }
                bindPending();
                return null;
            }
            case "if":
                if (command.contains("jump") || command.contains("include") || command.contains("quit")) {
                    return executeIf(words, position, file);
                }
                break;
            default:
                break;
        }
        listener.beforeCommand(position);
        boolean runs = name.equals("run") || name.equals("minimize") || name.equals("rerun");
        if (!automaticFixes.isEmpty() && runs) {
            defineAutomaticFixes(position);
        }
        if (runs) {
            clearExternalForces();
        }
        rememberFix(words, position);
        if (name.equals("reset_timestep")) {
            resetTimestep(command);
        } else {
            lammps.command(command);
        }
        bindPending();
        return null;
    }

    /**
     * {@code reset_timestep} with the energy tallies removed and made again: a {@code fix ave/time} refuses a timestep
     * reset ("Invalid timestep reset for fix ave/time"), and a monitor must not make a valid script fail.
     */
    private void resetTimestep(String command) {
        List<String> removed = new ArrayList<>();
        for (String fixId : energyTallies.keySet()) {
            if (lammps.hasId("fix", fixId + "_energy")) {
                lammps.command("unfix " + fixId + "_energy");
                removed.add(fixId);
            }
        }
        lammps.command(command);
        for (String fixId : removed) {
            FixBinding.tallyEnergy(lammps, fixId, energyTallies.get(fixId));
        }
    }

    /** {@code if "cond" then c1 c2 … [elif "cond" c …] [else c …]} with LAMMPS evaluating each condition. */
    private Jump executeIf(List<String> words, ScriptPosition position, Path file) {
        listener.beforeCommand(position);
        int i = 1;
        String condition = words.size() > 1 ? words.get(1) : null;
        if (condition == null || words.size() < 3 || !words.get(2).equals("then")) {
            throw new LammpsException("Malformed if command at " + position + ": expected if \"condition\" then …",
                    null, position.command(), position.file(), position.line(), null);
        }
        i = 3;
        while (true) {
            List<String> branch = new ArrayList<>();
            while (i < words.size() && !words.get(i).equals("elif") && !words.get(i).equals("else")) {
                branch.add(words.get(i++));
            }
            if (condition == null || conditionHolds(condition)) {
                for (String inner : branch) {
                    Jump jump = execute(inner, position, file);
                    if (jump != null || quit) {
                        return jump;
                    }
                }
                return null;
            }
            if (i >= words.size()) {
                return null;
            }
            if (words.get(i).equals("elif")) {
                condition = words.get(i + 1);
                i += 2;
            } else {
                condition = null;
                i++;
            }
        }
    }

    private boolean conditionHolds(String condition) {
        lammps.command("if \"" + condition + "\" then \"variable " + CONDITION_VARIABLE + " equal 1\" else \"variable "
                + CONDITION_VARIABLE + " equal 0\"");
        double value = lammps.variable(CONDITION_VARIABLE);
        lammps.command("variable " + CONDITION_VARIABLE + " delete");
        return value != 0;
    }

    private void bindPending() {
        if (pendingBindings.isEmpty()) {
            return;
        }
        var iterator = pendingBindings.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            if (lammps.hasId("fix", entry.getKey())) {
                int every = lastFixInterval(entry.getKey());
                try {
                    if (entry.getValue().needsEnergy()) {
                        FixBinding.tallyEnergy(lammps, entry.getKey(), every);
                        energyTallies.put(entry.getKey(), every);
                    }
                    lammps.setFixExternalCallback(entry.getKey(), entry.getValue().create(lammps, entry.getKey(), every, sink),
                            entry.getValue().actsOnSystem());
                    boundFixes.add(entry.getKey());
                } catch (LammpsException e) {
                    throw e;
                } catch (Exception e) {
                    throw new LammpsException("Could not bind Java code to fix " + entry.getKey() + ": " + e.getMessage(), e);
                }
                iterator.remove();
            }
        }
    }

    /** Atoms created since a bound fix was defined have uninitialised external-force rows in LAMMPS 2021: zero them. */
    private void clearExternalForces() {
        for (String fixId : boundFixes) {
            if (lammps.hasId("fix", fixId)) {
                lammps.clearFixExternalForces(fixId);
            }
        }
    }

    private void defineAutomaticFixes(ScriptPosition position) {
        for (var entry : automaticFixes.entrySet()) {
            if (!lammps.hasId("fix", entry.getKey())) {
                String fix = "fix " + entry.getKey() + " all external pf/callback " + entry.getValue() + " 1";
                rememberFix(Tokens.split(fix), position);
                lammps.command(fix);
            }
        }
        automaticFixes.clear();
        bindPending();
    }

    /** The N of {@code fix ID group external pf/callback N 1}, remembered from the command that defined the fix. */
    private int lastFixInterval(String fixId) {
        Integer every = fixIntervals.get(fixId);
        if (every == null) {
            throw new LammpsException("Fix " + fixId + " must be defined as 'fix " + fixId
                    + " GROUP external pf/callback N 1' to bind Java code to it.");
        }
        return every;
    }

    private void rememberFix(List<String> words, ScriptPosition position) {
        if (words.size() >= 4 && words.get(0).equals("fix") && words.get(3).equals("external")
                && pendingBindings.containsKey(words.get(1))) {
            if (words.size() < 6 || !words.get(4).equals("pf/callback")) {
                throw new LammpsException("Fix " + words.get(1) + " at " + position
                        + " must use 'external pf/callback N 1' to bind Java code to it.",
                        null, position.command(), position.file(), position.line(), null);
            }
            try {
                fixIntervals.put(words.get(1), Integer.parseInt(words.get(5)));
            } catch (NumberFormatException e) {
                throw new LammpsException("Fix " + words.get(1) + " at " + position + ": the call interval '"
                        + words.get(5) + "' must be a whole number (variables are not supported here).",
                        null, position.command(), position.file(), position.line(), null);
            }
        }
    }

    private static void requireArguments(List<String> words, int count, ScriptPosition position, String usage) {
        if (words.size() < count) {
            throw new LammpsException("Illegal " + words.get(0) + " command at " + position + ": expected " + usage,
                    null, position.command(), position.file(), position.line(), null);
        }
    }

    private static int findLabel(List<ScriptPosition> commands, String label, Path file) {
        for (int i = 0; i < commands.size(); i++) {
            List<String> words = Tokens.split(commands.get(i).command());
            if (words.size() >= 2 && words.get(0).equals("label") && words.get(1).equals(label)) {
                return i;
            }
        }
        throw new LammpsException("Label " + label + " not found in " + file, null, "jump", file.toString(), 0, null);
    }

    private static Path resolve(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }

    /**
     * IDs of all fixes a script (and the files it includes by literal name) defines, found without running it: lets
     * callers refuse a hook bound to a fix the script never defines before anything runs.
     */
    public static Set<String> definedFixIds(Path script) {
        Set<String> ids = new HashSet<>();
        collectFixIds(script.toAbsolutePath().normalize(), ids, new HashSet<>());
        return ids;
    }

    private static void collectFixIds(Path script, Set<String> ids, Set<Path> seen) {
        if (!seen.add(script)) {
            return;
        }
        for (ScriptPosition position : read(script)) {
            List<String> words = Tokens.split(position.command());
            if (words.size() >= 2 && words.get(0).equals("fix")) {
                ids.add(words.get(1));
            } else if (words.size() >= 2 && words.get(0).equals("include") && !words.get(1).contains("$")) {
                Path included = resolve(words.get(1));
                if (Files.isReadable(included)) {
                    collectFixIds(included, ids, seen);
                }
            }
        }
    }

    /** Splits a script into commands: comments and blank lines dropped, '&amp;' continuation lines joined. */
    static List<ScriptPosition> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LammpsException("Cannot read input script " + file + ": " + e.getMessage(),
                    null, null, file.toString(), 0, e);
        }
        List<ScriptPosition> commands = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (pending.length() == 0) {
                start = i + 1;
            }
            String stripped = line.stripTrailing();
            if (stripped.endsWith("&")) {
                pending.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String command = Tokens.stripComment(pending.toString()).strip();
            pending.setLength(0);
            if (!command.isEmpty()) {
                commands.add(new ScriptPosition(file.toString(), start, command));
            }
        }
        if (pending.length() > 0) {
            String command = Tokens.stripComment(pending.toString()).strip();
            if (!command.isEmpty()) {
                commands.add(new ScriptPosition(file.toString(), start, command));
            }
        }
        return commands;
    }
}
