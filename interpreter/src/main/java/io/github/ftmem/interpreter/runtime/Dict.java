package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.locks.CriticalSection;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * dict: an insertion-ordered hash table in CPython's compact layout (sets and frozensets dispatch to
 * {@link SetTable}, CPython's set table, through the same entry points): an entries array {hash, key, value} in insertion order (deleted entries have key 0) and an
 * open-addressing index of longs (0 empty, -1 deleted, else entry number + 1), both in one RAW block
 * (the index right after the entries: one allocation and one free per table).
 *
 * <pre>
 * payload: +0 used  +8 entries  +16 entry capacity  +24 entries filled (live + deleted)  +32 index  +40 index size
 * </pre>
 * Invariants: used ≤ filled ≤ capacity; index size is a power of two ≥ 2 × capacity; every live entry's
 * key is found by probing from {@code hash & (size - 1)} with CPython's perturbation.
 *
 * <p>Structural mutations run inside a critical section on the table's mutex (header word), so a
 * future second thread sees either the old or the new table. Lookups call {@code __eq__}/{@code __hash__}
 * outside the section.
 */
public final class Dict {
    private static final long USED = P, ENTRIES = P + 8, CAP = P + 16, FILLED = P + 24, INDEX = P + 32, ISIZE = P + 40;
    private static final int MIN_CAP = 8;
    /** Header flag of an instance's attribute dict: never GC-tracked itself, its owner traverses its contents. */
    static final int MANAGED = 1;

    private Dict() {
    }

    /**
     * A new empty table. Dicts start untracked and become GC-tracked when they receive a key or value that
     * may be part of a cycle (CPython's MAINTAIN_TRACKING); sets are always tracked.
     */
    public static long create(int type) {
        long d = Heap.object(type, 48);
        if (type != Types.DICT) {
            SetTable.init(d);
            return d;
        }
        allocateTable(d, MIN_CAP);
        Header.clearGcBits(d, Header.GC_TRACKED);
        return d;
    }

    /** An empty dict that is an instance of the Python subclass {@code cls} of dict (always tracked). */
    static long createSubclass(long cls) {
        long d = Heap.object(Types.DICT, 64);
        allocateTable(d, MIN_CAP);
        Types.initSubclassFields(d, Types.DICT, cls);
        return d;
    }

    private static boolean isSet(long d) {
        return Header.type(d) != Types.DICT;
    }

    private static boolean mayBeTracked(long o) {
        int t = Header.type(o);
        return Types.isGc(t) && (t != Types.TUPLE || Header.hasGcBits(o, Header.GC_TRACKED));
    }

    public static long newDict() {
        return create(Types.DICT);
    }

    /** A zeroed table of {@code cap} entries: one RAW block, the entries followed by the index. */
    private static void allocateTable(long d, long cap) {
        long isize = Long.highestOneBit(cap * 2 - 1) << 1;
        long table = Heap.raw(cap * 24 + isize * 8);
        putLong(d + ENTRIES, table);
        putLong(d + CAP, cap);
        putLong(d + FILLED, 0);
        putLong(d + USED, 0);
        putLong(d + INDEX, table + cap * 24);
        putLong(d + ISIZE, isize);
    }

    public static long size(long d) {
        return getLong(d + USED);
    }

    /** Iteration bound for {@link #keyAt}: entries of a dict, slots of a set. */
    public static long filled(long d) {
        return isSet(d) ? SetTable.slots(d) : getLong(d + FILLED);
    }

    /** Key of entry (dict) or slot (set) {@code i}, 0 if deleted or empty, for iteration by position. */
    public static long keyAt(long d, long i) {
        if (isSet(d)) return SetTable.keyAt(d, i);
        return Heap.sharedReads ? entryFieldShared(d, i, 8, true) : getLong(getLong(d + ENTRIES) + i * 24 + 8);
    }

    public static long valueAt(long d, long i) {
        if (isSet(d)) return 0;
        return Heap.sharedReads ? entryFieldShared(d, i, 16, true) : getLong(getLong(d + ENTRIES) + i * 24 + 16);
    }

    static long hashAt(long d, long i) {
        if (isSet(d)) return SetTable.hashAt(d, i);
        return Heap.sharedReads ? entryFieldShared(d, i, 0, false) : getLong(getLong(d + ENTRIES) + i * 24);
    }

    /**
     * An entry's field read while other threads may resize the table: under the dict's critical section,
     * 0 past the current end (as for a deleted entry), a reference kept until this thread's next safepoint.
     */
    private static long entryFieldShared(long d, long i, long field, boolean reference) {
        CriticalSection.begin(d);
        try {
            if (i < 0 || i >= getLong(d + FILLED)) {
                return 0;
            }
            long v = getLong(getLong(d + ENTRIES) + i * 24 + field);
            return reference ? PyThread.borrow(v) : v;
        } finally {
            CriticalSection.end();
        }
    }

    /** Entry number of {@code key}, or -1. */
    static long find(long d, long key, long hash) {
        if (isSet(d)) {
            return SetTable.find(d, key, hash);
        }
        if (!Heap.sharedReads) {
            return probe(d, key, hash);
        }
        CriticalSection.begin(d);
        try {
            return probe(d, key, hash);
        } finally {
            CriticalSection.end();
        }
    }

    /** {@link #find} of a dict: the probe, which restarts when a key's {@code __eq__} changed the table. */
    private static long probe(long d, long key, long hash) {
        restart:
        while (true) {
            long table = getLong(d + ENTRIES);
            long index = getLong(d + INDEX);
            long mask = getLong(d + ISIZE) - 1;
            long i = hash & mask;
            long perturb = hash;
            while (true) {
                long slot = getLong(index + 8 * i);
                if (slot == 0) {
                    return -1;
                }
                if (slot > 0) {
                    long e = table + (slot - 1) * 24;
                    long k = getLong(e + 8);
                    if (k == key) {
                        return slot - 1;
                    }
                    if (k != 0 && getLong(e) == hash) {
                        int found = compareEntryKey(d, table, e, k, key);
                        if (found > 0) {
                            return slot - 1;
                        }
                        if (found < 0) {
                            continue restart;
                        }
                    }
                }
                perturb >>>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
        }
    }

    /**
     * Compares a stored key with the probe key by user {@code __eq__}, which may mutate or free this
     * dict's table and drop the stored key: the key is held by its own reference across the call (as
     * CPython's lookdict increfs its startkey), and the table is re-validated afterwards. Returns 1 if
     * equal, 0 if not, -1 if the table or the entry changed under the comparison (restart the probe).
     */
    private static int compareEntryKey(long d, long table, long entry, long storedKey, long key) {
        Heap.incref(storedKey);
        try {
            boolean equal = Ops.eq(storedKey, key);
            if (getLong(d + ENTRIES) != table || getLong(entry + 8) != storedKey) {
                return -1;
            }
            return equal ? 1 : 0;
        } finally {
            Heap.decref(storedKey);
        }
    }

    /** Borrowed value for {@code key}, or 0. */
    public static long get(long d, long key) {
        long hash = Ops.hash(key);
        if (!Heap.sharedReads || isSet(d)) {
            long e = find(d, key, hash);
            return e < 0 ? 0 : valueAt(d, e);
        }
        CriticalSection.begin(d);
        try {
            long e = probe(d, key, hash);
            return e < 0 ? 0 : PyThread.borrow(getLong(getLong(d + ENTRIES) + e * 24 + 16));
        } finally {
            CriticalSection.end();
        }
    }

    public static boolean contains(long d, long key) {
        return find(d, key, Ops.hash(key)) >= 0;
    }

    /** Stores {@code value} under {@code key}; both borrowed (the table takes its own references). */
    public static void put(long d, long key, long value) {
        long hash = Ops.hash(key);
        if (isSet(d)) {
            SetTable.add(d, key, hash);
            return;
        }
        if (!Header.hasGcBits(d, Header.GC_TRACKED) && Header.type(d) == Types.DICT && Header.flags(d) != MANAGED
                && (mayBeTracked(key) || (value != 0 && mayBeTracked(value)))) {
            Header.setGcBits(d, Header.GC_TRACKED);
        }
        Heap.xincref(value);
        CriticalSection.begin(d);
        long old;
        try {
            // The probe runs inside the section: another thread's insertion or resize between a probe
            // and the store would make the entry number stale.
            long e;
            try {
                e = probe(d, key, hash);
            } catch (RuntimeException | Error failure) {
                Heap.xdecref(value);
                throw failure;
            }
            if (e >= 0) {
                long addr = getLong(d + ENTRIES) + e * 24 + 16;
                old = getLong(addr);
                putLong(addr, value);
            } else {
                Heap.incref(key);
                insertNew(d, key, hash, value);
                old = 0;
            }
        } finally {
            CriticalSection.end();
        }
        Heap.xdecref(old);
    }

    private static void insertNew(long d, long key, long hash, long value) {
        if (getLong(d + FILLED) == getLong(d + CAP)) {
            resize(d);
        }
        long n = getLong(d + FILLED);
        long e = getLong(d + ENTRIES) + n * 24;
        putLong(e, hash);
        putLong(e + 8, key);
        putLong(e + 16, value);
        putLong(d + FILLED, n + 1);
        putLong(d + USED, getLong(d + USED) + 1);
        insertIndex(d, hash, n);
    }

    private static void insertIndex(long d, long hash, long entry) {
        long index = getLong(d + INDEX);
        long mask = getLong(d + ISIZE) - 1;
        long i = hash & mask;
        long perturb = hash;
        while (getLong(index + 8 * i) > 0) {
            perturb >>>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        putLong(index + 8 * i, entry + 1);
    }

    private static void resize(long d) {
        long used = getLong(d + USED);
        long oldEntries = getLong(d + ENTRIES);
        long oldFilled = getLong(d + FILLED);
        long cap = Math.max(MIN_CAP, used * 2 > getLong(d + CAP) ? getLong(d + CAP) * 2 : getLong(d + CAP));
        allocateTable(d, cap);
        long n = 0;
        long entries = getLong(d + ENTRIES);
        for (long i = 0; i < oldFilled; i++) {
            long src = oldEntries + i * 24;
            if (getLong(src + 8) != 0) {
                long dst = entries + n * 24;
                putLong(dst, getLong(src));
                putLong(dst + 8, getLong(src + 8));
                putLong(dst + 16, getLong(src + 16));
                insertIndex(d, getLong(src), n);
                n++;
            }
        }
        putLong(d + FILLED, n);
        putLong(d + USED, n);
        Heap.freeRaw(oldEntries);
    }

    /** Removes {@code key}; returns the removed value as a new reference (1 for sets' absent value), or 0 if absent. */
    public static long pop(long d, long key) {
        long hash = Ops.hash(key);
        if (isSet(d)) {
            return SetTable.discard(d, key, hash) ? Obj.NONE : 0;
        }
        long k;
        long v;
        CriticalSection.begin(d);
        try {
            long e = probe(d, key, hash);
            if (e < 0) {
                return 0;
            }
            long addr = getLong(d + ENTRIES) + e * 24;
            k = getLong(addr + 8);
            v = getLong(addr + 16);
            putLong(addr + 8, 0);
            putLong(addr + 16, 0);
            long index = getLong(d + INDEX);
            long mask = getLong(d + ISIZE) - 1;
            long i = hash & mask;
            long perturb = hash;
            while (getLong(index + 8 * i) != e + 1) {
                perturb >>>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            putLong(index + 8 * i, -1);
            putLong(d + USED, getLong(d + USED) - 1);
        } finally {
            CriticalSection.end();
        }
        Heap.decref(k);
        return v == 0 ? Obj.NONE : v;
    }

    /** Removes and returns (new references) the last entry's key and value; false if empty. */
    static boolean popLast(long d, long[] out) {
        if (isSet(d)) {
            long k = SetTable.pop(d);
            out[0] = k;
            out[1] = Obj.NONE;
            return k != 0;
        }
        long n = getLong(d + FILLED);
        for (long i = n - 1; i >= 0; i--) {
            long k = keyAt(d, i);
            if (k != 0) {
                Heap.incref(k);
                long v = pop(d, k);
                out[0] = k;
                out[1] = v;
                putLong(d + FILLED, i);
                return true;
            }
        }
        return false;
    }

    static void clear(long d) {
        if (isSet(d)) {
            SetTable.clear(d);
            return;
        }
        long entries;
        long filled;
        long[] emptied = null;
        CriticalSection.begin(d);
        try {
            entries = getLong(d + ENTRIES);
            filled = getLong(d + FILLED);
            if (getLong(d + CAP) == MIN_CAP) {
                emptied = emptyInPlace(d, filled);
            } else {
                allocateTable(d, MIN_CAP);
            }
        } finally {
            CriticalSection.end();
        }
        if (emptied != null) {
            for (long ref : emptied) {
                Heap.xdecref(ref);
            }
            return;
        }
        for (long i = 0; i < filled; i++) {
            Heap.xdecref(getLong(entries + i * 24 + 8));
            Heap.xdecref(getLong(entries + i * 24 + 16));
        }
        Heap.freeRaw(entries);
    }

    /**
     * Empties a table that already has the minimum size without reallocating it (the collector clears
     * the attribute dict of every garbage instance just before the instance is freed): returns its keys
     * and values, to be released once the critical section has ended (a release may run
     * {@code __del__}, which may use the dict), and zeroes the entries and the index. Inside the section.
     */
    private static long[] emptyInPlace(long d, long filled) {
        long entries = getLong(d + ENTRIES);
        long[] refs = new long[(int) (2 * filled)];
        for (int i = 0; i < filled; i++) {
            refs[2 * i] = getLong(entries + i * 24L + 8);
            refs[2 * i + 1] = getLong(entries + i * 24L + 16);
        }
        Memory.fill(entries, filled * 24, (byte) 0);
        Memory.fill(getLong(d + INDEX), getLong(d + ISIZE) * 8, (byte) 0);
        putLong(d + FILLED, 0);
        putLong(d + USED, 0);
        return refs;
    }


    static void release(long d) {
        if (isSet(d)) {
            SetTable.release(d);
            return;
        }
        long entries = getLong(d + ENTRIES);
        long filled = getLong(d + FILLED);
        for (long i = 0; i < filled; i++) {
            Heap.xdecref(getLong(entries + i * 24 + 8));
            Heap.xdecref(getLong(entries + i * 24 + 16));
        }
        Heap.freeRaw(entries);
    }

    static void traverse(long d, ObjectVisitor v) {
        if (isSet(d)) {
            SetTable.traverse(d, v);
            return;
        }
        long entries = getLong(d + ENTRIES);
        long filled = getLong(d + FILLED);
        for (long i = 0; i < filled; i++) {
            long k = getLong(entries + i * 24 + 8);
            long x = getLong(entries + i * 24 + 16);
            if (k != 0) v.visit(k);
            if (x != 0) v.visit(x);
        }
    }

    // ---- string-keyed convenience (names are interned, immortal strs) ----------------------------

    public static long getStr(long d, String name) {
        return get(d, Obj.intern(name));
    }

    public static void putStr(long d, String name, long value) {
        put(d, Obj.intern(name), value);
    }
}
