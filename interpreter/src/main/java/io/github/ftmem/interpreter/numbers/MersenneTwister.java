package io.github.ftmem.interpreter.numbers;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The generator behind Python's {@code random} module, bit for bit as CPython 3.11: MT19937
 * ({@code Modules/_randommodule.c}) plus the Python-level methods of {@code Lib/random.py} that
 * programs call, so that a seeded program prints the same numbers as CPython.
 *
 * <p>Seeding ({@code random.seed(a)}, version 2): an int seeds {@code init_by_array} with the
 * 32-bit little-endian words of |a| ({@link #seed(Number)}); a str or bytes is extended with its
 * SHA-512 digest and read as a big-endian int ({@link #seed(String)}, {@link #seed(byte[])});
 * any other hashable (a float) seeds with its hash read as an unsigned 64-bit int
 * ({@link #seedFromHash}). Seeding from OS entropy ({@code seed()} / {@code seed(None)}) is
 * {@link #seedFromEntropy}.
 *
 * <p>Sequence operations return indices ({@link #choiceIndex}, {@link #shuffleSwaps},
 * {@link #sampleIndices}): the evaluator owns the sequences and applies them.
 *
 * <p>Not thread-safe: one instance is one Python {@code Random} object, and the evaluator calls it
 * inside that object's critical section (as free-threaded CPython does).
 */
public final class MersenneTwister {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;

    /** A generator seeded from OS entropy, as {@code random.Random()}. */
    public MersenneTwister() {
        seedFromEntropy();
    }

    /** A generator seeded with the int {@code seed}, as {@code random.Random(seed)}. */
    public MersenneTwister(Number seed) {
        seed(seed);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** {@code random.seed(a)} for an int a: {@code init_by_array} over |a|'s 32-bit words. */
    public void seed(Number a) {
        BigInteger n = PyInts.big(a).abs();
        int bits = n.bitLength();
        int words = bits == 0 ? 1 : (bits - 1) / 32 + 1;
        int[] key = new int[words];
        for (int w = 0; w < words; w++) {
            key[w] = n.shiftRight(32 * w).intValue();
        }
        initByArray(key);
    }

    /** {@code random.seed(x)} for a non-int hashable x (a float): seeds with {@code (size_t) hash(x)}. */
    public void seedFromHash(long hash) {
        seed(new BigInteger(Long.toUnsignedString(hash)));
    }

    /** {@code random.seed(s)} for a str (version 2): its UTF-8 bytes, then as {@link #seed(byte[])}. */
    public void seed(String s) {
        seed(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code random.seed(b)} for bytes (version 2): {@code int.from_bytes(b + sha512(b).digest())}. */
    public void seed(byte[] b) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-512").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-512", e);
        }
        byte[] all = new byte[b.length + digest.length];
        System.arraycopy(b, 0, all, 0, b.length);
        System.arraycopy(digest, 0, all, b.length, digest.length);
        seed(new BigInteger(1, all));
    }

    /** {@code random.seed()}: CPython fills the key with 624 words from {@code os.urandom}. */
    public void seedFromEntropy() {
        int[] key = new int[N];
        java.security.SecureRandom entropy = new java.security.SecureRandom();
        for (int i = 0; i < N; i++) {
            key[i] = entropy.nextInt();
        }
        initByArray(key);
    }

    /** {@code genrand_uint32}: the next 32-bit output, as an unsigned value in a long. */
    public long nextUInt32() {
        if (index >= N) {
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void generate() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        index = 0;
    }

    /** {@code random.random()}: 53 random bits from two outputs, in [0, 1). */
    public double random() {
        long a = nextUInt32() >>> 5;
        long b = nextUInt32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /**
     * {@code random.getrandbits(k)}: k random bits, built from 32-bit outputs from the least
     * significant word up (the top word keeps its high bits).
     *
     * @throws PyLibError ValueError "number of bits must be non-negative"
     */
    public Number getrandbits(long k) {
        if (k < 0) {
            throw PyLibError.valueError("number of bits must be non-negative");
        }
        if (k == 0) {
            return 0L;
        }
        if (k <= 32) {
            return nextUInt32() >>> (32 - k);
        }
        if (k > Integer.MAX_VALUE - 32) {
            throw new PyLibError(PyLibError.Kind.MEMORY_ERROR, "");
        }
        int words = (int) ((k - 1) / 32 + 1);
        if (words == 2) {
            long low = nextUInt32();
            long high = nextUInt32() >>> (64 - k);
            long v = (high << 32) | low;
            return v >= 0 ? (Number) v : new BigInteger(Long.toUnsignedString(v));
        }
        byte[] bigEndian = new byte[words * 4];
        long remaining = k;
        for (int w = 0; w < words; w++, remaining -= 32) {
            long r = nextUInt32();
            if (remaining < 32) {
                r >>>= (32 - remaining);
            }
            int at = bigEndian.length - 4 * (w + 1);
            bigEndian[at] = (byte) (r >>> 24);
            bigEndian[at + 1] = (byte) (r >>> 16);
            bigEndian[at + 2] = (byte) (r >>> 8);
            bigEndian[at + 3] = (byte) r;
        }
        return PyInts.normalize(new BigInteger(1, bigEndian));
    }

    /** {@code random._randbelow(n)} for n > 0: rejection sampling on {@code getrandbits(n.bit_length())}. */
    public Number randbelow(Number n) {
        if (PyInts.signum(n) <= 0) {
            throw new IllegalArgumentException("randbelow needs n > 0, got " + n);
        }
        long k = PyInts.bitLength(n);
        Number r = getrandbits(k);
        while (PyInts.compare(r, n) >= 0) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code random._randbelow(n)} for an int-sized n > 0. */
    public int randbelow(int n) {
        return (int) randbelow((Number) (long) n).longValue();
    }

    /** {@code random.randrange(stop)}; ValueError "empty range for randrange()" if stop <= 0. */
    public Number randrange(Number stop) {
        if (PyInts.signum(stop) > 0) {
            return randbelow(stop);
        }
        throw PyLibError.valueError("empty range for randrange()");
    }

    /** {@code random.randrange(start, stop, step)} with CPython 3.11's errors. */
    public Number randrange(Number start, Number stop, Number step) {
        Number width = PyInts.subtract(stop, start);
        int stepSign = PyInts.signum(step);
        if (step instanceof Long s && s == 1) {
            if (PyInts.signum(width) > 0) {
                return PyInts.add(start, randbelow(width));
            }
            throw PyLibError.valueError("empty range for randrange() (" + PyInts.toString(start, 0) + ", "
                    + PyInts.toString(stop, 0) + ", " + PyInts.toString(width, 0) + ")");
        }
        Number n;
        if (stepSign > 0) {
            n = PyInts.floorDiv(PyInts.subtract(PyInts.add(width, step), 1L), step);
        } else if (stepSign < 0) {
            n = PyInts.floorDiv(PyInts.add(PyInts.add(width, step), 1L), step);
        } else {
            throw PyLibError.valueError("zero step for randrange()");
        }
        if (PyInts.signum(n) <= 0) {
            throw PyLibError.valueError("empty range for randrange()");
        }
        return PyInts.add(start, PyInts.multiply(step, randbelow(n)));
    }

    /** {@code random.randint(a, b)}: {@code randrange(a, b + 1)}. */
    public Number randint(Number a, Number b) {
        return randrange(a, PyInts.add(b, 1L), 1L);
    }

    /**
     * {@code random.choice(seq)}: the index to take from a sequence of {@code size} items.
     *
     * @throws PyLibError IndexError "Cannot choose from an empty sequence"
     */
    public int choiceIndex(int size) {
        if (size == 0) {
            throw new PyLibError(PyLibError.Kind.INDEX_ERROR, "Cannot choose from an empty sequence");
        }
        return randbelow(size);
    }

    /**
     * {@code random.shuffle(x)} for {@code len(x) == size}: element {@code i} of the result is
     * the j to swap with, for i from size − 1 down to 1 ({@code x[i], x[j] = x[j], x[i]}); entry 0
     * is unused (0).
     */
    public int[] shuffleSwaps(int size) {
        int[] swaps = new int[Math.max(size, 0)];
        for (int i = size - 1; i >= 1; i--) {
            swaps[i] = randbelow(i + 1);
        }
        return swaps;
    }

    /** Applies {@link #shuffleSwaps} to a Java array: what {@code random.shuffle} does to a list. */
    public <T> void shuffle(T[] items) {
        int[] swaps = shuffleSwaps(items.length);
        for (int i = items.length - 1; i >= 1; i--) {
            T t = items[i];
            items[i] = items[swaps[i]];
            items[swaps[i]] = t;
        }
    }

    /**
     * {@code random.sample(population, k)} for {@code len(population) == n}: the indices of the
     * chosen items, in order (CPython 3.11's pool or set algorithm, chosen the same way).
     *
     * @throws PyLibError ValueError "Sample larger than population or is negative"
     */
    public int[] sampleIndices(int n, int k) {
        if (k < 0 || k > n) {
            throw PyLibError.valueError("Sample larger than population or is negative");
        }
        int[] result = new int[k];
        long setSize = 21;
        if (k > 5) {
            setSize += (long) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
        }
        if (n <= setSize) {
            int[] pool = new int[n];
            for (int i = 0; i < n; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            java.util.HashSet<Integer> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.contains(j)) {
                    j = randbelow(n);
                }
                selected.add(j);
                result[i] = j;
            }
        }
        return result;
    }

    /** {@code random.uniform(a, b)}: {@code a + (b - a) * random()}. */
    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /**
     * The 625 ints of {@code random.getstate()[1]}: the 624 state words (unsigned) then the
     * position.
     */
    public long[] state() {
        long[] state = new long[N + 1];
        for (int i = 0; i < N; i++) {
            state[i] = mt[i] & 0xffffffffL;
        }
        state[N] = index;
        return state;
    }

    /**
     * {@code random.setstate}'s core, from the 625 ints {@link #state} returns.
     *
     * @throws PyLibError ValueError "state vector is the wrong size", "invalid state"
     */
    public void setState(long[] state) {
        if (state.length != N + 1) {
            throw PyLibError.valueError("state vector is the wrong size");
        }
        long position = state[N];
        if (position < 0 || position > N) {
            throw PyLibError.valueError("invalid state");
        }
        for (int i = 0; i < N; i++) {
            mt[i] = (int) state[i];
        }
        index = (int) position;
    }
}
