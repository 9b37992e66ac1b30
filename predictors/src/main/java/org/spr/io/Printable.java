package org.spr.io;

/**
 * Text from an input file made safe to print in a one-line message: control characters, NUL and other
 * non-printable characters become {@code \xNN} or {@code \\uNNNN} escapes, and long text is cut (a binary file given
 * by mistake must not write raw bytes to the terminal).
 */
public final class Printable {

    /** Longest excerpt shown, in characters. */
    public static final int MAX_LENGTH = 60;

    private Printable() {
    }

    /** Longest message printed for a user error, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 400;

    /** The text with non-printable characters escaped, cut to {@link #MAX_LENGTH} characters (then ending in "…"). */
    public static String of(String text) {
        return escape(text, MAX_LENGTH);
    }

    /** A whole error message made printable: one line, non-printable characters escaped, at most {@link #MAX_MESSAGE_LENGTH}. */
    public static String message(String text) {
        return escape(text, MAX_MESSAGE_LENGTH);
    }

    private static String escape(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 8);
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (shown >= maxLength) {
                out.append('…');
                break;
            }
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (c == 0xfffd || Character.isISOControl(c) || !Character.isDefined(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.PRIVATE_USE
                    || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            shown++;
        }
        return out.toString();
    }

    /** True when more than a tenth of the first characters are control characters or undecodable bytes: a binary file. */
    public static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 4096);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0 || c == 0xfffd || c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                bad++;
            }
        }
        return n > 0 && bad * 10 > n;
    }
}
