package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static io.github.ftmem.refcount.RefCount.BUCKETS;
import static io.github.ftmem.refcount.RefCount.COUNTERS;
import static io.github.ftmem.refcount.RefCount.DEBUG;
import static io.github.ftmem.refcount.RefCount.IMMORTAL;
import static io.github.ftmem.refcount.RefCount.MERGED;
import static io.github.ftmem.refcount.RefCount.MERGED_OBJECTS;
import static io.github.ftmem.refcount.RefCount.QUEUED_OBJECTS;

/**
 * The merge-queue half of biased counting (CPython's {@code Python/brc.c}): every runtime thread's
 * {@link MergeQueue} in its {@link #QUEUE} slot, the {@value RefCount#BUCKETS} bucket locks that
 * guard them, queuing a non-owner's reference to the owner, and the explicit merges — at the owner's
 * safepoint, at its exit, by a queuing thread that finds the owner gone, and by a collector with the
 * world stopped. The protocol and its races are described in {@link RefCount}'s notes ("Merge queues
 * and the owner exits while a non-owner queues race"); {@code RefCount} keeps the hot paths and calls
 * in here only on slow paths.
 */
final class MergeQueues {

    static final RuntimeThreads.Key<MergeQueue> QUEUE = RuntimeThreads.newKey("refcount.mergeQueue", MergeQueue.class);
    private static final Object[] BUCKET_LOCKS = new Object[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            BUCKET_LOCKS[i] = new Object();
        }
    }

    private MergeQueues() {
    }

    /** Installs the EXPLICIT_MERGE handler and the exit listener; once, from {@link RefCount}'s initialiser. */
    static void install() {
        RuntimeThreads.setPendingHandler(ThreadState.EXPLICIT_MERGE, thread -> mergeCurrent());
        RuntimeThreads.addListener(new ThreadListener() {
            @Override
            public void onExit(ThreadState thread) {
                closeQueue(thread);
            }
        });
    }

    /** {@link RefCount#mergeQueue()}. */
    static int mergeCurrent() {
        ThreadState self = RuntimeThreads.currentOrNull();
        MergeQueue queue = self == null ? null : self.get(QUEUE);
        if (queue == null) {
            return 0;
        }
        long[] objects;
        synchronized (bucketLock(self.id())) {
            objects = queue.drain();
        }
        mergeAndFree(objects);
        return objects.length;
    }

    /** {@link RefCount#queuedForCurrentThread()}. */
    static int queuedForCurrent() {
        ThreadState self = RuntimeThreads.currentOrNull();
        MergeQueue queue = self == null ? null : self.get(QUEUE);
        if (queue == null) {
            return 0;
        }
        synchronized (bucketLock(self.id())) {
            return queue.size();
        }
    }

    /** {@link RefCount#mergeAllQueues(LongConsumer)}. */
    static int mergeAll(LongConsumer zeroCount) {
        assert World.isStopped() : "mergeAllQueues needs a stopped world";
        List<long[]> drained = new ArrayList<>();
        for (ThreadState thread : RuntimeThreads.registered()) {
            MergeQueue queue = thread.get(QUEUE);
            if (queue != null) {
                synchronized (bucketLock(thread.id())) {
                    drained.add(queue.drain());
                }
            }
        }
        int merged = 0;
        for (long[] objects : drained) {
            for (long object : objects) {
                if (explicitMerge(object, -1) == 0) {
                    zeroCount.accept(object);
                }
            }
            merged += objects.length;
        }
        return merged;
    }

    /** Hands a QUEUED object's reference to its owner (CPython's {@code _Py_brc_queue_object}). */
    static void queueObject(long object) {
        long tid = Memory.getLongOpaque(object + Header.TID);
        if (tid == 0) {
            // The owner gave the object up concurrently: it is (becoming) MERGED; drop the reference there.
            RefCount.decrefShared(object);
            return;
        }
        ThreadState owner = RuntimeThreads.byId(tid);
        boolean pushed;
        long merged = 1;
        synchronized (bucketLock(tid)) {
            MergeQueue queue = owner == null ? null : owner.get(QUEUE);
            pushed = queue != null && queue.isOpen() && queue.ownerTid == tid;
            if (pushed) {
                queue.push(object);
            } else {
                // The owner is gone (or not yet an owner under a reused id): merge here, under the lock
                // that any thread taking ownership of this tid must take first.
                merged = explicitMerge(object, -1);
            }
        }
        if (pushed) {
            if (COUNTERS) QUEUED_OBJECTS.increment();
            owner.requestWork(ThreadState.EXPLICIT_MERGE);
        } else if (merged == 0) {
            RefCount.deallocate(object);
        }
    }
    /**
     * Folds refLocal and {@code extra} into the shared count and makes the object MERGED
     * (CPython's {@code _Py_ExplicitMergeRefcount}). The caller is the owner, or holds the owner's
     * bucket lock while the owner has no open queue, or the world is stopped. Returns the merged count.
     */
    static long explicitMerge(long object, long extra) {
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return 1;
        }
        Memory.putIntOpaque(object + Header.REF_LOCAL, 0);
        Memory.putLongOpaque(object + Header.TID, 0);
        long shared = Memory.getLongVolatile(object + Header.REF_SHARED);
        long merged;
        while (true) {
            long count = (shared >> Header.SHARED_SHIFT) + Integer.toUnsignedLong(local) + extra;
            merged = count << Header.SHARED_SHIFT | MERGED;
            long witness = Memory.compareAndExchangeLong(object + Header.REF_SHARED, shared, merged);
            if (witness == shared) {
                break;
            }
            shared = witness;
        }
        if (COUNTERS) MERGED_OBJECTS.increment();
        long count = merged >> Header.SHARED_SHIFT;
        if (DEBUG && count < 0) {
            throw new RefCountError("negative true count after merging the queue's reference", object);
        }
        return count;
    }
    static void mergeAndFree(long[] objects) {
        for (long object : objects) {
            if (explicitMerge(object, -1) == 0) {
                RefCount.deallocate(object);
            }
        }
    }
    /** The calling thread's queue, installed (under its bucket lock) if absent. */
    static MergeQueue openQueue(ThreadState self) {
        MergeQueue queue = self.get(QUEUE);
        if (queue != null) {
            return queue;
        }
        synchronized (bucketLock(self.id())) {
            queue = self.get(QUEUE);
            if (queue == null) {
                queue = new MergeQueue(self.id());
                self.set(QUEUE, queue);
            }
            return queue;
        }
    }
    /**
     * Exit listener: drains the exiting thread's queue until it is empty under the lock, and closes it
     * in that critical section. Runs on the thread itself, or on a stopped world's requester for a
     * thread that died without unregistering.
     */
    static void closeQueue(ThreadState thread) {
        MergeQueue queue = thread.get(QUEUE);
        if (queue == null) {
            return;
        }
        while (true) {
            long[] objects;
            synchronized (bucketLock(thread.id())) {
                if (queue.isEmpty()) {
                    queue.close();
                    return;
                }
                objects = queue.drain();
            }
            mergeAndFree(objects);
        }
    }
    static Object bucketLock(long tid) {
        return BUCKET_LOCKS[(int) (tid % BUCKETS)];
    }
}
