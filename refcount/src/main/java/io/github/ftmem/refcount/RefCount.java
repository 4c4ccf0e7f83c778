package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Biased, immortal and deferred reference counting on the 32-byte {@link Header}, with CPython's
 * free-threaded protocol (PEP 703, {@code Include/refcount.h}, {@code Objects/object.c},
 * {@code Python/brc.c}).
 *
 * <h2>Implementation notes</h2>
 * An object has an owner, the runtime thread that initialised it. The owner counts in
 * {@code refLocal} with plain (opaque) loads and stores; every other thread counts in
 * {@code refShared} ({@code count << 2 | state}) with atomic read-modify-writes. The true count is
 * {@code refLocal + (refShared >> 2)}; the shared part alone may be negative.
 *
 * <table>
 *   <caption>State machine (T = tid, L = refLocal, S = (shared count, state)); states only increase</caption>
 *   <tr><th>from</th><th>event</th><th>to</th><th>by</th></tr>
 *   <tr><td>new</td><td>{@link #init}</td><td>T=self L=1 S=(0,INIT)</td><td>owner, plain stores</td></tr>
 *   <tr><td>OWNED/INIT</td><td>{@link #setMaybeWeakref}</td><td>OWNED/MAYBE_WEAKREF</td><td>any, CAS 00→01</td></tr>
 *   <tr><td>OWNED/INIT|MAYBE_WEAKREF</td><td>non-owner decref with S.count = 0</td>
 *       <td>OWNED/QUEUED, pushed on the owner's queue (the queue takes over the reference)</td><td>non-owner, CAS</td></tr>
 *   <tr><td>OWNED/*</td><td>owner decref L→0 with the whole S = 0</td><td>DEAD (no atomic at all)</td><td>owner</td></tr>
 *   <tr><td>OWNED/*</td><td>owner decref L→0 with S ≠ 0</td><td>T=0 first, then S=(c,MERGED) by CAS; DEAD if c = 0</td><td>owner</td></tr>
 *   <tr><td>OWNED/QUEUED</td><td>explicit merge (owner safepoint, owner exit, owner gone, stopped world)</td>
 *       <td>L=0, T=0, S=(S.c+L−1, MERGED) by CAS; DEAD if 0</td><td>see below</td></tr>
 *   <tr><td>MERGED</td><td>any incref/decref: atomic ±4</td><td>MERGED; DEAD when the decref makes S exactly (0,MERGED)</td><td>any</td></tr>
 *   <tr><td>any</td><td>{@link #immortalize}, or an owner incref overflowing 32 bits</td>
 *       <td>IMMORTAL: T=0, L=0xFFFF_FFFF (absorbing, nothing written afterwards)</td><td>owner / stopped world</td></tr>
 * </table>
 *
 * <p>Invariants: T = 0 ⇔ MERGED or immortal (except transiently between the owner's T=0 store and its
 * CAS); L + S.count ≥ 0 and equals the number of references, the merge queue's one included; only
 * INIT lets the owner free without an atomic; exactly one thread observes each DEAD transition and
 * calls the type's {@link Deallocator}.
 *
 * <table>
 *   <caption>Who writes which header word</caption>
 *   <tr><th>word</th><th>writer</th><th>mode and why it is enough</th></tr>
 *   <tr><td>refLocal</td><td>init and immortalize (unpublished, owner or stopped world); the owner; or, for an
 *       object whose owner has no open queue, a queuing
 *       thread under that owner's bucket lock; or the collector with the world stopped</td>
 *       <td>opaque: single writer at a time (the lock or the stopped world orders hand-overs); opaque
 *       keeps other threads' immortality checks untorn and stops the JIT from folding the owner's
 *       incref/decref pairs</td></tr>
 *   <tr><td>tid</td><td>init (before publication); the owner giving up ownership; an explicit merge</td>
 *       <td>opaque store, always followed by the volatile CAS on refShared that publishes it</td></tr>
 *   <tr><td>refShared</td><td>anyone</td><td>getAndAdd / CAS only; the owner's zero check is an acquire load,
 *       pairing with the release of other threads' decrements</td></tr>
 * </table>
 *
 * <h3>Merge queues and the "owner exits while a non-owner queues" race</h3>
 * Each runtime thread that owns objects has a {@link MergeQueue} in its {@code MergeQueues.QUEUE} slot, guarded by
 * one of {@value #BUCKETS} bucket locks chosen by {@code tid % BUCKETS} (CPython's {@code _brc_state}).
 * A thread acts as owner (plain stores to refLocal) only while its queue is installed and open:
 * {@link #currentTid()} is the queue's {@code ownerTid}, {@link #NO_TID} otherwise, and the queue is
 * installed and closed under the bucket lock. A queuing thread looks the owner up ({@link
 * RuntimeThreads#byId}) and inspects its queue <em>under the same lock</em>:
 * <ul>
 *   <li>open → push and set the owner's EXPLICIT_MERGE pending bit; the owner merges at its next
 *       safepoint ({@link #mergeQueue()}), or at its exit, or the collector does ({@link #mergeAllQueues()}).</li>
 *   <li>absent or closed (the owner exited, is exiting, or its id was reused by a thread that has not
 *       installed a queue yet) → the queuing thread merges the object itself while still holding the lock.
 *       No thread can act as owner of that tid meanwhile: the old owner closed its queue under this lock
 *       after its last owner store, and a new thread with the reused id installs its queue under this lock,
 *       so it sees the merged header (T=0) before its first owner operation.</li>
 * </ul>
 * At exit ({@link ThreadListener#onExit}) the thread drains its queue, merging, until it finds it empty
 * under the lock, and closes it in that same critical section; nothing can be pushed after the last drain.
 * Objects it still owns keep its tid, as in CPython; they are merged by whoever queues them later.
 *
 * <h3>Where the code is</h3>
 * This class is the API and the hot paths (init, incref, decref, tryIncref, the queries, immortalize)
 * with the slow paths they fall into when a count reaches zero; the rest sits behind it in
 * package-private classes along the protocol's seams: {@link MergeQueues} (queues, bucket locks,
 * queuing to the owner, explicit merges, the exit step), {@link Deferred} (the DEFERRED bit and bias)
 * and {@link Deallocators} (the per-type table, debug poisoning, resurrection).
 *
 * <h3>Modes, counters, debug</h3>
 * {@link #MODE} ({@code -Dftmem.refcount.mode=BIASED|ATOMIC}), {@link #COUNTERS}
 * ({@code -Dftmem.refcount.counters=true}) and {@link #DEBUG} ({@code -Dftmem.refcount.debug=true} or
 * {@code -Dftmem.debug=true}) are static finals, so the JIT removes the paths that are off. ATOMIC mode
 * creates every object MERGED (T=0, count in refShared) so every count is an atomic add.
 * In debug mode a deallocated object's header is poisoned ({@link #FREED_TID}, counts zero) before its
 * deallocator runs, so a later incref/decref reports "freed" (until the allocator reuses the memory).
 */
public final class RefCount {

    /** Reference counting strategy, chosen once at start-up. */
    public enum Mode {
        /** Biased: the owner counts with plain stores, others atomically (the default). */
        BIASED,
        /** Every count is an atomic add on refShared (for ablation). */
        ATOMIC
    }

    /** The active mode, from {@code -Dftmem.refcount.mode} (default BIASED). */
    public static final Mode MODE = parseMode(System.getProperty("ftmem.refcount.mode", "BIASED"));
    static final boolean ATOMIC_MODE = MODE == Mode.ATOMIC;

    /** Whether misuse checks run ({@code -Dftmem.refcount.debug=true} or {@code -Dftmem.debug=true}). */
    public static final boolean DEBUG = Boolean.getBoolean("ftmem.refcount.debug") || Memory.DEBUG;

    /** Whether the operation counters count ({@code -Dftmem.refcount.counters=true}). */
    public static final boolean COUNTERS = Boolean.getBoolean("ftmem.refcount.counters");

    /**
     * The bias a deferred object carries in its shared count, in count units: half of what the
     * shared field can hold ({@code Long.MAX_VALUE / 8}, CPython's {@code _Py_REF_DEFERRED}).
     */
    public static final long DEFERRED_BIAS = Long.MAX_VALUE / 8;

    /** What {@link #refcount} reports for an immortal object (above any deferred count). */
    public static final long IMMORTAL_REFCOUNT = Long.MAX_VALUE / 2;

    /** The tid of a thread that may not act as owner: unregistered, or without an open merge queue. */
    public static final long NO_TID = -1;

    /** The tid word of an object deallocated in debug mode; never a runtime-thread id. */
    public static final long FREED_TID = 0xDEAD_F4EE_DEAD_F4EEL;

    static final int BUCKETS = 257;

    static final int IMMORTAL = Header.IMMORTAL_LOCAL;
    static final long ONE = 1L << Header.SHARED_SHIFT;
    static final long MASK = Header.SHARED_STATE_MASK;
    static final long MAYBE_WEAKREF = Header.STATE_MAYBE_WEAKREF;
    static final long QUEUED = Header.STATE_QUEUED;
    static final long MERGED = Header.STATE_MERGED;



    static final LongAdder OWNER_OPS = COUNTERS ? new LongAdder() : null;
    static final LongAdder SHARED_OPS = COUNTERS ? new LongAdder() : null;
    static final LongAdder QUEUED_OBJECTS = COUNTERS ? new LongAdder() : null;
    static final LongAdder MERGED_OBJECTS = COUNTERS ? new LongAdder() : null;

    static {
        MergeQueues.install();
    }

    private RefCount() {
    }

    // ---- initialisation and identity -----------------------------------------------------------

    /**
     * Initialises the header of a new, unpublished object: owned by the calling runtime thread,
     * local count 1 (ATOMIC mode: unowned, shared count 1), the given type, everything else zero.
     *
     * @throws IllegalStateException if the calling thread is not a registered runtime thread, or is exiting
     */
    public static void init(long object, int type) {
        ThreadState self = RuntimeThreads.current();
        long tid = MergeQueues.openQueue(self).ownerTid;
        if (tid == NO_TID) {
            throw new IllegalStateException("runtime thread " + self.id() + " (" + self.thread().getName()
                    + ") has already run its refcount exit step; it can no longer create objects");
        }
        if (ATOMIC_MODE) {
            Header.init(object, 0, type);
            Memory.putLong(object + Header.REF_SHARED, ONE | MERGED);
        } else {
            Header.init(object, tid, type);
            Memory.putInt(object + Header.REF_LOCAL, 1);
        }
    }

    /**
     * The calling thread's owner id for the {@code (object, self)} overloads: its runtime-thread id
     * once it initialised an object (which installs its merge queue), else {@link #NO_TID}.
     */
    public static long currentTid() {
        ThreadState state = RuntimeThreads.currentOrNull();
        if (state == null) {
            return NO_TID;
        }
        MergeQueue queue = state.get(MergeQueues.QUEUE);
        return queue == null ? NO_TID : queue.ownerTid;
    }

    /**
     * The calling runtime thread's owner id, becoming an owner now if it is not one yet (the step
     * {@link #init} takes on a thread's first object): for callers that cache the id to pass to
     * {@link #incref(long, long)} before the thread has created anything. {@link #currentTid()} answers
     * {@link #NO_TID} for such a thread, which would make every later count of its own objects shared.
     *
     * @throws IllegalStateException if the thread already ran its refcount exit step
     */
    public static long ownerTid() {
        ThreadState self = RuntimeThreads.current();
        long tid = MergeQueues.openQueue(self).ownerTid;
        if (tid == NO_TID) {
            throw new IllegalStateException("runtime thread " + self.id() + " (" + self.thread().getName()
                    + ") has already run its refcount exit step");
        }
        return tid;
    }

    /** Whether the calling thread owns the object (counts it in refLocal). */
    public static boolean isOwnedByCurrentThread(long object) {
        long self = currentTid();
        return self != NO_TID && Memory.getLongOpaque(object + Header.TID) == self;
    }

    // ---- incref / decref -----------------------------------------------------------------------

    /** Adds a reference. */
    public static void incref(long object) {
        incref(object, currentTid());
    }

    /**
     * Adds a reference; {@code self} must be {@link #currentTid()} of the calling thread (an
     * interpreter keeps it in its frame state instead of looking it up per operation). A cached value
     * is valid until the thread's refcount exit step closes its queue; debug mode checks it.
     */
    public static void incref(long object, long self) {
        if (DEBUG) checkLive(object, "incref", self);
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return;
        }
        if (!ATOMIC_MODE && Memory.getLongOpaque(object + Header.TID) == self) {
            if (COUNTERS) OWNER_OPS.increment();
            int incremented = local + 1;
            if (incremented == IMMORTAL) {
                immortalize(object);
                return;
            }
            Memory.putIntOpaque(object + Header.REF_LOCAL, incremented);
        } else {
            if (COUNTERS) SHARED_OPS.increment();
            Memory.getAndAddLong(object + Header.REF_SHARED, ONE);
        }
    }

    /** Drops a reference; the last one deallocates the object through its type's {@link Deallocator}. */
    public static void decref(long object) {
        decref(object, currentTid());
    }

    /** Drops a reference; {@code self} as for {@link #incref(long, long)}. */
    public static void decref(long object, long self) {
        if (DEBUG) checkLive(object, "decref", self);
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return;
        }
        if (ATOMIC_MODE) {
            decrefAtomicMode(object);
        } else if (Memory.getLongOpaque(object + Header.TID) == self) {
            if (COUNTERS) OWNER_OPS.increment();
            if (DEBUG && local == 0) {
                throw new RefCountError("decref by the owner would take refLocal below zero (more decrefs than references)", object);
            }
            int decremented = local - 1;
            Memory.putIntOpaque(object + Header.REF_LOCAL, decremented);
            if (decremented == 0) {
                mergeZeroLocal(object);
            }
        } else {
            decrefShared(object);
        }
    }

    /**
     * Adds a reference unless the object may already be dying; for lock-free readers that found the
     * address in a shared slot. Fails when the shared field is exactly (0, INIT) (the owner may be freeing
     * it without atomics — readers must {@link #setMaybeWeakref} objects they read this way) or exactly
     * (0, MERGED) (dead). The memory must stay an object header while readers may race (type-stable
     * allocation, as with CPython's per-type mimalloc heaps).
     */
    public static boolean tryIncref(long object) {
        long self = currentTid();
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return true;
        }
        if (!ATOMIC_MODE && Memory.getLongOpaque(object + Header.TID) == self) {
            incref(object, self);
            return true;
        }
        long shared = Memory.getLongVolatile(object + Header.REF_SHARED);
        while (true) {
            if (shared == 0 || shared == MERGED) {
                return false;
            }
            long witness = Memory.compareAndExchangeLong(object + Header.REF_SHARED, shared, shared + ONE);
            if (witness == shared) {
                if (COUNTERS) SHARED_OPS.increment();
                return true;
            }
            shared = witness;
        }
    }

    /**
     * Marks that lock-free readers may {@link #tryIncref} the object: INIT → MAYBE_WEAKREF (no-op in
     * any later state or for immortals). Forces the owner's last decref through a CAS.
     */
    public static void setMaybeWeakref(long object) {
        if (isImmortal(object)) {
            return;
        }
        long shared = Memory.getLongVolatile(object + Header.REF_SHARED);
        while ((shared & MASK) == Header.STATE_INIT) {
            long witness = Memory.compareAndExchangeLong(object + Header.REF_SHARED, shared, shared | MAYBE_WEAKREF);
            if (witness == shared) {
                return;
            }
            shared = witness;
        }
    }

    // ---- queries -------------------------------------------------------------------------------

    /**
     * The count: {@code refLocal + (refShared >> 2)}, including {@link #DEFERRED_BIAS} for deferred
     * objects (as CPython's {@code Py_REFCNT}); {@link #IMMORTAL_REFCOUNT} for immortal objects. The two
     * words are read one after the other: exact only when no other thread is changing the counts.
     */
    public static long refcount(long object) {
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return IMMORTAL_REFCOUNT;
        }
        return Integer.toUnsignedLong(local) + (Memory.getLongVolatile(object + Header.REF_SHARED) >> Header.SHARED_SHIFT);
    }

    public static boolean isImmortal(long object) {
        return Memory.getIntOpaque(object + Header.REF_LOCAL) == IMMORTAL;
    }

    /**
     * Whether the caller holds the only reference: the caller owns it, refLocal is 1 and the whole
     * shared field is 0 (CPython's {@code _PyObject_IsUniquelyReferenced}); in ATOMIC mode, the shared
     * field is exactly (1, MERGED).
     */
    public static boolean isUniquelyReferenced(long object) {
        if (ATOMIC_MODE) {
            return Memory.getIntOpaque(object + Header.REF_LOCAL) != IMMORTAL
                    && Memory.getLongVolatile(object + Header.REF_SHARED) == (ONE | MERGED);
        }
        return isOwnedByCurrentThread(object) && Memory.getIntOpaque(object + Header.REF_LOCAL) == 1
                && Memory.getLongVolatile(object + Header.REF_SHARED) == 0;
    }

    /**
     * Makes the object immortal: T=0, L=0xFFFF_FFFF, S=0. Absorbing; from then on incref and decref
     * write nothing. The caller must own the object, or it must be unpublished, or the world stopped:
     * a non-owner may still be adding to refShared, which no longer matters.
     */
    public static void immortalize(long object) {
        if (isImmortal(object)) {
            return;
        }
        Memory.putIntOpaque(object + Header.REF_LOCAL, IMMORTAL);
        Memory.putLongOpaque(object + Header.TID, 0);
        Memory.putLongVolatile(object + Header.REF_SHARED, 0);
    }

    // ---- deferred reference counting -----------------------------------------------------------

    /**
     * Enables deferred reference counting: sets the DEFERRED gc bit and adds {@link #DEFERRED_BIAS}
     * to the shared count, so ordinary decrefs can never free the object; only the collector, which
     * also counts the uncounted stack references, can ({@link #clearDeferred}). No-op if already
     * deferred or immortal.
     *
     * @throws IllegalStateException unless the caller owns the object or has stopped the world
     *         (gcBits are written by the owner or a stopped world only)
     */
    public static void setDeferred(long object) {
        Deferred.enable(object);
    }

    public static boolean isDeferred(long object) {
        return (Header.gcBits(object) & Header.GC_DEFERRED) != 0;
    }

    /**
     * Collector, world stopped: disables deferred counting — clears the DEFERRED bit and subtracts
     * {@link #DEFERRED_BIAS}. Afterwards ordinary refcounting frees the object when its count drops to
     * zero; the collector must hold a reference (or add the stack references it found with
     * {@link #addStackReference}) before the world starts if the count would otherwise be zero.
     */
    public static void clearDeferred(long object) {
        Deferred.disable(object);
    }

    /**
     * Turns one uncounted stack reference to a deferred object into a counted one (CPython's
     * {@code PyStackRef_AsPyObjectSteal} / {@code frame_disable_deferred_refcounting}): adds one to the
     * shared count. Any thread, including a collector with the world stopped that does not own the object.
     */
    public static void addStackReference(long object) {
        Deferred.addStackReference(object);
    }

    /**
     * Collector, world stopped: the count the collector starts from — {@link #refcount} minus
     * {@link #DEFERRED_BIAS} if deferred. Uncounted stack references are not included.
     */
    public static long collectorRefcount(long object) {
        return Deferred.collectorRefcount(object);
    }

    // ---- merge queues --------------------------------------------------------------------------

    /**
     * Merges the calling thread's queue: for each object, L and the queue's reference are folded into
     * the shared count and the object becomes MERGED; those whose count reaches zero are deallocated.
     * The EXPLICIT_MERGE pending-work handler; callable directly at any safepoint of the thread.
     *
     * @return the number of objects merged
     */
    public static int mergeQueue() {
        return MergeQueues.mergeCurrent();
    }

    /** Number of objects waiting in the calling thread's queue. */
    public static int queuedForCurrentThread() {
        return MergeQueues.queuedForCurrent();
    }

    /**
     * Collector, world stopped: merges every registered thread's queue and deallocates, on the calling
     * thread, the objects whose merged count is zero.
     */
    public static void mergeAllQueues() {
        mergeAllQueues(RefCount::deallocate);
    }

    /**
     * Collector, world stopped: merges every registered thread's queue and hands each object whose
     * merged count is zero (left as (0, MERGED), not deallocated) to {@code zeroCount}, which must
     * eventually {@link #deallocate} it or revive it.
     *
     * @return the number of objects merged
     */
    public static int mergeAllQueues(LongConsumer zeroCount) {
        return MergeQueues.mergeAll(zeroCount);
    }

    // ---- deallocation SPI ----------------------------------------------------------------------

    /** Registers the deallocator of a type id, replacing any previous one; null removes it. */
    public static void setDeallocator(int type, Deallocator deallocator) {
        Deallocators.set(type, deallocator);
    }

    /** The deallocator registered for a type id, or null. */
    public static Deallocator deallocator(int type) {
        return Deallocators.get(type);
    }

    /**
     * Runs the object's type deallocator (poisoning the header first in debug mode). Called by this
     * class when a count reaches zero; public for collectors that received zero-count objects from
     * {@link #mergeAllQueues(LongConsumer)}.
     *
     * @throws IllegalStateException if no deallocator is registered for the object's type
     */
    public static void deallocate(long object) {
        Deallocators.deallocate(object);
    }

    /**
     * Gives an object whose count reached zero one new reference from inside its deallocator, so that a
     * finalizer can run on it (PEP 442; CPython's {@code PyObject_CallFinalizerFromDealloc}). Afterwards
     * the object is live and owned by the calling thread; if the finalizer stored it somewhere its
     * count stays above one (resurrected), else the deallocator drops this reference with
     * {@link #decref} and the count reaching zero deallocates it again. In debug mode the header was
     * poisoned by {@link #deallocate}; this restores it, so that the object's later uses are checked
     * as those of a live object.
     */
    public static void resurrect(long object) {
        Deallocators.resurrect(object);
    }

    // ---- counters ------------------------------------------------------------------------------

    /** Operation counts since start-up or the last {@link #resetCounters()}; all zero unless {@link #COUNTERS}. */
    public record Counters(long ownerOps, long sharedOps, long queued, long merged) {
    }

    public static Counters counters() {
        if (!COUNTERS) {
            return new Counters(0, 0, 0, 0);
        }
        return new Counters(OWNER_OPS.sum(), SHARED_OPS.sum(), QUEUED_OBJECTS.sum(), MERGED_OBJECTS.sum());
    }

    public static void resetCounters() {
        if (COUNTERS) {
            OWNER_OPS.reset();
            SHARED_OPS.reset();
            QUEUED_OBJECTS.reset();
            MERGED_OBJECTS.reset();
        }
    }

    // ---- slow paths ----------------------------------------------------------------------------

    /** The owner's local count reached zero (CPython's {@code _Py_MergeZeroLocalRefcount}). */
    private static void mergeZeroLocal(long object) {
        long shared = Memory.getLongAcquire(object + Header.REF_SHARED);
        if (shared == 0) {
            deallocate(object);
            return;
        }
        // tid = 0 before the shared word changes (gh-119999/gh-121794): "tid 0 => merged", and no
        // thread queues to an owner that has just given the object up.
        Memory.putLongOpaque(object + Header.TID, 0);
        long merged;
        while (true) {
            merged = (shared & ~MASK) | MERGED;
            long witness = Memory.compareAndExchangeLong(object + Header.REF_SHARED, shared, merged);
            if (witness == shared) {
                break;
            }
            shared = witness;
        }
        if (COUNTERS) MERGED_OBJECTS.increment();
        if (DEBUG && merged < 0) {
            throw new RefCountError("negative true count after the owner's last local reference", object);
        }
        if (merged == MERGED) {
            deallocate(object);
        }
    }

    /** A non-owner's decref (CPython's {@code _Py_DecRefShared}). */
    static void decrefShared(long object) {
        if (COUNTERS) SHARED_OPS.increment();
        long shared = Memory.getLongVolatile(object + Header.REF_SHARED);
        boolean queue;
        long updated;
        while (true) {
            if (DEBUG && (shared & MASK) == MERGED && shared >> Header.SHARED_SHIFT <= 0) {
                throw new RefCountError("decref of a merged object whose count is already zero (double decref or freed)", object);
            }
            queue = shared == 0 || shared == MAYBE_WEAKREF;
            // Queuing does not subtract: the owner's queue takes this reference over.
            updated = queue ? QUEUED : shared - ONE;
            long witness = Memory.compareAndExchangeLong(object + Header.REF_SHARED, shared, updated);
            if (witness == shared) {
                break;
            }
            shared = witness;
        }
        if (queue) {
            MergeQueues.queueObject(object);
        } else if (updated == MERGED) {
            deallocate(object);
        }
    }




    private static void decrefAtomicMode(long object) {
        if (COUNTERS) SHARED_OPS.increment();
        long previous = Memory.getAndAddLong(object + Header.REF_SHARED, -ONE);
        if (previous == (ONE | MERGED)) {
            deallocate(object);
        } else if (DEBUG && (previous & MASK) == MERGED && previous >> Header.SHARED_SHIFT <= 0) {
            throw new RefCountError("decref of an object whose count is already zero (double decref or freed)", object);
        }
    }




    private static void checkLive(long object, String operation, long self) {
        if (self != currentTid()) {
            throw new IllegalArgumentException(operation + " with self tid " + self + " on a thread whose tid is "
                    + currentTid() + "; pass RefCount.currentTid()");
        }
        long tid = Memory.getLongOpaque(object + Header.TID);
        if (tid == FREED_TID) {
            throw new RefCountError(operation + " of a freed object", object);
        }
        int local = Memory.getIntOpaque(object + Header.REF_LOCAL);
        if (local == IMMORTAL) {
            return;
        }
        long shared = Memory.getLongVolatile(object + Header.REF_SHARED);
        if (tid == 0 && local == 0 && shared == 0) {
            throw new RefCountError(operation + " of an object that was never initialised (zero header)", object);
        }
        if ((shared & MASK) == MERGED && tid == 0 && local == 0 && shared >> Header.SHARED_SHIFT <= 0) {
            throw new RefCountError(operation + " of a dead object (merged count " + (shared >> Header.SHARED_SHIFT) + ")", object);
        }
    }

    private static Mode parseMode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dftmem.refcount.mode=" + value + " is not one of BIASED, ATOMIC", e);
        }
    }
}
