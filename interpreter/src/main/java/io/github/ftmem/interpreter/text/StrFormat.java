package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.PyLibError;

/**
 * {@code str.format(*args, **kwargs)} and {@code str.format_map(mapping)}, exactly as CPython
 * 3.11's {@code Objects/stringlib/unicode_format.h}: literal text with {@code {{} and {@code }}}
 * escapes, replacement fields {@code {field_name!conversion:format_spec}} whose field name is an
 * argument index (or empty: automatic numbering) or a keyword followed by {@code .attr} and
 * {@code [index]} parts, conversions {@code !s !r !a}, and format specs that may contain nested
 * fields (two levels, as CPython). CPython's errors in CPython's order.
 *
 * <p>The evaluator owns the objects: it passes a {@link Fields} that looks up arguments, attributes
 * and items, converts and formats them (for {@code format(obj, spec)} of int, float and str it calls
 * {@link FormatSpec}). Exceptions a callback throws (KeyError, AttributeError, IndexError from
 * {@code obj[i]}) propagate unchanged.
 */
public final class StrFormat {

    /** The evaluator's side of a {@code str.format} call. */
    public interface Fields<V> {

        /** Number of positional arguments, or -1 for {@code format_map} (which has none). */
        int positionalCount();

        /** The positional argument {@code index} (0 <= index < positionalCount()). */
        V positional(int index);

        /** {@code kwargs[name]} (or {@code mapping[name]} for format_map); throws the evaluator's KeyError. */
        V keyword(String name);

        /** {@code getattr(obj, name)}. */
        V getAttr(V obj, String name);

        /** {@code obj[key]} for a str key. */
        V getItem(V obj, String key);

        /** {@code obj[index]} for an int key. */
        V getItem(V obj, long index);

        /** {@code str(obj)}. */
        String str(V obj);

        /** {@code repr(obj)}. */
        String repr(V obj);

        /** {@code format(obj, spec)}. */
        String format(V obj, String spec);
    }

    private static final int RECURSION_DEPTH = 2;

    /** CPython's {@code AutoNumber}: whether fields are numbered automatically or manually. */
    private static final class AutoNumber {
        int state;
        int next;
    }

    private static final int INIT = 0;
    private static final int AUTO = 1;
    private static final int MANUAL = 2;

    private StrFormat() {
    }

    /** {@code format.format(...)} / {@code format.format_map(...)}. */
    public static <V> String format(String format, Fields<V> fields) {
        int[] cp = format.codePoints().toArray();
        StringBuilder out = new StringBuilder(cp.length + 16);
        build(cp, 0, cp.length, fields, RECURSION_DEPTH, new AutoNumber(), out);
        return out.toString();
    }

    private static <V> void build(int[] s, int start, int end, Fields<V> fields, int depth, AutoNumber auto,
                                  StringBuilder out) {
        if (depth <= 0) {
            throw PyLibError.valueError("Max string recursion exceeded");
        }
        int pos = start;
        while (pos < end) {
            int literalStart = pos;
            int c = 0;
            boolean markup = false;
            while (pos < end) {
                c = s[pos++];
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= end;
            int literalLength = pos - literalStart;
            if (c == '}' && markup && (atEnd || s[pos] != '}')) {
                throw PyLibError.valueError("Single '}' encountered in format string");
            }
            if (atEnd && c == '{' && markup) {
                throw PyLibError.valueError("Single '{' encountered in format string");
            }
            if (!atEnd && markup) {
                if (c == s[pos]) {
                    pos++;
                    markup = false;
                } else {
                    literalLength--;
                }
            }
            appendCodePoints(out, s, literalStart, literalStart + literalLength);
            if (!markup) {
                continue;
            }
            pos = field(s, pos, end, fields, depth, auto, out);
        }
    }

    private static void appendCodePoints(StringBuilder out, int[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            out.appendCodePoint(s[i]);
        }
    }

    /**
     * CPython's {@code parse_field} + {@code output_markup} for the field starting at {@code pos}
     * (just after its '{'); returns the position after the field's closing '}'.
     */
    private static <V> int field(int[] s, int pos, int end, Fields<V> fields, int depth, AutoNumber auto,
                                 StringBuilder out) {
        int nameStart = pos;
        int c = 0;
        while (pos < end) {
            c = s[pos++];
            if (c == '{') {
                throw PyLibError.valueError("unexpected '{' in field name");
            } else if (c == '[') {
                while (pos < end && s[pos] != ']') {
                    pos++;
                }
                continue;
            } else if (c == '}' || c == ':' || c == '!') {
                break;
            }
        }
        int nameEnd = pos - 1;
        int conversion = 0;
        int specStart = pos;
        int specEnd = pos;
        boolean needsExpanding = false;
        if (c == '!' || c == ':') {
            boolean specFollows = true;
            if (c == '!') {
                if (pos >= end) {
                    throw PyLibError.valueError("end of string while looking for conversion specifier");
                }
                conversion = s[pos++];
                if (pos < end) {
                    int next = s[pos++];
                    if (next == '}') {
                        specFollows = false;
                        specStart = pos;
                        specEnd = pos;
                    } else if (next != ':') {
                        throw PyLibError.valueError("expected ':' after conversion specifier");
                    }
                }
            }
            if (specFollows) {
                specStart = pos;
                int count = 1;
                boolean closed = false;
                while (pos < end) {
                    int ch = s[pos++];
                    if (ch == '{') {
                        needsExpanding = true;
                        count++;
                    } else if (ch == '}' && --count == 0) {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    throw PyLibError.valueError("unmatched '{' in format spec");
                }
                specEnd = pos - 1;
            }
        } else if (c != '}') {
            throw PyLibError.valueError("expected '}' before end of string");
        }
        V obj = fieldObject(s, nameStart, nameEnd, fields, auto);
        String text = null;
        if (conversion != 0) {
            text = switch (conversion) {
                case 'r' -> fields.repr(obj);
                case 's' -> fields.str(obj);
                case 'a' -> PyStrings.ascii(fields.repr(obj));
                default -> throw PyLibError.valueError("Unknown conversion specifier "
                        + (conversion > 32 && conversion < 127 ? Character.toString(conversion)
                        : "\\x" + Integer.toHexString(conversion)));
            };
        }
        String spec;
        if (needsExpanding) {
            StringBuilder expanded = new StringBuilder();
            build(s, specStart, specEnd, fields, depth - 1, auto, expanded);
            spec = expanded.toString();
        } else {
            spec = new String(s, specStart, specEnd - specStart);
        }
        out.append(text != null ? FormatSpec.formatStr(text, spec) : fields.format(obj, spec));
        return pos;
    }

    /** CPython's {@code get_field_object}: the argument, then its {@code .attr} and {@code [key]} parts. */
    private static <V> V fieldObject(int[] s, int start, int end, Fields<V> fields, AutoNumber auto) {
        int firstEnd = start;
        while (firstEnd < end && s[firstEnd] != '.' && s[firstEnd] != '[') {
            firstEnd++;
        }
        long index = integer(s, start, firstEnd);
        boolean empty = firstEnd == start;
        boolean numeric = empty || index != -1;
        if (auto != null) {
            if (auto.state == INIT && numeric) {
                auto.state = empty ? AUTO : MANUAL;
            }
            if (numeric) {
                if (auto.state == MANUAL && empty) {
                    throw PyLibError.valueError(
                            "cannot switch from manual field specification to automatic field numbering");
                }
                if (auto.state != MANUAL && !empty) {
                    throw PyLibError.valueError(
                            "cannot switch from automatic field numbering to manual field specification");
                }
            }
            if (empty) {
                index = auto.next++;
            }
        }
        V obj;
        if (index == -1) {
            obj = fields.keyword(new String(s, start, firstEnd - start));
        } else {
            int count = fields.positionalCount();
            if (count < 0) {
                throw PyLibError.valueError("Format string contains positional fields");
            }
            if (index >= count) {
                throw new PyLibError(PyLibError.Kind.INDEX_ERROR,
                        "Replacement index " + index + " out of range for positional args tuple");
            }
            obj = fields.positional((int) index);
        }
        int pos = firstEnd;
        while (pos < end) {
            int c = s[pos++];
            String name;
            if (c == '.') {
                int nameStart = pos;
                while (pos < end && s[pos] != '.' && s[pos] != '[') {
                    pos++;
                }
                name = new String(s, nameStart, pos - nameStart);
                if (name.isEmpty()) {
                    throw PyLibError.valueError("Empty attribute in format string");
                }
                obj = fields.getAttr(obj, name);
            } else if (c == '[') {
                int nameStart = pos;
                while (pos < end && s[pos] != ']') {
                    pos++;
                }
                if (pos >= end) {
                    throw PyLibError.valueError("Missing ']' in format string");
                }
                name = new String(s, nameStart, pos - nameStart);
                long key = integer(s, nameStart, pos);
                pos++;
                if (name.isEmpty()) {
                    throw PyLibError.valueError("Empty attribute in format string");
                }
                obj = key == -1 ? fields.getItem(obj, name) : fields.getItem(obj, key);
            } else {
                throw PyLibError.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }

    /** CPython's {@code get_integer}: the decimal value of s[start, end), or -1 if empty or not all digits. */
    private static long integer(int[] s, int start, int end) {
        if (start >= end) {
            return -1;
        }
        long accumulator = 0;
        for (int i = start; i < end; i++) {
            if (Character.getType(s[i]) != Character.DECIMAL_DIGIT_NUMBER) {
                return -1;
            }
            int digit = Character.digit(s[i], 10);
            if (accumulator > (Long.MAX_VALUE - digit) / 10) {
                throw PyLibError.valueError("Too many decimal digits in format string");
            }
            accumulator = accumulator * 10 + digit;
        }
        return accumulator;
    }
}
