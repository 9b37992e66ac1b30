package org.spr.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Fast line-by-line reader over bytes (ASCII text), with whitespace tokenisation and number parsing done in
 * place without creating strings: the throughput path for large dumps. Opens {@code .gz} files transparently.
 * Numbers are parsed exactly (Clinger's fast path when the decimal mantissa has at most 15 digits and the power
 * of ten at most 22, else {@link Double#parseDouble}).
 */
final class TextLines implements Closeable {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final Path file;
    private final InputStream input;
    private byte[] buffer = new byte[1 << 16];
    private int filled;
    private int lineStart, lineEnd, nextStart;
    private long lineNumber;
    private long bytesRead;
    private boolean endOfInput;
    private int[] tokenStart = new int[16], tokenEnd = new int[16];
    private int tokenCount;

    private TextLines(Path file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    /** Opens {@code file}, decompressing when its name ends in {@code .gz}. */
    static TextLines open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new TextLines(file, in);
        } catch (IOException e) {
            throw new InputFormatException(file, 0, "cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    Path file() {
        return file;
    }

    /** Line number of the current line (1-based). */
    long lineNumber() {
        return lineNumber;
    }

    /** Uncompressed bytes consumed so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** Advances to the next line; false at end of input. The line excludes the terminator ('\n', '\r\n'). */
    boolean next() {
        int position = nextStart;
        while (true) {
            for (int i = position; i < filled; i++) {
                if (buffer[i] == '\n') {
                    lineStart = nextStart;
                    lineEnd = i > lineStart && buffer[i - 1] == '\r' ? i - 1 : i;
                    nextStart = i + 1;
                    lineNumber++;
                    tokenCount = -1;
                    return true;
                }
            }
            if (endOfInput) {
                if (nextStart < filled) { // last line without a terminator
                    lineStart = nextStart;
                    lineEnd = filled;
                    nextStart = filled;
                    lineNumber++;
                    tokenCount = -1;
                    return true;
                }
                return false;
            }
            int scanned = filled - nextStart;
            refill();
            position = nextStart + scanned;
        }
    }

    private void refill() {
        int remaining = filled - nextStart;
        if (nextStart > 0) {
            System.arraycopy(buffer, nextStart, buffer, 0, remaining);
        } else if (remaining == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        nextStart = 0;
        filled = remaining;
        lineStart = lineEnd = 0;
        try {
            int n = input.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                endOfInput = true;
            } else {
                filled += n;
                bytesRead += n;
            }
        } catch (java.io.EOFException e) {
            endOfInput = true; // a truncated gzip stream ends the input
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": read failed: " + e.getMessage(), e);
        }
    }

    /** The current line as a string. */
    String line() {
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.US_ASCII);
    }

    /** True when the current line holds only whitespace. */
    boolean blank() {
        return tokens() == 0;
    }

    /** Splits the current line at whitespace (cached per line); returns the number of tokens. */
    int tokens() {
        if (tokenCount >= 0) {
            return tokenCount;
        }
        int count = 0;
        int i = lineStart;
        byte[] b = buffer;
        while (i < lineEnd) {
            while (i < lineEnd && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= lineEnd) {
                break;
            }
            int start = i;
            while (i < lineEnd && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            if (count == tokenStart.length) {
                tokenStart = java.util.Arrays.copyOf(tokenStart, count * 2);
                tokenEnd = java.util.Arrays.copyOf(tokenEnd, count * 2);
            }
            tokenStart[count] = start;
            tokenEnd[count] = i;
            count++;
        }
        tokenCount = count;
        return count;
    }

    /** Token {@code index} as a string. */
    String token(int index) {
        tokens();
        return new String(buffer, tokenStart[index], tokenEnd[index] - tokenStart[index], StandardCharsets.US_ASCII);
    }

    /** True when the line starts with {@code prefix} (bytes). */
    boolean startsWith(String prefix) {
        int n = prefix.length();
        if (lineEnd - lineStart < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buffer[lineStart + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where token {@code index} starts; a line with fewer tokens is reported as missing {@code expected} there. */
    private int tokenStart(int index, String expected) {
        tokens();
        if (index >= tokenCount) {
            throw error("expected " + expected + " in column " + (index + 1) + " but the line has " + tokenCount + " columns");
        }
        return tokenStart[index];
    }

    /** Token {@code index} parsed as a double; a malformed number is reported with file and line. */
    double parseDouble(int index) {
        int start = tokenStart(index, "a number"), end = tokenEnd[index];
        byte[] b = buffer;
        boolean negative = b[start] == '-';
        int i = negative || b[start] == '+' ? start + 1 : start;
        long mantissa = 0;
        int digits = 0, exponent = 0;
        boolean any = false;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exponent++;
                digits++;
            }
            any = true;
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exponent--;
                } else {
                    digits++;
                }
                any = true;
                i++;
            }
        }
        if (any && i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean anyExponent = false;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (e < 100000) {
                    e = e * 10 + (b[i] - '0');
                }
                anyExponent = true;
                i++;
            }
            if (!anyExponent) {
                any = false;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (any && i == end && digits <= 15 && exponent >= -22 && exponent <= 22) {
            double value = mantissa;
            value = exponent < 0 ? value / POWERS_OF_TEN[-exponent] : value * POWERS_OF_TEN[exponent];
            return negative ? -value : value;
        }
        return parsed(index, Double::valueOf, "a number");
    }

    /** Token {@code index} parsed as an int. */
    int parseInt(int index) {
        int start = tokenStart(index, "an integer"), end = tokenEnd[index];
        byte[] b = buffer;
        boolean negative = b[start] == '-';
        int i = negative || b[start] == '+' ? start + 1 : start;
        if (i == end) {
            throw error("'" + token(index) + "' in column " + (index + 1) + " is not an integer");
        }
        long value = 0;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || value > Integer.MAX_VALUE) {
                throw error("'" + token(index) + "' in column " + (index + 1) + " is not an integer");
            }
            value = value * 10 + d;
            i++;
        }
        if (value > Integer.MAX_VALUE) {
            throw error("'" + token(index) + "' in column " + (index + 1) + " is too large for an integer");
        }
        return (int) (negative ? -value : value);
    }

    /** Token {@code index} parsed as a long. */
    long parseLong(int index) {
        return parsed(index, Long::valueOf, "an integer");
    }

    /** Token {@code index} parsed by {@code parser}; a token it refuses is reported as not being {@code what}. */
    private <T> T parsed(int index, java.util.function.Function<String, T> parser, String what) {
        String text = token(index);
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw error("'" + text + "' in column " + (index + 1) + " is not " + what);
        }
    }

    /** An exception naming this file and the current line. */
    InputFormatException error(String reason) {
        return new InputFormatException(file, lineNumber, reason);
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": close failed: " + e.getMessage(), e);
        }
    }
}
