package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.refcount.RefCount;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * dict: an insertion-ordered hash table in CPython's compact layout (sets and frozensets dispatch to
 * {@link SetTable}, CPython's set table, through the same entry points): an entries array {hash, key, value} in insertion order (deleted entries have key 0) and an
 * open-addressing index of longs (0 empty, -1 deleted, else entry number + 1), both in one RAW block
 * (the index right after the entries: one allocation and one free per table), which starts with its own
 * entry capacity, so a lock-free reader finds the index and its size from the entries pointer alone.
 *
 * <pre>
 * payload: +0 used  +8 entries  +16 entry capacity  +24 entries filled (live + deleted)  +32 index  +40 index size
 * table block: +0 entry capacity  +8 entries (capacity × 24)  then the index (index size × 8)
 * </pre>
 * Invariants: used ≤ filled ≤ capacity; index size is a power of two ≥ 2 × capacity; every live entry's
 * key is found by probing from {@code hash & (size - 1)} with CPython's perturbation.
 *
 * <p>Structural mutations run inside a critical section on the table's mutex (header word), so a
 * future second thread sees either the old or the new table. Lookups call {@code __eq__}/{@code __hash__}
 * outside the section.
 *
 * <h2>Lock-free {@link #get} while threads share the heap ({@link Heap#sharedReads})</h2>
 * As CPython 3.13t's {@code _Py_dict_lookup_threadsafe} for str keys: load the entries pointer
 * (acquire), derive the index from the block, probe it with acquire loads, and at an entry whose key is
 * the probe key itself (names are interned, so a global, builtin or attribute lookup finds its key by
 * identity) take the value ({@link PyThread#take}: nothing for an immortal or deferred object, else
 * a try-incref) and keep it only if the dict still has that table and the entry still
 * holds that key and value. An empty index slot means absent if the table is still the dict's. An entry
 * with the same hash but another key would need {@code __eq__}: that lookup, a failed try-incref and a
 * failed re-check run the locked probe instead. Why the loads are safe: a table is published (release)
 * only when complete, a replaced table is freed with {@link Heap#freeStorageDelayed} (QSBR: it stays
 * allocated, contents intact, until every attached thread has passed a safepoint, and the reader makes
 * none while it probes), entries are append-only within a table and their words and the index slots
 * are single aligned stores (release for a new value or entry), and object pages are QSBR-tagged so a
 * value freed meanwhile is still an object header for {@code take} ({@link Lists} has the same
 * argument). Under {@code -X dev} reads take the lock (the debug allocator fills freed blocks).
 */
public final class Dict {
    private static final long USED = P, ENTRIES = P + 8, CAP = P + 16, FILLED = P + 24, INDEX = P + 32, ISIZE = P + 40;
    private static final int MIN_CAP = 8;
    /** The table block's header: its entry capacity. */
    private static final long TABLE_HEADER = 8;
    /** {@link #getLockFree}'s answer when the locked probe must decide. */
    private static final long FALLBACK = -1;
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

    private static long indexSize(long cap) {
        return Long.highestOneBit(cap * 2 - 1) << 1;
    }

    /** A zeroed table of {@code cap} entries, not yet published: returns its entries address. */
    private static long newTable(long cap) {
        long block = Heap.raw(TABLE_HEADER + cap * 24 + indexSize(cap) * 8);
        putLong(block, cap);
        return block + TABLE_HEADER;
    }

    /** Publishes a complete table with {@code filled} entries, all live; the entries pointer last (release). */
    private static void publishTable(long d, long entries, long filled) {
        long cap = getLong(entries - TABLE_HEADER);
        putLong(d + CAP, cap);
        putLong(d + FILLED, filled);
        putLong(d + USED, filled);
        putLong(d + INDEX, entries + cap * 24);
        putLong(d + ISIZE, indexSize(cap));
        Memory.putLongRelease(d + ENTRIES, entries);
    }

    /** A new empty table of {@code cap} entries for {@code d}. */
    private static void allocateTable(long d, long cap) {
        publishTable(d, newTable(cap), 0);
    }

    /**
     * Frees a table that is no longer {@code d}'s: through QSBR while lock-free readers may still be
     * probing it, at once otherwise.
     */
    private static void freeTable(long entries) {
        if (Heap.sharedReads) {
            Heap.freeStorageDelayed(entries - TABLE_HEADER);
        } else {
            Heap.freeRaw(entries - TABLE_HEADER);
        }
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
        if (!Heap.DEBUG_ALLOCATOR && Heap.lockFreeReads) {
            long v = getLockFree(d, key, hash);
            if (v != FALLBACK) {
                return v;
            }
        }
        return getLocked(d, key, hash);
    }

    /** The lock-free lookup of the class comment: the value (kept to the next safepoint), 0, or {@link #FALLBACK}. */
    private static long getLockFree(long d, long key, long hash) {
        long entries = Memory.getLongAcquire(d + ENTRIES);
        long cap = getLong(entries - TABLE_HEADER);
        long index = entries + cap * 24;
        long mask = indexSize(cap) - 1;
        long i = hash & mask;
        long perturb = hash;
        for (long probes = 0; probes <= mask; probes++) {
            long slot = Memory.getLongAcquire(index + 8 * i);
            if (slot == 0) {
                return Memory.getLongAcquire(d + ENTRIES) == entries ? 0 : FALLBACK;
            }
            if (slot > 0) {
                if (slot > cap) {
                    return FALLBACK;
                }
                long e = entries + (slot - 1) * 24;
                long k = Memory.getLongAcquire(e + 8);
                if (k == key) {
                    long v = Memory.getLongAcquire(e + 16);
                    int taken = v == 0 ? PyThread.TAKE_FAILED : PyThread.take(v);
                    if (taken == PyThread.TAKE_FAILED) {
                        return FALLBACK;
                    }
                    if (Memory.getLongAcquire(d + ENTRIES) == entries && Memory.getLongAcquire(e + 8) == key
                            && Memory.getLongAcquire(e + 16) == v) {
                        return PyThread.keepTaken(v, taken);
                    }
                    PyThread.untake(v, taken);
                    return FALLBACK;
                }
                if (k != 0 && Memory.getLongAcquire(e) == hash) {
                    return FALLBACK;
                }
            }
            perturb >>>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        return FALLBACK;
    }

    private static long getLocked(long d, long key, long hash) {
        CriticalSection.begin(d);
        try {
            long e = probe(d, key, hash);
            if (e < 0) {
                return 0;
            }
            long v = PyThread.borrow(getLong(getLong(d + ENTRIES) + e * 24 + 16));
            // Another thread's value stays try-increfable (its owner's last decref becomes a CAS), so
            // this thread's next lookup of it needs no lock.
            if (v != 0) {
                RefCount.setMaybeWeakref(v);
            }
            return v;
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
                Memory.putLongRelease(addr, value);
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
        insertIndex(getLong(d + INDEX), getLong(d + ISIZE) - 1, hash, n);
    }

    /** Links entry {@code entry} into an index; the release store publishes the entry's words to lock-free readers. */
    private static void insertIndex(long index, long mask, long hash, long entry) {
        long i = hash & mask;
        long perturb = hash;
        while (getLong(index + 8 * i) > 0) {
            perturb >>>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        Memory.putLongRelease(index + 8 * i, entry + 1);
    }

    private static void resize(long d) {
        long used = getLong(d + USED);
        long oldEntries = getLong(d + ENTRIES);
        long oldFilled = getLong(d + FILLED);
        long cap = Math.max(MIN_CAP, used * 2 > getLong(d + CAP) ? getLong(d + CAP) * 2 : getLong(d + CAP));
        // Filled before it is published: a lock-free reader sees the old table or the complete new one.
        long entries = newTable(cap);
        long index = entries + cap * 24;
        long mask = indexSize(cap) - 1;
        long n = 0;
        for (long i = 0; i < oldFilled; i++) {
            long src = oldEntries + i * 24;
            if (getLong(src + 8) != 0) {
                long dst = entries + n * 24;
                putLong(dst, getLong(src));
                putLong(dst + 8, getLong(src + 8));
                putLong(dst + 16, getLong(src + 16));
                insertIndex(index, mask, getLong(src), n);
                n++;
            }
        }
        publishTable(d, entries, n);
        freeTable(oldEntries);
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
            Memory.putLongOpaque(addr + 8, 0);
            Memory.putLongOpaque(addr + 16, 0);
            long index = getLong(d + INDEX);
            long mask = getLong(d + ISIZE) - 1;
            long i = hash & mask;
            long perturb = hash;
            while (getLong(index + 8 * i) != e + 1) {
                perturb >>>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            Memory.putLongOpaque(index + 8 * i, -1);
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
            // In place only while no lock-free reader can be probing (a bulk fill is not word-atomic).
            if (getLong(d + CAP) == MIN_CAP && !Heap.sharedReads) {
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
        freeTable(entries);
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
        Heap.freeRaw(entries - TABLE_HEADER);
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
