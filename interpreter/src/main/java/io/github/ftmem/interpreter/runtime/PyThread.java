package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.RootScanner;
import io.github.ftmem.refcount.RefCount;

/**
 * The interpreter's part of one runtime thread (CPython's {@code PyThreadState.current_frame} and
 * recursion depth): the innermost running {@link Interp.Frame} of the thread, whose {@code back} links
 * lead to the outermost one, and the Python call depth. It lives in the thread's {@link ThreadState}
 * under {@link #KEY}, so the collector's root scanner ({@link #scanner}) finds the frames of every
 * thread that runs Python code — the main interpreter thread, generator threads, any later thread —
 * by enumerating the registered runtime threads.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>written by</th><th>mode</th><th>read by</th></tr>
 *   <tr><td>{@code ThreadState} slot {@link #KEY}</td><td>the thread, once per run ({@link #current})</td>
 *       <td>release ({@code ThreadState.set})</td><td>the thread; the scanner, world stopped (acquire)</td></tr>
 *   <tr><td>{@link #frame}, {@link #depth}</td><td>the thread, at every call and return</td><td>plain</td>
 *       <td>the thread; the scanner, world stopped</td></tr>
 *   <tr><td>{@code Frame.back}, {@code Frame.function}, {@code Frame.stackRefs}, {@code Frame.stackTop}</td>
 *       <td>the frame's thread</td><td>plain</td><td>the thread; the scanner, world stopped</td></tr>
 *   <tr><td>{@code Frame.thread}</td><td>the thread that links the frame on its chain (for a generator's
 *       frame, the generator's thread before it runs the body)</td><td>plain</td><td>that thread only
 *       (calls from the frame use it instead of a thread-local lookup)</td></tr>
 * </table>
 *
 * <p>Why plain stores are enough: the scanner runs only while the world is stopped. Every other runtime
 * thread is then SUSPENDED, which it became either by its own volatile store of SUSPENDED/DETACHED
 * (at a safepoint poll or a detach) after its last plain frame store, or by the requester's CAS
 * from DETACHED, which reads the thread's earlier volatile store of DETACHED. The requester reads
 * that state with a volatile load before it scans, so every frame store the thread made before
 * stopping happens-before the scan (JLS 17.4.5: volatile write → volatile read of the same variable).
 * A thread changes its frames only while ATTACHED and never between a plain store and the next
 * safepoint in a way that leaves them inconsistent at the safepoint: a push writes the slot, then the
 * top; a call links {@code back} before it publishes the new top frame. The collecting thread's own
 * frames are read in program order. Threads that attach again after the world starts see the
 * collector's writes through the same handshake in the other direction.
 *
 * <p>Which references are uncounted (CPython's tagged {@code _PyStackRef}s): a frame's {@code function}
 * when the function is deferred, and the entries {@code stackRefs[0, stackTop)}, pushed by the
 * evaluator around an operation that holds a deferred object (the callee of a call, the receiver of
 * an attribute load) instead of an incref. The scanner reports each of them once.
 */
public final class PyThread {
    static final RuntimeThreads.Key<PyThread> KEY = RuntimeThreads.newKey("interpreter.thread", PyThread.class);

    final Runtime runtime;
    final ThreadState thread;
    /** The innermost running frame of this thread, or null. Plain: see the notes. */
    Interp.Frame frame;
    /** Python calls active on this thread (recursion limit); a generator resumed here continues its caller's count. */
    int depth;
    /**
     * References this thread took for values it loaded from shared containers while {@link Heap#sharedReads}
     * ({@link #borrow}): callers use such a value as borrowed, and it stays valid until the thread's next
     * safepoint ({@link #safepoint}), where these references are dropped. Confined to the thread.
     */
    private long[] borrowed = new long[16];
    private int borrowedTop;
    /**
     * Deferred objects this thread loaded lock-free from shared containers and uses as borrowed, uncounted
     * until its next safepoint ({@link #keepTaken}); the root scanner visits them. Written by the thread,
     * read by the scanner with the world stopped (the same handshake as {@link #frame}).
     */
    private long[] uncounted = new long[16];
    private int uncountedTop;
    /** Shared-container loads of this thread without a lock and under the lock (plain; folded at its end). */
    private long lockFreeReads;
    private long lockedReads;
    /** The folded counts of this run's threads that finished ({@link #finishPython}), for {@code -X stats}. */
    private static final java.util.concurrent.atomic.AtomicLong LOCK_FREE_READS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong LOCKED_READS = new java.util.concurrent.atomic.AtomicLong();

    private PyThread(Runtime runtime, ThreadState thread) {
        this.runtime = runtime;
        this.thread = thread;
    }

    /** The calling thread's interpreter state for the current run, created on the thread's first Python call. */
    static PyThread current() {
        ThreadState ts = RuntimeThreads.current();
        PyThread t = ts.get(KEY);
        Runtime rt = Runtime.current();
        if (t == null || t.runtime != rt) {
            return install(ts, rt);
        }
        return t;
    }

    /** The calling thread's interpreter state for the current run, or null (no runtime thread, or none yet). */
    static PyThread currentOrNull() {
        ThreadState ts = RuntimeThreads.currentOrNull();
        if (ts == null) {
            return null;
        }
        PyThread t = ts.get(KEY);
        Runtime rt = Runtime.currentOrNull();
        return t != null && t.runtime == rt ? t : null;
    }

    /**
     * Keeps {@code v} (just loaded from a shared container under its lock) alive until the calling
     * thread's next safepoint, so the caller may use it as a borrowed reference although another thread
     * may drop the container's reference meanwhile. Returns {@code v}.
     */
    static long borrow(long v) {
        PyThread t = current();
        t.lockedReads++;
        if (v == 0 || RefCount.isImmortal(v)) {
            return v;
        }
        t.keep(v);
        return v;
    }

    // ---- lock-free readers ({@link Lists}, {@link Dict}) ---------------------------------------

    /** {@link #take} failed: the value may be dying; read under the container's lock. */
    static final int TAKE_FAILED = 0;
    /** {@link #take}: a counted reference was taken ({@code tryIncref}). */
    static final int TAKE_COUNTED = 1;
    /** {@link #take}: no count taken or needed — immortal, or deferred (only a collection frees it). */
    static final int TAKE_UNCOUNTED = 2;

    /**
     * What a lock-free reader takes for {@code v}, just loaded from a shared slot, before it re-checks
     * the slot: nothing for an immortal or a deferred object (CPython's {@code _Py_TryXGetStackRef}:
     * a deferred object dies only in a stop-the-world collection, which this thread's re-check
     * precedes), else a {@code tryIncref}. The header read is safe on a dead object: object pages are
     * type-stable (QSBR-tagged), and the re-check rejects a value the slot no longer holds.
     */
    static int take(long v) {
        if (RefCount.isImmortal(v) || RefCount.isDeferred(v)) {
            return TAKE_UNCOUNTED;
        }
        return RefCount.tryIncref(v) ? TAKE_COUNTED : TAKE_FAILED;
    }

    /**
     * The re-check passed: {@code v} stays valid until the calling thread's next safepoint, counted
     * ({@link #take} took a reference, dropped there) or uncounted and visible to the root scanner
     * (a deferred object this thread uses as borrowed when it runs a collection itself). Returns {@code v}.
     */
    static long keepTaken(long v, int taken) {
        PyThread t = current();
        t.lockFreeReads++;
        if (taken == TAKE_COUNTED) {
            t.keepTaken(v);
        } else if (!RefCount.isImmortal(v)) {
            if (t.uncountedTop == t.uncounted.length) {
                t.uncounted = java.util.Arrays.copyOf(t.uncounted, t.uncountedTop * 2);
            }
            t.uncounted[t.uncountedTop++] = v;
        }
        return v;
    }

    /** The re-check failed: gives back what {@link #take} took. */
    static void untake(long v, int taken) {
        if (taken == TAKE_COUNTED) {
            Heap.decref(v);
        }
    }

    private void keepTaken(long v) {
        if (borrowedTop == borrowed.length) {
            borrowed = java.util.Arrays.copyOf(borrowed, borrowedTop * 2);
        }
        borrowed[borrowedTop++] = v;
    }

    private void keep(long v) {
        Heap.incref(v);
        keepTaken(v);
    }

    /** A safepoint of this thread: drops the borrowed values' references, then polls the runtime thread. */
    void safepoint() {
        if (borrowedTop != 0) {
            releaseBorrowed();
        }
        uncountedTop = 0;
        thread.poll();
    }

    /** Drops the references {@link #borrow} took (at a safepoint, or when the thread stops running Python). */
    /**
     * The thread stops running Python code (its end, or the main program's): drops the borrowed values
     * and adds its shared-read counts to the run's.
     */
    void finishPython() {
        releaseBorrowed();
        LOCK_FREE_READS.addAndGet(lockFreeReads);
        LOCKED_READS.addAndGet(lockedReads);
        lockFreeReads = 0;
        lockedReads = 0;
    }

    /** A new run counts from zero. */
    static void resetSharedReadCounts() {
        LOCK_FREE_READS.set(0);
        LOCKED_READS.set(0);
    }

    /** Shared-container loads by finished threads: {lock-free, under the container's lock}. */
    static long[] sharedReadCounts() {
        return new long[] {LOCK_FREE_READS.get(), LOCKED_READS.get()};
    }

    void releaseBorrowed() {
        while (borrowedTop > 0) {
            long v = borrowed[--borrowedTop];
            borrowed[borrowedTop] = 0;
            Heap.decref(v);
        }
        uncountedTop = 0;
    }

    private static PyThread install(ThreadState ts, Runtime rt) {
        PyThread t = new PyThread(rt, ts);
        ts.set(KEY, t);
        return t;
    }

    /**
     * The collector's root scanner for {@code runtime}: with the world stopped, visits every uncounted
     * reference of every frame of every registered thread running Python code for that runtime.
     */
    static RootScanner scanner(Runtime runtime) {
        return visitor -> runtime.deferredRootsAtLastScan = scan(runtime, visitor);
    }

    /** Visits the uncounted references of {@code runtime}'s frames; returns how many it visited. World stopped. */
    static int scan(Runtime runtime, ObjectVisitor visitor) {
        assert World.isStopped() : "the frames of other threads are read only while the world is stopped";
        int visited = 0;
        for (ThreadState ts : RuntimeThreads.registered()) {
            PyThread t = ts.get(KEY);
            if (t == null || t.runtime != runtime) {
                continue;
            }
            for (Interp.Frame f = t.frame; f != null; f = f.back) {
                visited += f.visitUncounted(visitor);
            }
            for (int i = 0; i < t.uncountedTop; i++) {
                visitor.visit(t.uncounted[i]);
                visited++;
            }
        }
        return visited;
    }
}
