package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.FloatRepr;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;

import java.math.BigInteger;

/**
 * {@code format % args} for a str format, exactly as CPython 3.11's {@code PyUnicode_Format}:
 * conversions {@code s r a c d i u o x X e E f F g G %}, flags {@code - + space # 0}, width and
 * precision (digits or {@code *} taken from the arguments), {@code h l L} length modifiers ignored,
 * {@code %(key)s} with balanced parentheses in the key, and CPython's errors in CPython's order.
 *
 * <p>The evaluator owns the Python objects: it passes the right operand as an opaque reference
 * {@code V} (for ftpy, a boxed {@code long} object reference) and a {@link Values} that answers the
 * few questions CPython's formatter asks about it. Exceptions a callback throws (a KeyError from
 * {@link Values#getItem}, an error inside a user {@code __str__}) propagate unchanged.
 */
public final class PercentFormat {

    /** What the formatter needs to know about the evaluator's objects. */
    public interface Values<V> {

        /** {@code type(v) is tuple} or a subclass (the right operand is then the argument list). */
        boolean isTuple(V v);

        int tupleSize(V tuple);

        V tupleItem(V tuple, int index);

        /**
         * CPython's {@code PyMapping_Check}: the type has {@code __getitem__} (dict, but also list
         * and user classes), and it is not a tuple or a str. Enables {@code %(key)s} and disables
         * the "not all arguments converted" check.
         */
        boolean isMapping(V v);

        /** {@code mapping[key]}; may throw the evaluator's KeyError. */
        V getItem(V mapping, String key);

        /** The value of an int or bool (or int subclass), else null. */
        Number exactInt(V v);

        /** The value of a float (or subclass), else null. */
        Double exactFloat(V v);

        /** The value of a str (or subclass), else null. */
        String exactStr(V v);

        /**
         * CPython's {@code PyNumber_Check}: the object has {@code __index__}, {@code __int__} or
         * {@code __float__} (or is a complex). Only consulted for objects that are neither int nor
         * float.
         */
        boolean isNumber(V v);

        /** {@code int(v)} of a non-int, non-float number ({@code __int__}, {@code __index__}), null if it has none. */
        Number toInt(V v);

        /** {@code operator.index(v)} of a non-int, null if it has no {@code __index__}. */
        Number index(V v);

        /** {@code float(v)} of a non-float ({@code __float__}, {@code __index__}), null if it has none. */
        Double toFloat(V v);

        /** {@code str(v)}. */
        String str(V v);

        /** {@code repr(v)}. */
        String repr(V v);

        /** {@code type(v).__name__}, for error messages. */
        String typeName(V v);
    }

    private static final int F_LJUST = 1;
    private static final int F_SIGN = 2;
    private static final int F_BLANK = 4;
    private static final int F_ALT = 8;
    private static final int F_ZERO = 16;

    /** The argument cursor ({@code args}, {@code arglen}, {@code argidx}, {@code dict} of CPython). */
    private static final class Cursor<V> {
        final Values<V> values;
        final V dict;
        V args;
        int length;
        int index;

        Cursor(Values<V> values, V args) {
            this.values = values;
            this.args = args;
            if (values.isTuple(args)) {
                length = values.tupleSize(args);
                index = 0;
            } else {
                length = -1;
                index = -2;
            }
            dict = values.isMapping(args) && !values.isTuple(args) && values.exactStr(args) == null ? args : null;
        }

        V next() {
            if (length < 0) {
                if (index == -2) {
                    index = -1;
                    return args;
                }
            } else if (index < length) {
                return values.tupleItem(args, index++);
            }
            throw PyLibError.typeError("not enough arguments for format string");
        }
    }

    private PercentFormat() {
    }

    /** {@code format % args} with the default int digit limit. */
    public static <V> String format(String format, V args, Values<V> values) {
        return format(format, args, values, PyInts.DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code format % args}.
     *
     * @param maxStrDigits {@code sys.get_int_max_str_digits()} for {@code %d} of big ints
     */
    public static <V> String format(String format, V args, Values<V> values, int maxStrDigits) {
        int[] fmt = format.codePoints().toArray();
        Cursor<V> cursor = new Cursor<>(values, args);
        StringBuilder out = new StringBuilder(fmt.length + 16);
        int pos = 0;
        while (pos < fmt.length) {
            int c = fmt[pos];
            if (c != '%') {
                out.appendCodePoint(c);
                pos++;
                continue;
            }
            pos++;
            if (pos < fmt.length && fmt[pos] == '%') {
                out.append('%');
                pos++;
                continue;
            }
            pos = conversion(fmt, pos, cursor, out, maxStrDigits);
        }
        if (cursor.index < cursor.length && cursor.dict == null) {
            throw PyLibError.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    /** One conversion starting after its '%': CPython's {@code unicode_format_arg}. */
    private static <V> int conversion(int[] fmt, int pos, Cursor<V> cursor, StringBuilder out, int maxStrDigits) {
        Values<V> values = cursor.values;
        int remaining = fmt.length - pos;
        if (remaining > 0 && fmt[pos] == '(') {
            if (cursor.dict == null) {
                throw PyLibError.typeError("format requires a mapping");
            }
            pos++;
            remaining--;
            int keyStart = pos;
            int depth = 1;
            while (depth > 0 && --remaining >= 0) {
                int ch = fmt[pos];
                if (ch == ')') {
                    depth--;
                } else if (ch == '(') {
                    depth++;
                }
                pos++;
            }
            if (remaining < 0 || depth > 0) {
                throw PyLibError.valueError("incomplete format key");
            }
            String key = new String(fmt, keyStart, pos - keyStart - 1);
            cursor.args = values.getItem(cursor.dict, key);
            cursor.length = -1;
            cursor.index = -2;
        }
        int flags = 0;
        int ch = 0;
        while (--remaining >= 0) {
            ch = fmt[pos++];
            int flag = switch (ch) {
                case '-' -> F_LJUST;
                case '+' -> F_SIGN;
                case ' ' -> F_BLANK;
                case '#' -> F_ALT;
                case '0' -> F_ZERO;
                default -> 0;
            };
            if (flag == 0) {
                break;
            }
            flags |= flag;
        }
        long width = -1;
        if (ch == '*') {
            Number w = values.exactInt(cursor.next());
            if (w == null) {
                throw PyLibError.typeError("* wants int");
            }
            width = ssize(w);
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            if (--remaining >= 0) {
                ch = fmt[pos++];
            }
        } else if (ch >= '0' && ch <= '9') {
            width = ch - '0';
            while (--remaining >= 0) {
                ch = fmt[pos++];
                if (ch < '0' || ch > '9') {
                    break;
                }
                if (width > (Long.MAX_VALUE - (ch - '0')) / 10) {
                    throw PyLibError.valueError("width too big");
                }
                width = width * 10 + (ch - '0');
            }
        }
        int precision = -1;
        if (ch == '.') {
            precision = 0;
            if (--remaining >= 0) {
                ch = fmt[pos++];
            }
            if (ch == '*') {
                Number p = values.exactInt(cursor.next());
                if (p == null) {
                    throw PyLibError.typeError("* wants int");
                }
                if (p instanceof BigInteger || p.longValue() != (int) p.longValue()) {
                    throw PyLibError.overflowError("Python int too large to convert to C int");
                }
                precision = Math.max(0, p.intValue());
                if (--remaining >= 0) {
                    ch = fmt[pos++];
                }
            } else if (ch >= '0' && ch <= '9') {
                precision = ch - '0';
                while (--remaining >= 0) {
                    ch = fmt[pos++];
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    if (precision > (Integer.MAX_VALUE - (ch - '0')) / 10) {
                        throw PyLibError.valueError("precision too big");
                    }
                    precision = precision * 10 + (ch - '0');
                }
            }
        }
        if (remaining >= 0 && (ch == 'h' || ch == 'l' || ch == 'L')) {
            if (--remaining >= 0) {
                ch = fmt[pos++];
            }
        }
        if (remaining < 0) {
            throw PyLibError.valueError("incomplete format");
        }
        V v = cursor.next();
        boolean numeric = false;
        String text;
        switch (ch) {
            case 's', 'r', 'a' -> {
                if (ch == 's') {
                    String s = values.exactStr(v);
                    text = s != null ? s : values.str(v);
                } else if (ch == 'r') {
                    text = values.repr(v);
                } else {
                    text = PyStrings.ascii(values.repr(v));
                }
            }
            case 'i', 'd', 'u', 'o', 'x', 'X' -> {
                text = formatLong(integerArgument(v, (char) ch, values), flags, precision, (char) ch, maxStrDigits);
                numeric = true;
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                Double x = values.exactFloat(v);
                if (x == null) {
                    Number i = values.exactInt(v);
                    if (i != null) {
                        x = PyInts.toDouble(i);
                    } else {
                        x = values.toFloat(v);
                    }
                }
                if (x == null) {
                    throw PyLibError.typeError("must be real number, not " + values.typeName(v));
                }
                text = FloatRepr.format(x, (char) ch, precision < 0 ? 6 : precision, (flags & F_ALT) != 0,
                        false, false, false);
                numeric = true;
            }
            case 'c' -> text = new String(Character.toChars(character(v, values)));
            default -> throw PyLibError.valueError("unsupported format character '"
                    + (ch >= 31 && ch <= 126 ? Character.toString(ch) : "?") + "' (0x" + Integer.toHexString(ch)
                    + ") at index " + (pos - 1));
        }
        output(out, text, ch, flags, width, precision, numeric);
        if (cursor.dict != null && cursor.index < cursor.length) {
            throw PyLibError.typeError("not all arguments converted during string formatting");
        }
        return pos;
    }

    private static long ssize(Number w) {
        if (w instanceof BigInteger b && b.bitLength() > 63) {
            throw PyLibError.overflowError("Python int too large to convert to C ssize_t");
        }
        return w.longValue();
    }

    /** CPython's {@code mainformatlong} argument conversion. */
    private static <V> Number integerArgument(V v, char type, Values<V> values) {
        Number i = values.exactInt(v);
        if (i != null) {
            return i;
        }
        boolean indexOnly = type == 'o' || type == 'x' || type == 'X';
        Double x = values.exactFloat(v);
        if (x != null) {
            if (indexOnly) {
                throw wrongType(type, v, values);
            }
            return PyInts.fromDouble(x);
        }
        if (!values.isNumber(v)) {
            throw wrongType(type, v, values);
        }
        Number converted = indexOnly ? values.index(v) : values.toInt(v);
        if (converted == null) {
            throw wrongType(type, v, values);
        }
        return converted;
    }

    private static <V> PyLibError wrongType(char type, V v, Values<V> values) {
        String kind = type == 'o' || type == 'x' || type == 'X' ? "an integer" : "a real number";
        return PyLibError.typeError("%" + type + " format: " + kind + " is required, not " + values.typeName(v));
    }

    /** CPython's {@code formatchar}. */
    private static <V> int character(V v, Values<V> values) {
        String s = values.exactStr(v);
        if (s != null) {
            if (s.codePointCount(0, s.length()) == 1) {
                return s.codePointAt(0);
            }
            throw PyLibError.typeError("%c requires int or char");
        }
        Number i = values.exactInt(v);
        if (i == null && values.exactFloat(v) == null) {
            i = values.index(v);
        }
        if (i == null) {
            throw PyLibError.typeError("%c requires int or char");
        }
        if (i instanceof BigInteger || i.longValue() < 0 || i.longValue() > 0x10ffff) {
            throw PyLibError.overflowError("%c arg not in range(0x110000)");
        }
        return (int) i.longValue();
    }

    /** CPython's {@code _PyUnicode_FormatLong}: digits, '-' sign, alt prefix, zero-padded to precision. */
    private static String formatLong(Number value, int flags, int precision, char type, int maxStrDigits) {
        boolean negative = PyInts.signum(value) < 0;
        String digits = switch (type) {
            case 'o' -> PyInts.toString(value, 8, false);
            case 'x', 'X' -> PyInts.toString(value, 16, false);
            default -> PyInts.toString(value, maxStrDigits);
        };
        if (negative) {
            digits = digits.substring(1);
        }
        String prefix = (flags & F_ALT) != 0 && type != 'd' && type != 'i' && type != 'u'
                ? (type == 'o' ? "0o" : "0x") : "";
        if ((long) precision + digits.length() > Integer.MAX_VALUE - 64) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        StringBuilder out = new StringBuilder(digits.length() + Math.max(precision, 0) + 3);
        if (negative) {
            out.append('-');
        }
        out.append(prefix);
        for (long i = digits.length(); i < precision; i++) {
            out.append('0');
        }
        out.append(digits);
        String result = out.toString();
        return type == 'X' ? result.toUpperCase() : result;
    }

    /** CPython's {@code unicode_format_arg_output}. */
    private static void output(StringBuilder out, String text, int ch, int flags, long width, int precision,
                               boolean numeric) {
        int length = text.codePointCount(0, text.length());
        if ((width == -1 || width <= length) && (precision == -1 || precision >= length)
                && (flags & (F_SIGN | F_BLANK)) == 0) {
            out.append(text);
            return;
        }
        int start = 0;
        if ((ch == 's' || ch == 'r' || ch == 'a') && precision >= 0 && length > precision) {
            length = precision;
        }
        int fill = numeric && (flags & F_ZERO) != 0 ? '0' : ' ';
        boolean sign = numeric;
        char signChar = 0;
        if (sign) {
            char first = text.charAt(0);
            if (first == '-' || first == '+') {
                signChar = first;
                length--;
                start++;
            } else if ((flags & F_SIGN) != 0) {
                signChar = '+';
            } else if ((flags & F_BLANK) != 0) {
                signChar = ' ';
            } else {
                sign = false;
            }
        }
        if (width < length) {
            width = length;
        }
        if (width > Integer.MAX_VALUE - 16 - out.length()) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        if (sign) {
            if (fill != ' ') {
                out.append(signChar);
            }
            if (width > length) {
                width--;
            }
        }
        boolean altPrefix = (flags & F_ALT) != 0 && (ch == 'x' || ch == 'X' || ch == 'o');
        if (altPrefix) {
            if (fill != ' ') {
                out.append(text, start, start + 2);
                start += 2;
            }
            width = Math.max(0, width - 2);
            length -= 2;
        }
        if (width > length && (flags & F_LJUST) == 0) {
            for (long i = length; i < width; i++) {
                out.append((char) fill);
            }
            width = length;
        }
        if (fill == ' ') {
            if (sign) {
                out.append(signChar);
            }
            if (altPrefix) {
                out.append(text, start, start + 2);
                start += 2;
            }
        }
        int end = text.offsetByCodePoints(start, length);
        out.append(text, start, end);
        for (long i = length; i < width; i++) {
            out.append(' ');
        }
    }
}
