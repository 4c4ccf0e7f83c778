package io.github.ftmem.gc.model;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.gc.Collector;
import io.github.ftmem.gc.ObjectSpace;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.ReferenceCounts;
import io.github.ftmem.gc.RootScanner;
import io.github.ftmem.gc.TypeOperations;
import io.github.ftmem.gc.WeakReferenceHooks;
import io.github.ftmem.refcount.RefCount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A small off-heap object model for exercising the collector: fixed 64-byte objects (the 32-byte
 * header and four reference slots) in a test heap over {@link OsMemory}, counted by the real
 * {@link RefCount} (biased: the creating thread owns an object and counts in {@code refLocal}, other
 * threads atomically, through merge queues), freed iteratively (a trashcan) by a {@code Deallocator}
 * that finds the model from the object's chunk, with containers, finalizable objects,
 * legacy-finalizer objects, weak references and a deferred "stack".
 *
 * <p>Thread-safety: allocation and freeing lock the heap; counts are atomic; the side tables are
 * concurrent maps. Slots of one object are written by one thread at a time (the test's discipline).
 */
public final class GcModel implements AutoCloseable, ObjectSpace, RootScanner, WeakReferenceHooks, ReferenceCounts {

    public static final int FREE = 0;
    public static final int CONTAINER = 0x61;
    public static final int FINALIZABLE = 0x62;
    public static final int LEGACY = 0x63;
    public static final int WEAKREF = 0x64;
    /** Type ids with a deallocator but no collector operations, for tests that register their own. */
    public static final int SPARE_TYPE = 0x67;
    public static final int UNREGISTERED_TYPE = 0x69;
    private static final int FIRST_TYPE = 0x61;
    private static final int LAST_TYPE = 0x6F;
    public static final int SLOTS = 4;
    public static final int BLOCK = Header.SIZE + SLOTS * 8;
    private static final long CHUNK = 4L << 20;
    private static final Map<Long, GcModel> BY_CHUNK = new ConcurrentHashMap<>();

    static {
        for (int type = FIRST_TYPE; type <= LAST_TYPE; type++) {
            RefCount.setDeallocator(type, GcModel::deallocateAny);
        }
    }
    /** Header flag: weak references to this object were created (so {@code weakRefsTo} may list some). */
    private static final int HAS_WEAK_REFERENCES = 0x1;

    private final List<Long> chunks = new ArrayList<>();
    private long bump;
    private long limit;
    private long freeList;
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong merges = new AtomicLong();

    private final Map<Long, LongConsumer> finalizers = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> finalizerRuns = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> weakRefsTo = new ConcurrentHashMap<>();
    private final Map<Long, Runnable> weakCallbacks = new ConcurrentHashMap<>();
    private final List<Long> stack = new ArrayList<>();
    private final ThreadLocal<Trashcan> trashcan = ThreadLocal.withInitial(Trashcan::new);
    private volatile Collector collector;

    /** Builds a collector over this model (and keeps it for allocation counting). */
    public Collector newCollector() {
        return newCollector(Collector.builder());
    }

    /** Builds a collector over this model from a builder the caller may have configured further. */
    public Collector newCollector(Collector.Builder builder) {
        TypeOperations container = new ContainerOps();
        Collector built = builder
                .objectSpace(this)
                .referenceCounts(this)
                .rootScanner(this)
                .weakReferences(this)
                .type(CONTAINER, container)
                .type(FINALIZABLE, new FinalizableOps())
                .type(LEGACY, new LegacyOps())
                .type(WEAKREF, new WeakRefOps())
                .build();
        collector = built;
        return built;
    }

    // ---- heap ---------------------------------------------------------------------------------------

    private synchronized long allocateBlock() {
        long block = freeList;
        if (block != 0) {
            freeList = Memory.getLong(block + Header.SIZE);
            Memory.putLong(block + Header.SIZE, 0);
            return block;
        }
        if (bump == limit) {
            long chunk = OsMemory.get().reserve(CHUNK, CHUNK);
            chunks.add(chunk);
            BY_CHUNK.put(chunk, this);
            bump = chunk;
            limit = chunk + CHUNK;
        }
        block = bump;
        bump += BLOCK;
        return block;
    }

    private synchronized void freeBlock(long block) {
        for (long offset = 0; offset < BLOCK; offset += 8) {
            Memory.putLong(block + offset, 0);
        }
        Memory.putLong(block + Header.SIZE, freeList);
        freeList = block;
    }

    /** Live objects in the heap. */
    public long liveObjects() {
        return live.get();
    }

    /** How often the collector merged the refcount queues. */
    public long merges() {
        return merges.get();
    }

    @Override
    public void forEachObject(ObjectVisitor visitor) {
        assert World.isStopped();
        List<Long> snapshot;
        long end;
        synchronized (this) {
            snapshot = List.copyOf(chunks);
            end = bump;
        }
        for (long chunk : snapshot) {
            long stop = end > chunk && end <= chunk + CHUNK ? end : chunk + CHUNK - CHUNK % BLOCK;
            for (long block = chunk; block < stop; block += BLOCK) {
                if (Header.type(block) != FREE) {
                    visitor.visit(block);
                }
            }
        }
    }

    /** The live objects, in heap order; for single-threaded checks outside a pause. */
    public synchronized long[] liveSnapshot() {
        long[] result = new long[(int) live.get()];
        int found = 0;
        for (long chunk : chunks) {
            long stop = bump > chunk && bump <= chunk + CHUNK ? bump : chunk + CHUNK;
            for (long block = chunk; block < stop; block += BLOCK) {
                if (Header.type(block) != FREE) {
                    result[found++] = block;
                }
            }
        }
        return result;
    }

    @Override
    public synchronized void close() {
        if (live.get() != 0) {
            throw new IllegalStateException(live.get() + " objects still live");
        }
        for (long chunk : chunks) {
            BY_CHUNK.remove(chunk);
            OsMemory.get().release(chunk, CHUNK);
        }
        chunks.clear();
        bump = limit = freeList = 0;
    }

    // ---- objects ----------------------------------------------------------------------------------

    /** A new tracked object of {@code type} with count 1 (the caller's reference), owned by the caller. */
    public long newObject(int type) {
        long object = allocateBlock();
        RefCount.init(object, type);
        Header.setGcBits(object, Header.GC_TRACKED);
        live.incrementAndGet();
        Collector c = collector;
        if (c != null) {
            c.recordAllocation();
        }
        return object;
    }

    public long newContainer() {
        return newObject(CONTAINER);
    }

    /** A finalizable object whose finalizer calls {@code finalizer} with its address. */
    public long newFinalizable(LongConsumer finalizer) {
        long object = newObject(FINALIZABLE);
        finalizers.put(object, finalizer);
        finalizerRuns.put(object, new AtomicInteger());
        return object;
    }

    /** How many times the object's finalizer ran (valid until the object is freed). */
    public int finalizerRuns(long object) {
        return finalizerRuns.get(object).get();
    }

    /** A weak reference to {@code referent} (counted 1 for the caller); {@code callback} may be null. */
    public long newWeakRef(long referent, Runnable callback) {
        long weak = newObject(WEAKREF);
        Memory.putLong(weak + Header.SIZE, referent);
        weakRefsTo.computeIfAbsent(referent, r -> new ArrayList<>()).add(weak);
        Header.setFlags(referent, Header.flags(referent) | HAS_WEAK_REFERENCES);
        if (callback != null) {
            weakCallbacks.put(weak, callback);
        }
        return weak;
    }

    /** The weak reference's referent, or 0 once cleared. */
    public long referent(long weakRef) {
        return Memory.getLong(weakRef + Header.SIZE);
    }

    public long get(long object, int slot) {
        return Memory.getLong(object + Header.SIZE + 8L * slot);
    }

    /** Stores {@code value} (0 for none) in a slot, counting the new reference and dropping the old. */
    public void set(long object, int slot, long value) {
        if (value != 0) {
            incref(value);
        }
        long old = get(object, slot);
        Memory.putLong(object + Header.SIZE + 8L * slot, value);
        if (old != 0) {
            decref(old);
        }
    }

    public boolean isFreed(long object) {
        return Header.type(object) == FREE;
    }

    /** The true reference count (including the deferred bias, if any). */
    public long count(long object) {
        return RefCount.refcount(object);
    }

    public void setDeferred(long object) {
        RefCount.setDeferred(object);
    }

    /** Pushes an uncounted ("deferred", tagged) stack reference. */
    public void pushStackRoot(long object) {
        synchronized (stack) {
            stack.add(object);
        }
    }

    public void popStackRoot(long object) {
        synchronized (stack) {
            stack.remove(object);
        }
    }

    // ---- ReferenceCounts ----------------------------------------------------------------------------

    @Override
    public void mergeAllQueues(ObjectVisitor zeroCount) {
        assert World.isStopped();
        merges.incrementAndGet();
        RefCount.mergeAllQueues(object -> {
            RefCount.addStackReference(object);
            zeroCount.visit(object);
        });
    }

    @Override
    public long trueCount(long object) {
        return RefCount.refcount(object);
    }

    @Override
    public long deferredBias() {
        return RefCount.DEFERRED_BIAS;
    }

    @Override
    public void clearDeferred(long object) {
        RefCount.clearDeferred(object);
    }

    @Override
    public boolean isImmortal(long object) {
        return RefCount.isImmortal(object);
    }

    @Override
    public void incref(long object) {
        RefCount.incref(object);
    }

    @Override
    public void decref(long object) {
        RefCount.decref(object);
    }

    /** The deallocator of every model type: routes the object to the model whose chunk holds it. */
    private static void deallocateAny(long object) {
        GcModel model = BY_CHUNK.get(object & -CHUNK);
        if (model == null) {
            throw new IllegalStateException("deallocating 0x" + Long.toHexString(object) + ", which no live GcModel holds");
        }
        model.deallocate(object);
    }

    /** Frees an object whose count reached zero, iteratively: nested frees are queued, not recursed. */
    private void deallocate(long object) {
        Trashcan pending = trashcan.get();
        if (pending.active) {
            pending.push(object);
            return;
        }
        pending.active = true;
        try {
            long next = object;
            while (next != 0) {
                free(next);
                next = pending.pop();
            }
        } finally {
            pending.active = false;
        }
    }

    /** Objects whose count reached zero while this thread was already freeing one (CPython's trashcan). */
    private static final class Trashcan {
        boolean active;
        private long[] objects = new long[64];
        private int size;

        void push(long object) {
            if (size == objects.length) {
                objects = Arrays.copyOf(objects, size * 2);
            }
            objects[size++] = object;
        }

        /** The next object to free, or 0. */
        long pop() {
            return size == 0 ? 0 : objects[--size];
        }
    }

    private void free(long object) {
        assert !Header.hasGcBits(object, Header.GC_UNREACHABLE) : "freeing an object the collector holds";
        int type = Header.type(object);
        if (type == WEAKREF) {
            clearWeakReference(object);
            weakCallbacks.remove(object);
        } else {
            List<Long> weaks = (Header.flags(object) & HAS_WEAK_REFERENCES) != 0 ? weakRefsTo.remove(object) : null;
            if (weaks != null) {
                for (long weak : weaks) {
                    Memory.putLong(weak + Header.SIZE, 0);
                }
            }
            for (int slot = 0; slot < SLOTS; slot++) {
                long referent = get(object, slot);
                if (referent != 0) {
                    Memory.putLong(object + Header.SIZE + 8L * slot, 0);
                    decref(referent);
                }
            }
            if (type == FINALIZABLE) {
                finalizers.remove(object);
                finalizerRuns.remove(object);
            }
        }
        freeBlock(object);
        live.decrementAndGet();
        Collector c = collector;
        if (c != null) {
            c.recordDeallocation();
        }
    }

    // ---- RootScanner ------------------------------------------------------------------------------

    @Override
    public void scanDeferredRoots(ObjectVisitor visitor) {
        assert World.isStopped();
        synchronized (stack) {
            for (long object : stack) {
                visitor.visit(object);
            }
        }
    }

    // ---- WeakReferenceHooks -----------------------------------------------------------------------

    @Override
    public boolean isWeakReference(long object) {
        return Header.type(object) == WEAKREF;
    }

    @Override
    public void clearWeakReference(long weakReference) {
        long referent = referent(weakReference);
        if (referent != 0) {
            List<Long> weaks = weakRefsTo.get(referent);
            if (weaks != null) {
                weaks.remove(weakReference);
                if (weaks.isEmpty()) {
                    weakRefsTo.remove(referent);
                }
            }
            Memory.putLong(weakReference + Header.SIZE, 0);
        }
    }

    @Override
    public void clearWeakReferencesTo(long referent, ObjectVisitor cleared) {
        if ((Header.flags(referent) & HAS_WEAK_REFERENCES) == 0) {
            return;
        }
        List<Long> weaks = weakRefsTo.remove(referent);
        if (weaks != null) {
            for (long weak : weaks) {
                Memory.putLong(weak + Header.SIZE, 0);
                cleared.visit(weak);
            }
        }
    }

    @Override
    public boolean hasCallback(long weakReference) {
        return weakCallbacks.containsKey(weakReference);
    }

    @Override
    public void invokeCallback(long weakReference) {
        Runnable callback = weakCallbacks.remove(weakReference);
        if (callback != null) {
            callback.run();
        }
    }

    // ---- type operations ----------------------------------------------------------------------------

    private class ContainerOps implements TypeOperations {
        @Override
        public void traverse(long object, ObjectVisitor visitor) {
            for (int slot = 0; slot < SLOTS; slot++) {
                long referent = Memory.getLong(object + Header.SIZE + 8L * slot);
                if (referent != 0) {
                    visitor.visit(referent);
                }
            }
        }

        @Override
        public void clear(long object) {
            for (int slot = 0; slot < SLOTS; slot++) {
                long referent = get(object, slot);
                if (referent != 0) {
                    Memory.putLong(object + Header.SIZE + 8L * slot, 0);
                    decref(referent);
                }
            }
        }
    }

    private final class FinalizableOps extends ContainerOps {
        @Override
        public boolean hasFinalizer(long object) {
            return true;
        }

        @Override
        public void finalize(long object) {
            finalizerRuns.get(object).incrementAndGet();
            LongConsumer finalizer = finalizers.get(object);
            if (finalizer != null) {
                finalizer.accept(object);
            }
        }
    }

    private final class LegacyOps extends ContainerOps {
        @Override
        public boolean hasLegacyFinalizer(long object) {
            return true;
        }
    }

    private static final class WeakRefOps implements TypeOperations {
        @Override
        public void traverse(long object, ObjectVisitor visitor) {
        }

        @Override
        public void clear(long object) {
        }
    }
}
