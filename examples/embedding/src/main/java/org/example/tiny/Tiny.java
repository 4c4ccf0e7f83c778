package org.example.tiny;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.embed.ObjectTypes;
import io.github.ftmem.gc.Collector;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.TypeOperations;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.refcount.RefCount;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The object model of a tiny runtime: every value is an off-heap block with ftmem's 32-byte header,
 * allocated by {@link Allocator}, counted by {@link RefCount}, locked by {@link CriticalSection} and
 * collected by {@link Collector}. A value is its address; {@code 0} is nil.
 *
 * <pre>
 *   INT      header | long value                     (atom: no references; TAG_ATOM)
 *   CONS     header | car | cdr                      (container; TAG_GC)
 *   VECTOR   header | long length | item[length]     (container, mutable under a critical section)
 *   CLOSURE  header | long code | env                (container; env is usually a vector that holds it)
 * </pre>
 *
 * <p>Reference rules: a function that returns a value returns a new (counted) reference; a function
 * that takes a value to store steals the caller's reference ({@link #cons}, {@link #vset},
 * {@link #closure}); {@link #vget} returns a new reference.
 */
final class Tiny {
    static final int INT = 1, CONS = 2, VECTOR = 3, CLOSURE = 4;
    static final int TAG_ATOM = 0, TAG_GC = 1;
    private static final long P = Header.SIZE;

    final Allocator heap = Allocator.builder().tags(2).build();
    final Collector gc;

    /** Immortal values live outside the allocator (like CPython's static objects): never counted, never freed. */
    final long zero;

    private static final TypeOperations CONS_OPS = new TypeOperations() {
        @Override
        public void traverse(long o, ObjectVisitor visitor) {
            visitIfSet(Memory.getLong(o + P), visitor);
            visitIfSet(Memory.getLong(o + P + 8), visitor);
        }

        @Override
        public void clear(long o) {
            clearSlot(o + P);
            clearSlot(o + P + 8);
        }
    };

    private static final TypeOperations VECTOR_OPS = new TypeOperations() {
        @Override
        public void traverse(long o, ObjectVisitor visitor) {
            long n = Memory.getLong(o + P);
            for (long i = 0; i < n; i++) {
                visitIfSet(Memory.getLong(o + P + 8 + 8 * i), visitor);
            }
        }

        @Override
        public void clear(long o) {
            long n = Memory.getLong(o + P);
            for (long i = 0; i < n; i++) {
                clearSlot(o + P + 8 + 8 * i);
            }
        }
    };

    private static final TypeOperations CLOSURE_OPS = new TypeOperations() {
        @Override
        public void traverse(long o, ObjectVisitor visitor) {
            visitIfSet(Memory.getLong(o + P + 8), visitor);
        }

        @Override
        public void clear(long o) {
            clearSlot(o + P + 8);
        }
    };

    Tiny() {
        ObjectTypes types = new ObjectTypes()
                .register(INT, this::freeAtom)
                .register(CONS, o -> freeContainer(o, 2, P), CONS_OPS)
                .register(VECTOR, o -> freeContainer(o, Memory.getLong(o + P), P + 8), VECTOR_OPS)
                .register(CLOSURE, o -> freeContainer(o, 1, P + 8), CLOSURE_OPS);
        gc = types.collectorBuilder()
                .objectSpace(visitor -> heap.visit(TAG_GC, (address, size) -> visitor.visit(address)))
                .build();
        gc.installScheduledHandler();
        MemorySegment statics = Arena.global().allocate(P + 8, Header.ALIGNMENT);
        zero = statics.address();
        RefCount.init(zero, INT);
        Memory.putLong(zero + P, 0);
        RefCount.immortalize(zero);
    }

    // ---- constructors: each returns a new reference ----------------------------------------------

    long newInt(long value) {
        if (value == 0) {
            return zero;   // immortal: incref/decref write nothing
        }
        long o = heap.allocate(TAG_ATOM, P + 8);
        RefCount.init(o, INT);
        Memory.putLong(o + P, value);
        return o;
    }

    /** A cons cell; steals {@code car} and {@code cdr}. */
    long cons(long car, long cdr) {
        long o = container(CONS, 16);
        Memory.putLong(o + P, car);
        Memory.putLong(o + P + 8, cdr);
        return o;
    }

    /** A vector of {@code length} nils. */
    long vector(int length) {
        long o = container(VECTOR, 8 + 8L * length);
        Memory.putLong(o + P, length);
        Memory.fill(o + P + 8, 8L * length, (byte) 0);
        return o;
    }

    /** A closure over {@code env}; steals {@code env}. */
    long closure(long code, long env) {
        long o = container(CLOSURE, 16);
        Memory.putLong(o + P, code);
        Memory.putLong(o + P + 8, env);
        return o;
    }

    /** Header first, then TRACKED: the collector only ever sees initialised containers. */
    private long container(int type, long payload) {
        long o = heap.allocate(TAG_GC, P + payload);
        RefCount.init(o, type);
        Header.setGcBits(o, Header.GC_TRACKED);
        gc.recordAllocation();
        return o;
    }

    // ---- access ----------------------------------------------------------------------------------

    static long intValue(long o) {
        return Memory.getLong(o + P);
    }

    static long car(long cons) {
        return Memory.getLong(cons + P);
    }

    /** Sets the cdr of a cell no other thread can see yet (no lock needed), stealing {@code value}. */
    static void setCdrUnpublished(long cons, long value) {
        long old = Memory.getLong(cons + P + 8);
        Memory.putLong(cons + P + 8, value);
        xdecref(old);
    }

    static long env(long closure) {
        return Memory.getLong(closure + P + 8);
    }

    static long code(long closure) {
        return Memory.getLong(closure + P);
    }

    /**
     * {@code vector[i] = value}, stealing {@code value}. The swap runs in a critical section on the
     * vector (another thread may read or write the slot at the same time); the old value is released
     * after the section ends, because its deallocator may run arbitrary code (and take other locks).
     */
    static void vset(long vector, int i, long value) {
        long slot = slot(vector, i);
        CriticalSection.begin(vector);
        long old;
        try {
            old = Memory.getLong(slot);
            Memory.putLong(slot, value);
        } finally {
            CriticalSection.end();
        }
        xdecref(old);
    }

    /** A new reference to {@code vector[i]}: read and incref inside the section, so no writer frees it in between. */
    static long vget(long vector, int i) {
        long slot = slot(vector, i);
        CriticalSection.begin(vector);
        try {
            long v = Memory.getLong(slot);
            if (v != 0) {
                RefCount.incref(v);
            }
            return v;
        } finally {
            CriticalSection.end();
        }
    }

    private static long slot(long vector, int i) {
        long n = Memory.getLong(vector + P);
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " of a vector of " + n);
        }
        return vector + P + 8 + 8L * i;
    }

    static void xdecref(long o) {
        if (o != 0) {
            RefCount.decref(o);
        }
    }

    // ---- deallocation and collector support --------------------------------------------------------

    private void freeAtom(long o) {
        heap.free(o);
    }

    /** Releases {@code n} reference slots from {@code first} on, then the block. */
    private void freeContainer(long o, long n, long first) {
        for (long i = 0; i < n; i++) {
            xdecref(Memory.getLong(o + first + 8 * i));
        }
        gc.recordDeallocation();
        heap.free(o);
    }

    private static void visitIfSet(long referent, ObjectVisitor visitor) {
        if (referent != 0) {
            visitor.visit(referent);
        }
    }

    /** The collector's clear: nil the slot first, then release what it held (which may free more). */
    private static void clearSlot(long slot) {
        long old = Memory.getLong(slot);
        Memory.putLong(slot, 0);
        xdecref(old);
    }
}
