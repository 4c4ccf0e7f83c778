package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Token.StringToken;

import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * Backslash-escape processing of string and bytes literals, as CPython's
 * {@code unicode_escape} decoder does it. Unknown escapes are kept verbatim (CPython only warns).
 * Errors use CPython's {@code (unicode error)} wording; positions count characters of the body.
 */
final class StringDecoder {
    private StringDecoder() {
    }

    static String decode(StringToken token, Function<String, PySyntaxError> error) {
        return token.raw() ? token.body() : decode(token.body(), error);
    }

    static String decode(String body, Function<String, PySyntaxError> error) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> {
                }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        value = value * 8 + (body.charAt(i++) - '0');
                    }
                    out.append((char) value);
                }
                case 'x' -> {
                    int cp = hex(body, i, 2);
                    if (cp < 0) {
                        throw error.apply(codecError(start, Math.min(n, i + 2) - 1, "truncated \\xXX escape"));
                    }
                    out.append((char) cp);
                    i += 2;
                }
                case 'u' -> {
                    int cp = hex(body, i, 4);
                    if (cp < 0) {
                        throw error.apply(codecError(start, Math.min(n, i + 4) - 1, "truncated \\uXXXX escape"));
                    }
                    out.append((char) cp);
                    i += 4;
                }
                case 'U' -> {
                    int cp = hex(body, i, 8);
                    if (cp < 0) {
                        throw error.apply(codecError(start, Math.min(n, i + 8) - 1,
                                "truncated \\UXXXXXXXX escape"));
                    }
                    if (cp > 0x10FFFF) {
                        throw error.apply(codecError(start, i + 7, "illegal Unicode character"));
                    }
                    out.appendCodePoint(cp);
                    i += 8;
                }
                case 'N' -> {
                    int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i) : -1;
                    if (close < 0) {
                        throw error.apply(codecError(start, Math.min(n, i + 1) - 1, "malformed \\N character escape"));
                    }
                    String name = body.substring(i + 1, close);
                    int cp;
                    try {
                        cp = name.isEmpty() ? -1 : Character.codePointOf(name);
                    } catch (IllegalArgumentException unknown) {
                        cp = -1;
                    }
                    if (cp < 0) {
                        throw error.apply(codecError(start, close, "unknown Unicode character name"));
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    static byte[] decodeBytes(StringToken token, Function<String, PySyntaxError> error) {
        String body = token.body();
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) >= 128) {
                throw error.apply("bytes can only contain ASCII literal characters");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (token.raw()) {
            for (int i = 0; i < body.length(); i++) {
                out.write(body.charAt(i));
            }
            return out.toByteArray();
        }
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.write(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            if (e == 'N' || e == 'u' || e == 'U') {
                out.write('\\');
                out.write(e);
                i += 2;
                continue;
            }
            if (e == 'x') {
                int value = hex(body, i + 2, 2);
                if (value < 0) {
                    throw error.apply(String.format("(value error) invalid \\x escape at position %d", i));
                }
                out.write(value);
                i += 4;
                continue;
            }
            String decoded = decode(body.substring(i, i + 2 + octalLength(body, i + 2, e)), error);
            for (int k = 0; k < decoded.length(); k++) {
                out.write(decoded.charAt(k) & 0xFF);
            }
            i += 2 + octalLength(body, i + 2, e);
        }
        return out.toByteArray();
    }

    private static int octalLength(String body, int from, char first) {
        if (first < '0' || first > '7') {
            return 0;
        }
        int k = 0;
        while (k < 2 && from + k < body.length() && body.charAt(from + k) >= '0' && body.charAt(from + k) <= '7') {
            k++;
        }
        return k;
    }

    private static int hex(String body, int from, int digits) {
        if (from + digits > body.length()) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(body.charAt(from + k), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static String codecError(int start, int end, String reason) {
        return "'unicodeescape' codec can't decode bytes in position " + start + "-" + end + ": " + reason;
    }
}
