package io.github.ftmem.core.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop-the-world and start-the-world over the registered runtime threads, with CPython's semantics.
 *
 * <h2>Implementation notes</h2>
 * <ol>
 *   <li>{@link #stop()} takes {@code STOP_LOCK}, so there is one stop at a time. A requester that is
 *       itself attached detaches while it waits for the lock, so it cannot stall the stop it waits
 *       behind.</li>
 *   <li>Under the registry lock it sets {@code requested}, then scans every other thread: DETACHED ones
 *       it CASes to SUSPENDED itself; ATTACHED ones it asks to stop (PLEASE_STOP); SUSPENDED ones are
 *       done. A registered thread whose Java thread has died counts as stopped and is reaped at start.
 *       If some thread is still attached it parks for up to 1 ms (threads that suspend or detach
 *       unpark it) and scans again.</li>
 *   <li>When no other thread is ATTACHED or DETACHED the world is stopped: {@code stopped} is set and
 *       the requester has the runtime to itself.</li>
 *   <li>{@link #start()} runs the exit listeners of reaped threads (still stopped), then clears
 *       {@code requested}/{@code stopped} and moves every SUSPENDED thread to DETACHED, unparking it;
 *       threads that were attached re-attach on their own. Between the two it runs the stopped-world
 *       listeners ({@link #addStoppedListener}), still stopped: QSBR reclaims every delayed free there.</li>
 * </ol>
 * {@code requested} and {@code stopped} are volatile: attached threads read {@code requested} at a
 * poll or a detach without the lock, and assertions read {@code stopped} from anywhere. The
 * statistics are written only by the requester while it holds {@code STOP_LOCK}.
 */
public final class World {

    private static final long RESCAN_NANOS = 1_000_000;
    private static final ReentrantLock STOP_LOCK = new ReentrantLock();

    private static volatile boolean requested;
    private static volatile boolean stopped;
    private static volatile Thread requester;
    private static final List<ThreadState> REAPED = new ArrayList<>();
    private static final CopyOnWriteArrayList<Runnable> STOPPED_LISTENERS = new CopyOnWriteArrayList<>();

    private static long requestedAtNanos;
    /** The JFR event of the current pause; like {@code requestedAtNanos}, touched only under the stop lock. */
    private static WorldStopEvent pauseEvent;
    private static volatile long stops;
    private static volatile long lastTimeToStopNanos;
    private static volatile long lastPauseNanos;
    private static volatile long maxPauseNanos;
    private static volatile long totalPauseNanos;

    private World() {
    }

    /** Whether the world is stopped (for assertions: {@code assert World.isStopped()}). */
    public static boolean isStopped() {
        return stopped;
    }

    /** Whether the world is stopped and the calling thread stopped it. */
    public static boolean isStoppedByCurrentThread() {
        return stopped && requester == Thread.currentThread();
    }

    /** Whether a stop has been requested and not yet ended by {@link #start()}. */
    public static boolean isStopRequested() {
        return requested;
    }

    /**
     * Stops every other registered thread: when this returns, no other thread is ATTACHED and none
     * can attach until {@link #start()}. The caller may be unregistered, detached or attached.
     *
     * @throws IllegalStateException if the calling thread has already stopped the world
     */
    public static void stop() {
        if (requester == Thread.currentThread()) {
            throw new IllegalStateException("the world is already stopped by this thread (" + Thread.currentThread().getName()
                    + "); stops do not nest");
        }
        ThreadState self = RuntimeThreads.currentOrNull();
        acquireStopLock(self);
        WorldStopEvent event = new WorldStopEvent();
        event.begin();
        long begin = System.nanoTime();
        requestedAtNanos = begin;
        synchronized (RuntimeThreads.REGISTRY_LOCK) {
            requester = Thread.currentThread();
            requested = true;
        }
        while (!suspendOthers(self)) {
            LockSupport.parkNanos(World.class, RESCAN_NANOS);
        }
        stopped = true;
        lastTimeToStopNanos = System.nanoTime() - begin;
        event.timeToStop = lastTimeToStopNanos;
        pauseEvent = event;
    }

    /** Restarts the world stopped by the calling thread. */
    public static void start() {
        if (!isStoppedByCurrentThread()) {
            throw new IllegalStateException("start() called by " + Thread.currentThread().getName()
                    + ", which has not stopped the world");
        }
        reapDeadThreads();
        for (Runnable listener : STOPPED_LISTENERS) {
            listener.run();
        }
        synchronized (RuntimeThreads.REGISTRY_LOCK) {
            stopped = false;
            requested = false;
            requester = null;
            for (ThreadState state : RuntimeThreads.registeredLocked()) {
                state.release();
            }
        }
        long pause = System.nanoTime() - requestedAtNanos;
        lastPauseNanos = pause;
        totalPauseNanos += pause;
        if (pause > maxPauseNanos) {
            maxPauseNanos = pause;
        }
        stops++;
        WorldStopEvent event = pauseEvent;
        pauseEvent = null;
        if (event != null && event.shouldCommit()) {
            event.threads = RuntimeThreads.registered().size();
            event.commit();
        }
        STOP_LOCK.unlock();
    }

    /**
     * Adds a listener run at every {@link #start()}, on the thread that stopped the world, while the
     * world is still stopped (after the exit listeners of reaped threads): every other thread is
     * SUSPENDED, so the listener may touch any thread's per-thread data. It must not block, stop the
     * world or throw.
     */
    public static void addStoppedListener(Runnable listener) {
        STOPPED_LISTENERS.add(Objects.requireNonNull(listener));
    }

    public static boolean removeStoppedListener(Runnable listener) {
        return STOPPED_LISTENERS.remove(listener);
    }

    /** Number of completed stop/start pairs. */
    public static long stops() {
        return stops;
    }

    /** Request to all-stopped time of the last stop, in nanoseconds. */
    public static long lastTimeToStopNanos() {
        return lastTimeToStopNanos;
    }

    /** Request to start time of the last stop/start pair, in nanoseconds. */
    public static long lastPauseNanos() {
        return lastPauseNanos;
    }

    public static long maxPauseNanos() {
        return maxPauseNanos;
    }

    public static long totalPauseNanos() {
        return totalPauseNanos;
    }

    /** Called by a thread that just detached or suspended itself: the requester may be waiting on it. */
    static void onThreadDetached() {
        if (requested) {
            Thread waiting = requester;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    private static void acquireStopLock(ThreadState self) {
        if (STOP_LOCK.tryLock()) {
            return;
        }
        if (self != null && self.isAttached()) {
            self.detach();
            STOP_LOCK.lock();
            self.attach();
        } else {
            STOP_LOCK.lock();
        }
    }

    /** One scan; returns whether every other thread is now SUSPENDED. */
    private static boolean suspendOthers(ThreadState self) {
        boolean all = true;
        synchronized (RuntimeThreads.REGISTRY_LOCK) {
            for (ThreadState state : RuntimeThreads.registeredLocked()) {
                if (state != self && !suspend(state)) {
                    all = false;
                }
            }
        }
        return all;
    }

    private static boolean suspend(ThreadState state) {
        while (true) {
            switch (state.state()) {
                case ThreadState.SUSPENDED:
                    return true;
                case ThreadState.DETACHED:
                    if (state.trySuspendDetached()) {
                        if (!state.thread().isAlive()) {
                            REAPED.add(state);
                        }
                        return true;
                    }
                    break;
                default:
                    if (!state.thread().isAlive()) {
                        state.forceSuspended();
                        REAPED.add(state);
                        return true;
                    }
                    state.requestWork(ThreadState.PLEASE_STOP);
                    return false;
            }
        }
    }

    private static void reapDeadThreads() {
        for (ThreadState dead : REAPED) {
            RuntimeThreads.fireExit(dead);
            RuntimeThreads.remove(dead);
        }
        REAPED.clear();
    }
}
