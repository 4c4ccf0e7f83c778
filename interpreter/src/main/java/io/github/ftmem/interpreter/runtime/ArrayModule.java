package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import java.math.BigInteger;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * The built-in module {@code _array}: the storage of lib/array.py's {@code array.array}, an
 * {@link Types#ARRAY} object whose elements are packed machine values in one RAW block of the ftmem
 * heap (layout: +0 typecode char, +8 length, +16 RAW block or 0, +24 capacity in elements). The
 * conversions and range checks are CPython's, with its messages.
 */
final class ArrayModule {
    private ArrayModule() {
    }

    private static final String CODES = "bBuhHiIlLqQfd";

    static int itemSize(char tc) {
        return switch (tc) {
            case 'b', 'B' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'f', 'u' -> 4;
            default -> 8;
        };
    }

    static long call(String function, Call c) {
        long[] a = c.args();
        switch (function) {
            case "new": {
                c.count(1, 1);
                String code = Obj.str(a[0]);
                if (code.length() != 1 || CODES.indexOf(code.charAt(0)) < 0) {
                    throw PyException.of("ValueError", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
                }
                long o = Heap.object(ARRAY, 32);
                putLong(o + P, code.charAt(0));
                putLong(o + P + 8, 0);
                putLong(o + P + 16, 0);
                putLong(o + P + 24, 0);
                return o;
            }
            case "len":
                c.count(1, 1);
                return Obj.newInt(length(storage(a[0])));
            case "get": {
                c.count(2, 2);
                long s = storage(a[0]);
                return load(s, index(s, a[1], "array index out of range"));
            }
            case "set": {
                c.count(3, 3);
                long s = storage(a[0]);
                long i = index(s, a[1], "array assignment index out of range");
                store(s, i, a[2]);
                return Obj.NONE;
            }
            case "insert": {
                // insert(storage, i, value) with 0 <= i <= len (array.py clamps)
                c.count(3, 3);
                long s = storage(a[0]);
                long n = length(s);
                long i = Math.max(0, Math.min(n, Obj.intValue(a[1])));
                long scratch = Heap.raw(8);
                try {
                    // convert first so a bad value leaves the array unchanged
                    storeAt(s, scratch, a[2]);
                    ensure(s, n + 1);
                    int size = itemSize(code(s));
                    long raw = getLong(s + P + 16);
                    if (n > i) Memory.copy(raw + i * size, raw + (i + 1) * size, (n - i) * size);
                    Memory.copy(scratch, raw + i * size, size);
                    putLong(s + P + 8, n + 1);
                } finally {
                    Heap.freeRaw(scratch);
                }
                return Obj.NONE;
            }
            case "delete": {
                c.count(2, 2);
                long s = storage(a[0]);
                long n = length(s);
                long i = Obj.intValue(a[1]);
                if (i < 0 || i >= n) throw PyException.of("IndexError", "array assignment index out of range");
                int size = itemSize(code(s));
                long raw = getLong(s + P + 16);
                if (n - i - 1 > 0) Memory.copy(raw + (i + 1) * size, raw + i * size, (n - i - 1) * size);
                putLong(s + P + 8, n - 1);
                return Obj.NONE;
            }
            case "tolist": {
                c.count(1, 1);
                long s = storage(a[0]);
                long n = length(s);
                long l = Lists.create(n);
                for (long i = 0; i < n; i++) Lists.appendStolen(l, load(s, i));
                return l;
            }
            case "address": {
                c.count(1, 1);
                return Obj.newInt(getLong(storage(a[0]) + P + 16));
            }
            default:
                throw new IllegalStateException(function);
        }
    }

    /** Frees the element block (the ARRAY object's deallocation). */
    static void release(long o) {
        long raw = getLong(o + P + 16);
        putLong(o + P + 16, 0);
        if (raw != 0) Heap.freeRaw(raw);
    }

    private static long storage(long o) {
        if (Header.type(o) != ARRAY) throw PyException.of("TypeError", "array storage expected, got " + Ops.typeName(o));
        return o;
    }

    private static char code(long s) {
        return (char) getLong(s + P);
    }

    private static long length(long s) {
        return getLong(s + P + 8);
    }

    private static long index(long s, long key, String message) {
        if (!Obj.isInt(key) || Header.type(key) == BIGINT) throw PyException.of("IndexError", message);
        long i = Obj.intValue(key);
        long n = length(s);
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw PyException.of("IndexError", message);
        return i;
    }

    private static void ensure(long s, long n) {
        long cap = getLong(s + P + 24);
        if (n <= cap) return;
        long newCap = Math.max(n, Math.max(4, cap + (cap >> 1)));
        int size = itemSize(code(s));
        long raw = getLong(s + P + 16);
        long grown = raw == 0 ? Heap.raw(newCap * size) : Heap.rawGrow(raw, newCap * size);
        putLong(s + P + 16, grown);
        putLong(s + P + 24, newCap);
    }

    private static long load(long s, long i) {
        char tc = code(s);
        long at = getLong(s + P + 16) + i * itemSize(tc);
        return switch (tc) {
            case 'b' -> Obj.newInt(Memory.getByte(at));
            case 'B' -> Obj.newInt(Memory.getByte(at) & 0xff);
            case 'h' -> Obj.newInt(Memory.getShort(at));
            case 'H' -> Obj.newInt(Memory.getShort(at) & 0xffff);
            case 'i' -> Obj.newInt(Memory.getInt(at));
            case 'I' -> Obj.newInt(Memory.getInt(at) & 0xffffffffL);
            case 'l', 'q' -> Obj.newInt(Memory.getLong(at));
            case 'L', 'Q' -> {
                long v = Memory.getLong(at);
                yield v >= 0 ? Obj.newInt(v) : Obj.newInt(BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64)));
            }
            case 'f' -> Obj.newFloat(Float.intBitsToFloat(Memory.getInt(at)));
            case 'u' -> Obj.newStr(new String(Character.toChars(Memory.getInt(at))));
            default -> Obj.newFloat(Double.longBitsToDouble(Memory.getLong(at)));
        };
    }

    private static void store(long s, long i, long v) {
        storeAt(s, getLong(s + P + 16) + i * itemSize(code(s)), v);
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Converts {@code v} for the typecode of {@code s} and writes it at {@code at}. */
    private static void storeAt(long s, long at, long v) {
        char tc = code(s);
        if (tc == 'f' || tc == 'd') {
            int t = Header.type(v);
            if (t != FLOAT && !Obj.isInt(v)) {
                throw PyException.of("TypeError", "must be real number, not " + Ops.typeName(v));
            }
            double d = Ops.toDouble(v);
            if (tc == 'f') {
                Memory.putInt(at, Float.floatToRawIntBits((float) d));
            } else {
                Memory.putLong(at, Double.doubleToRawLongBits(d));
            }
            return;
        }
        if (tc == 'u') {
            String str = Header.type(v) == STR ? Obj.str(v) : null;
            if (str == null || str.codePointCount(0, str.length()) != 1) {
                throw PyException.of("TypeError", "array item must be unicode character");
            }
            Memory.putInt(at, str.codePointAt(0));
            return;
        }
        if (!Obj.isInt(v)) {
            throw PyException.of("TypeError", "'" + Ops.typeName(v) + "' object cannot be interpreted as an integer");
        }
        BigInteger b = Obj.bigValue(v);
        switch (tc) {
            case 'b' -> Memory.putByte(at, (byte) ranged(b, -128, 127, "signed char"));
            case 'B' -> Memory.putByte(at, (byte) ranged(b, 0, 255, "unsigned byte integer"));
            case 'h' -> Memory.putShort(at, (short) ranged(b, Short.MIN_VALUE, Short.MAX_VALUE, "signed short integer"));
            case 'H' -> Memory.putShort(at, (short) ranged(b, 0, 0xffff, "unsigned short"));
            case 'i' -> Memory.putInt(at, (int) ranged(b, Integer.MIN_VALUE, Integer.MAX_VALUE, "signed integer"));
            case 'I' -> {
                if (b.signum() < 0) throw PyException.of("OverflowError", "can't convert negative value to unsigned int");
                Memory.putInt(at, (int) ranged(b, 0, 0xffffffffL, "unsigned int"));
            }
            case 'l' -> {
                if (b.bitLength() > 63) throw PyException.of("OverflowError", "Python int too large to convert to C long");
                Memory.putLong(at, b.longValue());
            }
            case 'q' -> {
                if (b.bitLength() > 63) throw PyException.of("OverflowError", "int too big to convert");
                Memory.putLong(at, b.longValue());
            }
            case 'L' -> {
                if (b.signum() < 0) throw PyException.of("OverflowError", "can't convert negative value to unsigned int");
                if (b.compareTo(TWO_64) >= 0) {
                    throw PyException.of("OverflowError", "Python int too large to convert to C unsigned long");
                }
                Memory.putLong(at, b.longValue());
            }
            default -> {
                if (b.signum() < 0) throw PyException.of("OverflowError", "can't convert negative int to unsigned");
                if (b.compareTo(TWO_64) >= 0) throw PyException.of("OverflowError", "int too big to convert");
                Memory.putLong(at, b.longValue());
            }
        }
    }

    private static long ranged(BigInteger b, long min, long max, String what) {
        if (b.compareTo(BigInteger.valueOf(max)) > 0) throw PyException.of("OverflowError", what + " is greater than maximum");
        if (b.compareTo(BigInteger.valueOf(min)) < 0) throw PyException.of("OverflowError", what + " is less than minimum");
        return b.longValue();
    }
}
