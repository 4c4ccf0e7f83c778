package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.locks.CriticalSection;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Lists: {@code +0 size, +8 items (RAW block of refs), +16 capacity}. Every structural mutation runs in
 * a critical section on the list's mutex; references dropped by a mutation are released after the
 * section ends (a decref may run arbitrary deallocation).
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

    private static long getShared(long l, long i) {
        CriticalSection.begin(l);
        try {
            if (i < 0 || i >= getLong(l + P)) {
                throw PyException.of("IndexError", "list index out of range");
            }
            return PyThread.borrow(getLong(getLong(l + P + 8) + 8 * i));
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
            putLong(getLong(l + P + 8) + 8 * n, v);
            putLong(l + P, n + 1);
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
            putLong(l + P + 8, Heap.rawGrow(getLong(l + P + 8), newCap * 8));
            putLong(l + P + 16, newCap);
        }
    }

    /** Replaces item i with a stolen reference. */
    public static void setStolen(long l, long i, long v) {
        long old;
        CriticalSection.begin(l);
        try {
            long addr = getLong(l + P + 8) + 8 * i;
            old = getLong(addr);
            putLong(addr, v);
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
            io.github.ftmem.core.Memory.copy(items + 8 * i, items + 8 * (i + 1), 8 * (n - i));
            putLong(items + 8 * i, v);
            putLong(l + P, n + 1);
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
            io.github.ftmem.core.Memory.copy(items + 8 * (i + 1), items + 8 * i, 8 * (n - i - 1));
            putLong(l + P, n - 1);
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
            putLong(l + P + 8, items);
            putLong(l + P, n);
            putLong(l + P + 16, Math.max(4, n));
        } finally {
            CriticalSection.end();
        }
        for (long i = oldN - 1; i >= 0; i--) {
            Heap.xdecref(getLong(oldItems + 8 * i)); // last to first, as CPython's list_clear
        }
        Heap.freeRaw(oldItems);
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
