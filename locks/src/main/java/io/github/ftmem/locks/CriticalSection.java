package io.github.ftmem.locks;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Per-object critical sections with CPython's semantics ({@code Py_BEGIN_CRITICAL_SECTION}): lock an
 * object's header mutex (or any {@link Mutex} word) for the duration of an operation, without ever
 * deadlocking on lock order.
 *
 * <pre>{@code
 * CriticalSection.begin2(list, other);
 * try {
 *     ... mutate both ...
 * } finally {
 *     CriticalSection.end();
 * }
 * }</pre>
 *
 * <h2>The guarantee</h2>
 * <ul>
 *   <li><b>No lock-order deadlock</b> among locks taken through critical sections. A thread never waits
 *       for a mutex while holding critical-section locks, with one exception: a two-object section
 *       waiting for its higher-address mutex holds its lower one. Every wait therefore points from a
 *       lower held address to a higher awaited one, and no cycle can form. Before waiting, a thread
 *       suspends every section it has (releases their locks); nesting {@code begin(a)} then
 *       {@code begin(b)} cannot deadlock against {@code begin(b)} then {@code begin(a)}.</li>
 *   <li><b>Exclusive only between blocking points.</b> Only the top (innermost) section is guaranteed
 *       to hold its locks. When the thread blocks — waits for a contended mutex, parks on the
 *       {@link ParkingLot}, detaches from the runtime, or calls {@link #suspendAll()} — all its sections
 *       are released, and other threads may lock and change those objects; when it continues, only the
 *       top section is re-acquired, outer ones when they become the top again ({@link #end()}). To hold
 *       two objects at once use {@link #begin2}; nesting does not do it.</li>
 *   <li><b>Re-entry</b>: beginning a section on an object the top section already holds locks nothing
 *       (it aliases the top section); on an object held by an outer section, the thread first suspends
 *       its sections, then locks.</li>
 *   <li><b>Stopped world</b>: in the thread that stopped the world, a section whose mutex is locked by
 *       someone else locks nothing (that owner is suspended, possibly after a fairness hand-off, and
 *       cannot release it: CPython gh-144513); the stop itself provides exclusion. End such sections
 *       before {@code World.start()}.</li>
 *   <li>Mutexes locked directly with {@link Mutex#lock} are not released at blocking points and get no
 *       deadlock avoidance.</li>
 * </ul>
 *
 * <h2>Implementation notes</h2>
 * Each thread has a {@code Stack} (a {@link ThreadLocal}, touched only by its own thread, so plain
 * fields): parallel arrays of the lower and higher mutex address (0 = none) and a flags word per
 * section. The stack always reads, from the top down: at most one ACQUIRING section, then ACTIVE ones,
 * then SUSPENDED ones.
 *
 * <table>
 *   <caption>Section states (low two flag bits); OWNS_FIRST / OWNS_SECOND say which mutexes it locked</caption>
 *   <tr><th>state</th><th>holds</th><th>entered by</th></tr>
 *   <tr><td>ACTIVE</td><td>its owned mutexes (an alias owns none: the section below holds them)</td>
 *       <td>begin (fast path or after acquiring); resume after acquiring</td></tr>
 *   <tr><td>SUSPENDED</td><td>nothing</td><td>suspendAll: releases owned mutexes of every ACTIVE
 *       section</td></tr>
 *   <tr><td>ACQUIRING</td><td>the owned mutexes acquired so far (at most the lower one while it waits
 *       for the higher)</td><td>a slow begin, or resume of a SUSPENDED top; suspendAll skips it and
 *       resume leaves it to the acquisition in progress</td></tr>
 * </table>
 *
 * <p>The interplay with parking: a contended {@code begin} pushes an ACQUIRING section and calls the
 * mutex slow path; parking detaches the thread, whose detach listener suspends the ACTIVE sections
 * below (skipping the ACQUIRING one); on waking the thread re-attaches and the attach listener's resume
 * finds the ACQUIRING top and does nothing; the slow path then completes and marks the section ACTIVE.
 * A resume that itself has to wait parks, detaches (nothing left to suspend) and re-attaches (the top
 * is ACQUIRING: nothing to resume), so the listeners never re-enter an acquisition and never release a
 * mutex the acquisition holds. Threads that are not registered runtime threads get the same
 * suspend/resume from {@link ParkingLot} directly.
 *
 * <p>Loading this class registers one {@link ThreadListener} with {@link RuntimeThreads} for the life
 * of the process; for a thread without sections it is one {@link ThreadLocal} lookup per detach and
 * attach.
 */
public final class CriticalSection {

    private static final int ACTIVE = 0;
    private static final int SUSPENDED = 1;
    private static final int ACQUIRING = 2;
    private static final int STATE_MASK = 0b11;
    private static final int OWNS_FIRST = 0b100;
    private static final int OWNS_SECOND = 0b1000;

    private static final ThreadLocal<Stack> STACKS = new ThreadLocal<>();

    static {
        RuntimeThreads.addListener(new ThreadListener() {
            @Override
            public void onDetach(ThreadState thread) {
                if (Thread.currentThread() == thread.thread()) {
                    suspendForBlocking();
                }
            }

            @Override
            public void onAttach(ThreadState thread) {
                if (Thread.currentThread() == thread.thread()) {
                    resumeAfterBlocking();
                }
            }
        });
    }

    /** One thread's sections; see the class notes. */
    private static final class Stack {
        long[] first = new long[8];
        long[] second = new long[8];
        int[] flags = new int[8];
        int size;

        int push(long lower, long higher, int sectionFlags) {
            if (size == flags.length) {
                first = Arrays.copyOf(first, size * 2);
                second = Arrays.copyOf(second, size * 2);
                flags = Arrays.copyOf(flags, size * 2);
            }
            first[size] = lower;
            second[size] = higher;
            flags[size] = sectionFlags;
            return size++;
        }

        boolean topHolds(long mutex) {
            int top = size - 1;
            return top >= 0 && (flags[top] & STATE_MASK) == ACTIVE && (first[top] == mutex || second[top] == mutex);
        }

        boolean ownsBelow(int index, long mutex) {
            for (int i = 0; i < index; i++) {
                if (((flags[i] & OWNS_FIRST) != 0 && first[i] == mutex)
                        || ((flags[i] & OWNS_SECOND) != 0 && second[i] == mutex)) {
                    return true;
                }
            }
            return false;
        }
    }

    private CriticalSection() {
    }

    /** Begins a section on the object whose header is at {@code object} (its {@code Header.MUTEX} word). */
    public static void begin(long object) {
        beginMutex(object + Header.MUTEX);
    }

    /** Begins a section on two objects, locking their mutexes in address order; {@code a == b} locks one. */
    public static void begin2(long a, long b) {
        begin2Mutex(a + Header.MUTEX, b + Header.MUTEX);
    }

    /** Begins a section on any {@link Mutex} word. */
    public static void beginMutex(long mutex) {
        Stack stack = stack();
        if (stack.topHolds(mutex)) {
            stack.push(mutex, 0, ACTIVE);
        } else if (Mutex.tryLockFast(mutex)) {
            stack.push(mutex, 0, ACTIVE | OWNS_FIRST);
        } else {
            beginSlow(stack, mutex, 0, 0, ParkingLot.NO_DEADLINE, false);
        }
    }

    /** Begins a section on two {@link Mutex} words, locking the lower address first. */
    public static void begin2Mutex(long a, long b) {
        if (a == b) {
            beginMutex(a);
            return;
        }
        long lower = Long.compareUnsigned(a, b) < 0 ? a : b;
        long higher = lower == a ? b : a;
        Stack stack = stack();
        if (stack.topHolds(lower) && stack.topHolds(higher)) {
            stack.push(lower, higher, ACTIVE);
        } else if (Mutex.tryLockFast(lower)) {
            if (Mutex.tryLockFast(higher)) {
                stack.push(lower, higher, ACTIVE | OWNS_FIRST | OWNS_SECOND);
            } else {
                beginSlow(stack, lower, higher, OWNS_FIRST, ParkingLot.NO_DEADLINE, false);
            }
        } else {
            beginSlow(stack, lower, higher, 0, ParkingLot.NO_DEADLINE, false);
        }
    }

    /**
     * {@link #begin2} that gives up after {@code timeout}: on failure no section is begun and the
     * thread's other sections are as {@link #begin2} would have left them (the top one held).
     *
     * @return whether the section was begun (then it must be ended)
     * @throws InterruptedException if interrupted while waiting (no section begun)
     */
    public static boolean tryBegin2(long a, long b, long timeout, TimeUnit unit) throws InterruptedException {
        long lower = Long.compareUnsigned(a, b) <= 0 ? a : b;
        long higher = lower == a ? b : a;
        long lowerMutex = lower + Header.MUTEX;
        long higherMutex = a == b ? 0 : higher + Header.MUTEX;
        Stack stack = stack();
        if (stack.topHolds(lowerMutex) && (higherMutex == 0 || stack.topHolds(higherMutex))) {
            stack.push(lowerMutex, higherMutex, ACTIVE);
            return true;
        }
        int status = beginSlow(stack, lowerMutex, higherMutex, 0,
                ParkingLot.deadlineAfter(unit.toNanos(timeout)), true);
        if (status == Mutex.INTERRUPTED) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while beginning a critical section on 0x"
                    + Long.toHexString(a) + " and 0x" + Long.toHexString(b));
        }
        return status == Mutex.ACQUIRED;
    }

    /**
     * Ends the top section: unlocks what it holds and, if the section below was suspended, re-acquires
     * it (which may block).
     *
     * @throws IllegalStateException if the thread has no section
     */
    public static void end() {
        Stack stack = STACKS.get();
        if (stack == null || stack.size == 0) {
            throw new IllegalStateException("CriticalSection.end() on thread " + Thread.currentThread().getName()
                    + " without a matching begin");
        }
        int top = stack.size - 1;
        int flags = stack.flags[top];
        if ((flags & STATE_MASK) == ACQUIRING) {
            throw new IllegalStateException("CriticalSection.end() while the top section is still being acquired");
        }
        release(stack, top);
        stack.size = top;
        if (top > 0 && (stack.flags[top - 1] & STATE_MASK) == SUSPENDED) {
            resumeTop(stack);
        }
    }

    /**
     * Suspends every section of the calling thread (releases their locks), for a caller about to block
     * on something other than a {@link Mutex} or the {@link ParkingLot}. Pair with {@link #resume()}.
     */
    public static void suspendAll() {
        Stack stack = STACKS.get();
        if (stack != null) {
            suspendAll(stack);
        }
    }

    /** Re-acquires the top section if it is suspended (may block); outer ones stay suspended. */
    public static void resume() {
        Stack stack = STACKS.get();
        if (stack != null) {
            resumeTop(stack);
        }
    }

    /** Number of open sections on the calling thread (active, suspended or aliased). */
    public static int depth() {
        Stack stack = STACKS.get();
        return stack == null ? 0 : stack.size;
    }

    /** Whether the calling thread's top section is active and covers the object at {@code object}. */
    public static boolean isHeld(long object) {
        Stack stack = STACKS.get();
        return stack != null && stack.topHolds(object + Header.MUTEX);
    }

    // ---- slow paths and hooks --------------------------------------------------------------------

    /** The parking lot calls this before a thread that is not a runtime thread blocks. */
    static void suspendForBlocking() {
        Stack stack = STACKS.get();
        if (stack != null && stack.size > 0) {
            suspendAll(stack);
        }
    }

    /** The parking lot calls this after such a thread woke up. */
    static void resumeAfterBlocking() {
        Stack stack = STACKS.get();
        if (stack != null && stack.size > 0) {
            resumeTop(stack);
        }
    }

    private static Stack stack() {
        Stack stack = STACKS.get();
        if (stack == null) {
            stack = new Stack();
            STACKS.set(stack);
        }
        return stack;
    }

    /**
     * Pushes an ACQUIRING section and acquires its mutexes; on timeout or interrupt pops it again.
     * If an outer section owns one of the mutexes, suspending first avoids waiting on ourselves.
     */
    private static int beginSlow(Stack stack, long lower, long higher, int owned, long deadline, boolean interruptible) {
        int index = stack.push(lower, higher, ACQUIRING | owned);
        if (stack.ownsBelow(index, lower) || (higher != 0 && stack.ownsBelow(index, higher))) {
            suspendAll(stack);
        }
        int status = acquire(stack, index, deadline, interruptible);
        if (status != Mutex.ACQUIRED) {
            release(stack, index);
            stack.size = index;
            resumeTop(stack);
        }
        return status;
    }

    /** Locks the section's mutexes it does not own yet, lower first, then marks it ACTIVE. */
    private static int acquire(Stack stack, int index, long deadline, boolean interruptible) {
        int status = acquireOne(stack, index, stack.first[index], OWNS_FIRST, deadline, interruptible);
        if (status == Mutex.ACQUIRED && stack.second[index] != 0) {
            status = acquireOne(stack, index, stack.second[index], OWNS_SECOND, deadline, interruptible);
        }
        if (status == Mutex.ACQUIRED) {
            stack.flags[index] &= ~STATE_MASK;
        }
        return status;
    }

    /**
     * Locks one mutex for a section. In the thread that stopped the world a mutex held by someone else
     * is left alone (and not owned): its owner is suspended and the stop already excludes everybody.
     */
    private static int acquireOne(Stack stack, int index, long mutex, int ownsBit, long deadline, boolean interruptible) {
        if ((stack.flags[index] & ownsBit) != 0) {
            return Mutex.ACQUIRED;
        }
        if (!Mutex.tryLock(mutex)) {
            if (World.isStoppedByCurrentThread()) {
                return Mutex.ACQUIRED;
            }
            int status = Mutex.lockSlow(mutex, deadline, interruptible);
            if (status != Mutex.ACQUIRED) {
                return status;
            }
        }
        stack.flags[index] |= ownsBit;
        return Mutex.ACQUIRED;
    }

    /** Unlocks whatever the section owns and marks it SUSPENDED (owning nothing). */
    private static void release(Stack stack, int index) {
        int flags = stack.flags[index];
        if ((flags & OWNS_SECOND) != 0) {
            Mutex.unlock(stack.second[index]);
        }
        if ((flags & OWNS_FIRST) != 0) {
            Mutex.unlock(stack.first[index]);
        }
        stack.flags[index] = SUSPENDED;
    }

    private static void suspendAll(Stack stack) {
        for (int i = stack.size - 1; i >= 0; i--) {
            if ((stack.flags[i] & STATE_MASK) == ACTIVE) {
                release(stack, i);
            }
        }
    }

    private static void resumeTop(Stack stack) {
        int top = stack.size - 1;
        if (top >= 0 && (stack.flags[top] & STATE_MASK) == SUSPENDED) {
            stack.flags[top] = ACQUIRING;
            acquire(stack, top, ParkingLot.NO_DEADLINE, false);
        }
    }
}
