package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Constructors and accessors of the atomic values (None, bools, ints, floats, strs), tuples, cells and
 * ranges. Every {@code long} returned by a constructor is a new reference.
 *
 * <p>Process-wide immortal singletons (None, True, False, Ellipsis, NotImplemented, ints −5…256, the
 * empty tuple and str, interned strs) are created once by {@link #initImmortals()} and published through
 * static finals / a {@link ConcurrentHashMap}; immortal objects are never counted nor freed, so sharing
 * them between threads and between successive in-process runs needs nothing more.
 */
public final class Obj {
    public static long NONE, TRUE, FALSE, ELLIPSIS, NOTIMPL, EMPTY_TUPLE, EMPTY_STR;
    private static final long[] SMALL = new long[262];
    private static final long[] CHARS = new long[256];
    private static final ConcurrentHashMap<String, Long> INTERNED = new ConcurrentHashMap<>();
    /**
     * Direct-mapped cache in front of {@link #INTERNED} (by the string's hash) for the evaluator's
     * per-operation lookups of identifiers and attribute names. Entries are immutable records (final
     * fields), read and written with plain accesses: a racing thread sees null, an older entry or a
     * complete new one, and a mismatch only sends it to the map. Interned strs are immortal and never
     * removed, so an entry never goes stale.
     */
    private record InternEntry(String s, long str) {
    }

    private static final InternEntry[] INTERN_CACHE = new InternEntry[1024];
    private static boolean initialised;

    private Obj() {
    }

    static synchronized void initImmortals() {
        if (initialised) {
            return;
        }
        Types.registerDeallocators();
        NONE = immortal(Heap.object(Types.NONE, 0));
        ELLIPSIS = immortal(Heap.object(Types.ELLIPSIS, 0));
        NOTIMPL = immortal(Heap.object(Types.NOTIMPL, 0));
        TRUE = immortal(Heap.object(Types.BOOL, 8));
        putLong(TRUE + P, 1);
        FALSE = immortal(Heap.object(Types.BOOL, 8));
        for (int i = 0; i < SMALL.length; i++) {
            long o = Heap.object(Types.INT, 8);
            putLong(o + P, i - 5);
            SMALL[i] = immortal(o);
        }
        EMPTY_TUPLE = immortal(Heap.object(Types.TUPLE, 8));
        EMPTY_STR = immortal(allocStr(""));
        for (int c = 0; c < 256; c++) {
            CHARS[c] = immortal(allocStr(String.valueOf((char) c)));
        }
        initialised = true;
    }

    static long immortal(long o) {
        Heap.markImmortal(o);
        return o;
    }

    public static long bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    // ---- ints ----------------------------------------------------------------------------------

    public static long newInt(long v) {
        if (v >= -5 && v <= 256) {
            return SMALL[(int) v + 5];
        }
        long o = Heap.object(Types.INT, 8);
        putLong(o + P, v);
        return o;
    }

    public static long newInt(BigInteger v) {
        if (v.bitLength() < 64) {
            return newInt(v.longValue());
        }
        byte[] bytes = v.toByteArray();
        long o = Heap.object(Types.BIGINT, 8 + bytes.length);
        putLong(o + P, bytes.length);
        MemorySegmentCopy.bytesIn(bytes, o + P + 8);
        return o;
    }

    /** Whether {@code o} is an int (or bool) object. */
    public static boolean isInt(long o) {
        int t = Header.type(o);
        return t == Types.INT || t == Types.BOOL || t == Types.BIGINT;
    }

    public static boolean isSmallInt(long o) {
        int t = Header.type(o);
        return t == Types.INT || t == Types.BOOL;
    }

    public static long intValue(long o) {
        return getLong(o + P);
    }

    public static BigInteger bigValue(long o) {
        if (Header.type(o) != Types.BIGINT) {
            return BigInteger.valueOf(getLong(o + P));
        }
        byte[] bytes = new byte[(int) getLong(o + P)];
        MemorySegmentCopy.bytesOut(o + P + 8, bytes);
        return new BigInteger(bytes);
    }

    // ---- floats --------------------------------------------------------------------------------

    public static long newFloat(double v) {
        long o = Heap.object(Types.FLOAT, 8);
        putLong(o + P, Double.doubleToRawLongBits(v));
        return o;
    }

    public static double floatValue(long o) {
        return Double.longBitsToDouble(getLong(o + P));
    }

    // ---- strings -------------------------------------------------------------------------------

    public static long newStr(String s) {
        if (s.isEmpty()) {
            return EMPTY_STR;
        }
        if (s.length() == 1 && s.charAt(0) < 256) {
            return CHARS[s.charAt(0)];
        }
        return allocStr(s);
    }

    private static long allocStr(String s) {
        long o = Heap.object(Types.STR, 16 + 2L * s.length());
        putLong(o + P, s.length());
        MemorySegmentCopy.charsIn(s, o + P + 16);
        return o;
    }

    public static String str(long o) {
        int n = (int) getLong(o + P);
        return MemorySegmentCopy.charsOut(o + P + 16, n);
    }

    public static long strLength(long o) {
        return getLong(o + P);
    }

    public static char charAt(long o, long i) {
        return (char) Memory.getShort(o + P + 16 + 2 * i);
    }

    static long strHash(long o) {
        long h = getLong(o + P + 8);
        if (h == 0) {
            h = Text.hashString(str(o));
            putLong(o + P + 8, h);
        }
        return h;
    }

    static boolean strEquals(long a, long b) {
        long n = getLong(a + P);
        if (n != getLong(b + P)) {
            return false;
        }
        return MemorySegmentCopy.equal(a + P + 16, b + P + 16, 2 * n);
    }

    /** The immortal interned str for {@code s} (identifiers, attribute names, sys.intern). */
    public static long intern(String s) {
        InternEntry e = INTERN_CACHE[s.hashCode() & (INTERN_CACHE.length - 1)];
        if (e != null && s.equals(e.s)) {
            return e.str;
        }
        long str = internSlow(s);
        INTERN_CACHE[s.hashCode() & (INTERN_CACHE.length - 1)] = new InternEntry(s, str);
        return str;
    }

    private static long internSlow(String s) {
        Long r = INTERNED.get(s);
        if (r != null) {
            return r;
        }
        return INTERNED.computeIfAbsent(s, k -> {
            long o = newStr(k);
            if (!io.github.ftmem.refcount.RefCount.isImmortal(o)) {
                immortal(o);
            }
            return o;
        });
    }

    /** Interns an existing str object: returns the canonical immortal one (new reference semantics: immortal). */
    public static long intern(long strObj) {
        return intern(str(strObj));
    }

    // ---- tuples --------------------------------------------------------------------------------

    /** A tuple of {@code n} zero items, to be filled with {@link #tupleInit} (steals). */
    public static long newTuple(long n) {
        if (n == 0) {
            return EMPTY_TUPLE;
        }
        long t = Heap.object(Types.TUPLE, 8 + 8 * n);
        putLong(t + P, n);
        return t;
    }

    public static void tupleInit(long t, long i, long stolen) {
        putLong(t + P + 8 + 8 * i, stolen);
    }

    /** A tuple of the given references (borrowed; the tuple takes its own). */
    public static long tupleOf(long... items) {
        long t = newTuple(items.length);
        for (int i = 0; i < items.length; i++) {
            Heap.incref(items[i]);
            tupleInit(t, i, items[i]);
        }
        return t;
    }

    public static long tupleSize(long t) {
        return getLong(t + P);
    }

    /** Borrowed item. */
    public static long tupleItem(long t, long i) {
        return getLong(t + P + 8 + 8 * i);
    }

    // ---- cells, ranges ---------------------------------------------------------------------------

    public static long newCell(long stolen) {
        long c = Heap.object(Types.CELL, 8);
        putLong(c + P, stolen);
        return c;
    }

    /**
     * The cell's value (borrowed), 0 if empty. While several threads run Python ({@link Heap#sharedReads})
     * the load happens in the cell's critical section, as {@link #cellSet}'s store does, and the value is
     * kept alive until this thread's next safepoint.
     */
    public static long cellGet(long c) {
        if (!Heap.sharedReads) {
            return getLong(c + P);
        }
        io.github.ftmem.locks.CriticalSection.begin(c);
        try {
            return PyThread.borrow(getLong(c + P));
        } finally {
            io.github.ftmem.locks.CriticalSection.end();
        }
    }

    /** Stores a stolen reference in the cell (in its critical section) and drops the old value's. */
    public static void cellSet(long c, long stolen) {
        long old;
        io.github.ftmem.locks.CriticalSection.begin(c);
        try {
            old = getLong(c + P);
            putLong(c + P, stolen);
        } finally {
            io.github.ftmem.locks.CriticalSection.end();
        }
        Heap.xdecref(old);
    }

    public static long newRange(long start, long stop, long step) {
        long r = Heap.object(Types.RANGE, 24);
        putLong(r + P, start);
        putLong(r + P + 8, stop);
        putLong(r + P + 16, step);
        return r;
    }

    public static long rangeLength(long r) {
        long start = getLong(r + P), stop = getLong(r + P + 8), step = getLong(r + P + 16);
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
    }

    // ---- generic field access ---------------------------------------------------------------------

    public static long field(long o, long offset) {
        return getLong(o + P + offset);
    }

    /** Stores a new reference in a field, dropping the old one. */
    public static void setField(long o, long offset, long stolen) {
        long old = getLong(o + P + offset);
        putLong(o + P + offset, stolen);
        Heap.xdecref(old);
    }

    static final class MemorySegmentCopy {
        private MemorySegmentCopy() {
        }

        static void bytesIn(byte[] b, long addr) {
            Memory.copy(b, 0, addr, b.length);
        }

        static void bytesOut(long addr, byte[] b) {
            Memory.copy(addr, b, 0, b.length);
        }

        static void charsIn(String s, long addr) {
            char[] c = s.toCharArray();
            Memory.copy(c, 0, addr, c.length);
        }

        static String charsOut(long addr, int n) {
            char[] c = new char[n];
            Memory.copy(addr, c, 0, n);
            return new String(c);
        }

        static boolean equal(long a, long b, long bytes) {
            return Memory.contentEquals(a, b, bytes);
        }
    }
}
