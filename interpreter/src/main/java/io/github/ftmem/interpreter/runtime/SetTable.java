package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.locks.CriticalSection;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * set and frozenset: CPython 3.11's {@code setobject.c} table, so that iteration order (and therefore
 * printing) matches CPython: slots {key, hash} in a RAW block, linear probing of up to 9 slots then
 * perturbation, dummies (hash −1) on removal, resize when fill × 5 ≥ mask × 3 to the power of two above
 * used × 4 (× 2 beyond 50 000).
 *
 * <pre>
 * payload: +0 used  +8 table  +16 mask  +24 fill (active + dummy)  +32 finger (pop position)
 * </pre>
 * Structural mutations run inside a critical section on the set's mutex; {@code __eq__} and
 * {@code __hash__} run outside it.
 */
final class SetTable {
    private static final long USED = P, TABLE = P + 8, MASK = P + 16, FILL = P + 24, FINGER = P + 32;
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final long DUMMY_HASH = -1;

    private SetTable() {
    }

    static void init(long s) {
        putLong(s + TABLE, Heap.raw(MIN_SIZE * 16L));
        putLong(s + MASK, MIN_SIZE - 1);
    }

    static long size(long s) {
        return getLong(s + USED);
    }

    /** Number of slots (iteration bound for {@link #keyAt}). */
    static long slots(long s) {
        return getLong(s + MASK) + 1;
    }

    /** Key in slot i, 0 if unused or dummy. */
    static long keyAt(long s, long i) {
        if (Heap.sharedReads) {
            return slotShared(s, i, true);
        }
        long e = getLong(s + TABLE) + 16 * i;
        return getLong(e + 8) == DUMMY_HASH ? 0 : getLong(e);
    }

    static long hashAt(long s, long i) {
        if (Heap.sharedReads) {
            return slotShared(s, i, false);
        }
        return getLong(getLong(s + TABLE) + 16 * i + 8);
    }

    /**
     * A slot read while other threads may resize the table (see {@link Heap#sharedReads}): under the
     * set's critical section, 0 past the current table, the key kept alive until the next safepoint.
     */
    private static long slotShared(long s, long i, boolean key) {
        CriticalSection.begin(s);
        try {
            if (i < 0 || i > getLong(s + MASK)) {
                return 0;
            }
            long e = getLong(s + TABLE) + 16 * i;
            if (!key) {
                return getLong(e + 8);
            }
            return getLong(e + 8) == DUMMY_HASH ? 0 : PyThread.borrow(getLong(e));
        } finally {
            CriticalSection.end();
        }
    }

    /** Slot index of {@code key}, or -1 (under the set's critical section while reads are shared). */
    static long find(long s, long key, long hash) {
        if (!Heap.sharedReads) {
            return probe(s, key, hash);
        }
        CriticalSection.begin(s);
        try {
            return probe(s, key, hash);
        } finally {
            CriticalSection.end();
        }
    }

    private static long probe(long s, long key, long hash) {
        long table = getLong(s + TABLE);
        long mask = getLong(s + MASK);
        long i = hash & mask;
        long perturb = hash;
        while (true) {
            long probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            long j = i;
            do {
                long e = table + 16 * j;
                long k = getLong(e);
                long h = getLong(e + 8);
                if (k == 0 && h == 0) {
                    return -1;
                }
                if (h == hash && k != 0) {
                    if (k == key) {
                        return j;
                    }
                    // User __eq__ may mutate the set or drop the stored key: hold the key across the
                    // call, and restart the probe if the table or the slot changed under it.
                    Heap.incref(k);
                    try {
                        boolean equal = Ops.eq(k, key);
                        if (table != getLong(s + TABLE) || mask != getLong(s + MASK) || getLong(e) != k) {
                            return probe(s, key, hash);
                        }
                        if (equal) {
                            return j;
                        }
                    } finally {
                        Heap.decref(k);
                    }
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** Adds a borrowed key (the set takes its own reference). */
    static void add(long s, long key, long hash) {
        CriticalSection.begin(s);
        try {
            // The probe runs inside the section, so a concurrent add of an equal key cannot slip in
            // between the probe and the insertion.
            if (probe(s, key, hash) >= 0) {
                return;
            }
            Heap.incref(key);
            long table = getLong(s + TABLE);
            long mask = getLong(s + MASK);
            long i = hash & mask;
            long perturb = hash;
            long freeSlot = -1;
            outer:
            while (true) {
                long probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
                long j = i;
                do {
                    long e = table + 16 * j;
                    long k = getLong(e);
                    long h = getLong(e + 8);
                    if (k == 0 && h == 0) {
                        if (freeSlot >= 0) {
                            long f = table + 16 * freeSlot;
                            putLong(f, key);
                            putLong(f + 8, hash);
                            putLong(s + USED, getLong(s + USED) + 1);
                            return;
                        }
                        putLong(e, key);
                        putLong(e + 8, hash);
                        putLong(s + FILL, getLong(s + FILL) + 1);
                        putLong(s + USED, getLong(s + USED) + 1);
                        break outer;
                    }
                    if (h == DUMMY_HASH && freeSlot < 0) {
                        freeSlot = j;
                    }
                    j++;
                } while (probes-- > 0);
                perturb >>>= 5;
                i = (i * 5 + 1 + perturb) & mask;
            }
            if (getLong(s + FILL) * 5 >= mask * 3) {
                long used = getLong(s + USED);
                resize(s, used > 50000 ? used * 2 : used * 4);
            }
        } finally {
            CriticalSection.end();
        }
    }

    private static void insertClean(long table, long mask, long key, long hash) {
        long i = hash & mask;
        long perturb = hash;
        while (true) {
            if (getLong(table + 16 * i) == 0) {
                break;
            }
            boolean found = false;
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (getLong(table + 16 * (i + j)) == 0) {
                        i += j;
                        found = true;
                        break;
                    }
                }
            }
            if (found) {
                break;
            }
            perturb >>>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
        putLong(table + 16 * i, key);
        putLong(table + 16 * i + 8, hash);
    }

    private static void resize(long s, long minUsed) {
        long newSize = MIN_SIZE;
        while (newSize <= minUsed) {
            newSize <<= 1;
        }
        long oldTable = getLong(s + TABLE);
        long oldSlots = getLong(s + MASK) + 1;
        long table = Heap.raw(newSize * 16);
        for (long i = 0; i < oldSlots; i++) {
            long k = getLong(oldTable + 16 * i);
            long h = getLong(oldTable + 16 * i + 8);
            if (k != 0 && h != DUMMY_HASH) {
                insertClean(table, newSize - 1, k, h);
            }
        }
        putLong(s + TABLE, table);
        putLong(s + MASK, newSize - 1);
        putLong(s + FILL, getLong(s + USED));
        Heap.freeRaw(oldTable);
    }

    /** Grows the table ahead of merging {@code incoming} entries (set_merge / dict merge). */
    static void reserve(long s, long incoming) {
        if ((getLong(s + FILL) + incoming) * 5 >= getLong(s + MASK) * 3) {
            CriticalSection.begin(s);
            try {
                resize(s, (getLong(s + USED) + incoming) * 2);
            } finally {
                CriticalSection.end();
            }
        }
    }

    /** Removes {@code key}; true if it was present. */
    static boolean discard(long s, long key, long hash) {
        long k;
        CriticalSection.begin(s);
        try {
            long slot = probe(s, key, hash);
            if (slot < 0) {
                return false;
            }
            long e = getLong(s + TABLE) + 16 * slot;
            k = getLong(e);
            putLong(e + 8, DUMMY_HASH);
            putLong(s + USED, getLong(s + USED) - 1);
        } finally {
            CriticalSection.end();
        }
        Heap.decref(k);
        return true;
    }

    /** set.pop(): the key at or after the finger (new reference), or 0 if empty. */
    static long pop(long s) {
        if (getLong(s + USED) == 0) {
            return 0;
        }
        CriticalSection.begin(s);
        try {
            long mask = getLong(s + MASK);
            long i = getLong(s + FINGER) & mask;
            while (keyAt(s, i) == 0) {
                i = (i + 1) & mask;
            }
            long e = getLong(s + TABLE) + 16 * i;
            long k = getLong(e);
            putLong(e + 8, DUMMY_HASH);
            putLong(s + USED, getLong(s + USED) - 1);
            putLong(s + FINGER, i + 1);
            return k;
        } finally {
            CriticalSection.end();
        }
    }

    static void clear(long s) {
        long table;
        long slots;
        CriticalSection.begin(s);
        try {
            table = getLong(s + TABLE);
            slots = getLong(s + MASK) + 1;
            init(s);
            putLong(s + USED, 0);
            putLong(s + FILL, 0);
        } finally {
            CriticalSection.end();
        }
        releaseTable(table, slots);
    }

    static void release(long s) {
        releaseTable(getLong(s + TABLE), getLong(s + MASK) + 1);
    }

    private static void releaseTable(long table, long slots) {
        for (long i = 0; i < slots; i++) {
            long k = getLong(table + 16 * i);
            if (k != 0 && getLong(table + 16 * i + 8) != DUMMY_HASH) {
                Heap.decref(k);
            }
        }
        Heap.freeRaw(table);
    }

    static void traverse(long s, ObjectVisitor v) {
        long table = getLong(s + TABLE);
        long slots = getLong(s + MASK) + 1;
        for (long i = 0; i < slots; i++) {
            long k = getLong(table + 16 * i);
            if (k != 0 && getLong(table + 16 * i + 8) != DUMMY_HASH) {
                v.visit(k);
            }
        }
    }

    /**
     * Adds every key of another set (set_merge): grows first, copies the table slot for slot when this
     * set is empty, of the same size and the other has no dummies, else adds in slot order.
     */
    static void merge(long s, long other) {
        reserve(s, size(other));
        long otherTable = getLong(other + TABLE);
        long slots = getLong(other + MASK) + 1;
        if (getLong(s + FILL) == 0 && getLong(s + MASK) == getLong(other + MASK)
                && getLong(other + FILL) == getLong(other + USED)) {
            CriticalSection.begin(s);
            try {
                long table = getLong(s + TABLE);
                for (long i = 0; i < slots; i++) {
                    long k = getLong(otherTable + 16 * i);
                    if (k != 0) {
                        Heap.incref(k);
                        putLong(table + 16 * i, k);
                        putLong(table + 16 * i + 8, getLong(otherTable + 16 * i + 8));
                    }
                }
                putLong(s + FILL, getLong(other + USED));
                putLong(s + USED, getLong(other + USED));
            } finally {
                CriticalSection.end();
            }
            return;
        }
        for (long i = 0; i < slots; i++) {
            long k = keyAt(other, i);
            if (k != 0) {
                add(s, k, hashAt(other, i));
            }
        }
    }
}
