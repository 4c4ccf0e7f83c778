package io.github.ftmem.core.threads;

import io.github.ftmem.core.Memory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's view of one registered Java thread: a small id, a state word and a pending-work word.
 *
 * <h2>Implementation notes</h2>
 * A thread may touch runtime objects only while ATTACHED. Many threads can be attached at once; a
 * stop-the-world ({@link World}) needs every other thread SUSPENDED.
 *
 * <table>
 *   <caption>State transitions</caption>
 *   <tr><th>from</th><th>to</th><th>by</th><th>how</th></tr>
 *   <tr><td>DETACHED</td><td>ATTACHED</td><td>the thread ({@link #attach})</td><td>CAS</td></tr>
 *   <tr><td>ATTACHED</td><td>DETACHED</td><td>the thread ({@link #detach})</td><td>volatile store</td></tr>
 *   <tr><td>ATTACHED</td><td>SUSPENDED</td><td>the thread, at a poll that finds PLEASE_STOP while a stop
 *       is requested</td><td>volatile store</td></tr>
 *   <tr><td>DETACHED</td><td>SUSPENDED</td><td>the stop requester</td><td>CAS</td></tr>
 *   <tr><td>SUSPENDED</td><td>DETACHED</td><td>the stop requester ({@link World#start})</td>
 *       <td>volatile store, then unpark</td></tr>
 * </table>
 *
 * <p>The two CASes out of DETACHED are the heart of the protocol: a thread that attaches while a stop
 * is being requested either wins (it is ATTACHED, so the requester asks it to stop and waits for it)
 * or loses (it finds SUSPENDED and parks in {@link #attach} until the world starts). A thread
 * registered while a stop is requested starts SUSPENDED, under the registry lock the requester scans
 * with.
 *
 * <table>
 *   <caption>Pending-work bits (any thread sets them with an atomic OR; the thread clears them)</caption>
 *   <tr><th>bit</th><th>name</th><th>handled by</th></tr>
 *   <tr><td>0x1</td><td>PLEASE_STOP</td><td>core: suspend until the world starts</td></tr>
 *   <tr><td>0x2</td><td>EXPLICIT_MERGE</td><td>a handler (refcount merges its queue)</td></tr>
 *   <tr><td>0x4</td><td>GC_SCHEDULED</td><td>a handler (the collector runs)</td></tr>
 *   <tr><td>0x8 and up</td><td>user bits</td><td>handlers set with {@link RuntimeThreads#setPendingHandler}</td></tr>
 * </table>
 *
 * <p>{@link #poll()} is one opaque load of {@code pending} and a branch. Opaque is enough: a bit set by
 * another thread becomes visible to the poller eventually, and the handlers that then run use atomic
 * read-modify-writes that synchronise with the setter.
 *
 * <p><b>Quiescent states.</b> The word {@code qsbrSeq} is this thread's QSBR read sequence (see
 * {@link Quiescence}): only this thread writes it. {@link #poll()} first copies the global write
 * sequence into it (an acquire load and a release store: a plain load and a plain store on x86), so
 * every poll is a quiescent state; attach stores the write sequence with a volatile store and a full
 * fence; detach and self-suspension store {@link Quiescence#OFFLINE} with a release store before the
 * state word leaves ATTACHED; a dead thread forced SUSPENDED by the stop requester is set OFFLINE by
 * the requester.
 */
public final class ThreadState {

    public static final int DETACHED = 0;
    public static final int ATTACHED = 1;
    public static final int SUSPENDED = 2;

    public static final int PLEASE_STOP = 1;
    public static final int EXPLICIT_MERGE = 1 << 1;
    public static final int GC_SCHEDULED = 1 << 2;

    static final int MAX_ATTACHMENTS = 32;

    private static final VarHandle STATE;
    private static final VarHandle PENDING;
    private static final VarHandle QSBR_SEQ;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(ThreadState.class, "state", int.class);
            PENDING = lookup.findVarHandle(ThreadState.class, "pending", int.class);
            QSBR_SEQ = lookup.findVarHandle(ThreadState.class, "qsbrSeq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int id;
    private final Thread thread;
    @SuppressWarnings("unused") // accessed through STATE
    private int state;
    @SuppressWarnings("unused") // accessed through PENDING
    private int pending;
    @SuppressWarnings("unused") // accessed through QSBR_SEQ; written only by this state's thread (and the reaper)
    private long qsbrSeq;
    private final AtomicReferenceArray<Object> attachments = new AtomicReferenceArray<>(MAX_ATTACHMENTS);
    /** Set once the thread has unregistered (or been reaped); guarded by the registry lock. */
    boolean exited;

    ThreadState(int id, Thread thread, int initialState) {
        this.id = id;
        this.thread = thread;
        STATE.setRelease(this, initialState);
    }

    /** The runtime-thread id: small, non-zero, unique among registered threads. */
    public int id() {
        return id;
    }

    public Thread thread() {
        return thread;
    }

    /** DETACHED, ATTACHED or SUSPENDED (volatile read). */
    public int state() {
        return (int) STATE.getVolatile(this);
    }

    public boolean isAttached() {
        return state() == ATTACHED;
    }

    /** The pending-work word (volatile read). */
    public int pendingWork() {
        return (int) PENDING.getVolatile(this);
    }

    /** Whether this thread has unregistered. */
    public boolean hasExited() {
        synchronized (RuntimeThreads.REGISTRY_LOCK) {
            return exited;
        }
    }

    /** The thread's QSBR read sequence: the write sequence at its last quiescent state, 0 while detached (acquire). */
    public long quiescentSequence() {
        return (long) QSBR_SEQ.getAcquire(this);
    }

    /**
     * A safepoint: reports a quiescent state (this thread holds no pointer into memory retired through
     * QSBR from before this call), then handles pending work, if any. Call only on this state's own
     * thread, attached, at a point where it holds no unprotected pointer into shared storage.
     */
    public void poll() {
        if (Quiescence.POLL_REPORTS) {
            // Acquire: the thread's later loads of shared slots see every unpublish made before the
            // advance it observed. Release: its earlier reads of retired storage are done before a
            // scanner can see the new sequence and free that storage. Both are plain moves on x86.
            // The store is skipped while the write sequence has not moved (plain read of this
            // thread's own word): storing the same value reports nothing new, and not writing keeps
            // the cache line of this state from bouncing between cores when states sit side by side.
            long sequence = Memory.getLongAcquire(Quiescence.WRITE_SEQ);
            if ((long) QSBR_SEQ.get(this) != sequence) {
                QSBR_SEQ.setRelease(this, sequence);
            }
        }
        if ((int) PENDING.getOpaque(this) != 0) {
            handlePending();
        }
    }

    /**
     * Reports a quiescent state without handling pending work (for code that must not run handlers
     * here). Same contract as {@link #poll()}.
     */
    public void quiescent() {
        QSBR_SEQ.setRelease(this, Memory.getLongAcquire(Quiescence.WRITE_SEQ));
    }

    /** Sets pending-work bits; any thread. The owner handles them at its next {@link #poll()}. */
    public void requestWork(int bits) {
        PENDING.getAndBitwiseOr(this, bits);
    }

    /**
     * Makes this thread ATTACHED. If the world is stopped, blocks until it starts. Runs the attach
     * listeners afterwards.
     */
    public void attach() {
        checkOwnThread("attach");
        if (state() == ATTACHED) {
            throw new IllegalStateException("runtime thread " + id + " (" + thread.getName() + ") is already attached");
        }
        attachBlocking();
        RuntimeThreads.fireAttach(this);
    }

    /**
     * Makes this thread DETACHED: it promises not to touch runtime objects until it attaches again,
     * so a stop-the-world can proceed without it. Runs the detach listeners first.
     */
    public void detach() {
        checkOwnThread("detach");
        if (state() != ATTACHED) {
            throw new IllegalStateException("runtime thread " + id + " (" + thread.getName() + ") is not attached");
        }
        RuntimeThreads.fireDetach(this);
        goOffline();
        STATE.setVolatile(this, DETACHED);
        World.onThreadDetached();
    }

    public <T> T get(RuntimeThreads.Key<T> key) {
        return key.type().cast(attachments.getAcquire(key.index()));
    }

    public <T> void set(RuntimeThreads.Key<T> key, T value) {
        attachments.setRelease(key.index(), value);
    }

    @Override
    public String toString() {
        return "ThreadState[id=" + id + ", thread=" + thread.getName() + ", state=" + stateName(state()) + "]";
    }

    public static String stateName(int state) {
        return switch (state) {
            case DETACHED -> "DETACHED";
            case ATTACHED -> "ATTACHED";
            case SUSPENDED -> "SUSPENDED";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    // ---- slow paths and requester-side operations ----------------------------------------------

    private void handlePending() {
        int bits = (int) PENDING.getVolatile(this);
        if ((bits & PLEASE_STOP) != 0) {
            PENDING.getAndBitwiseAnd(this, ~PLEASE_STOP);
            if (World.isStopRequested()) {
                suspendForStop();
                // Work requested while the world was stopped runs now, before the thread goes on.
                bits = (int) PENDING.getVolatile(this);
            }
        }
        for (int bit = 1; bit != 0; bit <<= 1) {
            if (bit == PLEASE_STOP || (bits & bit) == 0) {
                continue;
            }
            PENDING.getAndBitwiseAnd(this, ~bit);
            RuntimeThreads.runPendingHandler(bit, this);
        }
    }

    private void suspendForStop() {
        RuntimeThreads.fireDetach(this);
        goOffline();
        STATE.setVolatile(this, SUSPENDED);
        World.onThreadDetached();
        attachBlocking();
        RuntimeThreads.fireAttach(this);
    }

    private void attachBlocking() {
        boolean interrupted = false;
        while (!STATE.compareAndSet(this, DETACHED, ATTACHED)) {
            while (state() == SUSPENDED) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        }
        goOnline();
        if (interrupted) {
            thread.interrupt();
        }
    }

    /**
     * QSBR attach: publish the current write sequence. A scanner that read OFFLINE here skips this
     * thread, so the store and this thread's later loads of shared slots must not be reordered
     * (volatile store, then a full fence; pairs with the scanner's fence before it reads the
     * sequences): either the scanner sees the new sequence, or this thread sees the writer's unpublish.
     */
    private void goOnline() {
        QSBR_SEQ.setVolatile(this, Memory.getLongAcquire(Quiescence.WRITE_SEQ));
        VarHandle.fullFence();
    }

    /** QSBR detach: release, so every read of retired storage this thread made is done before a scanner skips it. */
    private void goOffline() {
        QSBR_SEQ.setRelease(this, Quiescence.OFFLINE);
    }

    /** Requester: DETACHED → SUSPENDED. Returns false if the thread attached first. */
    boolean trySuspendDetached() {
        return STATE.compareAndSet(this, DETACHED, SUSPENDED);
    }

    /** Requester: marks a dead thread suspended, whatever its state was. */
    void forceSuspended() {
        QSBR_SEQ.setVolatile(this, Quiescence.OFFLINE);
        STATE.setVolatile(this, SUSPENDED);
    }

    /** Requester, at start: SUSPENDED → DETACHED, then wake the thread if it waits in attach. */
    void release() {
        if (STATE.compareAndSet(this, SUSPENDED, DETACHED)) {
            LockSupport.unpark(thread);
        }
    }

    private void checkOwnThread(String operation) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("cannot " + operation + " runtime thread " + id + " (" + thread.getName()
                    + ") from thread " + Thread.currentThread().getName() + "; only the thread itself may");
        }
    }
}
