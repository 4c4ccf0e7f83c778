package io.github.ftmem.refcount;

import org.agrona.collections.LongArrayList;

/**
 * One runtime thread's inbox of objects that other threads queued for it to merge (CPython's
 * {@code objects_to_merge}), installed in the thread's {@link RefCount} key slot.
 *
 * <p>Every field except {@link #ownerTid}'s reads by the owner is guarded by the bucket lock of the
 * owner's id ({@link RefCount}'s {@code bucketLock}). {@code ownerTid} is written only under that
 * lock and read without it only by the owner thread itself (its own writes), which is why a plain
 * field suffices. The objects are an Agrona {@link LongArrayList} (not thread-safe: the bucket lock
 * is its lock).
 */
final class MergeQueue {

    private static final long[] EMPTY = new long[0];

    /** The owner's tid while open; {@link RefCount#NO_TID} once closed, so the owner stops acting as owner. */
    long ownerTid;
    private final LongArrayList objects = new LongArrayList(8, 0);

    MergeQueue(long ownerTid) {
        this.ownerTid = ownerTid;
    }

    boolean isOpen() {
        return ownerTid != RefCount.NO_TID;
    }

    void close() {
        assert objects.isEmpty();
        ownerTid = RefCount.NO_TID;
    }

    void push(long object) {
        objects.addLong(object);
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    int size() {
        return objects.size();
    }

    /** Removes and returns every queued object. */
    long[] drain() {
        if (objects.isEmpty()) {
            return EMPTY;
        }
        long[] drained = objects.toLongArray();
        objects.clear();
        return drained;
    }
}
