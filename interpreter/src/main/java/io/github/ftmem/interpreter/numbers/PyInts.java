package io.github.ftmem.interpreter.numbers;

import io.github.ftmem.interpreter.text.PyStrings;

import java.math.BigInteger;

/**
 * Python {@code int} arithmetic on Java values, exactly as CPython 3.11.
 *
 * <p>An int is a {@link Number} that is either a {@link Long} or, only when the value does not
 * fit in 64 bits, a {@link BigInteger}: every method returns this normalized form (see
 * {@link #normalize}), and accepts either form (a BigInteger that fits is fine as input). The
 * {@code long} overloads are the fast paths the evaluator calls when both operands are small: they
 * return a {@code Long} unless the result overflows.
 *
 * <p>Python semantics: floor division and modulo round toward negative infinity (the remainder has
 * the divisor's sign), shifts and bitwise operators act on an infinite two's complement, a
 * negative exponent gives a float, {@code pow(a, -1, m)} is the modular inverse. Decimal string
 * conversion is subject to 3.11's digit limit ({@link #DEFAULT_MAX_STR_DIGITS}, the value of
 * {@code sys.get_int_max_str_digits()}; 0 means no limit), which the evaluator passes in.
 */
public final class PyInts {

    /** CPython 3.11's default {@code sys.int_info.default_max_str_digits}. */
    public static final int DEFAULT_MAX_STR_DIGITS = 4300;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private PyInts() {
    }

    // ------------------------------------------------------------------ representation

    /** A {@code Long} if {@code v} fits in 64 bits, else {@code v}. */
    public static Number normalize(BigInteger v) {
        return v.bitLength() < 64 ? (Number) v.longValue() : v;
    }

    /** {@code v} as a BigInteger. */
    public static BigInteger big(Number v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(v.longValue());
    }

    private static boolean isLong(Number v) {
        return v instanceof Long || ((BigInteger) v).bitLength() < 64;
    }

    private static void checkInt(Number v) {
        if (!(v instanceof Long || v instanceof BigInteger)) {
            throw new IllegalArgumentException("not a Python int representation: " + v.getClass());
        }
    }

    /** The sign of v: -1, 0 or 1. */
    public static int signum(Number v) {
        checkInt(v);
        return v instanceof Long l ? Long.signum(l) : ((BigInteger) v).signum();
    }

    // ------------------------------------------------------------------ arithmetic, long fast paths

    public static Number add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        }
        return r;
    }

    public static Number subtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
        }
        return r;
    }

    public static Number multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    }

    public static Number negate(long a) {
        return a == Long.MIN_VALUE ? BigInteger.valueOf(a).negate() : (Number) (-a);
    }

    public static Number abs(long a) {
        return a < 0 ? negate(a) : (Number) a;
    }

    /** {@code a // b}. */
    public static Number floorDiv(long a, long b) {
        if (b == 0) {
            throw PyLibError.zeroDivisionError("integer division or modulo by zero");
        }
        if (a == Long.MIN_VALUE && b == -1) {
            return BigInteger.valueOf(a).negate();
        }
        return Math.floorDiv(a, b);
    }

    /** {@code a % b}. */
    public static long mod(long a, long b) {
        if (b == 0) {
            throw PyLibError.zeroDivisionError("integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    // ------------------------------------------------------------------ arithmetic, general

    public static Number add(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return add((long) x, (long) y);
        }
        return normalize(big(a).add(big(b)));
    }

    public static Number subtract(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return subtract((long) x, (long) y);
        }
        return normalize(big(a).subtract(big(b)));
    }

    public static Number multiply(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return multiply((long) x, (long) y);
        }
        return normalize(big(a).multiply(big(b)));
    }

    public static Number negate(Number a) {
        return a instanceof Long x ? negate((long) x) : normalize(((BigInteger) a).negate());
    }

    public static Number abs(Number a) {
        return signum(a) < 0 ? negate(a) : normalize(big(a));
    }

    /** {@code a // b}; ZeroDivisionError "integer division or modulo by zero". */
    public static Number floorDiv(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return floorDiv((long) x, (long) y);
        }
        return normalize(divmodBig(big(a), big(b), "integer division or modulo by zero")[0]);
    }

    /** {@code a % b}; ZeroDivisionError "integer modulo by zero". */
    public static Number mod(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return mod((long) x, (long) y);
        }
        return normalize(divmodBig(big(a), big(b), "integer modulo by zero")[1]);
    }

    /** {@code divmod(a, b)} as {@code {a // b, a % b}}. */
    public static Number[] divmod(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y && !(x == Long.MIN_VALUE && y == -1)) {
            if (y == 0) {
                throw PyLibError.zeroDivisionError("integer division or modulo by zero");
            }
            return new Number[] {Math.floorDiv(x, y), Math.floorMod(x, y)};
        }
        BigInteger[] qr = divmodBig(big(a), big(b), "integer division or modulo by zero");
        return new Number[] {normalize(qr[0]), normalize(qr[1])};
    }

    private static BigInteger[] divmodBig(BigInteger a, BigInteger b, String zeroMessage) {
        if (b.signum() == 0) {
            throw PyLibError.zeroDivisionError(zeroMessage);
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(b);
        }
        return qr;
    }

    /**
     * {@code a / b}: the correctly rounded quotient (CPython's {@code long_true_divide}), signed
     * zero for a zero numerator and a negative quotient.
     *
     * @throws PyLibError ZeroDivisionError "division by zero", OverflowError "integer division
     *                    result too large for a float"
     */
    public static double trueDivide(Number a, Number b) {
        if (signum(b) == 0) {
            throw PyLibError.zeroDivisionError("division by zero");
        }
        if (a instanceof Long x && b instanceof Long y
                && Math.abs(x) <= EXACT_DOUBLE_LIMIT && Math.abs(y) <= EXACT_DOUBLE_LIMIT
                && x != Long.MIN_VALUE && y != Long.MIN_VALUE) {
            return (double) x / (double) y;
        }
        BigInteger x = big(a);
        BigInteger y = big(b);
        boolean negative = (x.signum() < 0) != (y.signum() < 0);
        if (x.signum() == 0) {
            return negative ? -0.0 : 0.0;
        }
        double magnitude = divideRounded(x.abs(), y.abs());
        if (Double.isInfinite(magnitude)) {
            throw PyLibError.overflowError("integer division result too large for a float");
        }
        return negative ? -magnitude : magnitude;
    }

    /** x / y rounded half-even to a double, for x, y > 0 (infinity when too large). */
    private static double divideRounded(BigInteger x, BigInteger y) {
        return ratioToDouble(x, y, 0);
    }

    /** x / y × 2^scale rounded half-even to a double, for x, y > 0 (infinity when too large). */
    static double ratioToDouble(BigInteger x, BigInteger y, long scale) {
        long estimate = (long) x.bitLength() - y.bitLength() + scale;
        if (estimate > 1100) {
            return Double.POSITIVE_INFINITY;
        }
        if (estimate < -1200) {
            return 0.0;
        }
        int shift = 55 - (x.bitLength() - y.bitLength());
        BigInteger[] qr = shift >= 0 ? x.shiftLeft(shift).divideAndRemainder(y)
                : x.divideAndRemainder(y.shiftLeft(-shift));
        return roundToDouble(qr[0], qr[1].signum() != 0, (int) (scale - shift));
    }

    /**
     * q × 2^scale rounded half-even to a double, where {@code inexact} says the true value is a
     * little more than that (a sticky bit below q's last bit).
     */
    static double roundToDouble(BigInteger q, boolean inexact, int scale) {
        int length = q.bitLength();
        if (length == 0) {
            return 0.0;
        }
        int topExponent = length - 1 + scale;
        if (topExponent > 1100) {
            return Double.POSITIVE_INFINITY;
        }
        int precision = topExponent >= -1022 ? 53 : topExponent + 1074 + 1;
        int drop = length - precision;
        if (drop <= 0) {
            return Math.scalb(q.doubleValue(), scale);
        }
        BigInteger kept = q.shiftRight(drop);
        boolean roundBit = q.testBit(drop - 1);
        boolean sticky = inexact || q.getLowestSetBit() < drop - 1;
        if (roundBit && (sticky || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
        }
        return Math.scalb(kept.doubleValue(), scale + drop);
    }

    /**
     * {@code float(v)}: correctly rounded (half-even).
     *
     * @throws PyLibError OverflowError "int too large to convert to float"
     */
    public static double toDouble(Number v) {
        if (v instanceof Long x) {
            return (double) x;
        }
        double d = ((BigInteger) v).doubleValue();
        if (Double.isInfinite(d)) {
            throw PyLibError.overflowError("int too large to convert to float");
        }
        return d;
    }

    /**
     * {@code int(x)} for a float: truncation toward zero.
     *
     * @throws PyLibError OverflowError "cannot convert float infinity to integer", ValueError
     *                    "cannot convert float NaN to integer"
     */
    public static Number fromDouble(double x) {
        if (Double.isNaN(x)) {
            throw PyLibError.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw PyLibError.overflowError("cannot convert float infinity to integer");
        }
        if (x > -0x1p63 && x < 0x1p63) {
            return (long) x;
        }
        return normalize(new java.math.BigDecimal(x).toBigInteger());
    }

    // ------------------------------------------------------------------ power

    /**
     * {@code a ** b}: an int for {@code b >= 0}, a float for {@code b < 0} (both converted to float,
     * then the correctly rounded power, as glibc's {@code pow} gives CPython).
     *
     * @throws PyLibError ZeroDivisionError "0.0 cannot be raised to a negative power",
     *                    OverflowError "int too large to convert to float", MemoryError when the
     *                    result cannot be held
     */
    public static Number pow(Number a, Number b) {
        if (signum(b) < 0) {
            double base = toDouble(a);
            double exponent = toDouble(b);
            if (base == 0.0) {
                throw PyLibError.zeroDivisionError("0.0 cannot be raised to a negative power");
            }
            return powNegative(base, exponent);
        }
        BigInteger base = big(a);
        if (base.signum() == 0 || base.equals(BigInteger.ONE)) {
            return signum(b) == 0 ? 1L : normalize(base);
        }
        if (base.equals(BigInteger.ONE.negate())) {
            return big(b).testBit(0) ? -1L : 1L;
        }
        if (!isLong(b) || big(b).longValue() > Integer.MAX_VALUE
                || (long) base.abs().bitLength() * big(b).longValue() > Integer.MAX_VALUE) {
            throw PyLibError.memoryError();
        }
        int exponent = big(b).intValue();
        if (a instanceof Long x && exponent < 64) {
            return powLong(x, exponent);
        }
        return normalize(base.pow(exponent));
    }

    /**
     * C's {@code pow(base, exponent)} for an integral base with |base| >= 1 and a negative integral
     * exponent: 1 / base^n rounded correctly (glibc's pow is correctly rounded in all but
     * vanishingly rare cases), zero on underflow, the parity taken from the double exponent.
     */
    private static double powNegative(double base, double exponent) {
        double n = -exponent;
        boolean odd = n < 0x1p53 && (((long) n) & 1) == 1;
        boolean negative = base < 0 && odd;
        BigInteger magnitude = new java.math.BigDecimal(Math.abs(base)).toBigInteger();
        if (magnitude.equals(BigInteger.ONE)) {
            return negative ? -1.0 : 1.0;
        }
        if ((magnitude.bitLength() - 1) * n > 1080) {
            return negative ? -0.0 : 0.0;
        }
        double result = divideRounded(BigInteger.ONE, magnitude.pow((int) n));
        return negative ? -result : result;
    }

    private static Number powLong(long base, int exponent) {
        Number result = 1L;
        for (int i = 0; i < exponent; i++) {
            result = multiply(result, base);
            if (!(result instanceof Long)) {
                return normalize(BigInteger.valueOf(base).pow(exponent));
            }
        }
        return result;
    }

    /**
     * {@code pow(a, b, m)}: the result has m's sign (in {@code (m, 0]} for negative m); a negative
     * b uses the inverse of a modulo m.
     *
     * @throws PyLibError ValueError "pow() 3rd argument cannot be 0", "base is not invertible
     *                    for the given modulus"
     */
    public static Number pow(Number a, Number b, Number m) {
        BigInteger modulus = big(m);
        if (modulus.signum() == 0) {
            throw PyLibError.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger absModulus = modulus.abs();
        BigInteger base = big(a);
        BigInteger exponent = big(b);
        if (exponent.signum() < 0) {
            try {
                base = base.mod(absModulus).modInverse(absModulus);
            } catch (ArithmeticException notInvertible) {
                if (absModulus.equals(BigInteger.ONE)) {
                    return 0L;
                }
                throw PyLibError.valueError("base is not invertible for the given modulus");
            }
            exponent = exponent.negate();
        }
        BigInteger result = absModulus.equals(BigInteger.ONE) ? BigInteger.ZERO
                : base.modPow(exponent, absModulus);
        if (modulus.signum() < 0 && result.signum() != 0) {
            result = result.add(modulus);
        }
        return normalize(result);
    }

    /**
     * {@code round(v, ndigits)} for an int: v itself for ndigits >= 0, else the nearest multiple of
     * 10^-ndigits, ties to even. (CPython computes 10^-ndigits even when it dwarfs v, which hangs
     * for ndigits like -10**20; here such a v rounds to 0 at once.)
     */
    public static Number round(Number v, Number ndigits) {
        if (signum(ndigits) >= 0) {
            return normalize(big(v));
        }
        BigInteger magnitude = big(ndigits).negate();
        BigInteger value = big(v);
        if (magnitude.bitLength() > 31 || magnitude.intValue() > value.abs().bitLength() * 30103L / 100000 + 2) {
            return 0L;
        }
        BigInteger unit = BigInteger.TEN.pow(magnitude.intValue());
        BigInteger[] qr = divmodBig(value, unit, "");
        int half = qr[1].shiftLeft(1).compareTo(unit);
        BigInteger result = qr[0];
        if (half > 0 || (half == 0 && qr[0].testBit(0))) {
            result = result.add(BigInteger.ONE);
        }
        return normalize(result.multiply(unit));
    }

    /**
     * Compares an int with a non-NaN float exactly (CPython's {@code float_richcompare}: 2**53 + 1
     * is greater than 2.0**53, though {@code float(2**53 + 1) == 2.0**53}).
     *
     * @throws IllegalArgumentException for NaN: every ordering comparison with NaN is False and
     *                                  {@code !=} True, which the evaluator decides itself
     */
    public static int compareWithFloat(Number v, double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("NaN is unordered");
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? -1 : 1;
        }
        if (v instanceof Long l && Math.abs(l) <= EXACT_DOUBLE_LIMIT && l != Long.MIN_VALUE) {
            return Double.compare((double) l, x == 0.0 ? 0.0 : x);
        }
        return new java.math.BigDecimal(big(v)).compareTo(new java.math.BigDecimal(x));
    }

    // ------------------------------------------------------------------ bits

    /** {@code a << n}; ValueError "negative shift count", OverflowError "too many digits in integer". */
    public static Number shiftLeft(Number a, Number n) {
        if (signum(n) < 0) {
            throw PyLibError.valueError("negative shift count");
        }
        if (signum(a) == 0) {
            return 0L;
        }
        if (!isLong(n) || big(n).longValue() > Integer.MAX_VALUE - 64) {
            throw PyLibError.overflowError("too many digits in integer");
        }
        int shift = big(n).intValue();
        if (a instanceof Long x && shift < 63) {
            long r = x << shift;
            if (r >> shift == x) {
                return r;
            }
        }
        return normalize(big(a).shiftLeft(shift));
    }

    /** {@code a >> n}: floor division by 2^n; ValueError "negative shift count". */
    public static Number shiftRight(Number a, Number n) {
        if (signum(n) < 0) {
            throw PyLibError.valueError("negative shift count");
        }
        if (!isLong(n) || big(n).longValue() > Integer.MAX_VALUE) {
            return signum(a) < 0 ? -1L : 0L;
        }
        long shift = big(n).longValue();
        if (a instanceof Long x) {
            return x >> Math.min(shift, 63);
        }
        return normalize(((BigInteger) a).shiftRight((int) shift));
    }

    public static Number and(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x & y;
        }
        return normalize(big(a).and(big(b)));
    }

    public static Number or(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x | y;
        }
        return normalize(big(a).or(big(b)));
    }

    public static Number xor(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x ^ y;
        }
        return normalize(big(a).xor(big(b)));
    }

    /** {@code ~a}. */
    public static Number invert(Number a) {
        return a instanceof Long x ? ~x : normalize(((BigInteger) a).not());
    }

    /** {@code a.bit_length()}. */
    public static long bitLength(Number a) {
        if (a instanceof Long x) {
            return x == Long.MIN_VALUE ? 64 : 64 - Long.numberOfLeadingZeros(Math.abs(x));
        }
        return ((BigInteger) a).abs().bitLength();
    }

    /** Three-way comparison. */
    public static int compare(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return big(a).compareTo(big(b));
    }

    // ------------------------------------------------------------------ strings

    /** {@code str(v)} with the default digit limit. */
    public static String toString(Number v) {
        return toString(v, DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code str(v)}; {@code maxStrDigits} is {@code sys.get_int_max_str_digits()} (0: none).
     *
     * @throws PyLibError ValueError "Exceeds the limit (4300 digits) for integer string conversion;
     *                    use sys.set_int_max_str_digits() to increase the limit"
     */
    public static String toString(Number v, int maxStrDigits) {
        if (v instanceof Long x) {
            return Long.toString(x);
        }
        BigInteger b = (BigInteger) v;
        if (maxStrDigits > 0 && (long) b.bitLength() * 30103 / 100000 > maxStrDigits + 1) {
            throw strLimit(maxStrDigits);
        }
        String s = b.toString();
        int digits = s.length() - (b.signum() < 0 ? 1 : 0);
        if (maxStrDigits > 0 && digits > maxStrDigits) {
            throw strLimit(maxStrDigits);
        }
        return s;
    }

    private static PyLibError strLimit(int maxStrDigits) {
        return PyLibError.valueError("Exceeds the limit (" + maxStrDigits + " digits) for integer string "
                + "conversion; use sys.set_int_max_str_digits() to increase the limit");
    }

    /**
     * Digits of |v| in {@code radix} 2..36, lowercase, with a '-' for negative values and no
     * prefix (no digit limit: the limit only applies to decimal).
     */
    public static String toString(Number v, int radix, boolean withPrefix) {
        String digits = v instanceof Long x ? Long.toString(x, radix) : ((BigInteger) v).toString(radix);
        if (!withPrefix) {
            return digits;
        }
        String prefix = switch (radix) {
            case 2 -> "0b";
            case 8 -> "0o";
            case 16 -> "0x";
            default -> throw new IllegalArgumentException("no Python prefix for radix " + radix);
        };
        return digits.startsWith("-") ? "-" + prefix + digits.substring(1) : prefix + digits;
    }

    /** {@code bin(v)}: {@code '-0b101'}. */
    public static String bin(Number v) {
        return toString(v, 2, true);
    }

    /** {@code oct(v)}: {@code '0o17'}. */
    public static String oct(Number v) {
        return toString(v, 8, true);
    }

    /** {@code hex(v)}: {@code '0xff'}. */
    public static String hex(Number v) {
        return toString(v, 16, true);
    }

    /** {@code int(s, base)} with the default digit limit. */
    public static Number parse(CharSequence s, int base) {
        return parse(s, base, DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code int(s, base)} for a str, as CPython 3.11's {@code PyLong_FromUnicodeObject}:
     * surrounding whitespace, a sign, base 0 (a 0x/0o/0b prefix or decimal, which must not have
     * leading zeros unless it is zero) or 2..36 (the base's own prefix allowed), single underscores
     * between digits (and after a prefix), non-ASCII decimal digits.
     *
     * @throws PyLibError ValueError "invalid literal for int() with base 10: 'x'",
     *                    "int() base must be >= 2 and <= 36, or 0", the digit limit
     */
    public static Number parse(CharSequence s, int base, int maxStrDigits) {
        if ((base != 0 && base < 2) || base > 36) {
            throw PyLibError.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        BigInteger value = parseAscii(asciiForm(s), base, maxStrDigits);
        if (value == null) {
            throw invalidLiteral(s, base);
        }
        return normalize(value);
    }

    /**
     * The ASCII form int() and float() parse: Unicode whitespace becomes a space, non-ASCII decimal
     * digits their ASCII digit; any other non-ASCII character ends the text with {@code '?'}, which no
     * number literal accepts (the error message quotes the original text).
     */
    static StringBuilder asciiForm(CharSequence s) {
        int n = s.length();
        StringBuilder ascii = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp < 128) {
                ascii.append((char) cp);
            } else if (PyStrings.isSpace(cp)) {
                ascii.append(' ');
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                ascii.append('?');
                break;
            }
        }
        return ascii;
    }

    private static PyLibError invalidLiteral(CharSequence s, int base) {
        String repr = PyStrings.repr(s);
        if (repr.codePointCount(0, repr.length()) > 200) {
            repr = repr.substring(0, repr.offsetByCodePoints(0, 200));
        }
        return PyLibError.valueError("invalid literal for int() with base " + base + ": " + repr);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 99;
    }

    /** CPython's {@code PyLong_FromString} over the transformed text; null for an invalid literal. */
    private static BigInteger parseAscii(CharSequence s, int base, int maxStrDigits) {
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        char c0 = i < n ? s.charAt(i) : 0;
        char c1 = i + 1 < n ? Character.toLowerCase(s.charAt(i + 1)) : 0;
        boolean errorIfNonzero = false;
        if (base == 0) {
            if (c0 != '0') {
                base = 10;
            } else if (c1 == 'x') {
                base = 16;
            } else if (c1 == 'o') {
                base = 8;
            } else if (c1 == 'b') {
                base = 2;
            } else {
                errorIfNonzero = true;
                base = 10;
            }
        }
        if (c0 == '0' && ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b'))) {
            i += 2;
            if (i < n && s.charAt(i) == '_') {
                i++;
            }
        }
        if (i < n && s.charAt(i) == '_') {
            return null;
        }
        StringBuilder digits = new StringBuilder(n - i);
        char prev = 0;
        while (i < n && (digitValue(s.charAt(i)) < base || s.charAt(i) == '_')) {
            char c = s.charAt(i);
            if (c == '_') {
                if (prev == '_') {
                    return null;
                }
            } else {
                digits.append(c);
            }
            prev = c;
            i++;
        }
        if (prev == '_') {
            return null;
        }
        if ((base & (base - 1)) != 0 && maxStrDigits > 0 && digits.length() > maxStrDigits) {
            throw PyLibError.valueError("Exceeds the limit (" + maxStrDigits + " digits) for integer string "
                    + "conversion: value has " + digits.length()
                    + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        if (digits.isEmpty()) {
            return null;
        }
        while (i < n && isAsciiSpace(s.charAt(i))) {
            i++;
        }
        if (i != n) {
            return null;
        }
        BigInteger value = digits.length() <= 18 && base == 10
                ? BigInteger.valueOf(Long.parseLong(digits, 0, digits.length(), 10))
                : new BigInteger(digits.toString(), base);
        if (errorIfNonzero && value.signum() != 0) {
            return null;
        }
        return negative ? value.negate() : value;
    }
}
