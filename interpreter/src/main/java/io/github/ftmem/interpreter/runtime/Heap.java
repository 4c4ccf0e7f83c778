package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.refcount.RefCount;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where every Python value lives: blocks of the ftmem allocator with the 32-byte header, counted by
 * {@link RefCount}. Three allocator tags: {@link #TAG_OBJECT} (atomic values: ints, floats, strings,
 * ranges), {@link #TAG_GC} (containers the cycle collector visits) and {@link #TAG_RAW} (payload arrays
 * owned by one container: list items, dict tables).
 *
 * <p>Thread safety: the allocator and {@code RefCount} are thread-safe; the block counters are
 * {@link LongAdder}s (any thread may allocate or free). The live-block count minus the immortal blocks is
 * what {@code -X showrefcount} reports as "blocks": zero after a program that leaks nothing.
 */
public final class Heap {
    public static final int TAG_OBJECT = 0;
    public static final int TAG_GC = 1;
    public static final int TAG_RAW = 2;

    /** First payload byte of an object. */
    public static final long P = Header.SIZE;

    static final Allocator ALLOCATOR = Allocator.builder().tags(3).build();

    private static final LongAdder LIVE = new LongAdder();
    private static final LongAdder IMMORTAL = new LongAdder();

    private Heap() {
    }

    /** A new object of {@code type} with {@code payload} zeroed bytes after the header, refcount 1. */
    static long object(int type, long payload) {
        boolean gc = Types.isGc(type);
        long o = allocate(gc ? TAG_GC : TAG_OBJECT, Header.SIZE + payload);
        Memory.fill(o + P, payload, (byte) 0);
        RefCount.init(o, type);
        if (gc) {
            Header.setGcBits(o, Header.GC_TRACKED);
            Runtime.current().collector.recordAllocation();
            if (type == Types.CLASS || type == Types.MODULE) {
                RefCount.setDeferred(o);
            }
        }
        return o;
    }

    /** A payload array (zeroed). */
    static long raw(long size) {
        long b = allocate(TAG_RAW, Math.max(size, 8));
        Memory.fill(b, Math.max(size, 8), (byte) 0);
        return b;
    }

    static long rawGrow(long block, long newSize) {
        long b;
        try {
            b = ALLOCATOR.reallocate(block, newSize);
        } catch (OutOfMemoryError e) {
            throw PyException.memoryError();
        }
        return b;
    }

    private static long allocate(int tag, long size) {
        long b;
        try {
            b = ALLOCATOR.allocate(tag, size);
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            throw PyException.memoryError();
        }
        LIVE.increment();
        return b;
    }

    static void free(long block) {
        ALLOCATOR.free(block);
        LIVE.decrement();
    }

    /** Frees an object block (after its children were released). */
    static void freeObject(long o) {
        if (Header.hasGcBits(o, Header.GC_TRACKED) || Types.isGc(Header.type(o))) {
            Runtime r = Runtime.currentOrNull();
            if (r != null) {
                r.collector.recordDeallocation();
            }
        }
        free(o);
    }

    /**
     * Makes {@code o} immortal and counts its blocks as immortal: the object, plus the payload arrays it
     * owns (a dict's two tables, a list's items). Resizing an immortal container frees as many payload
     * blocks as it allocates, so the count stays exact.
     */
    static void markImmortal(long o) {
        RefCount.immortalize(o);
        int type = Header.type(o);
        IMMORTAL.add(type == Types.DICT || type == Types.SET ? 3 : type == Types.LIST ? 2 : 1);
    }

    public static long liveBlocks() {
        return LIVE.sum();
    }

    public static long immortalBlocks() {
        return IMMORTAL.sum();
    }

    public static Allocator allocator() {
        return ALLOCATOR;
    }

    // ---- counting -------------------------------------------------------------------------------

    /**
     * The thread that created the run's runtime and its refcount owner id, cached so that the hot
     * incref/decref path passes {@code self} instead of looking the thread state up
     * ({@link RefCount#incref(long, long)}). One immutable pair behind one volatile field: a thread
     * reads both in one load, so it can never combine its own thread with another run's id; a thread
     * that is not the cached one takes the lookup (always correct).
     */
    private record Owner(Thread thread, long tid) {
    }

    private static volatile Owner owner = new Owner(null, RefCount.NO_TID);

    /** Caches the calling thread's refcount id (at the start of a run, after its first object). */
    static void cacheOwner() {
        owner = new Owner(Thread.currentThread(), RefCount.currentTid());
    }

    private static long self() {
        Owner o = owner;
        return Thread.currentThread() == o.thread ? o.tid : RefCount.currentTid();
    }

    public static void incref(long o) {
        RefCount.incref(o, self());
    }

    public static void decref(long o) {
        RefCount.decref(o, self());
    }

    public static void xdecref(long o) {
        if (o != 0) {
            RefCount.decref(o, self());
        }
    }

    public static void xincref(long o) {
        if (o != 0) {
            RefCount.incref(o, self());
        }
    }

    /** Returns {@code o} with one more reference (for returning a borrowed reference as a new one). */
    public static long newRef(long o) {
        RefCount.incref(o, self());
        return o;
    }

    // ---- raw access -----------------------------------------------------------------------------

    static long getLong(long a) {
        return Memory.getLong(a);
    }

    static void putLong(long a, long v) {
        Memory.putLong(a, v);
    }
}
