package io.github.ftmem.interpreter.numbers;

import java.math.BigInteger;

/**
 * The float operators whose Python semantics differ from Java's, exactly as CPython 3.11's
 * {@code Objects/floatobject.c}: floor division and modulo take the divisor's sign, {@code divmod}
 * snaps the quotient, {@code **} has C99 special cases plus Python's errors. (Java's {@code +},
 * {@code -}, {@code *} and {@code /} on doubles are IEEE and already match, apart from the
 * ZeroDivisionError of {@link #divide}.)
 */
public final class PyFloats {

    /** Integral exponents up to this many result bits are raised exactly, then rounded once. */
    private static final long EXACT_POWER_BITS = 1 << 16;

    private PyFloats() {
    }

    /** {@code a / b}; ZeroDivisionError "float division by zero". */
    public static double divide(double a, double b) {
        if (b == 0.0) {
            throw PyLibError.zeroDivisionError("float division by zero");
        }
        return a / b;
    }

    /** {@code a % b}: the result has b's sign; ZeroDivisionError "float modulo". */
    public static double mod(double a, double b) {
        if (b == 0.0) {
            throw PyLibError.zeroDivisionError("float modulo");
        }
        double mod = a % b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /** {@code a // b}; ZeroDivisionError "float floor division by zero". */
    public static double floorDiv(double a, double b) {
        if (b == 0.0) {
            throw PyLibError.zeroDivisionError("float floor division by zero");
        }
        return divmodUnchecked(a, b)[0];
    }

    /** {@code divmod(a, b)} as {@code {a // b, a % b}}; ZeroDivisionError "float divmod()". */
    public static double[] divmod(double a, double b) {
        if (b == 0.0) {
            throw PyLibError.zeroDivisionError("float divmod()");
        }
        return divmodUnchecked(a, b);
    }

    private static double[] divmodUnchecked(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floorDiv;
        if (div != 0.0) {
            floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
        } else {
            floorDiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floorDiv, mod};
    }

    private static boolean isOddInteger(double x) {
        return Math.abs(x) < 0x1p53 && x == Math.rint(x) && (((long) x) & 1) == 1;
    }

    /**
     * {@code a ** b} for floats (and for an int operand converted to float). A negative base with a
     * non-integral exponent has a complex result in Python, which this class cannot give:
     * {@code null} tells the evaluator to compute the complex power (or, without complex numbers,
     * to raise its own error).
     *
     * @throws PyLibError ZeroDivisionError "0.0 cannot be raised to a negative power",
     *                    OverflowError "(34, 'Numerical result out of range')"
     */
    public static Double pow(double iv, double iw) {
        if (iw == 0) {
            return 1.0;
        }
        if (Double.isNaN(iv)) {
            return iv;
        }
        if (Double.isNaN(iw)) {
            return iv == 1.0 ? 1.0 : iw;
        }
        if (Double.isInfinite(iw)) {
            double av = Math.abs(iv);
            if (av == 1.0) {
                return 1.0;
            } else if ((iw > 0.0) == (av > 1.0)) {
                return Math.abs(iw);
            }
            return 0.0;
        }
        if (Double.isInfinite(iv)) {
            boolean odd = isOddInteger(iw);
            if (iw > 0.0) {
                return odd ? iv : Math.abs(iv);
            }
            return odd ? Math.copySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0) {
            boolean odd = isOddInteger(iw);
            if (iw < 0.0) {
                throw PyLibError.zeroDivisionError("0.0 cannot be raised to a negative power");
            }
            return odd ? iv : 0.0;
        }
        boolean negate = false;
        if (iv < 0.0) {
            if (iw != Math.floor(iw)) {
                return null;
            }
            iv = -iv;
            negate = isOddInteger(iw);
        }
        if (iv == 1.0) {
            return negate ? -1.0 : 1.0;
        }
        double ix = powPositive(iv, iw);
        if (Double.isInfinite(ix)) {
            throw PyLibError.overflowError("(34, 'Numerical result out of range')");
        }
        return negate ? -ix : ix;
    }

    /**
     * pow for a finite positive base other than 1 and a finite non-zero exponent. An integral
     * exponent of moderate size is computed exactly and rounded once (correct rounding, which
     * glibc's pow delivers to CPython); other exponents use {@link Math#pow}: on x86-64 HotSpot's
     * intrinsic matched glibc on all 1,600 sampled cases of the test table, where fdlibm's
     * {@link StrictMath#pow} missed the last bit in 7% of them. On another platform a last-bit
     * difference from CPython is possible for non-integral exponents.
     */
    private static double powPositive(double iv, double iw) {
        if (iw == Math.rint(iw) && Math.abs(iw) < 0x1p31) {
            long bits = Double.doubleToRawLongBits(iv);
            int biased = (int) (bits >>> 52);
            long mantissa = bits & ((1L << 52) - 1);
            int exponent;
            if (biased == 0) {
                exponent = -1074;
            } else {
                mantissa |= 1L << 52;
                exponent = biased - 1075;
            }
            int trailing = Long.numberOfTrailingZeros(mantissa);
            mantissa >>>= trailing;
            exponent += trailing;
            long n = (long) Math.abs(iw);
            int mantissaBits = 64 - Long.numberOfLeadingZeros(mantissa);
            double log2 = (Math.log(iv) / Math.log(2)) * iw;
            if (log2 > 1100) {
                return Double.POSITIVE_INFINITY;
            }
            if (log2 < -1200) {
                return 0.0;
            }
            if (n * mantissaBits <= EXACT_POWER_BITS) {
                BigInteger power = BigInteger.valueOf(mantissa).pow((int) n);
                long scale = exponent * n;
                return iw > 0 ? PyInts.ratioToDouble(power, BigInteger.ONE, scale)
                        : PyInts.ratioToDouble(BigInteger.ONE, power, -scale);
            }
        }
        return Math.pow(iv, iw);
    }

    /** {@code float.is_integer()}. */
    public static boolean isInteger(double x) {
        return Double.isFinite(x) && x == Math.floor(x);
    }
}
