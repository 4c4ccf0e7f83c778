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
 * <li>tuple: the xxHash-derived combination of the item hashes ({@link #hashTuple});
 *     frozenset: the order-independent combination of {@link #hashFrozenset}.</li>
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

    /**
     * {@code hash(s)} for a str held as a Java string (a surrogate pair is one code point, a lone
     * surrogate one code point of its own). Hashes without copying the string.
     */
    public static long hashStr(CharSequence s) {
        int length = s.length();
        if (length == 0) {
            return 0;
        }
        int max = 0;
        int codePoints = 0;
        for (int i = 0; i < length; codePoints++) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            max = Math.max(max, cp);
        }
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        SipHash13 sip = new SipHash13((long) codePoints * kind);
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            sip.feed(cp, kind);
        }
        return fold(sip.finish());
    }

    /** {@code hash(s)} for a str given as code points. */
    public static long hashStr(int[] codePoints) {
        if (codePoints.length == 0) {
            return 0;
        }
        int max = 0;
        for (int cp : codePoints) {
            max = Math.max(max, cp);
        }
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        SipHash13 sip = new SipHash13((long) codePoints.length * kind);
        for (int cp : codePoints) {
            sip.feed(cp, kind);
        }
        return fold(sip.finish());
    }

    /**
     * Streaming SipHash-1-3 with a zero key over little-endian units of 1, 2 or 4 bytes, with
     * CPython's output folding ({@code (v0 ^ v1) ^ (v2 ^ v3)}).
     */
    private static final class SipHash13 {
        private long v0 = 0x736f6d6570736575L;
        private long v1 = 0x646f72616e646f6dL;
        private long v2 = 0x6c7967656e657261L;
        private long v3 = 0x7465646279746573L;
        private final long length;
        private long pending;
        private int pendingBytes;

        SipHash13(long length) {
            this.length = length;
        }

        /** Appends the low {@code bytes} bytes of {@code unit}, least significant first. */
        void feed(int unit, int bytes) {
            for (int b = 0; b < bytes; b++) {
                pending |= ((unit >>> (8 * b)) & 0xffL) << (8 * pendingBytes);
                if (++pendingBytes == 8) {
                    v3 ^= pending;
                    round();
                    v0 ^= pending;
                    pending = 0;
                    pendingBytes = 0;
                }
            }
        }

        long finish() {
            long b = (length << 56) | pending;
            v3 ^= b;
            round();
            v0 ^= b;
            v2 ^= 0xff;
            round();
            round();
            round();
            return (v0 ^ v1) ^ (v2 ^ v3);
        }

        private void round() {
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
        }
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
        SipHash13 sip = new SipHash13(length);
        for (int i = offset; i < offset + length; i++) {
            sip.feed(data[i], 1);
        }
        return fold(sip.finish());
    }

    /**
     * {@code hash(fs)} for a frozenset given its elements' hashes (any order: CPython's
     * {@code frozenset_hash} xors shuffled element hashes, so the table layout cancels out).
     */
    public static long hashFrozenset(long[] elementHashes) {
        long hash = 0;
        for (long h : elementHashes) {
            hash ^= ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
        }
        hash ^= (elementHashes.length + 1L) * 1927868237L;
        hash ^= (hash >>> 11) ^ (hash >>> 25);
        hash = hash * 69069L + 907133923L;
        return hash == -1 ? 590923713L : hash;
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
