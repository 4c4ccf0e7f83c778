package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;

import java.util.concurrent.locks.LockSupport;

/**
 * A user-level futex: threads park on an off-heap address and are woken by address, the waiters
 * living in a fixed hash table of buckets rather than in the word itself (CPython's
 * {@code parking_lot.c}, WebKit's {@code ParkingLot}). {@link Mutex}, {@link Event} and
 * {@link OnceFlag} are built on it; any protocol over a 4-byte word can be.
 *
 * <pre>{@code
 * // waiter                                        // waker
 * while (Memory.getIntVolatile(a) == BUSY) {       Memory.putIntVolatile(a, DONE);
 *     ParkingLot.park(a, BUSY, NO_DEADLINE, 0);    ParkingLot.unparkAll(a);
 * }
 * }</pre>
 *
 * <h2>Implementation notes</h2>
 * {@code BUCKETS} is 256 buckets indexed by a Fibonacci hash of the address; each bucket is a monitor
 * ({@code synchronized}, which since JDK 24 does not pin virtual threads) guarding a FIFO singly linked
 * list of {@link Waiter}s. Different addresses may share a bucket; every operation filters by address.
 *
 * <table>
 *   <caption>Waiter fields</caption>
 *   <tr><th>field</th><th>written by</th><th>how</th></tr>
 *   <tr><td>thread, address, parkToken</td><td>the waiter, before enqueueing</td><td>final</td></tr>
 *   <tr><td>next</td><td>whoever holds the bucket lock</td><td>plain, under the lock</td></tr>
 *   <tr><td>unparkToken</td><td>the unparker, under the bucket lock, before {@code state}</td><td>plain</td></tr>
 *   <tr><td>state WAITING → WOKEN</td><td>the unparker, under the bucket lock, when it dequeues the
 *       waiter</td><td>volatile store; the waiter reads it without the lock</td></tr>
 * </table>
 *
 * <p><b>Park</b>: lock the bucket; if the word no longer equals {@code expected} return
 * {@link #AGAIN}; if the deadline has passed return {@link #TIMED_OUT}; else enqueue a fresh waiter,
 * unlock, detach the runtime thread (see below), then loop on {@link LockSupport#park}: a WOKEN state
 * returns the unpark token; anything else is a spurious return, checked again. Because validation and
 * enqueueing happen under the bucket lock that every unpark takes, an unpark issued after the word
 * changed cannot miss the waiter (no lost wake-up).
 *
 * <p><b>Timeout or interrupt</b>: the waiter locks the bucket; if it is still WAITING it removes itself
 * and returns {@link #TIMED_OUT} or {@link #INTERRUPTED}; if an unparker already chose it (WOKEN) it
 * returns the unpark token instead, so a hand-off made to it is never lost. Waiters are fresh objects,
 * so an unparker that still calls {@link LockSupport#unpark} after the waiter left only leaves a stray
 * permit; every park loop in ftmem and in the JDK tolerates that as a spurious wake-up.
 *
 * <p><b>Unpark</b>: lock the bucket; dequeue the first waiter on the address and note whether another
 * one remains; run the caller's callback; store the token and WOKEN; unlock; then
 * {@link LockSupport#unpark} (the system call stays outside the bucket lock).
 *
 * <p><b>Detach while parked</b>: a registered, attached runtime thread detaches after enqueueing (which
 * suspends its critical sections through their thread listener) and re-attaches after waking (waiting
 * for a stopped world to start, then resuming its top critical section), so a parked thread never
 * stalls {@code World.stop()}. A thread that is not a registered runtime thread suspends its critical
 * sections directly. A registered thread that is already detached does neither.
 */
public final class ParkingLot {

    /** Deadline value meaning "wait for ever". */
    public static final long NO_DEADLINE = Long.MAX_VALUE;
    /** The word did not hold the expected value: the caller re-reads it. */
    public static final long AGAIN = -1;
    /** The deadline passed before an unpark chose this waiter. */
    public static final long TIMED_OUT = -2;
    /** The thread was interrupted before an unpark chose it; the interrupt status stays set. */
    public static final long INTERRUPTED = -3;

    /** Called under the bucket lock by {@link #unparkOne}; returns the token (≥ 0) the woken thread receives. */
    @FunctionalInterface
    public interface UnparkCallback {
        /**
         * @param unparked    whether a waiter was dequeued (false: nobody parks on this address)
         * @param parkToken   the token that waiter parked with (0 if none)
         * @param moreWaiters whether other waiters on this address remain after it
         */
        long onUnpark(long address, boolean unparked, long parkToken, boolean moreWaiters);
    }

    /** Longer timeouts mean "for ever": deadlines compare by subtraction, valid within 2^63 ns. */
    private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 2;
    private static final int BUCKET_BITS = 8;
    private static final Bucket[] BUCKETS = new Bucket[1 << BUCKET_BITS];
    private static final long FIBONACCI = 0x9E37_79B9_7F4A_7C15L;

    private static final int WAITING = 0;
    private static final int WOKEN = 1;

    private static final int BLOCKED_PLAIN = 0;
    private static final int BLOCKED_DETACHED = 1;
    private static final int BLOCKED_SECTIONS_SUSPENDED = 2;

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKETS[i] = new Bucket();
        }
    }

    /** A FIFO of waiters; every field is guarded by the bucket's monitor. */
    private static final class Bucket {
        Waiter head;
        Waiter tail;
    }

    private static final class Waiter {
        final Thread thread;
        final long address;
        final long parkToken;
        Waiter next;
        long unparkToken;
        volatile int state;

        Waiter(Thread thread, long address, long parkToken) {
            this.thread = thread;
            this.address = address;
            this.parkToken = parkToken;
        }
    }

    private ParkingLot() {
    }

    /**
     * Parks the calling thread on {@code address} if the 4-byte word there equals {@code expected},
     * until an unpark chooses it, {@code deadline} ({@link System#nanoTime()} based, or
     * {@link #NO_DEADLINE}) passes, or the thread is interrupted.
     *
     * @return the unpark token (≥ 0) if woken by an unpark; {@link #AGAIN}, {@link #TIMED_OUT} or
     *     {@link #INTERRUPTED} otherwise
     */
    public static long park(long address, int expected, long deadline, long parkToken) {
        assert (address & 3) == 0 : "misaligned word 0x" + Long.toHexString(address);
        Thread self = Thread.currentThread();
        if (self.isInterrupted()) {
            return INTERRUPTED;
        }
        Bucket bucket = bucketFor(address);
        Waiter waiter;
        synchronized (bucket) {
            if (Memory.getIntVolatile(address) != expected) {
                return AGAIN;
            }
            if (isPast(deadline)) {
                return TIMED_OUT;
            }
            waiter = new Waiter(self, address, parkToken);
            if (bucket.tail == null) {
                bucket.head = waiter;
            } else {
                bucket.tail.next = waiter;
            }
            bucket.tail = waiter;
        }
        int blocked = beginBlocking();
        try {
            return await(bucket, waiter, deadline);
        } finally {
            endBlocking(blocked);
        }
    }

    /**
     * Wakes the first thread parked on {@code address}, if any. The callback always runs, under the
     * bucket lock, and must not block or park; its result is the woken thread's unpark token. If it
     * throws (or returns a negative token) the chosen thread is still woken, with token 0, and the
     * exception propagates.
     *
     * @return whether a thread was woken
     */
    public static boolean unparkOne(long address, UnparkCallback callback) {
        assert (address & 3) == 0 : "misaligned word 0x" + Long.toHexString(address);
        Bucket bucket = bucketFor(address);
        Waiter chosen;
        Throwable failure = null;
        synchronized (bucket) {
            Waiter previous = null;
            chosen = bucket.head;
            while (chosen != null && chosen.address != address) {
                previous = chosen;
                chosen = chosen.next;
            }
            boolean more = false;
            if (chosen != null) {
                for (Waiter other = chosen.next; other != null && !more; other = other.next) {
                    more = other.address == address;
                }
                unlink(bucket, previous, chosen);
            }
            long token = 0;
            try {
                token = callback.onUnpark(address, chosen != null, chosen != null ? chosen.parkToken : 0, more);
                if (token < 0) {
                    failure = new IllegalArgumentException("unpark callback returned " + token
                            + "; tokens must be ≥ 0 (negative values are park results)");
                    token = 0;
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (chosen != null) {
                chosen.unparkToken = token;
                chosen.state = WOKEN;
            }
        }
        if (chosen != null) {
            LockSupport.unpark(chosen.thread);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return chosen != null;
    }

    /**
     * Wakes every thread parked on {@code address}, each with unpark token 0.
     *
     * @return the number of threads woken
     */
    public static int unparkAll(long address) {
        Bucket bucket = bucketFor(address);
        Waiter woken = null;
        int count = 0;
        synchronized (bucket) {
            Waiter previous = null;
            Waiter waiter = bucket.head;
            while (waiter != null) {
                Waiter next = waiter.next;
                if (waiter.address == address) {
                    unlink(bucket, previous, waiter);
                    waiter.next = woken;
                    waiter.state = WOKEN;
                    woken = waiter;
                    count++;
                } else {
                    previous = waiter;
                }
                waiter = next;
            }
        }
        for (Waiter waiter = woken; waiter != null; waiter = waiter.next) {
            LockSupport.unpark(waiter.thread);
        }
        return count;
    }

    /** Number of threads parked on {@code address} right now (diagnostics and tests). */
    public static int waiters(long address) {
        Bucket bucket = bucketFor(address);
        int count = 0;
        synchronized (bucket) {
            for (Waiter waiter = bucket.head; waiter != null; waiter = waiter.next) {
                if (waiter.address == address) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The deadline {@code nanos} from now, saturating at {@link #NO_DEADLINE}. */
    public static long deadlineAfter(long nanos) {
        if (nanos >= MAX_TIMEOUT_NANOS) {
            return NO_DEADLINE;
        }
        long deadline = System.nanoTime() + Math.max(nanos, 0);
        return deadline == NO_DEADLINE ? deadline - 1 : deadline;
    }

    static boolean isPast(long deadline) {
        return deadline != NO_DEADLINE && deadline - System.nanoTime() <= 0;
    }

    // ---- internals -------------------------------------------------------------------------------

    private static Bucket bucketFor(long address) {
        return BUCKETS[(int) (((address >>> 2) * FIBONACCI) >>> (Long.SIZE - BUCKET_BITS))];
    }

    private static void unlink(Bucket bucket, Waiter previous, Waiter waiter) {
        if (previous == null) {
            bucket.head = waiter.next;
        } else {
            previous.next = waiter.next;
        }
        if (bucket.tail == waiter) {
            bucket.tail = previous;
        }
        waiter.next = null;
    }

    private static long await(Bucket bucket, Waiter waiter, long deadline) {
        Thread self = waiter.thread;
        while (true) {
            if (waiter.state == WOKEN) {
                return waiter.unparkToken;
            }
            if (self.isInterrupted()) {
                return leave(bucket, waiter, INTERRUPTED);
            }
            if (deadline == NO_DEADLINE) {
                LockSupport.park(bucket);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return leave(bucket, waiter, TIMED_OUT);
                }
                LockSupport.parkNanos(bucket, remaining);
            }
        }
    }

    /** Dequeues a waiter that gives up, unless an unparker chose it first: then it takes the token. */
    private static long leave(Bucket bucket, Waiter waiter, long reason) {
        synchronized (bucket) {
            if (waiter.state == WOKEN) {
                return waiter.unparkToken;
            }
            Waiter previous = null;
            for (Waiter current = bucket.head; current != waiter; current = current.next) {
                previous = current;
            }
            unlink(bucket, previous, waiter);
            return reason;
        }
    }

    private static int beginBlocking() {
        ThreadState thread = RuntimeThreads.currentOrNull();
        if (thread == null) {
            CriticalSection.suspendForBlocking();
            return BLOCKED_SECTIONS_SUSPENDED;
        }
        if (thread.isAttached()) {
            thread.detach();
            return BLOCKED_DETACHED;
        }
        return BLOCKED_PLAIN;
    }

    private static void endBlocking(int blocked) {
        switch (blocked) {
            case BLOCKED_DETACHED -> RuntimeThreads.current().attach();
            case BLOCKED_SECTIONS_SUSPENDED -> CriticalSection.resumeAfterBlocking();
            default -> {
            }
        }
    }
}
