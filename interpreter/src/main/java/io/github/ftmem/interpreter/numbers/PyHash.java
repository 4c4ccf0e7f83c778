package io.github.ftmem.interpreter.numbers;

import java.math.BigInteger;

/**
 * CPython 3.11's {@code hash()} for the built-in value types, so that set and dict iteration order
 * (which follows hashes) and printed hashes match CPython (64-bit build).
 *
 * <ul>
 * <li>Numbers hash to their exact value modulo the Mersenne prime P = 2^61 − 1 (equal numbers of
 *     any type hash equal): {@link #hashInt}, {@link #hashFloat}; ±inf hash to ±314159.</li>
 * <li>A NaN hashes by identity since 3.10 ({@code _Py_HashPointer}): the evaluator passes the
 *     float object's address to {@link #hashFloat(double, long)}. So does {@code None} (constant
 *     only from 3.12) and every object without {@code __hash__} override:
 *     {@link #hashPointer}.</li>
 * <li>str and bytes: SipHash-1-3 (3.11's default {@code Py_HASH_ALGORITHM}; the small-string
 *     cutoff {@code Py_HASH_CUTOFF} is 0, so every non-empty string is hashed) over the PEP 393
 *     representation — 1, 2 or 4 little-endian bytes per code point by the string's maximum code
 *     point — with the key CPython uses under {@code PYTHONHASHSEED=0}: all zero. The empty string
 *     hashes to 0. A str and the bytes of its Latin-1 encoding hash equal, as in CPython.</li>
 * <li>tuple: the xxHash-derived combination of the item hashes ({@link #hashTuple}).</li>
 * </ul>
 * Every result is folded as CPython folds it: −1 (the C error value) becomes −2.
 */
public final class PyHash {

    /** {@code sys.hash_info.modulus}: 2^61 − 1. */
    public static final long MODULUS = (1L << 61) - 1;
    /** {@code sys.hash_info.inf}. */
    public static final long INF = 314159;
    private static final int BITS = 61;
    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;

    private PyHash() {
    }

    private static long fold(long x) {
        return x == -1 ? -2 : x;
    }

    /** {@code hash(v)} for an int (and a bool: {@code hash(True) == 1}). */
    public static long hashInt(long v) {
        long magnitude = v == Long.MIN_VALUE ? Long.remainderUnsigned(v, MODULUS) : Math.abs(v) % MODULUS;
        return fold(v < 0 ? -magnitude : magnitude);
    }

    /** {@code hash(v)} for a big int. */
    public static long hashInt(BigInteger v) {
        long magnitude = v.abs().mod(BIG_MODULUS).longValue();
        return fold(v.signum() < 0 ? -magnitude : magnitude);
    }

    /** {@code hash(v)} for an int in either representation. */
    public static long hashInt(Number v) {
        return v instanceof BigInteger b ? hashInt(b) : hashInt(v.longValue());
    }

    /**
     * {@code hash(x)} for a non-NaN float ({@code _Py_HashDouble}): equal to the hash of the int
     * or rational it equals.
     *
     * @throws IllegalArgumentException for NaN, whose hash depends on the object's identity
     */
    public static long hashFloat(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("NaN hashes by identity: use hashFloat(x, address)");
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? INF : -INF;
        }
        if (x == 0) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & ((1L << 52) - 1);
        int e;
        if (biased == 0) {
            e = 64 - Long.numberOfLeadingZeros(mantissa) - 1074;
        } else {
            e = biased - 1022;
        }
        double m = Math.abs(Math.scalb(x, -e));
        long h = 0;
        while (m != 0) {
            h = ((h << 28) & MODULUS) | h >>> (BITS - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            h += y;
            if (h >= MODULUS) {
                h -= MODULUS;
            }
        }
        e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
        h = ((h << e) & MODULUS) | h >>> (BITS - e);
        return fold(x < 0 ? -h : h);
    }

    /** {@code hash(x)} for any float; a NaN hashes as its object's {@code address}. */
    public static long hashFloat(double x, long address) {
        return Double.isNaN(x) ? hashPointer(address) : hashFloat(x);
    }

    /** {@code _Py_HashPointer}: the address rotated right by 4 bits (object identity hashes). */
    public static long hashPointer(long address) {
        return fold(Long.rotateRight(address, 4));
    }

    /** {@code hash(s)} for a str held as a Java string (surrogate pairs are one code point). */
    public static long hashStr(CharSequence s) {
        return hashStr(s.codePoints().toArray());
    }

    /** {@code hash(s)} for a str given as code points. */
    public static long hashStr(int[] codePoints) {
        int max = 0;
        for (int cp : codePoints) {
            max = Math.max(max, cp);
        }
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        byte[] data = new byte[codePoints.length * kind];
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            for (int b = 0; b < kind; b++) {
                data[i * kind + b] = (byte) (cp >>> (8 * b));
            }
        }
        return hashBytes(data, 0, data.length);
    }

    /** {@code hash(b)} for bytes. */
    public static long hashBytes(byte[] data) {
        return hashBytes(data, 0, data.length);
    }

    /** CPython's {@code _Py_HashBytes} over {@code data[offset, offset + length)}. */
    public static long hashBytes(byte[] data, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        return fold(sipHash13(0, 0, data, offset, length));
    }

    /** SipHash-1-3 with CPython's output folding ({@code (v0 ^ v1) ^ (v2 ^ v3)}). */
    static long sipHash13(long k0, long k1, byte[] data, int offset, int length) {
        long b = (long) length << 56;
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int pos = offset;
        int end = offset + length;
        while (end - pos >= 8) {
            long mi = 0;
            for (int i = 7; i >= 0; i--) {
                mi = (mi << 8) | (data[pos + i] & 0xffL);
            }
            pos += 8;
            v3 ^= mi;
            v0 += v1;
            v2 += v3;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v1;
            v0 += v3;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 = Long.rotateLeft(v2, 32);
            v0 ^= mi;
        }
        long t = 0;
        for (int i = end - pos - 1; i >= 0; i--) {
            t = (t << 8) | (data[pos + i] & 0xffL);
        }
        b |= t;
        v3 ^= b;
        for (int round = 0; round < 4; round++) {
            if (round == 1) {
                v2 ^= 0xff;
            }
            v0 += v1;
            v2 += v3;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v1;
            v0 += v3;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 = Long.rotateLeft(v2, 32);
            if (round == 0) {
                v0 ^= b;
            }
        }
        return (v0 ^ v1) ^ (v2 ^ v3);
    }

    /**
     * {@code hash(t)} for a tuple given its items' hashes (each already computed by
     * {@code hash()}, so never −1).
     */
    public static long hashTuple(long[] itemHashes) {
        long acc = XXPRIME_5;
        for (long lane : itemHashes) {
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += itemHashes.length ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796 : acc;
    }
}
