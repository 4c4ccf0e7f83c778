package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.allocator.LocalHeap;
import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;
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

    /**
     * The heap. Object pages are QSBR-tagged: a page of objects that empties waits for a QSBR goal
     * before another size class or tag reuses it, so a lock-free reader that loaded an object's
     * address from a shared slot just before the object died still reads an object header when it
     * tries to incref it ({@link Lists}).
     */
    static final Allocator ALLOCATOR = Allocator.builder().tags(3).qsbrTags(TAG_OBJECT, TAG_GC).build();

    /** Whether the allocator runs its debug mode ({@code -X dev}): then containers are read under their lock. */
    static final boolean DEBUG_ALLOCATOR = ALLOCATOR.isDebug();

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
            if ((type == Types.CLASS || type == Types.MODULE) && deferObjects) {
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
            Owner o = owner();
            if (o != null) {
                b = o.heaps[tag].allocate(size);
                o.live[0]++;
                return b;
            }
            b = ALLOCATOR.allocate(tag, size);
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            throw PyException.memoryError();
        }
        LIVE.increment();
        return b;
    }

    /** Frees a payload array ({@link #raw}). */
    static void freeRaw(long block) {
        free(block, TAG_RAW);
    }

    /**
     * Frees a payload array that lock-free readers may still be reading (a list's replaced items block)
     * once every attached thread has passed a quiescent state ({@link Allocator#freeDelayed}). It stops
     * counting as this run's live block now; the allocator counts it as delayed until then.
     */
    static void freeStorageDelayed(long block) {
        ALLOCATOR.freeDelayed(block);
        Owner o = owner();
        if (o != null) {
            o.live[0]--;
        } else {
            LIVE.decrement();
        }
    }

    /** Bytes readable from {@code block}, a payload array, to the end of its allocator block. */
    static long storageUsableSize(long block) {
        return ALLOCATOR.usableSize(block);
    }

    /** Frees a block, fastest when it was allocated in {@code tag} by the calling thread (any block is accepted). */
    private static void free(long block, int tag) {
        Owner o = owner();
        if (o != null) {
            o.heaps[tag].free(block);
            o.live[0]--;
        } else {
            ALLOCATOR.free(block);
            LIVE.decrement();
        }
    }

    /** Frees an object block (after its children were released). */
    static void freeObject(long o) {
        boolean gc = Types.isGc(Header.type(o));
        if (gc || Header.hasGcBits(o, Header.GC_TRACKED)) {
            Runtime r = Runtime.currentOrNull();
            if (r != null) {
                r.collector.recordDeallocation();
            }
        }
        free(o, gc ? TAG_GC : TAG_OBJECT);
    }

    /**
     * Makes {@code o} immortal and counts its blocks as immortal: the object, plus the payload arrays it
     * owns (a dict's table, a list's items). Resizing an immortal container frees as many payload
     * blocks as it allocates, so the count stays exact.
     */
    static void markImmortal(long o) {
        RefCount.immortalize(o);
        int type = Header.type(o);
        IMMORTAL.add(type == Types.SET ? 3 : type == Types.DICT || type == Types.LIST ? 2 : 1);
    }

    public static long liveBlocks() {
        long live = LIVE.sum();
        for (long[] counts : THREAD_LIVE.values()) {
            live += counts[0];
        }
        return live;
    }

    public static long immortalBlocks() {
        return IMMORTAL.sum();
    }

    public static Allocator allocator() {
        return ALLOCATOR;
    }

    // ---- counting -------------------------------------------------------------------------------

    /**
     * A thread running Python code, its refcount owner id and its allocator heaps, cached so that the
     * hot paths pass {@code self} instead of looking the thread state up ({@link RefCount#incref(long, long)})
     * and allocate/free through the thread's {@code LocalHeap}s instead of the allocator's thread-local
     * lookup (a {@code LocalHeap} frees blocks of any tag and any thread). Records are immutable (final
     * fields, so a racy read sees a complete one) and live in {@link #OWNERS}, a direct-mapped table by
     * Java thread id: a thread finds its own record with one array load and an identity check, so it
     * can never combine its thread with another thread's id or heaps; a thread whose slot holds another
     * thread's record (a collision) takes the lookups (always correct). A record is dropped when its
     * thread exits as a runtime thread (its heaps are then released by the allocator, whose exit
     * listener runs after every other one).
     */
    private record Owner(Thread thread, long tid, LocalHeap[] heaps, long[] live) {
    }

    /**
     * Blocks allocated minus freed by each thread with an owner record, counted with plain stores by that
     * thread alone (a shared counter would be a contended cache line on every allocation); folded into
     * {@link #LIVE} when the thread exits. {@link #liveBlocks()} reads them racily: exact once the threads
     * that count are quiescent (the end of a run), as the report needs.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Thread, long[]> THREAD_LIVE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Owner records by {@code threadId & (length - 1)}; plain array accesses (see {@link Owner}). */
    private static final Owner[] OWNERS = new Owner[64];

    private static Owner owner() {
        Thread t = Thread.currentThread();
        Owner o = OWNERS[(int) t.threadId() & (OWNERS.length - 1)];
        return o != null && o.thread == t ? o : null;
    }

    /**
     * Whether the current run is free-threaded with more than one thread running Python code: then
     * loads of references from shared containers ({@link Dict}, {@link SetTable}, {@link Lists}) take the
     * container's critical section and hold the value through {@link PyThread#borrow} until the thread's
     * next safepoint. Set (before the second thread starts, so {@code Thread.start} publishes it) by
     * {@code _thread.start_new_thread} without a GIL; cleared by each new {@code Runtime}. Volatile: read
     * on every container load, written twice per run.
     */
    static volatile boolean sharedReads;

    /**
     * Ablation switches of the run ({@code -X lockfree=0}, {@code -X deferred=0}; on by default): whether
     * shared reads try the lock-free path ({@link Lists}, {@link Dict}) and whether module-level functions,
     * methods, classes and modules get deferred reference counts. Plain: written by the launcher before
     * the program (and so before any other thread) starts, reset after it.
     */
    static boolean lockFreeReads = true;
    static boolean deferObjects = true;

    private static boolean exitListenerAdded;

    /** Caches the calling thread's refcount id and heaps (a thread about to run Python code). */
    static void cacheOwner() {
        addExitListener();
        LocalHeap[] heaps = {ALLOCATOR.heap(TAG_OBJECT), ALLOCATOR.heap(TAG_GC), ALLOCATOR.heap(TAG_RAW)};
        Thread t = Thread.currentThread();
        long[] live = THREAD_LIVE.computeIfAbsent(t, thread -> new long[1]);
        OWNERS[(int) t.threadId() & (OWNERS.length - 1)] = new Owner(t, RefCount.ownerTid(), heaps, live);
    }

    private static synchronized void addExitListener() {
        if (!exitListenerAdded) {
            exitListenerAdded = true;
            RuntimeThreads.addListener(new ThreadListener() {
                @Override
                public void onExit(ThreadState thread) {
                    int slot = (int) thread.thread().threadId() & (OWNERS.length - 1);
                    Owner o = OWNERS[slot];
                    if (o != null && o.thread == thread.thread()) {
                        OWNERS[slot] = null;
                    }
                    long[] live = THREAD_LIVE.remove(thread.thread());
                    if (live != null) {
                        LIVE.add(live[0]);
                    }
                }
            });
        }
    }

    private static long self() {
        Owner o = owner();
        return o != null ? o.tid : RefCount.currentTid();
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

    /** An opaque load (a racy first read whose value a lock then re-checks). */
    static long getLongOpaque(long a) {
        return Memory.getLongOpaque(a);
    }

    static long getLong(long a) {
        return Memory.getLong(a);
    }

    static void putLong(long a, long v) {
        Memory.putLong(a, v);
    }
}
