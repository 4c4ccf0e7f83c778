package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.FloatRepr;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;

import java.math.BigInteger;

/**
 * The format-spec mini-language {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}
 * of {@code format(value, spec)}, {@code str.format} and f-strings, exactly as CPython 3.11's
 * {@code Python/formatter_unicode.c} for int, float and str (errors included, checked in CPython's
 * order). Strings are code point sequences: widths, precisions and the fill character count code
 * points. The {@code n} type uses the C locale, as CPython does unless a program calls
 * {@code locale.setlocale}: no grouping, '.' as the decimal point.
 *
 * <p>An empty spec means {@code str(value)} in CPython; {@link #formatInt} and {@link #formatFloat}
 * return exactly that, but for a {@code bool} (whose str is {@code True}) the evaluator must do it
 * itself, and pass {@code "bool"} as the type name for error messages.
 */
public final class FormatSpec {

    /** Parsed fields; {@code width}/{@code precision} are -1 when absent, {@code type} 0 when absent. */
    public final int fill;
    public final char align;
    public final char sign;
    public final boolean noNegativeZero;
    public final boolean alternate;
    public final long width;
    /** 0, ',' or '_'. */
    public final char grouping;
    /** Digits per group: 3, or 4 for '_' with b/o/x/X. */
    public final int groupSize;
    public final long precision;
    public final int type;

    private FormatSpec(int fill, char align, char sign, boolean noNegativeZero, boolean alternate, long width,
                       char grouping, int groupSize, long precision, int type) {
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.noNegativeZero = noNegativeZero;
        this.alternate = alternate;
        this.width = width;
        this.grouping = grouping;
        this.groupSize = groupSize;
        this.precision = precision;
        this.type = type;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    /**
     * CPython's {@code parse_internal_render_format_spec}.
     *
     * @param defaultType  's' for str, 'd' for int, 0 for float
     * @param defaultAlign '<' for str, '>' for numbers
     * @param typeName     the value's type name for error messages
     */
    public static FormatSpec parse(String spec, int defaultType, char defaultAlign, String typeName) {
        int[] cp = spec.codePoints().toArray();
        int end = cp.length;
        int pos = 0;
        int fill = ' ';
        char align = defaultAlign;
        boolean fillSpecified = false;
        boolean alignSpecified = false;
        if (end - pos >= 2 && isAlign(cp[pos + 1])) {
            align = (char) cp[pos + 1];
            fill = cp[pos];
            fillSpecified = true;
            alignSpecified = true;
            pos += 2;
        } else if (end - pos >= 1 && isAlign(cp[pos])) {
            align = (char) cp[pos];
            alignSpecified = true;
            pos++;
        }
        char sign = 0;
        if (end - pos >= 1 && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' ')) {
            sign = (char) cp[pos++];
        }
        boolean noNegZero = false;
        if (end - pos >= 1 && cp[pos] == 'z') {
            noNegZero = true;
            pos++;
        }
        boolean alternate = false;
        if (end - pos >= 1 && cp[pos] == '#') {
            alternate = true;
            pos++;
        }
        if (!fillSpecified && end - pos >= 1 && cp[pos] == '0') {
            fill = '0';
            if (!alignSpecified && defaultAlign == '>') {
                align = '=';
            }
            pos++;
        }
        long[] number = new long[1];
        int consumed = integer(cp, pos, number);
        pos += consumed;
        long width = consumed == 0 ? -1 : number[0];
        char grouping = 0;
        if (end - pos >= 1 && cp[pos] == ',') {
            grouping = ',';
            pos++;
        }
        if (end - pos >= 1 && cp[pos] == '_') {
            if (grouping != 0) {
                throw PyLibError.valueError("Cannot specify both ',' and '_'.");
            }
            grouping = '_';
            pos++;
        }
        if (end - pos >= 1 && cp[pos] == ',' && grouping == '_') {
            throw PyLibError.valueError("Cannot specify both ',' and '_'.");
        }
        long precision = -1;
        if (end - pos >= 1 && cp[pos] == '.') {
            pos++;
            consumed = integer(cp, pos, number);
            if (consumed == 0) {
                throw PyLibError.valueError("Format specifier missing precision");
            }
            pos += consumed;
            precision = number[0];
        }
        if (end - pos > 1) {
            throw PyLibError.valueError("Invalid format specifier '" + spec + "' for object of type '"
                    + typeName + "'");
        }
        int type = defaultType;
        if (end - pos == 1) {
            type = cp[pos];
        }
        int groupSize = 3;
        if (grouping != 0) {
            switch (type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0 -> {
                }
                case 'b', 'o', 'x', 'X' -> {
                    if (grouping != '_') {
                        throw badGrouping(grouping, type);
                    }
                    groupSize = 4;
                }
                default -> throw badGrouping(grouping, type);
            }
        }
        return new FormatSpec(fill, align, sign, noNegZero, alternate, width, grouping, groupSize, precision, type);
    }

    private static PyLibError badGrouping(char grouping, int type) {
        return PyLibError.valueError("Cannot specify '" + grouping + "' with " + quoteCode(type) + ".");
    }

    private static String quoteCode(int type) {
        if (type > 32 && type < 128) {
            return "'" + (char) type + "'";
        }
        return "'\\x" + Integer.toHexString(type) + "'";
    }

    private static PyLibError unknownType(int type, String typeName) {
        return PyLibError.valueError("Unknown format code " + quoteCode(type) + " for object of type '"
                + typeName + "'");
    }

    /** CPython's {@code get_integer}: decimal digits (any Unicode Nd) at pos; returns the count. */
    private static int integer(int[] cp, int pos, long[] result) {
        long accumulator = 0;
        int consumed = 0;
        while (pos + consumed < cp.length) {
            int c = cp[pos + consumed];
            if (Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
                break;
            }
            int digit = Character.digit(c, 10);
            if (accumulator > (Long.MAX_VALUE - digit) / 10) {
                throw PyLibError.valueError("Too many decimal digits in format string");
            }
            accumulator = accumulator * 10 + digit;
            consumed++;
        }
        result[0] = accumulator;
        return consumed;
    }

    // ------------------------------------------------------------------ str

    /** {@code format(s, spec)} for a str. */
    public static String formatStr(String s, String spec) {
        if (spec.isEmpty()) {
            return s;
        }
        FormatSpec f = parse(spec, 's', '<', "str");
        if (f.type != 's') {
            throw unknownType(f.type, "str");
        }
        if (f.sign != 0) {
            throw PyLibError.valueError(f.sign == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (f.noNegativeZero) {
            throw PyLibError.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (f.alternate) {
            throw PyLibError.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (f.align == '=') {
            throw PyLibError.valueError("'=' alignment not allowed in string format specifier");
        }
        long length = s.codePointCount(0, s.length());
        if ((f.width == -1 || f.width <= length) && (f.precision == -1 || f.precision >= length)) {
            return s;
        }
        if (f.precision >= 0 && length >= f.precision) {
            s = s.substring(0, s.offsetByCodePoints(0, (int) f.precision));
            length = f.precision;
        }
        long total = Math.max(length, f.width);
        long left = switch (f.align) {
            case '>' -> total - length;
            case '^' -> (total - length) / 2;
            default -> 0;
        };
        StringBuilder out = builder(total);
        pad(out, f.fill, left);
        out.append(s);
        pad(out, f.fill, total - length - left);
        return out.toString();
    }

    private static StringBuilder builder(long length) {
        if (length > Integer.MAX_VALUE - 16) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        return new StringBuilder((int) length);
    }

    private static void pad(StringBuilder out, int fill, long count) {
        if (count > 0 && (long) out.length() + count * Character.charCount(fill) > Integer.MAX_VALUE - 16) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        for (long i = 0; i < count; i++) {
            out.appendCodePoint(fill);
        }
    }

    // ------------------------------------------------------------------ int

    /** {@code format(v, spec)} for an int (Long or BigInteger), with the default digit limit. */
    public static String formatInt(Number v, String spec) {
        return formatInt(v, spec, "int", PyInts.DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code format(v, spec)} for an int; {@code typeName} names the type in errors ("int",
     * "bool"), {@code maxStrDigits} is {@code sys.get_int_max_str_digits()}.
     */
    public static String formatInt(Number v, String spec, String typeName, int maxStrDigits) {
        if (spec.isEmpty()) {
            return PyInts.toString(v, maxStrDigits);
        }
        FormatSpec f = parse(spec, 'd', '>', typeName);
        switch (f.type) {
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> {
                return f.formatLong(v, maxStrDigits);
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return f.formatDouble(PyInts.toDouble(v));
            }
            default -> throw unknownType(f.type, typeName);
        }
    }

    private String formatLong(Number v, int maxStrDigits) {
        if (precision != -1) {
            throw PyLibError.valueError("Precision not allowed in integer format specifier");
        }
        if (noNegativeZero) {
            throw PyLibError.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (sign != 0) {
                throw PyLibError.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (alternate) {
                throw PyLibError.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (v instanceof BigInteger b && b.bitLength() >= 64) {
                throw PyLibError.overflowError("Python int too large to convert to C long");
            }
            long x = v.longValue();
            if (x < 0 || x > 0x10ffff) {
                throw PyLibError.overflowError("%c arg not in range(0x110000)");
            }
            return layout(false, "", "", 0, new StringBuilder().appendCodePoint((int) x).toString(), false);
        }
        int base = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        boolean negative = PyInts.signum(v) < 0;
        String digits = base == 10 ? PyInts.toString(v, maxStrDigits) : PyInts.toString(v, base, false);
        if (negative) {
            digits = digits.substring(1);
        }
        String prefix = !alternate || base == 10 ? "" : switch (type) {
            case 'b' -> "0b";
            case 'o' -> "0o";
            case 'x' -> "0x";
            default -> "0X";
        };
        if (type == 'X') {
            digits = digits.toUpperCase();
        }
        return layout(negative, prefix, digits, 0, "", type == 'n');
    }

    // ------------------------------------------------------------------ float

    /** {@code format(x, spec)} for a float. */
    public static String formatFloat(double x, String spec) {
        if (spec.isEmpty()) {
            return FloatRepr.repr(x);
        }
        FormatSpec f = parse(spec, 0, '>', "float");
        switch (f.type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> {
                return f.formatDouble(x);
            }
            default -> throw unknownType(f.type, "float");
        }
    }

    private String formatDouble(double x) {
        if (precision > Integer.MAX_VALUE) {
            throw PyLibError.valueError("precision too big");
        }
        int p = (int) precision;
        char t = (char) type;
        int defaultPrecision = 6;
        boolean addDot0 = false;
        if (t == 0) {
            addDot0 = true;
            t = 'r';
            defaultPrecision = 0;
        }
        if (t == 'n') {
            t = 'g';
        }
        boolean percent = false;
        if (t == '%') {
            t = 'f';
            x *= 100;
            percent = true;
        }
        if (p < 0) {
            p = defaultPrecision;
        } else if (t == 'r') {
            t = 'g';
        }
        String text = FloatRepr.format(x, t, p, alternate, false, addDot0, noNegativeZero);
        if (percent) {
            text = text + "%";
        }
        if (sign != '+' && sign != ' ' && width == -1 && type != 'n' && grouping == 0) {
            return text;
        }
        boolean negative = text.startsWith("-");
        if (negative) {
            text = text.substring(1);
        }
        int digitsEnd = 0;
        while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        boolean hasDecimal = digitsEnd < text.length() && text.charAt(digitsEnd) == '.';
        String remainder = text.substring(hasDecimal ? digitsEnd + 1 : digitsEnd);
        return layout(negative, "", text.substring(0, digitsEnd), hasDecimal ? 1 : 0, remainder, type == 'n');
    }

    // ------------------------------------------------------------------ number layout

    /**
     * CPython's {@code calc_number_widths} + {@code fill_number}:
     * {@code <lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>}.
     */
    private String layout(boolean negative, String prefix, String digits, int decimal, String remainder,
                          boolean localeN) {
        char signChar = 0;
        if (sign == '+') {
            signChar = negative ? '-' : '+';
        } else if (sign == ' ') {
            signChar = negative ? '-' : ' ';
        } else if (negative) {
            signChar = '-';
        }
        int signLength = signChar != 0 ? 1 : 0;
        long remainderLength = remainder.codePointCount(0, remainder.length());
        long nonDigits = signLength + prefix.length() + decimal + remainderLength;
        long minWidth = fill == '0' && align == '=' ? width - nonDigits : 0;
        char separator = localeN ? 0 : grouping;
        String grouped = digits.isEmpty() ? "" : group(digits, minWidth, separator, groupSize);
        long padding = width - (nonDigits + grouped.length());
        long left = 0;
        long middle = 0;
        long right = 0;
        if (padding > 0) {
            switch (align) {
                case '<' -> right = padding;
                case '^' -> {
                    left = padding / 2;
                    right = padding - left;
                }
                case '=' -> middle = padding;
                default -> left = padding;
            }
        }
        StringBuilder out = builder(Math.max(width, 0) + nonDigits + grouped.length());
        pad(out, fill, left);
        if (signChar != 0) {
            out.append(signChar);
        }
        out.append(prefix);
        pad(out, fill, middle);
        out.append(grouped);
        if (decimal != 0) {
            out.append('.');
        }
        out.append(remainder);
        pad(out, fill, right);
        return out.toString();
    }

    /**
     * CPython's {@code _PyUnicode_InsertThousandsGrouping}: digits grouped from the right by
     * {@code size} with {@code separator} (0: no grouping), left-padded with zeros (which are grouped
     * too) to at least {@code minWidth} characters.
     */
    static String group(String digits, long minWidth, char separator, int size) {
        if (minWidth > Integer.MAX_VALUE - 16) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        StringBuilder reversed = new StringBuilder();
        int remaining = digits.length();
        long min = minWidth;
        boolean useSeparator = false;
        if (separator != 0) {
            while (true) {
                long len = Math.min(size, Math.max(Math.max(remaining, min), 1));
                long zeros = Math.max(0, len - remaining);
                int chars = (int) Math.max(0, Math.min(remaining, len));
                emit(reversed, digits, remaining, chars, zeros, useSeparator ? separator : (char) 0);
                useSeparator = true;
                remaining -= chars;
                min -= len;
                if (remaining <= 0 && min <= 0) {
                    return reversed.reverse().toString();
                }
                min -= 1;
            }
        }
        long len = Math.max(Math.max(remaining, min), 1);
        emit(reversed, digits, remaining, (int) Math.min(remaining, len), Math.max(0, len - remaining), (char) 0);
        return reversed.reverse().toString();
    }

    private static void emit(StringBuilder reversed, String digits, int remaining, int chars, long zeros,
                             char separator) {
        if (separator != 0) {
            reversed.append(separator);
        }
        for (int i = 0; i < chars; i++) {
            reversed.append(digits.charAt(remaining - 1 - i));
        }
        for (long i = 0; i < zeros; i++) {
            reversed.append('0');
        }
    }
}
