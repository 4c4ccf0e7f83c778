package io.github.ftmem.gc;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-generational stop-the-world cycle collector with the shape of CPython's free-threaded one
 * ({@code Python/gc_free_threading.c}): it finds garbage cycles among reference-counted objects and
 * breaks them, letting reference counting free them. It sees objects only through its SPIs.
 *
 * <h2>Implementation notes</h2>
 * One collection, run by an attached runtime thread that holds {@code collecting}:
 * <ol>
 *   <li><b>Pause 1 (detect).</b> Stop the world; merge every reference-count queue (objects whose
 *       merged count is zero are held and dropped after the pause, so nothing is freed in it). One walk
 *       of the space gathers every tracked, non-frozen, non-immortal object into {@code objects},
 *       saves its {@code tid} word in {@code savedTids}, writes its true count (minus the deferred
 *       bias) into {@code tid} as {@code gc_refs} and sets {@code UNREACHABLE} (which marks "in the
 *       candidate set"). Then traverse each object and subtract one from the {@code gc_refs} of every
 *       referent in the set; add one per deferred stack reference. Objects left with {@code gc_refs > 0} are
 *       referenced from outside: clear {@code UNREACHABLE} on them and, through an explicit mark
 *       stack, on everything they reach. Restore every {@code tid}. Objects still {@code UNREACHABLE}
 *       are garbage: deferred counting is turned off, the collector takes a reference to each (so
 *       nothing is freed under it), legacy-finalizer objects and all garbage they reach move to the
 *       legacy list (bit cleared), and weak references to the rest are cleared (callbacks queued only
 *       for weak references that are not garbage themselves). A negative {@code gc_refs} (a traverse
 *       reporting more references than the counts hold) restores everything and fails the collection.
 *       Start the world.</li>
 *   <li><b>World running.</b> Run the queued weak-reference callbacks, then each garbage object's
 *       finalizer once (the {@code FINALIZED} bit is set before the call); this pass is skipped when
 *       pause 1 found no garbage with a finalizer left to run.</li>
 *   <li><b>Pause 2 (resurrection)</b>, only if some finalizer or callback ran (nothing else can reach
 *       garbage). Objects a finalizer untracked leave the list. For the rest {@code tid} holds
 *       (saved first) the true count minus the collector's reference minus references from other
 *       garbage; a positive value means a finalizer made the object reachable: it and everything it
 *       reaches leave the garbage set. Then garbage a finalizer cut loose from every cycle (no other
 *       garbage references it) and what only it references leave the set uncounted, as CPython frees
 *       them during finalization ({@code peelAcyclic}). Restore every {@code tid}. Start the world.</li>
 *   <li><b>World running.</b> Drop the collector's reference to resurrected objects; {@code clear}
 *       each remaining garbage object and drop the reference to it, so reference counting frees the
 *       cycle; legacy garbage goes to the garbage list with its reference.</li>
 * </ol>
 *
 * <table>
 *   <caption>Header words the collector writes (all plain: only while the world is stopped, or on
 *   garbage no other thread can reach)</caption>
 *   <tr><th>word</th><th>when</th><th>value</th></tr>
 *   <tr><td>tid</td><td>inside a pause only</td><td>{@code gc_refs} (signed), restored from
 *       {@code savedTids} before the pause ends or any reference-count call is made</td></tr>
 *   <tr><td>UNREACHABLE</td><td>set in pause 1; cleared in pause 1 (reachable), pause 2 (resurrected)
 *       or while clearing (garbage)</td><td>"candidate" during detection, then "garbage"</td></tr>
 *   <tr><td>FINALIZED</td><td>world running, on garbage, before its finalizer runs; never cleared</td>
 *       <td>the finalizer has run</td></tr>
 *   <tr><td>FROZEN</td><td>{@link #freeze}/{@link #unfreeze}, world stopped</td><td>never scanned</td></tr>
 * </table>
 *
 * <p>Invariants: between collections no object has {@code UNREACHABLE} set and every {@code tid} holds
 * its owner's value; during a collection every garbage object's count includes exactly one
 * reference owned by the collector; no memory is freed while the world is stopped.
 *
 * <p>Scheduling: {@link #recordAllocation()} counts GC-object allocations in a per-thread batch of
 * up to {@value #LOCAL_BATCH}, added to the shared {@code allocations} counter with one atomic add.
 * When the count passes the threshold and a quarter of {@code longLivedTotal} (live objects found by
 * the previous collection), the allocating thread gets {@link ThreadState#GC_SCHEDULED}; its handler
 * ({@link #installScheduledHandler()}) collects at the thread's next safepoint. {@code collecting} is
 * a one-permit semaphore taken with {@code tryAcquire}: a second collection, from another thread or
 * from a finalizer of the running one, returns 0 at once. Configuration fields are volatile (read by
 * allocating threads); statistics are volatile fields written only by the permit holder.
 *
 * <p>Where the code is: this class is the façade (builder, scheduling, the sequence of one
 * collection, the garbage list, freezing, statistics); the phases are its package-private
 * superclasses, {@link Resurrection} (steps 2–4) over {@link Detection} (step 1) over
 * {@link CollectorState} (the SPIs, the permit, the scratch lists, the statistics fields).
 */
public final class Collector extends Resurrection {

    /** Default allocation threshold, as CPython 3.13+. */
    public static final long DEFAULT_THRESHOLD = 2000;
    /** Allocations a thread counts locally before one atomic add (CPython's LOCAL_ALLOC_COUNT_THRESHOLD). */
    static final int LOCAL_BATCH = 512;
    private static final int KEEP_CAPACITY = 1 << 16;

    /** Why a collection ran (recorded in the JFR collection event). */
    private enum Reason {
        /** {@link #collect()}. */
        MANUAL,
        /** The allocation threshold was passed. */
        SCHEDULED
    }

    /**
     * Receives what finalizers, weak-reference callbacks and {@code clear} throw (exceptions and
     * errors alike, as CPython reports them as unraisable); the collection goes on.
     */
    @FunctionalInterface
    public interface ErrorHandler {
        void report(String operation, long object, Throwable error);
    }

    private final AtomicLong allocations = new AtomicLong();
    private final ThreadLocal<int[]> localAllocations = ThreadLocal.withInitial(() -> new int[1]);
    private volatile boolean enabled = true;
    private volatile long threshold = DEFAULT_THRESHOLD;
    private volatile boolean scaleWithHeap = true;

    private Collector(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- scheduling -------------------------------------------------------------------------------

    /**
     * Counts one allocation of a GC object by the calling thread. Cheap: a thread-local increment, and
     * every {@value #LOCAL_BATCH} allocations one atomic add and the scheduling test.
     */
    public void recordAllocation() {
        int[] local = localAllocations.get();
        if (++local[0] >= LOCAL_BATCH) {
            flushAllocations(local);
        }
    }

    /** Counts one deallocation of a GC object by the calling thread (the count may go below zero). */
    public void recordDeallocation() {
        int[] local = localAllocations.get();
        if (--local[0] <= -LOCAL_BATCH) {
            allocations.getAndAdd(local[0]);
            local[0] = 0;
        }
    }

    private void flushAllocations(int[] local) {
        long count = allocations.addAndGet(local[0]);
        local[0] = 0;
        if (shouldCollect(count)) {
            ThreadState self = RuntimeThreads.currentOrNull();
            if (self != null) {
                self.requestWork(ThreadState.GC_SCHEDULED);
            }
        }
    }

    /** The allocation count since the last collection (flushed batches only). */
    public long allocationCount() {
        return allocations.get();
    }

    private boolean shouldCollect(long count) {
        long limit = threshold;
        return enabled && limit > 0 && count > limit && (!scaleWithHeap || count > longLivedTotal / 4)
                && collecting.availablePermits() > 0;
    }

    /**
     * Makes {@link ThreadState#GC_SCHEDULED} run this collector (replacing any other handler of that
     * bit). The bit is process-wide: one collector per process schedules itself.
     */
    public void installScheduledHandler() {
        RuntimeThreads.setPendingHandler(ThreadState.GC_SCHEDULED, thread -> collectScheduled());
    }

    /** Removes the handler installed by {@link #installScheduledHandler()}. */
    public void uninstallScheduledHandler() {
        RuntimeThreads.setPendingHandler(ThreadState.GC_SCHEDULED, null);
    }

    /**
     * Collects if the scheduling test still passes (the GC_SCHEDULED handler calls this); returns the
     * number of unreachable objects found, or 0.
     */
    public long collectScheduled() {
        if (!shouldCollect(allocations.get())) {
            return 0;
        }
        return collect(Reason.SCHEDULED);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Enables or disables automatic collection; {@link #collect()} works either way. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long threshold() {
        return threshold;
    }

    /** Sets the allocation threshold; 0 disables automatic collection. */
    public void setThreshold(long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative: " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Whether automatic collection also waits until the allocation count passes a quarter of the live
     * heap found by the last collection (default true: total collection work stays linear in the
     * allocations). False collects at every threshold, like CPython's {@code gc.set_threshold(n, 0)}.
     */
    public void setScaleWithHeap(boolean scaleWithHeap) {
        this.scaleWithHeap = scaleWithHeap;
    }

    // ---- collection -------------------------------------------------------------------------------

    /**
     * Runs one collection now. The calling thread must be an attached runtime thread; finalizers and
     * callbacks run on it. Returns the number of unreachable objects found (collected plus
     * uncollectable; resurrected ones excluded), like CPython's {@code gc.collect()}, or 0 at once
     * when a collection is already running.
     *
     * @throws IllegalStateException if the caller is not attached, or if a type's traverse reports
     *         more references to an object than its count holds (nothing is collected then)
     */
    public long collect() {
        return collect(Reason.MANUAL);
    }

    private long collect(Reason reason) {
        ThreadState self = RuntimeThreads.currentOrNull();
        if (self == null || !self.isAttached()) {
            throw new IllegalStateException("collect() must run on an attached runtime thread; "
                    + Thread.currentThread().getName() + " is " + (self == null ? "not registered" : "detached"));
        }
        if (!collecting.tryAcquire()) {
            return 0;
        }
        try {
            return collectHoldingPermit(reason);
        } finally {
            collecting.release();
        }
    }

    private long collectHoldingPermit(Reason reason) {
        GcCollectionEvent event = new GcCollectionEvent();
        event.begin();
        long id = collections + 1;
        long pauseBefore = totalPauseNanos;
        long pausesBefore = pauses;
        allocations.set(0);
        unreachable.clear();
        legacy.clear();
        callbacks.clear();
        toDecref.clear();
        finalizersPending = false;
        try {
            long live = detectPause(id);
            longLivedTotal = live + frozen;
            event.live = live;
            for (int i = 0; i < zeroCountObjects.size(); i++) {
                counts.decref(zeroCountObjects.getLong(i));
            }
            zeroCountObjects.clear();
            boolean userCodeRan = runCallbacksAndFinalizers();
            long revived = 0;
            if (userCodeRan && !unreachable.isEmpty()) {
                revived = resurrectionPause(id);
            }
            for (int i = 0; i < toDecref.size(); i++) {
                counts.decref(toDecref.getLong(i));
            }
            long cleared = deleteGarbage();
            long kept = keepLegacyGarbage();
            collected += cleared;
            uncollectable += kept;
            resurrected += revived;
            collections = id;
            event.collected = cleared;
            event.uncollectable = kept;
            event.resurrected = revived;
            return cleared + kept;
        } finally {
            zeroCountObjects.clear();
            unreachable.clear();
            legacy.clear();
            callbacks.clear();
            toDecref.clear();
            int keep = Math.max(KEEP_CAPACITY, 2 * objects.size());
            trimTo(objects, keep);
            trimTo(savedTids, keep);
            trimTo(markStack, KEEP_CAPACITY);
            trimTo(unreachable, keep);
            event.end();
            if (event.shouldCommit()) {
                event.collection = id;
                event.reason = reason == Reason.MANUAL ? "manual" : "scheduled";
                event.pauses = pauses - pausesBefore;
                event.pauseNanos = totalPauseNanos - pauseBefore;
                event.commit();
            }
        }
    }

    // ---- garbage list, freeze, statistics ----------------------------------------------------------

    /** The uncollectable objects found so far (CPython's {@code gc.garbage}); each holds one reference. */
    public long[] garbage() {
        synchronized (garbage) {
            return garbage.toLongArray();
        }
    }

    /**
     * Empties the garbage list, dropping its reference to each object (the caller breaks their cycles
     * first if they should be freed). Call on an attached runtime thread. Returns how many were dropped.
     */
    public int clearGarbage() {
        long[] dropped;
        synchronized (garbage) {
            dropped = garbage.toLongArray();
            garbage.clear();
        }
        for (long object : dropped) {
            counts.decref(object);
        }
        return dropped.length;
    }

    /**
     * Freezes every tracked object present now: they are never scanned again (and never collected)
     * until {@link #unfreeze()}. Waits for a running collection. Returns the number frozen.
     */
    public long freeze() {
        return changeFrozen(true);
    }

    /** Unfreezes every frozen object; returns how many. */
    public long unfreeze() {
        return changeFrozen(false);
    }

    /** Objects frozen by the last {@link #freeze()} that are still frozen (as of the last freeze/unfreeze). */
    public long frozenCount() {
        return frozen;
    }

    private long changeFrozen(boolean freeze) {
        acquireCollecting();
        try {
            GcPauseEvent event = new GcPauseEvent();
            event.begin();
            long begin = System.nanoTime();
            long[] changed = new long[1];
            long[] stillFrozen = new long[1];
            World.stop();
            try {
                space.forEachObject(object -> {
                    int bits = Header.gcBits(object);
                    if ((bits & Header.GC_TRACKED) == 0) {
                        return;
                    }
                    if (freeze && (bits & Header.GC_FROZEN) == 0) {
                        Header.setGcBits(object, Header.GC_FROZEN);
                        changed[0]++;
                    } else if (!freeze && (bits & Header.GC_FROZEN) != 0) {
                        Header.clearGcBits(object, Header.GC_FROZEN);
                        changed[0]++;
                    }
                    if (Header.hasGcBits(object, Header.GC_FROZEN)) {
                        stillFrozen[0]++;
                    }
                });
            } finally {
                World.start();
                endPause(event, collections, freeze ? "freeze" : "unfreeze", changed[0], begin);
            }
            frozen = stillFrozen[0];
            return changed[0];
        } finally {
            collecting.release();
        }
    }

    /** Takes the collection permit, detaching the calling runtime thread while it waits. */
    private void acquireCollecting() {
        if (collecting.tryAcquire()) {
            return;
        }
        ThreadState self = RuntimeThreads.currentOrNull();
        boolean detached = self != null && self.isAttached();
        if (detached) {
            self.detach();
        }
        try {
            collecting.acquireUninterruptibly();
        } finally {
            if (detached) {
                self.attach();
            }
        }
    }

    public GcStats stats() {
        return new GcStats(collections, collected, uncollectable, resurrected, pauses, lastPauseNanos,
                maxPauseNanos, totalPauseNanos, longLivedTotal, frozen);
    }

    @Override
    public String toString() {
        GcStats s = stats();
        return "Collector[collections=" + s.collections() + ", collected=" + s.collected() + ", uncollectable="
                + s.uncollectable() + ", threshold=" + threshold + ", enabled=" + enabled + "]";
    }

    /** Configures a {@link Collector}. */
    public static final class Builder {
        ObjectSpace space;
        ReferenceCounts counts;
        RootScanner roots = RootScanner.NONE;
        WeakReferenceHooks weakReferences = WeakReferenceHooks.NONE;
        TypeOperations[] types = new TypeOperations[16];
        ErrorHandler errorHandler = (operation, object, error) ->
                System.getLogger(Collector.class.getName()).log(System.Logger.Level.WARNING,
                        "exception in " + operation + " of " + Header.describe(object), error);

        private Builder() {
        }

        public Builder objectSpace(ObjectSpace space) {
            this.space = Objects.requireNonNull(space);
            return this;
        }

        public Builder referenceCounts(ReferenceCounts counts) {
            this.counts = Objects.requireNonNull(counts);
            return this;
        }

        public Builder rootScanner(RootScanner roots) {
            this.roots = Objects.requireNonNull(roots);
            return this;
        }

        public Builder weakReferences(WeakReferenceHooks weakReferences) {
            this.weakReferences = Objects.requireNonNull(weakReferences);
            return this;
        }

        /** Registers the operations of one GC type (its header {@code type} id). */
        public Builder type(int typeId, TypeOperations operations) {
            if (typeId < 0) {
                throw new IllegalArgumentException("type id must not be negative: " + typeId);
            }
            if (typeId >= types.length) {
                types = Arrays.copyOf(types, Math.max(typeId + 1, types.length * 2));
            }
            if (types[typeId] != null) {
                throw new IllegalArgumentException("type " + typeId + " already has operations " + types[typeId]);
            }
            types[typeId] = Objects.requireNonNull(operations);
            return this;
        }

        public Builder errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler);
            return this;
        }

        public Collector build() {
            return new Collector(this);
        }
    }
}
