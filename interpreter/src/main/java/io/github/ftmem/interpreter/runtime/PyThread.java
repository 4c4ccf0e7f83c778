package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.RootScanner;

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
        if (v == 0 || io.github.ftmem.refcount.RefCount.isImmortal(v)) {
            return v;
        }
        current().keep(v);
        return v;
    }

    private void keep(long v) {
        Heap.incref(v);
        if (borrowedTop == borrowed.length) {
            borrowed = java.util.Arrays.copyOf(borrowed, borrowedTop * 2);
        }
        borrowed[borrowedTop++] = v;
    }

    /** A safepoint of this thread: drops the borrowed values' references, then polls the runtime thread. */
    void safepoint() {
        if (borrowedTop != 0) {
            releaseBorrowed();
        }
        thread.poll();
    }

    /** Drops the references {@link #borrow} took (at a safepoint, or when the thread stops running Python). */
    void releaseBorrowed() {
        while (borrowedTop > 0) {
            long v = borrowed[--borrowedTop];
            borrowed[borrowedTop] = 0;
            Heap.decref(v);
        }
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
        }
        return visited;
    }
}
