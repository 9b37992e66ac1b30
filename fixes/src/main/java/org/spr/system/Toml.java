package org.spr.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of TOML that system files use, read without a library so that every error names the file and line:
 * {@code # comments}; tables {@code [name]} and {@code [a.b]}; {@code key = value} with a value that is a string
 * ({@code "…"} with \" \\ \n \t escapes, {@code '…'} literal, or a multi-line {@code """…"""}), a number, a boolean,
 * or an array {@code [v, v, …]} of those (it may span lines, trailing comma allowed). No inline tables, dates or
 * dotted keys. Values come back as String, Double (or Long for whole numbers written without a point or exponent),
 * Boolean, List and nested Map (insertion ordered).
 */
public final class Toml {

    private final String source;
    private final String text;
    private int position;
    private int line = 1;

    private Toml(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * Parses TOML text.
     *
     * @param source what to call the text in messages (a file name)
     */
    public static Map<String, Object> parse(String source, String text) {
        return new Toml(source, text).document();
    }

    private Map<String, Object> document() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> current = root;
        while (true) {
            skipBlank();
            if (position >= text.length()) {
                return root;
            }
            char c = text.charAt(position);
            if (c == '[') {
                position++;
                int start = position;
                while (position < text.length() && text.charAt(position) != ']' && text.charAt(position) != '\n') {
                    position++;
                }
                if (position >= text.length() || text.charAt(position) != ']') {
                    throw error("a table header [name] is not closed");
                }
                String name = text.substring(start, position).strip();
                position++;
                endOfLine();
                current = root;
                for (String part : name.split("\\.")) {
                    if (!part.strip().matches("[A-Za-z0-9_-]+")) {
                        throw error("table name '" + name + "' must be words of letters, digits, _ and - joined by dots");
                    }
                    Object next = current.computeIfAbsent(part.strip(), k -> new LinkedHashMap<String, Object>());
                    if (!(next instanceof Map)) {
                        throw error("table [" + name + "] clashes with the key " + part);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> table = (Map<String, Object>) next;
                    current = table;
                }
                continue;
            }
            String key = key();
            skipSpaces();
            if (position >= text.length() || text.charAt(position) != '=') {
                throw error("expected '=' after the key " + key);
            }
            position++;
            skipSpaces();
            int keyLine = line;
            Object value = value();
            if (current.containsKey(key)) {
                line = keyLine;
                throw error("the key " + key + " is given twice");
            }
            current.put(key, value);
            endOfLine();
        }
    }

    private String key() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_'
                || text.charAt(position) == '-')) {
            position++;
        }
        if (start == position) {
            throw error("expected a key (letters, digits, _ or -) or a [table], found '" + rest() + "'");
        }
        return text.substring(start, position);
    }

    private Object value() {
        if (position >= text.length()) {
            throw error("a value is missing at the end of the file");
        }
        char c = text.charAt(position);
        if (text.startsWith("\"\"\"", position)) {
            position += 3;
            if (position < text.length() && text.charAt(position) == '\n') {
                position++;
                line++;
            }
            int end = text.indexOf("\"\"\"", position);
            if (end < 0) {
                throw error("a multi-line string \"\"\" is not closed");
            }
            String value = text.substring(position, end);
            line += (int) value.chars().filter(ch -> ch == '\n').count();
            position = end + 3;
            return value;
        }
        if (c == '"') {
            position++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (position >= text.length() || text.charAt(position) == '\n') {
                    throw error("a string \"… is not closed on its line");
                }
                char d = text.charAt(position++);
                if (d == '"') {
                    return value.toString();
                }
                if (d == '\\' && position < text.length()) {
                    char e = text.charAt(position++);
                    value.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case '"' -> '"';
                        case '\\' -> '\\';
                        default -> throw error("unknown escape \\" + e + " in a string (use '…' for backslashes)");
                    });
                } else {
                    value.append(d);
                }
            }
        }
        if (c == '\'') {
            int end = text.indexOf('\'', position + 1);
            int newline = text.indexOf('\n', position + 1);
            if (end < 0 || (newline >= 0 && newline < end)) {
                throw error("a string '… is not closed on its line");
            }
            String value = text.substring(position + 1, end);
            position = end + 1;
            return value;
        }
        if (c == '[') {
            position++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipBlank();
                if (position >= text.length()) {
                    throw error("an array [ … is not closed");
                }
                if (text.charAt(position) == ']') {
                    position++;
                    return values;
                }
                values.add(value());
                skipBlank();
                if (position < text.length() && text.charAt(position) == ',') {
                    position++;
                } else if (position >= text.length() || text.charAt(position) != ']') {
                    throw error("expected ',' or ']' in an array, found '" + rest() + "'");
                }
            }
        }
        int start = position;
        while (position < text.length() && "+-.0123456789eEaflsrtuinx_".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String word = text.substring(start, position).replace("_", "");
        if (word.equals("true") || word.equals("false")) {
            return Boolean.parseBoolean(word);
        }
        try {
            if (word.matches("[+-]?\\d+")) {
                return Long.parseLong(word);
            }
            if (word.equals("inf") || word.equals("+inf") || word.equals("-inf") || word.equals("nan")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(word);
        } catch (NumberFormatException e) {
            position = start;
            throw error("expected a value (\"string\", number, true/false or [array]), found '" + rest() + "'");
        }
    }

    private void endOfLine() {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == '#') {
            while (position < text.length() && text.charAt(position) != '\n') {
                position++;
            }
        }
        if (position < text.length() && text.charAt(position) != '\n') {
            throw error("unexpected '" + rest() + "' after the value (one key = value per line)");
        }
    }

    private void skipSpaces() {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t'
                || text.charAt(position) == '\r')) {
            position++;
        }
    }

    /** Spaces, newlines and comments. */
    private void skipBlank() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                position++;
            } else if (c == '#') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private String rest() {
        int end = text.indexOf('\n', position);
        String rest = text.substring(position, end < 0 ? text.length() : end).strip();
        return rest.length() > 40 ? rest.substring(0, 40) + "…" : rest;
    }

    private SystemFileException error(String message) {
        return new SystemFileException(source + " line " + line + ": " + message + ".");
    }
}
