package io.github.ftmem.interpreter.text;

/**
 * {@code repr()} of a Python {@code str} held as a Java string (a code point sequence; lone
 * surrogates are kept as code points as CPython keeps them), exactly as CPython 3.11's
 * {@code unicode_repr}. "Printable" follows {@code str.isprintable}: every code point except the
 * categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the space itself is printable). The categories come
 * from the JDK's Unicode tables (Unicode 16 in JDK 25, CPython 3.11 has Unicode 14): code points
 * assigned between those versions print literally here and escaped in CPython.
 */
public final class PyStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyStrings() {
    }

    /** {@code repr(s)}: quoted with {@code '} unless {@code s} holds {@code '} and no {@code "}. */
    public static String repr(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendRepr(out, s);
        return out.toString();
    }

    /** Appends {@code repr(s)} to {@code out}. */
    public static void appendRepr(StringBuilder out, CharSequence s) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            hasSingle |= c == '\'';
            hasDouble |= c == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        out.append(quote);
        int i = 0;
        while (i < s.length()) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                appendHex(out, 'x', cp, 2);
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                appendHex(out, 'x', cp, 2);
            } else if (cp <= 0xffff) {
                appendHex(out, 'u', cp, 4);
            } else {
                appendHex(out, 'U', cp, 8);
            }
        }
        out.append(quote);
    }

    /**
     * {@code ascii(obj)} given {@code repr(obj)}: every non-ASCII code point escaped as
     * backslash escapes {@code xhh}, {@code uhhhh} or {@code Uhhhhhhhh} (CPython's backslashreplace).
     */
    public static String ascii(String repr) {
        StringBuilder out = new StringBuilder(repr.length());
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                out.append((char) cp);
            } else if (cp <= 0xff) {
                appendHex(out, 'x', cp, 2);
            } else if (cp <= 0xffff) {
                appendHex(out, 'u', cp, 4);
            } else {
                appendHex(out, 'U', cp, 8);
            }
        }
        return out.toString();
    }

    /** {@code str.isprintable()} for one code point. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code str.isspace()} for one code point (CPython's {@code Py_UNICODE_ISSPACE}, Unicode 14). */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1c && cp <= 0x1f);
        }
        return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
    }

    private static void appendHex(StringBuilder out, char kind, int cp, int digits) {
        out.append('\\').append(kind);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(cp >>> shift) & 0xf]);
        }
    }
}
