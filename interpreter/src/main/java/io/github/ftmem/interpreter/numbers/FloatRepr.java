package io.github.ftmem.interpreter.numbers;

import io.github.ftmem.interpreter.text.PyStrings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to string and string to float exactly as CPython 3.11.
 *
 * <p>CPython formats every float through David Gay's {@code _Py_dg_dtoa}, which returns a
 * correctly rounded digit string (no trailing zeros) and a decimal point position, and then lays
 * the digits out in {@code format_float_short} ({@code Python/pystrtod.c}). This class does the
 * same: {@link #digits} is the dtoa step for the three modes CPython uses (0: shortest round-trip
 * digits; 2: {@code n} significant digits; 3: {@code n} digits after the point), and
 * {@link #format} is a port of {@code format_float_short}.
 *
 * <ul>
 * <li>Mode 0 starts from {@link Double#toString}, which since JDK 19 yields the shortest decimal
 *     that round-trips and, among those, the closest to the binary value. It differs from Gay's
 *     mode 0 only when one digit suffices: the JDK then considers two-digit decimals too (so
 *     {@code 5e-324} prints as {@code 4.9E-324}); {@link #shortest} checks the one-digit
 *     candidates in that case.</li>
 * <li>Modes 2 and 3 round the exact binary value ({@code new BigDecimal(double)}) half-even, which
 *     is what Gay's correctly rounded conversion does: {@code '%.2f' % 0.125 == '0.12'}.</li>
 * </ul>
 */
public final class FloatRepr {

    /** Digits of a finite non-negative value: value = 0.{@code digits} × 10^{@code decpt}. */
    record Digits(String digits, int decpt) {
    }

    /** {@code round(x, n)} returns x itself for n above this (CPython's NDIGITS_MAX). */
    private static final int NDIGITS_MAX = (int) ((53 - (-1021)) * 0.30103);
    /** {@code round(x, n)} returns ±0.0 for n below this (CPython's NDIGITS_MIN). */
    private static final int NDIGITS_MIN = -(int) ((1024 + 1) * 0.30103);

    /** A double's exact decimal value has at most 767 significant digits: more are exact zeros. */
    private static final int MAX_SIGNIFICANT_DIGITS = 800;
    /** ... and at most 1074 digits after the point. */
    private static final int MAX_FRACTION_DIGITS = 1100;

    private static final long NEGATIVE_NAN_BITS = 0xfff8000000000000L;

    private FloatRepr() {
    }

    /** {@code repr(x)} (and {@code str(x)}): shortest round-trip digits, e.g. {@code 1e+16}, {@code 0.0001}. */
    public static String repr(double x) {
        return format(x, 'r', 0, false, false, true, false);
    }

    /** {@code str(x)}, the same as {@link #repr} since Python 3.2. */
    public static String str(double x) {
        return repr(x);
    }

    /**
     * CPython's {@code PyOS_double_to_string(x, type, precision, flags, NULL)}.
     *
     * @param type       one of {@code e E f F g G r} ({@code r} is repr: precision must be 0)
     * @param precision  digits after the point (e, f) or significant digits (g, 0 read as 1)
     * @param alt        {@code Py_DTSF_ALT}: keep the trailing point and trailing zeros ('#')
     * @param alwaysSign {@code Py_DTSF_SIGN}: a '+' on non-negative values
     * @param addDot0    {@code Py_DTSF_ADD_DOT_0}: integers in fixed notation get ".0"
     * @param noNegZero  {@code Py_DTSF_NO_NEG_0}: a result that rounds to zero loses its '-' ('z')
     */
    public static String format(double x, char type, int precision, boolean alt, boolean alwaysSign,
                                boolean addDot0, boolean noNegZero) {
        boolean upper = false;
        char code = type;
        int mode;
        long ndigits = precision;
        switch (type) {
            case 'E', 'F', 'G' -> {
                upper = true;
                code = Character.toLowerCase(type);
            }
            case 'e', 'f', 'g', 'r' -> {
            }
            default -> throw new IllegalArgumentException("bad float format type " + type);
        }
        switch (code) {
            case 'e' -> {
                mode = 2;
                ndigits++;
            }
            case 'f' -> mode = 3;
            case 'g' -> {
                mode = 2;
                if (ndigits == 0) {
                    ndigits = 1;
                }
            }
            default -> {
                if (precision != 0) {
                    throw new IllegalArgumentException("repr takes no precision");
                }
                mode = 0;
            }
        }
        boolean negative = (Double.doubleToRawLongBits(x) < 0);
        StringBuilder out = new StringBuilder(24);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            if (Double.isNaN(x)) {
                negative = false;
            }
            if (negative) {
                out.append('-');
            } else if (alwaysSign) {
                out.append('+');
            }
            String word = Double.isNaN(x) ? "nan" : "inf";
            out.append(upper ? word.toUpperCase() : word);
            return out.toString();
        }
        Digits d = digits(Math.abs(x), mode, (int) Math.min(ndigits, Integer.MAX_VALUE));
        String digits = d.digits();
        int digitsLen = digits.length();
        int decpt = d.decpt();
        if (noNegZero && negative && (digitsLen == 0 || (digitsLen == 1 && digits.charAt(0) == '0'))) {
            negative = false;
        }
        boolean useExp = false;
        int exp = 0;
        long vdigitsEnd = digitsLen;
        switch (code) {
            case 'e' -> {
                useExp = true;
                vdigitsEnd = ndigits;
            }
            case 'f' -> vdigitsEnd = (long) decpt + ndigits;
            case 'g' -> {
                if (decpt <= -4 || decpt > (addDot0 ? ndigits - 1 : ndigits)) {
                    useExp = true;
                }
                if (alt) {
                    vdigitsEnd = ndigits;
                }
            }
            default -> {
                if (decpt <= -4 || decpt > 16) {
                    useExp = true;
                }
            }
        }
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) {
            vdigitsEnd = Math.max(vdigitsEnd, decpt + 1L);
        } else {
            vdigitsEnd = Math.max(vdigitsEnd, decpt);
        }
        if (negative) {
            out.append('-');
        } else if (alwaysSign) {
            out.append('+');
        }
        if (decpt <= 0) {
            zeros(out, decpt - vdigitsStart);
            out.append('.');
            zeros(out, -decpt);
        } else {
            zeros(out, -vdigitsStart);
        }
        if (0 < decpt && decpt <= digitsLen) {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digitsLen);
        } else {
            out.append(digits);
        }
        if (digitsLen < decpt) {
            zeros(out, decpt - digitsLen);
            out.append('.');
            zeros(out, vdigitsEnd - decpt);
        } else {
            zeros(out, vdigitsEnd - digitsLen);
        }
        if (out.charAt(out.length() - 1) == '.' && !alt) {
            out.setLength(out.length() - 1);
        }
        if (useExp) {
            out.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
            int magnitude = Math.abs(exp);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
        return out.toString();
    }

    private static void zeros(StringBuilder out, long count) {
        if (out.length() + count > Integer.MAX_VALUE - 64) {
            throw PyLibError.memoryError();
        }
        for (long i = 0; i < count; i++) {
            out.append('0');
        }
    }

    /**
     * Gay's {@code _Py_dg_dtoa(ax, mode, ndigits)} for a finite {@code ax >= 0}: digits without
     * trailing zeros. Zero gives "0" at decpt 1; in mode 3 a value that rounds to zero gives no
     * digits at decpt {@code -ndigits}.
     */
    static Digits digits(double ax, int mode, int ndigits) {
        if (ax == 0.0) {
            return new Digits("0", 1);
        }
        if (mode == 0) {
            return shortest(ax);
        }
        BigDecimal exact = new BigDecimal(ax);
        BigDecimal rounded;
        if (mode == 2) {
            int significant = Math.min(Math.max(ndigits, 1), MAX_SIGNIFICANT_DIGITS);
            rounded = exact.round(new MathContext(significant, RoundingMode.HALF_EVEN));
        } else {
            rounded = exact.setScale(Math.min(ndigits, MAX_FRACTION_DIGITS), RoundingMode.HALF_EVEN);
            if (rounded.signum() == 0) {
                return new Digits("", -ndigits);
            }
        }
        return of(rounded);
    }

    private static Digits of(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale());
    }

    /** Mode 0: the shortest digit string that reads back as {@code ax}, the closest such. */
    static Digits shortest(double ax) {
        String java = Double.toString(ax);
        StringBuilder digits = new StringBuilder(20);
        int pointAt = -1;
        int exponent = 0;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '.') {
                pointAt = digits.length();
            } else if (c == 'E') {
                exponent = Integer.parseInt(java, i + 1, java.length(), 10);
                break;
            } else {
                digits.append(c);
            }
        }
        int decpt = (pointAt < 0 ? digits.length() : pointAt) + exponent;
        int lead = 0;
        while (digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        String result = digits.substring(lead, end);
        decpt -= lead;
        if (result.length() == 2) {
            return oneDigitIfPossible(ax, result, decpt);
        }
        return new Digits(result, decpt);
    }

    private static Digits oneDigitIfPossible(double ax, String twoDigits, int decpt) {
        BigDecimal exact = new BigDecimal(ax);
        BigDecimal below = exact.round(new MathContext(1, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(1, RoundingMode.CEILING));
        boolean belowOk = below.doubleValue() == ax;
        boolean aboveOk = above.doubleValue() == ax;
        if (belowOk && aboveOk) {
            int cmp = exact.subtract(below).compareTo(above.subtract(exact));
            if (cmp < 0) {
                return of(below);
            } else if (cmp > 0) {
                return of(above);
            }
            return below.unscaledValue().testBit(0) ? of(above) : of(below);
        } else if (belowOk) {
            return of(below);
        } else if (aboveOk) {
            return of(above);
        }
        return new Digits(twoDigits, decpt);
    }

    /**
     * {@code round(x, ndigits)} for a float (ndigits already clipped to a long as CPython's
     * {@code PyNumber_AsSsize_t} clips it): rounds the exact value half-even to a decimal string of
     * {@code ndigits} places and reads it back, as CPython's {@code double_round}.
     *
     * @throws PyLibError OverflowError "rounded value too large to represent"
     */
    public static double round(double x, long ndigits) {
        if (!Double.isFinite(x)) {
            return x;
        }
        if (ndigits > NDIGITS_MAX) {
            return x;
        }
        if (ndigits < NDIGITS_MIN) {
            return 0.0 * x;
        }
        BigDecimal rounded = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            return x < 0 || (x == 0 && Double.doubleToRawLongBits(x) < 0) ? -0.0 : 0.0;
        }
        double result = rounded.doubleValue();
        if (Double.isInfinite(result)) {
            throw PyLibError.overflowError("rounded value too large to represent");
        }
        return result;
    }

    /**
     * The float {@code round(x)} rounds to before converting to int: nearest, ties to even (for
     * finite values; the int conversion is {@link PyInts#fromDouble}).
     */
    public static double roundHalfEven(double x) {
        return Math.rint(x);
    }

    /**
     * {@code float(s)} for a str: surrounding whitespace, a sign, digits with single underscores
     * between digits, {@code inf}/{@code infinity}/{@code nan} in any case; non-ASCII decimal digits
     * count as their ASCII values. Overflow gives ±inf as in CPython.
     *
     * @throws PyLibError ValueError "could not convert string to float: 'x'"
     */
    public static double parse(CharSequence s) {
        return parseAscii(PyInts.asciiForm(s), s);
    }

    private static double parseAscii(StringBuilder s, CharSequence original) {
        int prev = 0;
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (!(prev >= '0' && prev <= '9')) {
                    throw invalid(original);
                }
            } else {
                if (prev == '_' && !(c >= '0' && c <= '9')) {
                    throw invalid(original);
                }
                clean.append(c);
            }
            prev = c;
        }
        if (prev == '_') {
            throw invalid(original);
        }
        int start = 0;
        int end = clean.length();
        while (start < end && isAsciiSpace(clean.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(clean.charAt(end - 1))) {
            end--;
        }
        int p = start;
        boolean negative = false;
        if (p < end && (clean.charAt(p) == '+' || clean.charAt(p) == '-')) {
            negative = clean.charAt(p) == '-';
            p++;
        }
        String rest = clean.substring(p, end);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (rest.equalsIgnoreCase("nan")) {
            return negative ? Double.longBitsToDouble(NEGATIVE_NAN_BITS) : Double.NaN;
        }
        if (!isDecimalFloat(rest)) {
            throw invalid(original);
        }
        double value = Double.parseDouble(rest);
        return negative ? -value : value;
    }

    private static PyLibError invalid(CharSequence original) {
        return PyLibError.valueError("could not convert string to float: " + PyStrings.repr(original));
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }

    /** {@code digits [. digits?] | . digits}, then an optional {@code e[sign]digits}. */
    private static boolean isDecimalFloat(String s) {
        int i = 0;
        int n = s.length();
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
