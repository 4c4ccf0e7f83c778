package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.refcount.RefCount;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Lists: {@code +0 size, +8 items (RAW block of refs), +16 capacity}. Every structural mutation runs in
 * a critical section on the list's mutex; references dropped by a mutation are released after the
 * section ends (a decref may run arbitrary deallocation).
 *
 * <h2>Lock-free reads while threads share the heap ({@link Heap#sharedReads})</h2>
 * A read of {@code list[i]} takes no lock (CPython 3.13t's {@code list_get_item_ref}):
 * <ol>
 *   <li>load the items block (acquire) and bound {@code i} by that block's usable size, so the slot
 *       read stays inside the block whatever size the list has meanwhile;</li>
 *   <li>load the slot (acquire) and take the value ({@link PyThread#take}: nothing for an immortal or
 *       deferred object, else {@link RefCount#tryIncref});</li>
 *   <li>keep it only if the list still has that items block, the slot still holds the value and
 *       {@code i} is below the size (all acquire loads); else drop the reference and read under the
 *       critical section (which also raises IndexError for a racing shrink).</li>
 * </ol>
 * Why the loads cannot see reused memory: a writer that replaces the items block (growth,
 * {@link #replaceAll}) publishes the new one with a release store and frees the old one with
 * {@link Heap#freeStorageDelayed} (QSBR), so it stays allocated, with its old contents, until every
 * attached thread has passed a safepoint, and a reader makes no safepoint between step 1 and 3. An item
 * the reader loaded may be freed meanwhile by a writer's decref; the object pages are QSBR-tagged
 * ({@link Heap}), so the block is still an object header (freed or reused for another object of the
 * same size class), {@code tryIncref} fails on a freed one, and a reused one fails the slot re-check.
 * Writers store slots with release (new items) or opaque (moves) stores, one aligned word each, so a
 * reader never sees a torn pointer. Under {@code -X dev} reads take the lock: the allocator's debug
 * mode fills freed blocks, headers included, which a racing {@code tryIncref} would write into.
 */
public final class Lists {
    private Lists() {
    }

    public static long create(long capacity) {
        long l = Heap.object(Types.LIST, 24);
        long cap = Math.max(4, capacity);
        putLong(l + P + 8, Heap.raw(cap * 8));
        putLong(l + P + 16, cap);
        return l;
    }

    /** An empty list that is an instance of the Python subclass {@code cls} of list. */
    static long createSubclass(long cls) {
        long l = Heap.object(Types.LIST, 40);
        putLong(l + P + 8, Heap.raw(4 * 8));
        putLong(l + P + 16, 4);
        Types.initSubclassFields(l, Types.LIST, cls);
        return l;
    }

    public static long size(long l) {
        return getLong(l + P);
    }

    /**
     * Borrowed item (index checked by the caller). While other threads may mutate the list
     * ({@link Heap#sharedReads}), the load happens under the list's critical section and the item is
     * kept alive until this thread's next safepoint; an index that a concurrent removal has put out of
     * range raises IndexError.
     */
    public static long get(long l, long i) {
        if (!Heap.sharedReads) {
            return getLong(getLong(l + P + 8) + 8 * i);
        }
        return getShared(l, i);
    }

    /** The lock-free read of the class comment, falling back to {@link #getLocked}. */
    private static long getShared(long l, long i) {
        if (!Heap.DEBUG_ALLOCATOR && Heap.lockFreeReads) {
            long items = Memory.getLongAcquire(l + P + 8);
            if (i >= 0 && 8 * i + 8 <= Heap.storageUsableSize(items)) {
                long slot = items + 8 * i;
                long v = Memory.getLongAcquire(slot);
                int taken = v == 0 ? PyThread.TAKE_FAILED : PyThread.take(v);
                if (taken != PyThread.TAKE_FAILED) {
                    if (Memory.getLongAcquire(l + P + 8) == items && Memory.getLongAcquire(slot) == v
                            && i < Memory.getLongAcquire(l + P)) {
                        return PyThread.keepTaken(v, taken);
                    }
                    PyThread.untake(v, taken);
                }
            }
        }
        return getLocked(l, i);
    }

    private static long getLocked(long l, long i) {
        CriticalSection.begin(l);
        try {
            if (i < 0 || i >= getLong(l + P)) {
                throw PyException.of("IndexError", "list index out of range");
            }
            long v = PyThread.borrow(getLong(getLong(l + P + 8) + 8 * i));
            // A value another thread reads stays try-increfable (its owner's last decref becomes a CAS),
            // so this thread's next read of it needs no lock.
            if (v != 0) {
                RefCount.setMaybeWeakref(v);
            }
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /** The items block (for detecting that user code replaced the storage during an operation). */
    static long storage(long l) {
        return getLong(l + P + 8);
    }

    /** Appends a stolen reference. */
    public static void appendStolen(long l, long v) {
        CriticalSection.begin(l);
        try {
            long n = getLong(l + P);
            ensure(l, n + 1);
            Memory.putLongRelease(getLong(l + P + 8) + 8 * n, v);
            Memory.putLongRelease(l + P, n + 1);
        } finally {
            CriticalSection.end();
        }
    }

    /**
     * Appends every item of the list {@code src} (new references), atomically with respect to both
     * lists: one two-object critical section, so no other thread sees {@code l} half-extended or
     * mutates {@code src} during the copy. {@code l.extend(l)} locks once and doubles the list.
     */
    public static void extendFromList(long l, long src) {
        CriticalSection.begin2(l, src);
        try {
            long added = getLong(src + P);
            long n = getLong(l + P);
            ensure(l, n + added);
            long from = getLong(src + P + 8);
            long to = getLong(l + P + 8);
            for (long i = 0; i < added; i++) {
                long v = getLong(from + 8 * i);
                Heap.incref(v);
                putLong(to + 8 * (n + i), v);
            }
            putLong(l + P, n + added);
        } finally {
            CriticalSection.end();
        }
    }

    public static void append(long l, long v) {
        Heap.incref(v);
        appendStolen(l, v);
    }

    private static void ensure(long l, long need) {
        long cap = getLong(l + P + 16);
        if (need > cap) {
            long newCap = Math.max(need, cap + (cap >> 1) + 4);
            if (!Heap.sharedReads) {
                putLong(l + P + 8, Heap.rawGrow(getLong(l + P + 8), newCap * 8));
            } else {
                // Readers may hold the old block: copy, publish, and free it after their grace period.
                long old = getLong(l + P + 8);
                long grown = Heap.raw(newCap * 8);
                Memory.copy(old, grown, 8 * getLong(l + P));
                Memory.putLongRelease(l + P + 8, grown);
                Heap.freeStorageDelayed(old);
            }
            putLong(l + P + 16, newCap);
        }
    }

    /**
     * Moves {@code count} slots from {@code from} to {@code to} within one items block, one aligned
     * opaque store per slot while lock-free readers may look (so none sees a torn pointer), in the
     * direction that does not overwrite a slot before it is read.
     */
    private static void moveSlots(long from, long to, long count) {
        if (!Heap.sharedReads) {
            Memory.copy(from, to, 8 * count);
        } else if (to > from) {
            for (long k = count - 1; k >= 0; k--) {
                Memory.putLongOpaque(to + 8 * k, getLong(from + 8 * k));
            }
        } else {
            for (long k = 0; k < count; k++) {
                Memory.putLongOpaque(to + 8 * k, getLong(from + 8 * k));
            }
        }
    }

    /** Replaces item i with a stolen reference. */
    public static void setStolen(long l, long i, long v) {
        long old;
        CriticalSection.begin(l);
        try {
            long addr = getLong(l + P + 8) + 8 * i;
            old = getLong(addr);
            Memory.putLongRelease(addr, v);
        } finally {
            CriticalSection.end();
        }
        Heap.xdecref(old);
    }

    public static void insertStolen(long l, long i, long v) {
        CriticalSection.begin(l);
        try {
            long n = getLong(l + P);
            ensure(l, n + 1);
            long items = getLong(l + P + 8);
            moveSlots(items + 8 * i, items + 8 * (i + 1), n - i);
            Memory.putLongRelease(items + 8 * i, v);
            Memory.putLongRelease(l + P, n + 1);
        } finally {
            CriticalSection.end();
        }
    }

    /** Removes item i and returns it (the caller owns it). */
    public static long removeAt(long l, long i) {
        CriticalSection.begin(l);
        try {
            long n = getLong(l + P);
            long items = getLong(l + P + 8);
            long v = getLong(items + 8 * i);
            moveSlots(items + 8 * (i + 1), items + 8 * i, n - i - 1);
            Memory.putLongRelease(l + P, n - 1);
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    /** Replaces the whole contents with {@code n} stolen refs from {@code values}. */
    public static void replaceAll(long l, long[] values, int n) {
        long oldItems;
        long oldN;
        long items = Heap.raw(Math.max(4, n) * 8L);
        for (int i = 0; i < n; i++) {
            putLong(items + 8L * i, values[i]);
        }
        CriticalSection.begin(l);
        try {
            oldItems = getLong(l + P + 8);
            oldN = getLong(l + P);
            Memory.putLongRelease(l + P + 8, items);
            Memory.putLongRelease(l + P, n);
            putLong(l + P + 16, Math.max(4, n));
        } finally {
            CriticalSection.end();
        }
        for (long i = oldN - 1; i >= 0; i--) {
            Heap.xdecref(getLong(oldItems + 8 * i)); // last to first, as CPython's list_clear
        }
        if (Heap.sharedReads) {
            Heap.freeStorageDelayed(oldItems);
        } else {
            Heap.freeRaw(oldItems);
        }
    }

    /** Snapshot of the items as new references. */
    public static long[] snapshot(long l) {
        CriticalSection.begin(l);
        try {
            int n = (int) getLong(l + P);
            long[] out = new long[n];
            long items = getLong(l + P + 8);
            for (int i = 0; i < n; i++) {
                out[i] = getLong(items + 8L * i);
                Heap.incref(out[i]);
            }
            return out;
        } finally {
            CriticalSection.end();
        }
    }

    static void clear(long l) {
        replaceAll(l, new long[0], 0);
    }
}
