package io.github.ftmem.qsbr;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.Quiescence;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Quiescent-state-based reclamation: memory that threads read without a lock (a list's item array, a
 * dict's table, the pages that held freed objects) is reclaimed only after every attached thread has
 * passed a quiescent state, a point where it holds no such pointer. CPython's {@code Python/qsbr.c}
 * on ftmem's runtime threads.
 *
 * <pre>{@code
 * long old = Memory.getLongAcquire(slot);          // the writer, holding the container's lock
 * Memory.putLongRelease(slot, replacement);       // unpublish the old table ...
 * Qsbr.freeDelayed(old, allocator::free);         // ... and free it once no reader can be in it
 *
 * long table = Memory.getLongAcquire(slot);        // a reader, attached, no lock
 * long item = Memory.getLong(table + 8 * i);      // valid until this thread's next poll or detach
 * }</pre>
 *
 * <h2>Implementation notes</h2>
 * <b>Sequences.</b> The write sequence {@code wr} (in core, {@link Quiescence}) starts at 1 and grows
 * by 2 ({@link #advance()}), so it is odd and never OFFLINE (0). Each runtime thread's read sequence
 * {@code seq} is the value of {@code wr} it saw at its last quiescent state, or OFFLINE while it is
 * not attached. {@code rd} ({@link #readSequence()}) caches the last computed minimum.
 *
 * <table>
 *   <caption>Who writes which word, with which access mode</caption>
 *   <tr><th>word</th><th>writer</th><th>access</th><th>why that mode</th></tr>
 *   <tr><td>{@code wr}</td><td>any thread in {@link #advance()}</td><td>getAndAdd (volatile)</td>
 *       <td>a reader that acquires the new value sees every unpublish made before the advance</td></tr>
 *   <tr><td>{@code seq} at a poll</td><td>the thread itself ({@code ThreadState.poll})</td>
 *       <td>acquire load of {@code wr}, release store</td><td>later slot loads come after the
 *       {@code wr} load; earlier reads of retired memory are done before the store is seen</td></tr>
 *   <tr><td>{@code seq} at attach</td><td>the thread itself</td><td>volatile store, full fence</td>
 *       <td>a scanner may have skipped the thread while it was OFFLINE: the store and the thread's
 *       next loads form a Dekker pair with the scanner's fence and loads</td></tr>
 *   <tr><td>{@code seq} at detach / suspend</td><td>the thread itself (a dead thread: the stop
 *       requester)</td><td>release store of OFFLINE</td><td>its reads are done before it is skipped</td></tr>
 *   <tr><td>{@code rd}</td><td>any poller</td><td>CAS to a larger value (losing is fine)</td>
 *       <td>monotone cache; read with acquire by {@link #goalReached}</td></tr>
 *   <tr><td>per-thread queue, deferral count</td><td>the thread (the stop requester while
 *       stopped)</td><td>plain</td><td>confined; hand-offs go through the world-stop handshake or
 *       the orphan lock</td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> {@code rd ≤ seq(t) ≤ wr} for every attached thread t (wrap-safe comparisons on
 * the signed difference): {@code seq(t)} is a value {@code wr} had, {@code wr} only grows, and a poll
 * raises {@code rd} only to a minimum it computed over every online thread after a fence, starting from
 * {@code wr}. A thread that attaches stores {@code wr ≥ rd}, so it never falls below {@code rd}.
 *
 * <p><b>Why a reader that began before a retire never sees the memory reused.</b> The writer unpublishes
 * a pointer p, then takes a goal: either a real advance to {@code g} (getAndAdd, a release of the
 * unpublish) or, deferred, {@code wr + 2} read after a full fence (so the unpublish is globally visible
 * before any later advance can make {@code wr} reach the goal). p is reclaimed only once a poll sees
 * every online {@code seq ≥ g}. A reader R that loaded p did so before its next quiescent state; at
 * that state it stores a value it loaded from {@code wr}; if that value is {@code ≥ g}, R's load of
 * {@code wr} read an advance made after the unpublish, so R's <em>later</em> slot loads cannot return
 * p, and its <em>earlier</em> ones (the load of p and every read through it) are ordered before the
 * release store that the poller's acquire load sees, hence before the reclaim. If R was OFFLINE when
 * the poller scanned, the fences in attach and in the scan make either the scanner see R's sequence or
 * R see the unpublish. Either way no reader is still inside p when it is reclaimed.
 *
 * <p><b>Deferred advance.</b> {@link #deferredAdvance()} hands out {@code wr + 2} without writing
 * {@code wr} for {@link #DEFERRED_LIMIT} − 1 calls out of {@link #DEFERRED_LIMIT}, then really
 * advances (CPython's {@code QSBR_DEFERRED_LIMIT}). The goal is the <em>next</em> value, which is only
 * reached after some thread advances past the moment of the retire; deferring only delays reclamation.
 *
 * <p><b>Delayed frees.</b> Each runtime thread has a {@link DelayedQueue} in a {@code RuntimeThreads.Key}
 * slot, with one goal per chunk: the open tail chunk is sealed with a real advance when it fills (or the
 * queue is processed), which happens after all its items were unpublished, so the per-item goal and
 * fence of a deferred advance are not needed on this path. The queue is processed when a chunk of
 * {@link DelayedQueue#ITEMS} fills (past {@link #QUEUE_LIMIT} items, every {@link #OVER_LIMIT_STRIDE}
 * frees: the thread advances and polls, so its memory stays bounded as soon as the others poll),
 * on {@link #processDelayed()}, when the thread detaches with items queued (a detach is a quiescent
 * state, so the thread reports itself past the goal it just sealed), at thread exit (items not
 * yet reclaimable move to the orphan queue, guarded by {@code ORPHAN_LOCK}, which any thread drains
 * opportunistically with {@code tryLock}) and at every stop-the-world, which reclaims everything:
 * with every other thread SUSPENDED (OFFLINE) nothing can be reading.
 */
public final class Qsbr {

    /** Deferred advances per real one, as CPython's {@code QSBR_DEFERRED_LIMIT} (3.13/3.14). */
    public static final int DEFERRED_LIMIT = 10;
    /** Pending delayed frees past which a thread advances before it processes its queue. */
    public static final int QUEUE_LIMIT = 16 * DelayedQueue.ITEMS;
    /** Past {@link #QUEUE_LIMIT}, a thread seals, advances and polls every this many frees. */
    static final int OVER_LIMIT_STRIDE = 32;

    private static final long RD_SEQ = Arena.global().allocate(128, 128).address();
    private static final RuntimeThreads.Key<ThreadQsbr> KEY = RuntimeThreads.newKey("ftmem.qsbr", ThreadQsbr.class);
    private static final ReentrantLock ORPHAN_LOCK = new ReentrantLock();
    /** Guarded by ORPHAN_LOCK. */
    private static final DelayedQueue ORPHANS = new DelayedQueue();
    /** Items in ORPHANS (opaque reads outside the lock: a hint and a statistic). */
    private static volatile long orphanCount;
    /** Reclaimed by queues of exited threads; guarded by ORPHAN_LOCK. */
    private static long reclaimedByExited;

    /** Per-thread QSBR data: the queue and the deferral count; confined to the thread. */
    static final class ThreadQsbr {
        final DelayedQueue queue = new DelayedQueue();
        int deferrals;
    }

    static {
        Memory.putLongVolatile(RD_SEQ, Quiescence.INITIAL);
        RuntimeThreads.addListener(new ThreadListener() {
            @Override
            public void onDetach(ThreadState thread) {
                ThreadQsbr q = thread.get(KEY);
                if (q != null && q.queue.pending() != 0) {
                    // Detaching is a quiescent state: the thread may count itself past its own goal.
                    sealQuiescentAndProcess(q, thread);
                }
            }

            @Override
            public void onExit(ThreadState thread) {
                ThreadQsbr q = thread.get(KEY);
                if (q == null) {
                    return;
                }
                thread.set(KEY, null);
                if (q.queue.processing) {
                    return; // exiting from inside a reclaimer: the next stop-the-world reclaims the rest
                }
                if (Thread.currentThread() == thread.thread()) {
                    sealQuiescentAndProcess(q, thread); // an exiting thread holds no pointers
                } else {
                    sealAndProcess(q); // a dead thread reaped by the stop requester
                }
                ORPHAN_LOCK.lock();
                try {
                    reclaimedByExited += q.queue.reclaimed();
                    if (q.queue.pending() != 0) {
                        ORPHANS.takeAll(q.queue, Quiescence.advance());
                        orphanCount = ORPHANS.pending();
                    }
                } finally {
                    ORPHAN_LOCK.unlock();
                }
            }
        });
        World.addStoppedListener(Qsbr::reclaimAllStopped);
    }

    private Qsbr() {
    }

    /**
     * Makes sure QSBR's listeners are installed. Modules whose own exit listeners must run after
     * QSBR's (the allocator: a thread's delayed frees go back to its heaps before they are abandoned)
     * call this before installing theirs; exit listeners run in reverse order of installation.
     */
    public static void init() {
        // Class initialisation did the work.
    }

    // ---- sequences ------------------------------------------------------------------------------

    /** The global write sequence. */
    public static long writeSequence() {
        return Quiescence.writeSequence();
    }

    /** The highest sequence every attached thread is known to have passed (no scan). */
    public static long readSequence() {
        return Memory.getLongAcquire(RD_SEQ);
    }

    /** Advances the write sequence; returns the new value, a goal that {@link #poll} can wait for. */
    public static long advance() {
        return Quiescence.advance();
    }

    /**
     * A goal for memory the caller has just unpublished, advancing the write sequence only every
     * {@link #DEFERRED_LIMIT}th call of this thread. The calling thread must be a registered runtime
     * thread. Contains a full fence: the caller may unpublish with a plain or release store.
     */
    public static long deferredAdvance() {
        return deferredAdvance(threadQsbr(RuntimeThreads.current()));
    }

    private static long deferredAdvance(ThreadQsbr q) {
        if (++q.deferrals < DEFERRED_LIMIT) {
            // Orders the caller's unpublish before the read of wr: an advance that makes wr reach
            // this goal comes later in wr's order, so a reader that sees it also sees the unpublish.
            VarHandle.fullFence();
            return Quiescence.writeSequence() + Quiescence.INCREMENT;
        }
        q.deferrals = 0;
        return Quiescence.advance();
    }

    /** Whether {@code goal} is known to be passed by every attached thread, without scanning. */
    public static boolean goalReached(long goal) {
        return goal - Memory.getLongAcquire(RD_SEQ) <= 0;
    }

    /**
     * Whether every attached thread has passed {@code goal}: the cached read sequence, else a scan of
     * every thread's sequence (which raises the cache). Detached threads hold nobody back. Any thread
     * may poll; it never blocks.
     */
    public static boolean poll(long goal) {
        if (goalReached(goal)) {
            return true;
        }
        long min = Quiescence.scanMinimum();
        long rd = Memory.getLongAcquire(RD_SEQ);
        while (min - rd > 0) {
            long witness = Memory.compareAndExchangeLong(RD_SEQ, rd, min);
            if (witness == rd) {
                rd = min;
                break;
            }
            rd = witness;
        }
        return goal - rd <= 0;
    }

    /**
     * Reports a quiescent state of the calling thread (what every {@code ThreadState.poll()} does):
     * it holds no pointer into storage retired through QSBR before this call.
     */
    public static void quiescent() {
        RuntimeThreads.current().quiescent();
    }

    // ---- delayed free ---------------------------------------------------------------------------

    /**
     * Calls {@code reclaimer.reclaim(address)} once every thread that was attached at the moment of
     * this call has passed a quiescent state. The caller must have unpublished {@code address} (no
     * reader can newly find it) and be an attached runtime thread; if it has stopped the world, the
     * reclaimer runs at once. Allocates nothing per call; memory is bounded by {@link #QUEUE_LIMIT}
     * as long as the other attached threads keep polling.
     *
     * @throws IllegalStateException if the calling thread is not an attached runtime thread
     */
    public static void freeDelayed(long address, Reclaimer reclaimer) {
        ThreadState self = RuntimeThreads.currentOrNull();
        if (self == null || self.state() != ThreadState.ATTACHED || World.isStopped()) {
            if (World.isStoppedByCurrentThread()) {
                reclaimer.reclaim(address);
                return;
            }
            if (self == null || self.state() != ThreadState.ATTACHED) {
                throw notAttached(self);
            }
        }
        ThreadQsbr q = self.get(KEY);
        if (q == null) {
            q = threadQsbr(self);
        }
        DelayedQueue queue = q.queue;
        if (queue.add(address, reclaimer)) {
            sealAndProcess(q);
        } else if (queue.pending() > QUEUE_LIMIT && (queue.pending() & (OVER_LIMIT_STRIDE - 1)) == 0) {
            sealAndProcess(q);
        }
    }

    /**
     * Reclaims whatever the calling thread has queued whose goal has passed, and (if no other thread
     * is at it) the orphaned queues of exited threads. Runs reclaimers on this thread.
     */
    public static void processDelayed() {
        ThreadState self = RuntimeThreads.current();
        ThreadQsbr q = self.get(KEY);
        if (q != null) {
            sealAndProcess(q);
        } else if (orphanCount != 0) {
            processOrphans();
        }
    }

    /** Delayed frees queued by the calling thread and not yet reclaimed (0 if it never queued). */
    public static long pendingOfCurrentThread() {
        ThreadQsbr q = RuntimeThreads.current().get(KEY);
        return q == null ? 0 : q.queue.pending();
    }

    /**
     * Reclaims every queued delayed free of every thread and every orphan. Only for the thread that
     * has stopped the world, at a quiescent point of its own; {@code World.start()} calls it.
     */
    public static void reclaimAllStopped() {
        if (!World.isStoppedByCurrentThread()) {
            throw new IllegalStateException("reclaimAllStopped() needs the world stopped by the calling thread ("
                    + Thread.currentThread().getName() + ")");
        }
        long goal = Quiescence.advance();
        ThreadState self = RuntimeThreads.currentOrNull();
        if (self != null && self.state() == ThreadState.ATTACHED) {
            self.quiescent();
        }
        // Every other thread is SUSPENDED, hence OFFLINE: the scan finds the new write sequence.
        boolean reached = poll(goal);
        assert reached : "world stopped but goal " + goal + " not reached (rd " + readSequence() + ")";
        for (ThreadState state : RuntimeThreads.registered()) {
            ThreadQsbr q = state.get(KEY);
            if (q != null && !q.queue.processing) {
                q.queue.process(true);
            }
        }
        ORPHAN_LOCK.lock();
        try {
            if (!ORPHANS.processing) {
                ORPHANS.process(true);
                orphanCount = ORPHANS.pending();
            }
        } finally {
            ORPHAN_LOCK.unlock();
        }
    }

    /** A snapshot of the counters. */
    public static QsbrStatistics statistics() {
        long pending = 0;
        long reclaimed = 0;
        for (ThreadState state : RuntimeThreads.registered()) {
            ThreadQsbr q = state.get(KEY);
            if (q != null) {
                pending += q.queue.pending();
                reclaimed += q.queue.reclaimed();
            }
        }
        long orphaned;
        ORPHAN_LOCK.lock();
        try {
            orphaned = ORPHANS.pending();
            reclaimed += reclaimedByExited + ORPHANS.reclaimed();
        } finally {
            ORPHAN_LOCK.unlock();
        }
        return new QsbrStatistics(writeSequence(), readSequence(), pending, orphaned, reclaimed);
    }

    // ---- internals ------------------------------------------------------------------------------

    private static ThreadQsbr threadQsbr(ThreadState self) {
        ThreadQsbr q = self.get(KEY);
        if (q == null) {
            q = new ThreadQsbr();
            self.set(KEY, q);
        }
        return q;
    }

    /** As {@link #sealAndProcess}, reporting the calling thread quiescent between the seal and the poll. */
    private static void sealQuiescentAndProcess(ThreadQsbr q, ThreadState self) {
        DelayedQueue queue = q.queue;
        if (queue.processing) {
            return;
        }
        if (queue.hasOpenItems()) {
            queue.seal(Quiescence.advance());
        }
        self.quiescent();
        queue.process(false);
        if (orphanCount != 0) {
            processOrphans();
        }
    }

    /** Seals the open chunk with a fresh advance (if it has items), then processes. */
    private static void sealAndProcess(ThreadQsbr q) {
        DelayedQueue queue = q.queue;
        if (queue.processing) {
            return;
        }
        if (queue.hasOpenItems()) {
            queue.seal(Quiescence.advance());
        }
        queue.process(false);
        if (orphanCount != 0) {
            processOrphans();
        }
    }

    private static void processOrphans() {
        if (!ORPHAN_LOCK.tryLock()) {
            return;
        }
        try {
            ORPHANS.process(false);
            orphanCount = ORPHANS.pending();
        } finally {
            ORPHAN_LOCK.unlock();
        }
    }

    private static IllegalStateException notAttached(ThreadState self) {
        String who = Thread.currentThread().getName();
        return new IllegalStateException(self == null
                ? "freeDelayed on thread " + who + ", which is not a registered runtime thread; register and attach it"
                + " (RuntimeThreads.run / attachCurrent), or free at once if no other thread can read the memory"
                : "freeDelayed on runtime thread " + self.id() + " (" + who + ") while it is "
                + ThreadState.stateName(self.state()) + "; it must be attached");
    }
}
