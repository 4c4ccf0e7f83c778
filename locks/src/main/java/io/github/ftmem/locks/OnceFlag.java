package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;

/**
 * Runs an initializer exactly once per 4-byte word at any 4-byte-aligned address (CPython's
 * {@code _PyOnceFlag}); concurrent callers wait until it has finished. A zeroed word has not run.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>The flag word</caption>
 *   <tr><th>value</th><th>meaning</th><th>entered by</th></tr>
 *   <tr><td>0</td><td>not run (or the last attempt failed)</td><td>initial; the runner, exchange, on failure</td></tr>
 *   <tr><td>1 = RUNNING</td><td>one thread runs the initializer</td><td>the runner, CAS 0 → 1</td></tr>
 *   <tr><td>3 = RUNNING | HAS_PARKED</td><td>running, waiters may be parked</td><td>a waiter, CAS 1 → 3</td></tr>
 *   <tr><td>4 = DONE</td><td>initialized (final)</td><td>the runner, exchange, on success</td></tr>
 * </table>
 * The fast path is one acquire load equal to DONE: the runner's volatile exchange publishes everything
 * the initializer wrote. The runner wakes every waiter if the old value had HAS_PARKED; waiters park
 * expecting RUNNING | HAS_PARKED (validated under the bucket lock, so the wake-up cannot be lost) and
 * re-read the word: after a failure one of them becomes the next runner. An initializer that calls
 * {@link #callOnce} on its own flag waits for itself for ever.
 */
public final class OnceFlag {

    static final int RUNNING = 1;
    static final int HAS_PARKED = 2;
    static final int DONE = 4;

    private OnceFlag() {
    }

    /**
     * Runs {@code initializer} if no call has completed it yet, else waits for the running one.
     * If it throws, the flag returns to "not run", the exception propagates, and a later call retries.
     *
     * @return whether this call ran the initializer successfully
     */
    public static boolean callOnce(long address, Runnable initializer) {
        if (Memory.getIntAcquire(address) == DONE) {
            return false;
        }
        return callOnceSlow(address, initializer);
    }

    public static boolean isDone(long address) {
        return Memory.getIntAcquire(address) == DONE;
    }

    private static boolean callOnceSlow(long address, Runnable initializer) {
        boolean interrupted = false;
        try {
            while (true) {
                int word = Memory.getIntVolatile(address);
                switch (word) {
                    case DONE:
                        return false;
                    case 0:
                        if (Memory.compareAndSetInt(address, 0, RUNNING)) {
                            runInitializer(address, initializer);
                            return true;
                        }
                        break;
                    case RUNNING:
                        Memory.compareAndSetInt(address, RUNNING, RUNNING | HAS_PARKED);
                        break;
                    case RUNNING | HAS_PARKED:
                        if (ParkingLot.park(address, RUNNING | HAS_PARKED, ParkingLot.NO_DEADLINE, 0)
                                == ParkingLot.INTERRUPTED) {
                            interrupted |= Thread.interrupted();
                        }
                        break;
                    default:
                        throw new IllegalStateException("the word at 0x" + Long.toHexString(address)
                                + " is not a once-flag: value 0x" + Integer.toHexString(word)
                                + "; a once-flag word must start zeroed and be used only through OnceFlag");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void runInitializer(long address, Runnable initializer) {
        boolean done = false;
        try {
            initializer.run();
            done = true;
        } finally {
            int old = Memory.getAndSetInt(address, done ? DONE : 0);
            if ((old & HAS_PARKED) != 0) {
                ParkingLot.unparkAll(address);
            }
        }
    }
}
