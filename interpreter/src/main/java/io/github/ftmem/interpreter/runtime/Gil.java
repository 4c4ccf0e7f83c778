package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;

/**
 * The global interpreter lock of {@code PYTHON_GIL=1} / {@code -X gil=1}, built like CPython's
 * {@code ceval_gil.c}: at most one thread runs Python code; a thread that has waited a switch interval
 * asks the holder to drop it, and the holder, at its next safepoint, drops it and waits until another
 * thread has taken it (forced switching), so the requester is not overtaken by the holder again.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>Fields (all guarded by this object's monitor)</caption>
 *   <tr><th>field</th><th>meaning</th><th>written by</th></tr>
 *   <tr><td>{@code holder}</td><td>the thread that holds the GIL, or null</td><td>the acquirer (null → it);
 *       the holder (it → null)</td></tr>
 *   <tr><td>{@code switches}</td><td>number of acquisitions so far; a waiter that sees it unchanged after a
 *       whole interval knows the holder kept the GIL that long</td><td>the acquirer</td></tr>
 *   <tr><td>{@code waiters}</td><td>threads inside {@link #acquire}</td><td>each waiter, on entry and exit</td></tr>
 * </table>
 * Invariant: {@code holder != null} exactly while a thread is between its {@link #acquire} and its next
 * {@link #release}; only the holder is ATTACHED and runs Python code (the interpreter releases the GIL
 * before every detach and takes it before every attach: {@link #beforeBlocking}, {@link #afterBlocking}).
 * A thread waits for the GIL detached, so a stop-the-world requested by anyone never waits for it; the
 * drop request is the pending-work bit {@link #DROP_REQUEST} of the holder's {@link ThreadState} (set with
 * the core's atomic OR, handled at the holder's next poll by {@link #dropRequested}).
 * {@code Gil_01_OneHolder} and {@code Gil_02_DropRequestHonoured} (stress-tests) check it.
 */
public final class Gil {
    /** The holder's pending-work bit: another thread has waited a whole switch interval. */
    public static final int DROP_REQUEST = 1 << 3;

    private ThreadState holder;
    private long switches;
    private int waiters;
    /** The switch interval in nanoseconds ({@code sys.setswitchinterval}); plain reads may see a new value late. */
    private volatile long intervalNanos = 5_000_000;

    /** Installs the drop-request handler (once per process; it finds the runtime's GIL when it runs). */
    static void installHandler() {
        RuntimeThreads.setPendingHandler(DROP_REQUEST, state -> {
            Runtime rt = Runtime.current();
            if (rt != null && rt.gil != null) {
                rt.gil.dropRequested(state);
            }
        });
    }

    public double switchInterval() {
        return intervalNanos / 1e9;
    }

    public void setSwitchInterval(double seconds) {
        intervalNanos = Math.max(1_000, (long) (seconds * 1e9));
    }

    /** Whether {@code thread} holds the GIL now. */
    public synchronized boolean isHeldBy(ThreadState thread) {
        return holder == thread;
    }

    /**
     * Takes the GIL for {@code self}, which must be DETACHED (so a stopped world never waits for it),
     * waiting as long as needed; after each whole interval in which the holder kept it, sets the
     * holder's drop request.
     */
    public void acquire(ThreadState self) {
        assert !self.isAttached() : "the GIL is taken detached";
        boolean interrupted = false;
        synchronized (this) {
            waiters++;
            try {
                while (holder != null) {
                    long seen = switches;
                    long deadline = System.nanoTime() + intervalNanos;
                    long left = intervalNanos;
                    while (holder != null && switches == seen && left > 0) {
                        try {
                            wait(left / 1_000_000, (int) (left % 1_000_000));
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                        left = deadline - System.nanoTime();
                    }
                    if (holder != null && switches == seen) {
                        holder.requestWork(DROP_REQUEST);
                    }
                }
                holder = self;
                switches++;
                notifyAll();
            } finally {
                waiters--;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the GIL up; {@code self} must hold it. */
    public synchronized void release(ThreadState self) {
        if (holder != self) {
            throw new IllegalStateException("GIL released by " + self + " but held by " + holder);
        }
        holder = null;
        notifyAll();
    }

    /**
     * The holder's answer to a drop request, at its safepoint (attached, holding the GIL): detach, give
     * the GIL up, wait until another thread has taken it (if one is waiting), take it back, attach.
     */
    public void dropRequested(ThreadState self) {
        synchronized (this) {
            if (holder != self || waiters == 0) {
                return;
            }
        }
        GilSwitchEvent event = new GilSwitchEvent();
        event.begin();
        self.detach();
        boolean interrupted = false;
        synchronized (this) {
            event.waiters = waiters;
            long seen = switches;
            holder = null;
            notifyAll();
            while (switches == seen && waiters > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        acquire(self);
        event.commit();
        self.attach();
        Runtime rt = Runtime.current();
        if (rt != null && rt.finalizing) {
            ThreadModule.freezeIfFinalizing(self);
        }
    }

    // ---- the interpreter's blocking calls ----------------------------------------------------------

    /**
     * Before a call that may block (a lock, a sleep, a join, a hand-off): gives the GIL up if the runtime
     * has one, then detaches. Pair with {@link #afterBlocking}.
     */
    static void beforeBlocking(ThreadState self) {
        Gil gil = ofCurrentRuntime();
        if (gil != null) {
            gil.release(self);
        }
        self.detach();
    }

    /** After the blocking call: takes the GIL (still detached) if the runtime has one, then attaches. */
    static void afterBlocking(ThreadState self) {
        Runtime rt = Runtime.current();
        Gil gil = rt == null ? null : rt.gil;
        if (gil != null) {
            gil.acquire(self);
        }
        self.attach();
        if (rt != null && rt.finalizing) {
            ThreadModule.freezeIfFinalizing(self);
        }
    }

    /** The current runtime's GIL, or null (free-threaded, or no runtime: the library's own tests). */
    static Gil ofCurrentRuntime() {
        Runtime rt = Runtime.current();
        return rt == null ? null : rt.gil;
    }

    /** Gives the GIL up if {@code self} holds it (a thread's last step before it unregisters). */
    static void releaseIfHeld(ThreadState self) {
        Gil gil = ofCurrentRuntime();
        if (gil != null && gil.isHeldBy(self)) {
            gil.release(self);
        }
    }
}
