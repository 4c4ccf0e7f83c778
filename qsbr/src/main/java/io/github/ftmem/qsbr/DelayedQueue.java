package io.github.ftmem.qsbr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A FIFO of (address, goal, reclaimer) items in chunks of {@link #ITEMS}: two {@code long}s and one
 * reference per item in arrays allocated once per chunk, so queuing a free allocates nothing. Goals
 * are non-decreasing from head to tail (each is computed from a write sequence read after the
 * previous one), so processing stops at the first item whose goal has not passed.
 *
 * <p>Confined: a queue is used by one thread at a time (its owner; while the world is stopped, the
 * stop requester; an orphan queue, the holder of the orphan lock). {@code pending} and
 * {@code reclaimed} are also read by statistics on other threads, opaque: a recent value is all a
 * statistic promises, and only the owner writes them.
 */
final class DelayedQueue {

    /** Items per chunk: 254 as CPython's {@code WORK_ITEMS_PER_CHUNK}, 4 KiB of address/goal pairs. */
    static final int ITEMS = 254;

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
        /** {@code words[2i]} address, {@code words[2i + 1]} goal of item i. */
        final long[] words = new long[2 * ITEMS];
        final Reclaimer[] reclaimers = new Reclaimer[ITEMS];
        int read;
        int write;
        Chunk next;
    }

    private Chunk head = new Chunk();
    private Chunk tail = head;
    private Chunk spare;
    /** Set while {@link #process} runs, so a reclaimer that queues more does not recurse. */
    boolean processing;
    @SuppressWarnings("unused") // accessed through PENDING
    private long pending;
    @SuppressWarnings("unused") // accessed through RECLAIMED
    private long reclaimed;

    /** Appends one item; returns the number now pending. */
    long add(long address, long goal, Reclaimer reclaimer) {
        Chunk chunk = tail;
        if (chunk.write == ITEMS) {
            chunk = spare != null ? spare : new Chunk();
            spare = null;
            tail.next = chunk;
            tail = chunk;
        }
        int i = chunk.write;
        chunk.words[2 * i] = address;
        chunk.words[2 * i + 1] = goal;
        chunk.reclaimers[i] = reclaimer;
        chunk.write = i + 1;
        long now = (long) PENDING.get(this) + 1;
        PENDING.setOpaque(this, now);
        return now;
    }

    long pending() {
        return (long) PENDING.getOpaque(this);
    }

    long reclaimed() {
        return (long) RECLAIMED.getOpaque(this);
    }

    /** The goal of the oldest item; only when {@link #pending()} is non-zero. */
    long firstGoal() {
        Chunk chunk = head;
        while (chunk.read == chunk.write) {
            chunk = chunk.next;
        }
        return chunk.words[2 * chunk.read + 1];
    }

    /**
     * Reclaims items from the head while their goal has passed ({@code all}: every item, for a stopped
     * world). A reclaimer that throws leaves the items after it queued; the exception propagates.
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
                        return;
                    }
                    head = chunk.next;
                    chunk.next = null;
                    chunk.read = 0;
                    chunk.write = 0;
                    spare = chunk;
                    continue;
                }
                int i = chunk.read;
                if (!all && !Qsbr.poll(chunk.words[2 * i + 1])) {
                    return;
                }
                long address = chunk.words[2 * i];
                Reclaimer reclaimer = chunk.reclaimers[i];
                chunk.reclaimers[i] = null;
                chunk.read = i + 1;
                PENDING.setOpaque(this, (long) PENDING.get(this) - 1);
                RECLAIMED.setOpaque(this, (long) RECLAIMED.get(this) + 1);
                reclaimer.reclaim(address);
            }
        } finally {
            processing = false;
        }
    }

    /** Moves every item of {@code other} (which must not be processing) to the tail of this queue. */
    void takeAll(DelayedQueue other) {
        other.process(false);
        Chunk chunk = other.head;
        while (chunk != null) {
            for (int i = chunk.read; i < chunk.write; i++) {
                add(chunk.words[2 * i], chunk.words[2 * i + 1], chunk.reclaimers[i]);
                chunk.reclaimers[i] = null;
            }
            chunk = chunk.next;
        }
        other.head = new Chunk();
        other.tail = other.head;
        other.spare = null;
        PENDING.setOpaque(other, 0L);
    }
}
