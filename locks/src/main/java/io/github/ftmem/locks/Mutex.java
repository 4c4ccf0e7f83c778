package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A mutex in one 4-byte word at any 4-byte-aligned off-heap address: CPython's {@code PyMutex}, with
 * WebKit's spin-then-park algorithm and a per-waiter fairness deadline. The object header's mutex
 * field ({@code Header.MUTEX}) is one such word; any zeroed word a user chooses is another.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>The lock word (every other bit must stay 0)</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked, nobody parked</td></tr>
 *   <tr><td>1 = LOCKED</td><td>locked, nobody parked: unlock is one CAS 1 → 0</td></tr>
 *   <tr><td>2 = HAS_PARKED</td><td>unlocked, parked waiters (transient: the unlocker just woke one
 *       without a hand-off, or a waiter timed out); a locker may barge with CAS 2 → 3</td></tr>
 *   <tr><td>3 = LOCKED | HAS_PARKED</td><td>locked, waiters may be parked: unlock goes through the
 *       parking lot</td></tr>
 * </table>
 *
 * <p><b>Lock.</b> One CAS 0 → LOCKED; on failure {@link #lockSlow}: retry the CAS while the word is
 * unlocked (keeping HAS_PARKED); while it is locked <em>and nobody is parked</em>, spin up to
 * {@link #MAX_SPINS} times (three short {@link Thread#onSpinWait()} bursts, then {@link Thread#yield()},
 * WebKit's and CPython's 40); then CAS HAS_PARKED in and {@link ParkingLot#park park} on the address
 * expecting LOCKED | HAS_PARKED, with park token = the waiter's fairness deadline: 1 ms after its first
 * park (CPython takes the time at slow-path entry; the spin phase lasts microseconds, and a short
 * contended acquisition then pays no clock read). Once
 * someone is parked, newcomers park at once instead of spinning: spinning then only delays the queue.
 * A waiter woken without a hand-off gets a fresh spin budget (as Rust's {@code parking_lot}; CPython
 * keeps the used one): otherwise, on a hot lock, it would re-park at once and every unlock would pay
 * a wake-up system call.
 *
 * <p><b>Unlock.</b> One CAS LOCKED → 0; on failure {@link #unlockSlow}: an unlocked word is a usage
 * error (reported, nothing changed); LOCKED alone is retried (a locker is setting HAS_PARKED);
 * LOCKED | HAS_PARKED goes to {@link ParkingLot#unparkOne}, whose callback, under the bucket lock,
 * stores the new word with a release store and returns the unpark token. The store is safe without a
 * CAS: while the word is LOCKED | HAS_PARKED only the owner changes it (lockers park, tryLock fails) and
 * a new parker validates the word under the same bucket lock.
 *
 * <p><b>Hand-off rule.</b> In that callback, if the dequeued waiter's fairness deadline has passed
 * ({@code nanoTime() - deadline > 0}), the word keeps LOCKED and the waiter receives token
 * {@link #HANDED_OFF}: it owns the mutex when it wakes and nobody could barge in between. Otherwise the
 * word becomes unlocked and the woken waiter competes again (barging keeps the lock hot on one core).
 * HAS_PARKED is kept exactly when more waiters on this address remain. If the chosen waiter had already
 * timed out, the parking lot still delivers the token: a timed-out waiter that was chosen owns the mutex.
 *
 * <p>Access modes: the fast-path CASes are volatile (acquire on lock, release on unlock); the
 * slow path reads the word with volatile loads; the callback's release store publishes the critical
 * section to the next owner, whose acquiring CAS (or the hand-off, ordered by the bucket lock and the
 * waiter's volatile state) reads it. No owner is recorded: any thread may unlock, there is no
 * reentrancy, and a mutex must not be moved while locked or waited on.
 */
public final class Mutex {

    public static final int LOCKED = 0x1;
    public static final int HAS_PARKED = 0x2;

    /** Spins before parking while nobody is parked (WebKit's measured optimum, also CPython's). */
    static final int MAX_SPINS = 40;
    /** Spins that busy-wait ({@code 2, 4, 8} spin hints) before the remaining ones yield the CPU. */
    private static final int BUSY_SPINS = 3;
    /** A waiter older than this receives the mutex directly from the unlocker. */
    static final long TIME_TO_BE_FAIR_NANOS = 1_000_000;
    /** Unpark token: the unlocker left LOCKED set for the woken waiter. */
    static final long HANDED_OFF = 1;

    static final int ACQUIRED = 0;
    static final int TIMED_OUT = 1;
    static final int INTERRUPTED = 2;

    private static final LongAdder HAND_OFFS = new LongAdder();

    private static final ParkingLot.UnparkCallback UNLOCK_CALLBACK = Mutex::onUnpark;

    private Mutex() {
    }

    /** Locks, waiting as long as needed; interrupts are remembered and re-asserted, not thrown. */
    public static void lock(long address) {
        if (!Memory.compareAndSetInt(address, 0, LOCKED)) {
            lockSlow(address, ParkingLot.NO_DEADLINE, false);
        }
    }

    /** Locks, waiting as long as needed unless interrupted. */
    public static void lockInterruptibly(long address) throws InterruptedException {
        if (!Memory.compareAndSetInt(address, 0, LOCKED)
                && lockSlow(address, ParkingLot.NO_DEADLINE, true) == INTERRUPTED) {
            throw interrupted(address);
        }
    }

    /** Locks if the mutex is unlocked now (barging past parked waiters); never waits. */
    public static boolean tryLock(long address) {
        int word = Memory.getIntVolatile(address);
        while ((word & LOCKED) == 0) {
            int witness = Memory.compareAndExchangeInt(address, word, word | LOCKED);
            if (witness == word) {
                return true;
            }
            word = witness;
        }
        return false;
    }

    /**
     * Locks, waiting at most {@code timeout}; a non-positive timeout only tries once.
     *
     * @return whether the mutex is now locked by the caller
     * @throws InterruptedException if interrupted while waiting (the mutex is then not held)
     */
    public static boolean tryLock(long address, long timeout, TimeUnit unit) throws InterruptedException {
        if (Memory.compareAndSetInt(address, 0, LOCKED)) {
            return true;
        }
        if (timeout <= 0) {
            return tryLock(address);
        }
        return switch (lockSlow(address, ParkingLot.deadlineAfter(unit.toNanos(timeout)), true)) {
            case ACQUIRED -> true;
            case TIMED_OUT -> false;
            default -> throw interrupted(address);
        };
    }

    /**
     * Unlocks. Any thread may unlock a locked mutex.
     *
     * @throws IllegalMonitorStateException if the mutex is not locked (the word is left unchanged)
     */
    public static void unlock(long address) {
        if (!Memory.compareAndSetInt(address, LOCKED, 0)) {
            unlockSlow(address);
        }
    }

    public static boolean isLocked(long address) {
        return (Memory.getIntVolatile(address) & LOCKED) != 0;
    }

    /** Whether waiters may be parked on this mutex (a hint: it may stay set after the last one left). */
    public static boolean hasParked(long address) {
        return (Memory.getIntVolatile(address) & HAS_PARKED) != 0;
    }

    /** Number of fairness hand-offs since start-up, over all mutexes. */
    public static long handOffs() {
        return HAND_OFFS.sum();
    }

    // ---- slow paths ------------------------------------------------------------------------------

    /** One CAS, for critical sections: locks only an unlocked mutex nobody waits for. */
    static boolean tryLockFast(long address) {
        return Memory.compareAndSetInt(address, 0, LOCKED);
    }

    /**
     * Waits for the mutex until {@code deadline} ({@link ParkingLot#NO_DEADLINE} for ever). Returns
     * ACQUIRED, TIMED_OUT or, if {@code interruptible}, INTERRUPTED. An uninterruptible wait clears
     * the interrupt status while it parks (a set status would make every park return at once) and
     * re-asserts it before returning.
     */
    static int lockSlow(long address, long deadline, boolean interruptible) {
        assert (address & 3) == 0 : "misaligned mutex word 0x" + Long.toHexString(address);
        long fairDeadline = 0;
        boolean parkedBefore = false;
        boolean interruptedMeanwhile = false;
        int spins = 0;
        int word = Memory.getIntVolatile(address);
        try {
            while (true) {
                checkWord(address, word);
                if ((word & LOCKED) == 0) {
                    int witness = Memory.compareAndExchangeInt(address, word, word | LOCKED);
                    if (witness == word) {
                        return ACQUIRED;
                    }
                    word = witness;
                    continue;
                }
                if ((word & HAS_PARKED) == 0 && spins < MAX_SPINS) {
                    spin(spins++);
                    word = Memory.getIntVolatile(address);
                    continue;
                }
                if (ParkingLot.isPast(deadline)) {
                    return TIMED_OUT;
                }
                if ((word & HAS_PARKED) == 0) {
                    int witness = Memory.compareAndExchangeInt(address, word, word | HAS_PARKED);
                    if (witness != word) {
                        word = witness;
                        continue;
                    }
                }
                if (!parkedBefore) {
                    fairDeadline = System.nanoTime() + TIME_TO_BE_FAIR_NANOS;
                    parkedBefore = true;
                }
                long result = ParkingLot.park(address, LOCKED | HAS_PARKED, deadline, fairDeadline);
                if (result == HANDED_OFF) {
                    HAND_OFFS.increment();
                    return ACQUIRED;
                }
                if (result == ParkingLot.INTERRUPTED) {
                    if (interruptible) {
                        return INTERRUPTED;
                    }
                    interruptedMeanwhile |= Thread.interrupted();
                } else if (result >= 0) {
                    spins = 0;
                }
                word = Memory.getIntVolatile(address);
            }
        } finally {
            if (interruptedMeanwhile) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void spin(int spins) {
        if (spins < BUSY_SPINS) {
            for (int i = 2 << spins; i > 0; i--) {
                Thread.onSpinWait();
            }
        } else {
            Thread.yield();
        }
    }

    static void unlockSlow(long address) {
        assert (address & 3) == 0 : "misaligned mutex word 0x" + Long.toHexString(address);
        int word = Memory.getIntVolatile(address);
        while (true) {
            checkWord(address, word);
            if ((word & LOCKED) == 0) {
                throw new IllegalMonitorStateException("unlock of an unlocked mutex at 0x" + Long.toHexString(address)
                        + " (word 0x" + Integer.toHexString(word) + "): every unlock must match exactly one lock");
            }
            if ((word & HAS_PARKED) != 0) {
                ParkingLot.unparkOne(address, UNLOCK_CALLBACK);
                return;
            }
            int witness = Memory.compareAndExchangeInt(address, word, 0);
            if (witness == word) {
                return;
            }
            word = witness;
        }
    }

    /** Runs under the bucket lock; see the hand-off rule in the class notes. */
    private static long onUnpark(long address, boolean unparked, long fairDeadline, boolean moreWaiters) {
        if (!unparked) {
            Memory.putIntRelease(address, 0);
            return 0;
        }
        boolean fair = System.nanoTime() - fairDeadline > 0;
        Memory.putIntRelease(address, (fair ? LOCKED : 0) | (moreWaiters ? HAS_PARKED : 0));
        return fair ? HANDED_OFF : 0;
    }

    private static void checkWord(long address, int word) {
        if ((word & ~(LOCKED | HAS_PARKED)) != 0) {
            throw new IllegalStateException("the word at 0x" + Long.toHexString(address) + " is not a mutex: value 0x"
                    + Integer.toHexString(word) + " has bits other than LOCKED (1) and HAS_PARKED (2); "
                    + "a mutex word must start zeroed and be used only through Mutex");
        }
    }

    private static InterruptedException interrupted(long address) {
        Thread.interrupted();
        return new InterruptedException("interrupted while waiting for the mutex at 0x" + Long.toHexString(address));
    }
}
