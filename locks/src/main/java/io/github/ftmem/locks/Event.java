package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;

import java.util.concurrent.TimeUnit;

/**
 * A one-shot event in one 4-byte word at any 4-byte-aligned address (CPython's {@code PyEvent}):
 * threads wait until some thread sets it; once set it stays set. A zeroed word is an unset event.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>The event word</caption>
 *   <tr><th>value</th><th>meaning</th><th>entered by</th></tr>
 *   <tr><td>0</td><td>not set, nobody parked</td><td>initial</td></tr>
 *   <tr><td>2 = HAS_PARKED</td><td>not set, waiters may be parked</td><td>a waiter, CAS 0 → 2, before parking</td></tr>
 *   <tr><td>1 = SET</td><td>set (final)</td><td>{@link #set}: atomic exchange; if the old value was 2 it
 *       wakes every waiter</td></tr>
 * </table>
 * A waiter parks expecting 2, validated under the bucket lock; {@link #set} exchanges before it
 * unparks, so a waiter either sees SET (and does not park) or is enqueued before the unpark runs: the
 * wake-up cannot be lost. The exchange is volatile: everything written before {@code set} is visible to
 * a thread that sees the event set.
 */
public final class Event {

    static final int SET = 1;
    static final int HAS_PARKED = 2;

    private Event() {
    }

    /** Sets the event and wakes every waiter; setting a set event does nothing. */
    public static void set(long address) {
        int old = Memory.getAndSetInt(address, SET);
        check(address, old);
        if (old == HAS_PARKED) {
            ParkingLot.unparkAll(address);
        }
    }

    public static boolean isSet(long address) {
        return Memory.getIntVolatile(address) == SET;
    }

    /** Waits until the event is set; interrupts are remembered and re-asserted, not thrown. */
    public static void await(long address) {
        if (isSet(address)) {
            return;
        }
        boolean interrupted = false;
        while (awaitSlow(address, ParkingLot.NO_DEADLINE) == ParkingLot.INTERRUPTED) {
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits at most {@code timeout} for the event to be set.
     *
     * @return whether it is set
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean await(long address, long timeout, TimeUnit unit) throws InterruptedException {
        if (isSet(address)) {
            return true;
        }
        long result = awaitSlow(address, ParkingLot.deadlineAfter(unit.toNanos(timeout)));
        if (result == ParkingLot.INTERRUPTED) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while waiting for the event at 0x" + Long.toHexString(address));
        }
        return result == SET;
    }

    /** Returns SET, TIMED_OUT or INTERRUPTED. */
    private static long awaitSlow(long address, long deadline) {
        while (true) {
            int word = Memory.getIntVolatile(address);
            check(address, word);
            if (word == SET) {
                return SET;
            }
            if (word == 0 && !Memory.compareAndSetInt(address, 0, HAS_PARKED)) {
                continue;
            }
            long result = ParkingLot.park(address, HAS_PARKED, deadline, 0);
            if (result == ParkingLot.TIMED_OUT || result == ParkingLot.INTERRUPTED) {
                return isSet(address) ? SET : result;
            }
        }
    }

    private static void check(long address, int word) {
        if (word != 0 && word != SET && word != HAS_PARKED) {
            throw new IllegalStateException("the word at 0x" + Long.toHexString(address) + " is not an event: value 0x"
                    + Integer.toHexString(word) + "; an event word must start zeroed and be used only through Event");
        }
    }
}
