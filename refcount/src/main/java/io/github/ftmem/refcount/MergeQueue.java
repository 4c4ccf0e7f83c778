package io.github.ftmem.refcount;

import java.util.Arrays;

/**
 * One runtime thread's inbox of objects that other threads queued for it to merge (CPython's
 * {@code objects_to_merge}), installed in the thread's {@link RefCount} key slot.
 *
 * <p>Every field except {@link #ownerTid}'s reads by the owner is guarded by the bucket lock of the
 * owner's id ({@link RefCount}'s {@code bucketLock}). {@code ownerTid} is written only under that
 * lock and read without it only by the owner thread itself (its own writes), which is why a plain
 * field suffices.
 */
final class MergeQueue {

    private static final long[] EMPTY = new long[0];

    /** The owner's tid while open; {@link RefCount#NO_TID} once closed, so the owner stops acting as owner. */
    long ownerTid;
    private long[] objects = new long[8];
    private int size;

    MergeQueue(long ownerTid) {
        this.ownerTid = ownerTid;
    }

    boolean isOpen() {
        return ownerTid != RefCount.NO_TID;
    }

    void close() {
        assert size == 0;
        ownerTid = RefCount.NO_TID;
    }

    void push(long object) {
        if (size == objects.length) {
            objects = Arrays.copyOf(objects, size * 2);
        }
        objects[size++] = object;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Removes and returns every queued object. */
    long[] drain() {
        if (size == 0) {
            return EMPTY;
        }
        long[] drained = Arrays.copyOf(objects, size);
        size = 0;
        return drained;
    }
}
