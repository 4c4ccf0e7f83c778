package io.github.ftmem.qsbr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A FIFO of (address, reclaimer) items in chunks of {@link #ITEMS}: one {@code long} and one reference
 * per item in arrays allocated once per chunk (and recycled), so queuing a free allocates nothing.
 *
 * <p>Goals are per chunk, not per item. The tail chunk is <em>open</em> (goal 0) while items are added;
 * {@link #seal} gives it the goal of an advance made after its last item was queued (so after every
 * one of its items was unpublished) and later items go to a new chunk. Sealed goals are
 * non-decreasing from head to tail, so processing stops at the first chunk whose goal has not passed.
 * One advance per chunk replaces CPython's per-item deferred goal and, with it, the fence a deferred
 * goal needs per item.
 *
 * <p>Confined: a queue is used by one thread at a time (its owner; while the world is stopped, the stop
 * requester; the orphan queue, the holder of the orphan lock). {@code pending} and {@code reclaimed} are
 * also read by statistics on other threads, opaque: a recent value is all a statistic promises, and
 * only the confining thread writes them.
 */
final class DelayedQueue {

    /** Items per chunk: CPython's {@code WORK_ITEMS_PER_CHUNK} (254), 2 KiB of addresses. */
    static final int ITEMS = 254;
    /** Empty chunks kept for reuse (a thread that seals often, e.g. at every detach, recycles them). */
    private static final int SPARES = 4;

    private static final VarHandle PENDING;
    private static final VarHandle RECLAIMED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PENDING = lookup.findVarHandle(DelayedQueue.class, "pending", long.class);
            RECLAIMED = lookup.findVarHandle(DelayedQueue.class, "reclaimed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Chunk {
        final long[] addresses = new long[ITEMS];
        final Reclaimer[] reclaimers = new Reclaimer[ITEMS];
        int read;
        int write;
        /** 0 while open (0 is never a goal: goals are odd). */
        long goal;
        Chunk next;
    }

    private Chunk head = new Chunk();
    private Chunk tail = head;
    private final Chunk[] spares = new Chunk[SPARES];
    private int spareCount;
    /** Set while {@link #process} runs, so a reclaimer that queues more does not recurse. */
    boolean processing;
    @SuppressWarnings("unused") // accessed through PENDING
    private long pending;
    @SuppressWarnings("unused") // accessed through RECLAIMED
    private long reclaimed;

    /** Appends one item to the open tail chunk; returns true if that chunk is now full (seal it). */
    boolean add(long address, Reclaimer reclaimer) {
        Chunk chunk = tail;
        if (chunk.goal != 0 || chunk.write == ITEMS) {
            chunk = newChunk();
            tail.next = chunk;
            tail = chunk;
        }
        int i = chunk.write;
        chunk.addresses[i] = address;
        chunk.reclaimers[i] = reclaimer;
        chunk.write = i + 1;
        PENDING.setOpaque(this, (long) PENDING.get(this) + 1);
        return i + 1 == ITEMS;
    }

    /** Whether the tail chunk holds items without a goal. */
    boolean hasOpenItems() {
        return tail.goal == 0 && tail.write > tail.read;
    }

    /**
     * Gives the open tail chunk {@code goal}, which must come from an advance made after its last item
     * was queued. No-op if it is empty or already sealed.
     */
    void seal(long goal) {
        if (hasOpenItems()) {
            tail.goal = goal;
        }
    }

    long pending() {
        return (long) PENDING.getOpaque(this);
    }

    long reclaimed() {
        return (long) RECLAIMED.getOpaque(this);
    }

    /**
     * Reclaims sealed chunks from the head while their goal has passed ({@code all}: every item, open
     * ones included, for a stopped world). A reclaimer that throws leaves the items after it queued;
     * the exception propagates.
     */
    void process(boolean all) {
        if (processing) {
            return;
        }
        processing = true;
        try {
            while (true) {
                Chunk chunk = head;
                if (chunk.read == chunk.write) {
                    if (chunk == tail) {
                        chunk.read = 0;
                        chunk.write = 0;
                        chunk.goal = 0;
                        return;
                    }
                    head = chunk.next;
                    recycle(chunk);
                    continue;
                }
                if (!all && (chunk.goal == 0 || !Qsbr.poll(chunk.goal))) {
                    return;
                }
                long[] addresses = chunk.addresses;
                Reclaimer[] reclaimers = chunk.reclaimers;
                // Items added by a reclaimer below go to another chunk unless this one is the open
                // tail (only when all): re-read write each time.
                for (int i = chunk.read; i < chunk.write; i = chunk.read) {
                    Reclaimer reclaimer = reclaimers[i];
                    reclaimers[i] = null;
                    chunk.read = i + 1;
                    PENDING.setOpaque(this, (long) PENDING.get(this) - 1);
                    RECLAIMED.setOpaque(this, (long) RECLAIMED.get(this) + 1);
                    reclaimer.reclaim(addresses[i]);
                }
            }
        } finally {
            processing = false;
        }
    }

    /**
     * Moves every item of {@code other} (not processing) to the tail of this queue, keeping the goals
     * of sealed chunks; an open chunk of {@code other} is sealed with {@code goal} first.
     */
    void takeAll(DelayedQueue other, long goal) {
        other.seal(goal);
        if (tail.write > tail.read) {
            tail.goal = tail.goal != 0 ? tail.goal : goal;
        }
        Chunk chunk = other.head;
        while (chunk != null) {
            Chunk next = chunk.next;
            chunk.next = null;
            if (chunk.write > chunk.read) {
                if (tail.write == tail.read) {
                    head = chunk;
                } else {
                    tail.next = chunk;
                }
                tail = chunk;
                PENDING.setOpaque(this, (long) PENDING.get(this) + (chunk.write - chunk.read));
            }
            chunk = next;
        }
        // A chunk appended after an emptied head makes the old head unreachable: that is fine, it is empty.
        other.head = new Chunk();
        other.tail = other.head;
        other.spareCount = 0;
        PENDING.setOpaque(other, 0L);
    }

    private Chunk newChunk() {
        if (spareCount > 0) {
            Chunk chunk = spares[--spareCount];
            spares[spareCount] = null;
            return chunk;
        }
        return new Chunk();
    }

    private void recycle(Chunk chunk) {
        chunk.next = null;
        chunk.read = 0;
        chunk.write = 0;
        chunk.goal = 0;
        if (spareCount < SPARES) {
            spares[spareCount++] = chunk;
        }
    }
}
