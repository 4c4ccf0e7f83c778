package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class MutexTest {

    private OffHeapWords memory;
    private long mutex;

    @BeforeEach
    void allocate() {
        memory = new OffHeapWords();
        mutex = memory.word();
    }

    @AfterEach
    void free() {
        memory.close();
        assertEquals(0, RuntimeThreads.registeredCount(), "a test left runtime threads registered");
    }

    @Test
    void lockAndUnlockWriteTheDocumentedWords() {
        assertFalse(Mutex.isLocked(mutex));
        Mutex.lock(mutex);
        assertEquals(Mutex.LOCKED, Memory.getInt(mutex));
        assertTrue(Mutex.isLocked(mutex));
        Mutex.unlock(mutex);
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void tryLockFailsWhileLockedAndBargesPastParkedWaiters() {
        assertTrue(Mutex.tryLock(mutex));
        assertFalse(Mutex.tryLock(mutex));
        Mutex.unlock(mutex);
        Memory.putInt(mutex, Mutex.HAS_PARKED);
        assertTrue(Mutex.tryLock(mutex));
        assertEquals(Mutex.LOCKED | Mutex.HAS_PARKED, Memory.getInt(mutex));
    }

    @Test
    void unlockOfAnUnlockedMutexIsAClearErrorAndChangesNothing() {
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, () -> Mutex.unlock(mutex));
        assertTrue(e.getMessage().contains("unlock of an unlocked mutex at 0x" + Long.toHexString(mutex)), e.getMessage());
        assertEquals(0, Memory.getInt(mutex));
        Memory.putInt(mutex, Mutex.HAS_PARKED);
        assertThrows(IllegalMonitorStateException.class, () -> Mutex.unlock(mutex));
        assertEquals(Mutex.HAS_PARKED, Memory.getInt(mutex));
    }

    @Test
    void aWordThatIsNotAMutexIsRejected() {
        Memory.putInt(mutex, 0x10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Mutex.lock(mutex));
        assertTrue(e.getMessage().contains("is not a mutex"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Mutex.unlock(mutex));
        assertEquals(0x10, Memory.getInt(mutex));
    }

    @Test
    void counterWithFourThreadsLosesNoUpdate() throws Exception {
        long counter = memory.word();
        int threads = 4;
        int iterations = 20_000;
        try (Threads workers = new Threads()) {
            for (int t = 0; t < threads; t++) {
                workers.plain("counter-" + t, () -> {
                    for (int i = 0; i < iterations; i++) {
                        Mutex.lock(mutex);
                        Memory.putInt(counter, Memory.getInt(counter) + 1);
                        Mutex.unlock(mutex);
                    }
                });
            }
        }
        assertEquals(threads * iterations, Memory.getInt(counter));
        assertEquals(0, Memory.getInt(mutex));
        assertEquals(0, ParkingLot.waiters(mutex));
    }

    @Test
    void aWaiterParkedPastItsFairnessDeadlineIsHandedTheMutex() throws Exception {
        long handOffsBefore = Mutex.handOffs();
        Mutex.lock(mutex);
        try (Threads workers = new Threads()) {
            workers.plain("late-waiter", () -> {
                Mutex.lock(mutex);
                Mutex.unlock(mutex);
            });
            // Conditions, not timings: the waiter is parked, then its 1 ms deadline passes (sleep waits
            // at least that long), so the unlock must hand the mutex over instead of releasing it.
            while (ParkingLot.waiters(mutex) == 0) {
                Thread.sleep(1);
            }
            Thread.sleep(2);
            Mutex.unlock(mutex);
        }
        assertEquals(handOffsBefore + 1, Mutex.handOffs(), "the parked waiter was not handed the mutex");
        assertEquals(0, Memory.getInt(mutex));
        assertEquals(0, ParkingLot.waiters(mutex));
    }

    @Test
    void aWaiterOlderThanOneMillisecondReceivesTheMutexDirectly() throws Exception {
        Mutex.lock(mutex);
        AtomicInteger wordSeenByWaiter = new AtomicInteger(-1);
        long handOffsBefore = Mutex.handOffs();
        try (Threads workers = new Threads()) {
            workers.plain("waiter", () -> {
                Mutex.lock(mutex);
                wordSeenByWaiter.set(Memory.getIntVolatile(mutex));
                Mutex.unlock(mutex);
            });
            Threads.await(() -> ParkingLot.waiters(mutex) == 1);
            assertEquals(Mutex.LOCKED | Mutex.HAS_PARKED, Memory.getIntVolatile(mutex));
            Thread.sleep(2);
            Mutex.unlock(mutex);
        }
        assertEquals(Mutex.LOCKED, wordSeenByWaiter.get(), "handed off: still LOCKED, no more parked");
        assertEquals(handOffsBefore + 1, Mutex.handOffs());
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void timedLockTimesOutLeavesNoWaiterAndLaterSucceeds() throws Exception {
        Mutex.lock(mutex);
        boolean sawParked = false;
        try (Threads workers = new Threads()) {
            workers.plain("timed", () -> {
                long begin = System.nanoTime();
                assertFalse(Mutex.tryLock(mutex, 500, TimeUnit.MILLISECONDS));
                assertTrue(System.nanoTime() - begin >= TimeUnit.MILLISECONDS.toNanos(500), "returned before the timeout");
                assertFalse(Mutex.tryLock(mutex, 0, TimeUnit.MILLISECONDS));
            });
            // The spin phase is bounded, so within the 500 ms the waiter parks; a loaded machine may take a while.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (!sawParked && System.nanoTime() < deadline) {
                sawParked = ParkingLot.waiters(mutex) == 1;
                Thread.onSpinWait();
            }
        }
        assertTrue(sawParked, "the timed waiter parked before its timeout");
        assertEquals(0, ParkingLot.waiters(mutex));
        assertEquals(Mutex.LOCKED | Mutex.HAS_PARKED, Memory.getInt(mutex), "a leaving waiter keeps HAS_PARKED");
        Mutex.unlock(mutex);
        assertEquals(0, Memory.getInt(mutex), "unlock with nobody parked clears HAS_PARKED");

        Mutex.lock(mutex);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean acquired = new AtomicBoolean();
        try (Threads workers = new Threads()) {
            workers.plain("timed", () -> {
                waiting.countDown();
                acquired.set(Mutex.tryLock(mutex, 20, TimeUnit.SECONDS));
                Mutex.unlock(mutex);
            });
            waiting.await();
            Thread.sleep(5);
            Mutex.unlock(mutex);
        }
        assertTrue(acquired.get());
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void lockInterruptiblyThrowsAndLeaves() throws Exception {
        Mutex.lock(mutex);
        AtomicBoolean threw = new AtomicBoolean();
        try (Threads workers = new Threads()) {
            Thread waiter = workers.plain("interruptible", () -> {
                try {
                    Mutex.lockInterruptibly(mutex);
                } catch (InterruptedException e) {
                    threw.set(!Thread.currentThread().isInterrupted());
                }
            });
            Threads.await(() -> ParkingLot.waiters(mutex) == 1);
            waiter.interrupt();
        }
        assertTrue(threw.get(), "InterruptedException thrown with the interrupt status cleared");
        assertEquals(0, ParkingLot.waiters(mutex));
        Mutex.unlock(mutex);
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void lockIgnoresInterruptsButKeepsTheStatus() throws Exception {
        Mutex.lock(mutex);
        AtomicBoolean statusKept = new AtomicBoolean();
        try (Threads workers = new Threads()) {
            Thread waiter = workers.plain("uninterruptible", () -> {
                Mutex.lock(mutex);
                statusKept.set(Thread.interrupted());
                Mutex.unlock(mutex);
            });
            Threads.await(() -> ParkingLot.waiters(mutex) == 1);
            waiter.interrupt();
            Threads.await(() -> ParkingLot.waiters(mutex) == 1 && waiter.getState() == Thread.State.WAITING);
            assertTrue(Mutex.isLocked(mutex));
            Mutex.unlock(mutex);
        }
        assertTrue(statusKept.get());
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void aStopTheWorldCompletesWhileRuntimeThreadsAreParkedOnAMutex() throws Exception {
        Mutex.lock(mutex);
        int parkers = 2;
        AtomicInteger attachedAfterLock = new AtomicInteger();
        try (Threads workers = new Threads()) {
            for (int t = 0; t < parkers; t++) {
                workers.runtime("parker-" + t, () -> {
                    ThreadState self = RuntimeThreads.current();
                    Mutex.lock(mutex);
                    if (self.isAttached()) {
                        attachedAfterLock.incrementAndGet();
                    }
                    Mutex.unlock(mutex);
                });
            }
            Threads.await(() -> ParkingLot.waiters(mutex) == parkers);
            World.stop();
            assertTrue(World.isStopped());
            Mutex.unlock(mutex);
            World.start();
        }
        assertEquals(parkers, attachedAfterLock.get(), "every waiter re-attached before returning from lock");
        assertEquals(0, Memory.getInt(mutex));
    }

    @Test
    void aParkedRuntimeThreadIsDetachedAndReattachesAfterWaking() throws Exception {
        Mutex.lock(mutex);
        AtomicReference<ThreadState> parkerState = new AtomicReference<>();
        AtomicBoolean attachedAfterLock = new AtomicBoolean();
        try (Threads workers = new Threads()) {
            workers.runtime("parker", () -> {
                parkerState.set(RuntimeThreads.current());
                Mutex.lock(mutex);
                attachedAfterLock.set(RuntimeThreads.current().isAttached());
                Mutex.unlock(mutex);
            });
            Threads.await(() -> ParkingLot.waiters(mutex) == 1);
            Threads.await(() -> parkerState.get().state() == ThreadState.DETACHED);
            Mutex.unlock(mutex);
        }
        assertTrue(attachedAfterLock.get());
    }
}
