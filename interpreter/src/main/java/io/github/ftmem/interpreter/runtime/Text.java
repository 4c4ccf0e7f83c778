package io.github.ftmem.interpreter.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one place the evaluator calls for CPython-exact text and hash algorithms. These are stand-ins
 * until the pure-Java helpers of {@code io.github.ftmem.interpreter.text}/{@code numbers} land: float
 * repr via the JDK's shortest round-trip digits laid out by CPython's {@code repr} rules, a subset of the
 * format-spec mini-language, and non-CPython string hashes (which change set iteration order and
 * {@code hash(str)}, nothing else).
 */
final class Text {
    private Text() {
    }

    static long hashString(String s) {
        long h = s.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h == -1 ? -2 : h;
    }

    static long hashLong(long v) {
        long m = (1L << 61) - 1;
        long h = Math.floorMod(v, m);
        if (v < 0) {
            h = -Math.floorMod(-v, m);
        }
        return h == -1 ? -2 : h;
    }

    static long hashBig(BigInteger v) {
        BigInteger m = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
        long h = v.abs().mod(m).longValue();
        if (v.signum() < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    static long hashDouble(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            if (Math.abs(d) < 9.2e18) {
                return hashLong((long) d);
            }
            return hashBig(new BigDecimal(d).toBigInteger());
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 314159 : -314159;
        }
        if (Double.isNaN(d)) {
            return 0;
        }
        long h = Double.hashCode(d);
        return h == -1 ? -2 : h;
    }

    /** CPython's {@code repr(float)}: shortest round-trip digits, fixed for 1e-4 ≤ |x| < 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        for (int p = 1; p < bd.precision(); p++) {
            BigDecimal shorter = bd.round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() == d) {
                bd = shorter.stripTrailingZeros();
                break;
            }
        }
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - bd.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = bd.abs().toPlainString();
            if (!plain.contains(".")) {
                plain += ".0";
            }
            return sign + plain;
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** Parses a Python float literal string; null if invalid. */
    static Double parseFloat(String s) {
        String t = s.strip().replace("_", "");
        String l = t.toLowerCase();
        switch (l) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!l.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(t);
    }

    /** Parses {@code int(s, base)}; null if invalid. */
    static BigInteger parseInt(String s, int base) {
        String t = s.strip();
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        String l = t.toLowerCase();
        if (base == 0 || base == 16 || base == 8 || base == 2) {
            int prefixBase = l.startsWith("0x") ? 16 : l.startsWith("0o") ? 8 : l.startsWith("0b") ? 2 : 0;
            if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
                base = prefixBase;
                t = t.substring(2);
                if (t.startsWith("_")) {
                    t = t.substring(1);
                }
            } else if (base == 0) {
                base = 10;
                if (l.length() > 1 && l.matches("0+[0-9_]*") && !l.replace("_", "").matches("0+")) {
                    return null;
                }
            }
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(t.replace("_", ""), base);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code format(value, spec)} for ints, floats and strs (the common subset of the mini-language). */
    static String format(Object value, String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?:(.)?([<>=^]))?([+\\- ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?")
                .matcher(spec);
        if (!m.matches()) {
            throw PyException.of("ValueError", "Invalid format specifier '" + spec + "' for object of type '"
                    + (value instanceof String ? "str" : value instanceof Double ? "float" : "int") + "'");
        }
        String fill = m.group(1) != null ? m.group(1) : (m.group(5) != null && m.group(2) == null ? "0" : " ");
        String align = m.group(2) != null ? m.group(2) : (m.group(5) != null ? "=" : null);
        String sign = m.group(3) != null ? m.group(3) : "-";
        boolean alt = m.group(4) != null;
        int width = m.group(6) != null ? Integer.parseInt(m.group(6)) : 0;
        String group = m.group(7);
        Integer precision = m.group(8) != null ? Integer.parseInt(m.group(8)) : null;
        String type = m.group(9);
        String body;
        boolean negative = false;
        if (value instanceof String s) {
            if (type != null && !type.equals("s")) {
                throw PyException.of("ValueError", "Unknown format code '" + type + "' for object of type 'str'");
            }
            body = precision != null && precision < s.length() ? s.substring(0, precision) : s;
            if (align == null) {
                align = "<";
            }
            return pad(body, "", fill, align, width);
        }
        if (value instanceof BigInteger bi && type != null && "eEfFgG%".contains(type)) {
            value = bi.doubleValue();
        }
        if (value instanceof BigInteger bi) {
            negative = bi.signum() < 0;
            BigInteger a = bi.abs();
            String t = type == null ? "d" : type;
            String prefix = "";
            switch (t) {
                case "d", "n" -> body = a.toString();
                case "x" -> { body = a.toString(16); prefix = alt ? "0x" : ""; }
                case "X" -> { body = a.toString(16).toUpperCase(); prefix = alt ? "0X" : ""; }
                case "o" -> { body = a.toString(8); prefix = alt ? "0o" : ""; }
                case "b" -> { body = a.toString(2); prefix = alt ? "0b" : ""; }
                case "c" -> body = String.valueOf((char) a.intValue());
                default -> throw PyException.of("ValueError", "Unknown format code '" + t + "' for object of type 'int'");
            }
            if (group != null) {
                body = group(body, group.charAt(0), t.equals("d") ? 3 : 4);
            }
            String s = (negative ? "-" : sign.equals("-") ? "" : sign) + prefix;
            return pad(body, s, fill, align == null ? ">" : align, width);
        }
        double d = (Double) value;
        negative = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        String t = type == null ? "" : type;
        int p = precision == null ? 6 : precision;
        if (Double.isNaN(a) || Double.isInfinite(a)) {
            body = Double.isNaN(a) ? "nan" : "inf";
            if (Character.isUpperCase(t.isEmpty() ? 'a' : t.charAt(0))) body = body.toUpperCase();
        } else {
            switch (t) {
                case "f", "F" -> body = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
                case "%" -> body = new BigDecimal(a).multiply(BigDecimal.valueOf(100)).setScale(p, RoundingMode.HALF_EVEN).toPlainString() + "%";
                case "e", "E" -> body = sci(a, p, t.equals("E"));
                case "g", "G", "" -> {
                    if (t.isEmpty() && precision == null) {
                        body = floatRepr(a);
                    } else {
                        int pp = p == 0 ? 1 : p;
                        if (a == 0) {
                            body = "0";
                        } else {
                            BigDecimal r = new BigDecimal(a).round(new java.math.MathContext(pp, RoundingMode.HALF_EVEN));
                            int exp = r.precision() - r.scale() - 1;
                            if (exp >= -4 && exp < pp) {
                                body = r.setScale(Math.max(0, pp - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
                                if (!alt && body.contains(".")) {
                                    body = body.replaceAll("0+$", "").replaceAll("\\.$", "");
                                }
                            } else {
                                body = sci(a, pp - 1, t.equals("G"));
                                if (!alt) {
                                    body = body.replaceAll("\\.?0+e", "e").replaceAll("\\.?0+E", "E");
                                }
                            }
                        }
                        if (t.isEmpty() && !body.contains(".") && !body.contains("e")) {
                            body += ".0";
                        }
                    }
                }
                default -> throw PyException.of("ValueError", "Unknown format code '" + t + "' for object of type 'float'");
            }
        }
        if (group != null) {
            int dot = body.indexOf('.');
            String ip = dot < 0 ? body : body.substring(0, dot);
            body = group(ip, group.charAt(0), 3) + (dot < 0 ? "" : body.substring(dot));
        }
        String s = negative ? "-" : sign.equals("-") ? "" : sign;
        return pad(body, s, fill, align == null ? ">" : align, width);
    }

    private static String sci(double a, int p, boolean upper) {
        String s = String.format("%." + p + "e", a);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        String r = mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return upper ? r.toUpperCase() : r;
    }

    private static String group(String digits, char sep, int every) {
        StringBuilder b = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % every == 0) {
                b.append(sep);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String pad(String body, String sign, String fill, String align, int width) {
        int n = width - body.length() - sign.length();
        if (n <= 0) {
            return sign + body;
        }
        String f = fill.repeat(n);
        return switch (align) {
            case "<" -> sign + body + f;
            case "^" -> fill.repeat(n / 2) + sign + body + fill.repeat(n - n / 2);
            case "=" -> sign + f + body;
            default -> f + sign + body;
        };
    }
}
