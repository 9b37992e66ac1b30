package org.spr.lammps;

import java.util.ArrayList;
import java.util.List;

/** LAMMPS input-line lexing as the input parser does it: words split on white space, quotes group words. */
final class Tokens {

    private Tokens() {
    }

    /** Drops a '#' comment that is not inside single, double or triple quotes. */
    static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && line.startsWith("\"\"\"", i)) {
                int end = line.indexOf("\"\"\"", i + 3);
                if (end < 0) {
                    return line;
                }
                i = end + 2;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits into words; a quoted word loses its quotes ("…", '…' or """…"""). */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (line.startsWith("\"\"\"", i)) {
                int end = line.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                words.add(line.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                char quote = line.charAt(i);
                int end = line.indexOf(quote, i + 1);
                end = end < 0 ? n : end;
                words.add(line.substring(i + 1, end));
                i = Math.min(n, end + 1);
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                words.add(line.substring(start, i));
            }
        }
        return words;
    }
}
