package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Objects for tests: headers in a shared arena, one type id with a deallocator that records every
 * deallocation and fails on a second one. Close it to unregister the deallocator and free the memory.
 */
final class TestHeap implements AutoCloseable {

    private static final AtomicInteger NEXT_TYPE = new AtomicInteger(100);

    final int type = NEXT_TYPE.getAndIncrement();
    private final Arena arena = Arena.ofShared();
    private final List<Long> allocated = new ArrayList<>();
    private final Map<Long, Integer> deallocations = new ConcurrentHashMap<>();
    /** The header as the deallocator saw it (counts), per object. */
    final Map<Long, Long> countAtDeallocation = new ConcurrentHashMap<>();

    TestHeap() {
        RefCount.setDeallocator(type, object -> {
            Integer previous = deallocations.merge(object, 1, Integer::sum);
            if (previous != 1) {
                throw new AssertionError("deallocated twice: 0x" + Long.toHexString(object));
            }
            countAtDeallocation.put(object, RefCount.DEBUG ? 0 : RefCount.refcount(object));
        });
    }

    /** A new object initialised by the calling thread (its owner). */
    long newObject() {
        long object = allocate();
        RefCount.init(object, type);
        return object;
    }

    /** Zeroed header memory, not initialised. */
    synchronized long allocate() {
        long object = arena.allocate(Header.SIZE + 8, 8).address();
        allocated.add(object);
        return object;
    }

    boolean isDeallocated(long object) {
        return deallocations.containsKey(object);
    }

    int deallocationCount() {
        return deallocations.size();
    }

    synchronized void assertAllDeallocatedOnce() {
        for (long object : allocated) {
            if (!deallocations.containsKey(object)) {
                throw new AssertionError("leaked: " + Header.describe(object));
            }
        }
    }

    static long shared(long object) {
        return Memory.getLongVolatile(object + Header.REF_SHARED);
    }

    static int local(long object) {
        return Memory.getInt(object + Header.REF_LOCAL);
    }

    static long tid(long object) {
        return Memory.getLong(object + Header.TID);
    }

    static void setHeader(long object, long tid, int local, long sharedCount, long state) {
        Memory.putLong(object + Header.TID, tid);
        Memory.putInt(object + Header.REF_LOCAL, local);
        Memory.putLongVolatile(object + Header.REF_SHARED, sharedCount << Header.SHARED_SHIFT | state);
    }

    @Override
    public void close() {
        RefCount.setDeallocator(type, null);
        arena.close();
    }
}
