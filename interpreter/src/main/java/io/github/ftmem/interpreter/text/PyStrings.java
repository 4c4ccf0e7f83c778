package io.github.ftmem.interpreter.text;

/**
 * {@code repr()} and {@code ascii()} of a Python {@code str} held as a Java string (a code point
 * sequence; lone surrogates are kept as code points as CPython keeps them), exactly as CPython
 * 3.11's {@code unicode_repr}, and the character predicates they need. "Printable" follows
 * {@code str.isprintable}: every code point except the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
 * Zs (the space itself is printable) in CPython 3.11's Unicode 14 database. The JDK's tables are a
 * newer Unicode version, so the code points assigned since Unicode 14
 * ({@link #ASSIGNED_AFTER_UNICODE_14}) count as unassigned; {@code PyStringsTest} checks all
 * 1,114,112 code points against CPython.
 */
public final class PyStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Inclusive ranges of the code points that are unassigned (Cn) in Unicode 14 but assigned in
     * the JDK's Unicode tables (JDK 25: Unicode 16). Derived by comparing CPython 3.11's
     * {@code str.isprintable} with {@link Character#getType} over every code point.
     */
    private static final int[] ASSIGNED_AFTER_UNICODE_14 = {
            0x897, 0x897, 0xcf3, 0xcf3, 0xece, 0xece, 0x1b4e, 0x1b4f,
            0x1b7f, 0x1b7f, 0x1c89, 0x1c8a, 0x2427, 0x2429, 0x2ffc, 0x2fff,
            0x31e4, 0x31e5, 0x31ef, 0x31ef, 0xa7cb, 0xa7cd, 0xa7da, 0xa7dc,
            0x105c0, 0x105f3, 0x10d40, 0x10d65, 0x10d69, 0x10d85, 0x10d8e, 0x10d8f,
            0x10ec2, 0x10ec4, 0x10efc, 0x10eff, 0x1123f, 0x11241, 0x11380, 0x11389,
            0x1138b, 0x1138b, 0x1138e, 0x1138e, 0x11390, 0x113b5, 0x113b7, 0x113c0,
            0x113c2, 0x113c2, 0x113c5, 0x113c5, 0x113c7, 0x113ca, 0x113cc, 0x113d5,
            0x113d7, 0x113d8, 0x113e1, 0x113e2, 0x116d0, 0x116e3, 0x11b00, 0x11b09,
            0x11bc0, 0x11be1, 0x11bf0, 0x11bf9, 0x11f00, 0x11f10, 0x11f12, 0x11f3a,
            0x11f3e, 0x11f5a, 0x1342f, 0x1342f, 0x13440, 0x13455, 0x13460, 0x143fa,
            0x16100, 0x16139, 0x16d40, 0x16d79, 0x18cff, 0x18cff, 0x1b132, 0x1b132,
            0x1b155, 0x1b155, 0x1cc00, 0x1ccf9, 0x1cd00, 0x1ceb3, 0x1d2c0, 0x1d2d3,
            0x1df25, 0x1df2a, 0x1e030, 0x1e06d, 0x1e08f, 0x1e08f, 0x1e4d0, 0x1e4f9,
            0x1e5d0, 0x1e5fa, 0x1e5ff, 0x1e5ff, 0x1f6dc, 0x1f6dc, 0x1f774, 0x1f776,
            0x1f77b, 0x1f77f, 0x1f7d9, 0x1f7d9, 0x1f8b2, 0x1f8bb, 0x1f8c0, 0x1f8c1,
            0x1fa75, 0x1fa77, 0x1fa87, 0x1fa89, 0x1fa8f, 0x1fa8f, 0x1faad, 0x1faaf,
            0x1fabb, 0x1fabf, 0x1fac6, 0x1fac6, 0x1face, 0x1facf, 0x1fada, 0x1fadc,
            0x1fadf, 0x1fadf, 0x1fae8, 0x1fae9, 0x1faf7, 0x1faf8, 0x1fbcb, 0x1fbef,
            0x2b739, 0x2b739, 0x2ebf0, 0x2ee5d, 0x31350, 0x323af
    };

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
        if (cp >= ASSIGNED_AFTER_UNICODE_14[0] && assignedAfterUnicode14(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static boolean assignedAfterUnicode14(int cp) {
        int low = 0;
        int high = ASSIGNED_AFTER_UNICODE_14.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (cp < ASSIGNED_AFTER_UNICODE_14[2 * mid]) {
                high = mid - 1;
            } else if (cp > ASSIGNED_AFTER_UNICODE_14[2 * mid + 1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
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
