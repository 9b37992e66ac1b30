package org.spr.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads which species a LAMMPS potential file defines, so that a protocol can refuse a species the file lacks before
 * LAMMPS sees it (Debian's LAMMPS ends the process on such an error). Understood formats:
 * <ul>
 *   <li>{@code tersoff}: entries of 3 element names and 14 numbers, '#' comments; every ordered triplet of the
 *       requested species must have an entry, as LAMMPS requires;</li>
 *   <li>{@code eam/alloy} (setfl) and {@code eam/fs}: line 4 holds {@code N el_1 … el_N}.</li>
 * </ul>
 * Other pair styles are not checked here (LAMMPS checks them itself).
 */
public final class PotentialFiles {

    private static final int TERSOFF_WORDS_PER_ENTRY = 17;

    private PotentialFiles() {
    }

    /** Whether {@link #elements} understands files of this pair style. */
    public static boolean checkable(String pairStyle) {
        return baseStyle(pairStyle) != null;
    }

    /** The element names a potential file defines, in file order. */
    public static Set<String> elements(Path file, String pairStyle) {
        String style = baseStyle(pairStyle);
        if (style == null) {
            throw new IllegalArgumentException("Cannot read the species of pair style " + pairStyle + " files.");
        }
        return switch (style) {
            case "tersoff" -> {
                Set<String> names = new LinkedHashSet<>();
                for (List<String> entry : tersoffEntries(file)) {
                    names.add(entry.get(0));
                }
                yield names;
            }
            default -> setflElements(file);
        };
    }

    /**
     * Refuses, with one sentence naming the file, a species the file does not define (and, for Tersoff, a missing
     * triplet of the requested species).
     */
    public static void requireSpecies(Path file, String pairStyle, List<String> species) {
        if (!checkable(pairStyle)) {
            return;
        }
        Set<String> defined = elements(file, pairStyle);
        for (String name : species) {
            if (!defined.contains(name)) {
                throw new IllegalArgumentException("Potential file " + file + " has no species " + name
                        + " (it defines " + String.join(" ", defined) + ").");
            }
        }
        if ("tersoff".equals(baseStyle(pairStyle))) {
            Set<String> triplets = new HashSet<>();
            for (List<String> entry : tersoffEntries(file)) {
                triplets.add(entry.get(0) + " " + entry.get(1) + " " + entry.get(2));
            }
            Set<String> distinct = new LinkedHashSet<>(species);
            for (String i : distinct) {
                for (String j : distinct) {
                    for (String k : distinct) {
                        if (!triplets.contains(i + " " + j + " " + k)) {
                            throw new IllegalArgumentException("Potential file " + file + " has no Tersoff entry for the triplet "
                                    + i + " " + j + " " + k + ", which species " + distinct + " need.");
                        }
                    }
                }
            }
        }
    }

    private static String baseStyle(String pairStyle) {
        String style = pairStyle.strip().split("\\s+")[0];
        if (style.startsWith("tersoff") && !style.startsWith("tersoff/table") && !style.startsWith("tersoff/mod")
                && !style.startsWith("tersoff/zbl")) {
            return "tersoff";
        }
        if (style.startsWith("eam/alloy") || style.startsWith("eam/fs")) {
            return "setfl";
        }
        return null;
    }

    private static List<List<String>> tersoffEntries(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            int comment = line.indexOf('#');
            String content = comment < 0 ? line : line.substring(0, comment);
            for (String word : content.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        if (words.size() % TERSOFF_WORDS_PER_ENTRY != 0) {
            throw new IllegalArgumentException("Potential file " + file + " is not a Tersoff file: " + words.size()
                    + " words is not a whole number of 17-word entries.");
        }
        List<List<String>> entries = new ArrayList<>();
        for (int start = 0; start < words.size(); start += TERSOFF_WORDS_PER_ENTRY) {
            entries.add(words.subList(start, start + 3));
        }
        return entries;
    }

    private static Set<String> setflElements(Path file) {
        List<String> lines = firstLines(file, 4);
        if (lines.size() < 4) {
            throw new IllegalArgumentException("Potential file " + file + " is too short for an EAM setfl file (no line 4).");
        }
        String[] words = lines.get(3).strip().split("\\s+");
        int count;
        try {
            count = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Potential file " + file + " line 4 does not start with the element count: '"
                    + lines.get(3).strip() + "'.");
        }
        if (words.length < count + 1) {
            throw new IllegalArgumentException("Potential file " + file + " line 4 names fewer than " + count + " elements.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= count; i++) {
            names.add(words[i]);
        }
        return names;
    }

    private static List<String> lines(Path file) {
        return firstLines(file, Integer.MAX_VALUE);
    }

    private static List<String> firstLines(Path file, int count) {
        List<String> lines = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while (lines.size() < count && (line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read potential file " + file + ": " + e.getMessage(), e);
        }
    }
}
