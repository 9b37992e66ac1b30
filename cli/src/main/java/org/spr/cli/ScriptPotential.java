package org.spr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The potential a LAMMPS script ends up with, read from its text: the last {@code pair_style} and the
 * {@code pair_coeff}/{@code pair_modify} lines after it, with {@code ${NAME}} and {@code $N} replaced by
 * {@code -var} values or the script's {@code variable NAME index|string VALUE} lines; as "pair_style …;pair_coeff …".
 */
final class ScriptPotential {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}|\\$([A-Za-z0-9])");

    private ScriptPotential() {
    }

    /** The potential commands joined by ';', or null when the script sets no pair style (or it cannot be read). */
    static String read(Path script, List<String> commandLineVariables) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < commandLineVariables.size(); i += 2) {
            values.put(commandLineVariables.get(i), commandLineVariables.get(i + 1));
        }
        List<String> potential = null;
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.endsWith("&")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            line = (pending + line).strip();
            pending.setLength(0);
            String[] words = line.split("\\s+");
            if (words.length >= 4 && words[0].equals("variable") && (words[2].equals("index") || words[2].equals("string"))) {
                values.putIfAbsent(words[1], words[3]);
            } else if (words[0].equals("pair_style")) {
                potential = new ArrayList<>();
                potential.add(substitute(line, values));
            } else if (potential != null && (words[0].equals("pair_coeff") || words[0].equals("pair_modify"))) {
                potential.add(substitute(line, values));
            }
        }
        if (potential == null || potential.stream().anyMatch(l -> l.contains("$") || l.contains(",") || l.contains(";"))) {
            return null;
        }
        return String.join(";", potential);
    }

    private static String substitute(String line, Map<String, String> values) {
        Matcher matcher = REFERENCE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = values.get(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+", " ");
    }
}
