package io.github.ftmem.interpreter.numbers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads the expectation tables {@code interpreter/tools/regen-pylib-cases} wrote with CPython 3.11:
 * tab-separated lines, strings in Python's {@code unicode_escape} form, an outcome as
 * {@code =value} or {@code !ExceptionType<TAB>message}.
 */
public final class PyCases {

    private PyCases() {
    }

    /** The lines of {@code pylib/<name>} split on tabs. */
    public static List<String[]> load(String name) {
        try (InputStream in = PyCases.class.getResourceAsStream("/pylib/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pylib/" + name
                        + " (run interpreter/tools/regen-pylib-cases)");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undoes Python's {@code unicode_escape}. */
    public static String unescape(String s) {
        int[] cps = codePoints(s);
        return new String(cps, 0, cps.length);
    }

    /**
     * Undoes Python's {@code unicode_escape} into code points (a lone surrogate stays one code
     * point even when another follows it, as in a Python str).
     */
    public static int[] codePoints(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out[n++] = c;
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case 'n' -> out[n++] = '\n';
                case 't' -> out[n++] = '\t';
                case 'r' -> out[n++] = '\r';
                case '\\' -> out[n++] = '\\';
                case 'x' -> {
                    out[n++] = Integer.parseInt(s, i + 1, i + 3, 16);
                    i += 2;
                }
                case 'u' -> {
                    out[n++] = Integer.parseInt(s, i + 1, i + 5, 16);
                    i += 4;
                }
                case 'U' -> {
                    out[n++] = Integer.parseInt(s, i + 1, i + 9, 16);
                    i += 8;
                }
                default -> throw new IllegalArgumentException("bad escape in " + s);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** A Python int written in decimal or as {@code hex()} prints it, normalized. */
    public static Number integer(String text) {
        if (text.startsWith("0x") || text.startsWith("-0x")) {
            boolean negative = text.startsWith("-");
            java.math.BigInteger v = new java.math.BigInteger(text.substring(negative ? 3 : 2), 16);
            return PyInts.normalize(negative ? v.negate() : v);
        }
        return PyInts.normalize(new java.math.BigInteger(text));
    }

    public static double bitsToDouble(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    public static String doubleToBits(double x) {
        return String.format("%016x", Double.doubleToRawLongBits(x));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /**
     * Checks an outcome column pair: {@code =value} must equal {@code actual.get()};
     * {@code !Type, message} must be thrown as a {@link PyLibError}.
     */
    public static void check(String context, String[] row, int column, Supplier<String> actual) {
        String expected = row[column];
        if (expected.startsWith("=")) {
            String got;
            try {
                got = actual.get();
            } catch (PyLibError e) {
                fail(shorten(context) + ": expected " + shorten(expected.substring(1)) + " but raised " + e);
                return;
            }
            assertEquals(unescape(expected.substring(1)), got, shorten(context));
        } else {
            String want = expected.substring(1) + ": " + unescape(row[column + 1]);
            try {
                String got = actual.get();
                fail(shorten(context) + ": expected " + want + " but returned " + shorten(got));
            } catch (PyLibError e) {
                assertEquals(want, e.toString(), shorten(context));
            }
        }
    }
}
