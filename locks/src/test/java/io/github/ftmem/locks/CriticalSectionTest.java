package io.github.ftmem.locks;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class CriticalSectionTest {

    private OffHeapWords memory;
    private long a;
    private long b;

    @BeforeEach
    void allocate() {
        memory = new OffHeapWords();
        a = memory.object(16);
        b = memory.object(16);
    }

    @AfterEach
    void free() {
        assertEquals(0, CriticalSection.depth(), "a test left critical sections open");
        assertFalse(locked(a));
        assertFalse(locked(b));
        memory.close();
        assertEquals(0, RuntimeThreads.registeredCount(), "a test left runtime threads registered");
    }

    private static boolean locked(long object) {
        return Mutex.isLocked(object + Header.MUTEX);
    }

    @Test
    void beginLocksTheHeaderMutexAndEndUnlocksIt() {
        CriticalSection.begin(a);
        assertEquals(Mutex.LOCKED, Memory.getInt(a + Header.MUTEX));
        assertTrue(CriticalSection.isHeld(a));
        assertEquals(1, CriticalSection.depth());
        CriticalSection.end();
        assertEquals(0, Memory.getInt(a + Header.MUTEX));
    }

    @Test
    void begin2LocksBothAndTheSameObjectTwiceIsOneLock() {
        CriticalSection.begin2(b, a);
        assertTrue(locked(a) && locked(b));
        assertTrue(CriticalSection.isHeld(a) && CriticalSection.isHeld(b));
        CriticalSection.end();
        CriticalSection.begin2(a, a);
        assertTrue(locked(a));
        assertEquals(1, CriticalSection.depth());
        CriticalSection.end();
    }

    @Test
    void endWithoutBeginIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, CriticalSection::end);
        assertTrue(e.getMessage().contains("without a matching begin"), e.getMessage());
    }

    @Test
    void recursionTenDeepOnOneObject() {
        for (int i = 0; i < 10; i++) {
            CriticalSection.begin(a);
            assertTrue(CriticalSection.isHeld(a));
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(locked(a));
            CriticalSection.end();
        }
    }

    @Test
    void recursionTenDeepOnAPair() {
        for (int i = 0; i < 10; i++) {
            CriticalSection.begin2(a, b);
            assertTrue(locked(a) && locked(b));
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(CriticalSection.isHeld(a) && CriticalSection.isHeld(b));
            CriticalSection.end();
        }
    }

    @Test
    void recursionTenDeepOnAPairMixedWithSinglesKeepsTheTopHeld() {
        for (int i = 0; i < 10; i++) {
            CriticalSection.begin2(a, b);
            CriticalSection.begin(i % 2 == 0 ? a : b);
        }
        assertEquals(20, CriticalSection.depth());
        for (int i = 9; i >= 0; i--) {
            long single = i % 2 == 0 ? a : b;
            assertTrue(CriticalSection.isHeld(single) && locked(single));
            CriticalSection.end();
            assertTrue(CriticalSection.isHeld(a) && CriticalSection.isHeld(b) && locked(a) && locked(b));
            CriticalSection.end();
        }
    }

    @Test
    void anObjectHeldByAnOuterSectionIsReacquiredWithoutWaitingOnItself() {
        CriticalSection.begin(a);
        CriticalSection.begin(b);
        CriticalSection.begin(a);
        assertTrue(CriticalSection.isHeld(a));
        assertFalse(locked(b), "the outer sections were suspended before locking a again");
        CriticalSection.end();
        assertTrue(locked(b) && !locked(a), "b's section is the top again; a's outer section stays suspended");
        CriticalSection.end();
        assertTrue(locked(a));
        CriticalSection.end();
    }

    @Test
    void suspendAllAndResumeAroundABlockingRegion() throws Exception {
        CriticalSection.begin(a);
        CriticalSection.begin(b);
        CriticalSection.suspendAll();
        assertFalse(locked(a));
        assertFalse(locked(b));
        try (Threads threads = new Threads()) {
            threads.plain("other", () -> {
                CriticalSection.begin2(a, b);
                Memory.putLong(a + Header.SIZE, 1);
                CriticalSection.end();
            });
        }
        CriticalSection.resume();
        assertTrue(locked(b), "resume re-acquires the top section");
        assertFalse(locked(a), "outer sections stay suspended until they are the top again");
        assertEquals(1, Memory.getLong(a + Header.SIZE));
        CriticalSection.end();
        assertTrue(locked(a));
        CriticalSection.end();
    }

    @Test
    void waitingForAContendedObjectSuspendsOuterSectionsOfAPlainThread() throws Exception {
        waitingSuspendsOuterSections(false);
    }

    @Test
    void waitingForAContendedObjectSuspendsOuterSectionsOfARuntimeThread() throws Exception {
        waitingSuspendsOuterSections(true);
    }

    private void waitingSuspendsOuterSections(boolean runtimeThread) throws Exception {
        Mutex.lock(b + Header.MUTEX);
        AtomicBoolean outerHeldAfterInnerBegan = new AtomicBoolean(true);
        AtomicBoolean outerHeldAfterInnerEnded = new AtomicBoolean(false);
        Threads.Body body = () -> {
            CriticalSection.begin(a);
            CriticalSection.begin(b);
            outerHeldAfterInnerBegan.set(locked(a));
            CriticalSection.end();
            outerHeldAfterInnerEnded.set(CriticalSection.isHeld(a) && locked(a));
            CriticalSection.end();
        };
        try (Threads threads = new Threads()) {
            if (runtimeThread) {
                threads.runtime("nested", body);
            } else {
                threads.plain("nested", body);
            }
            Threads.await(() -> ParkingLot.waiters(b + Header.MUTEX) == 1 && !locked(a));
            Mutex.lock(a + Header.MUTEX);
            Mutex.unlock(a + Header.MUTEX);
            Mutex.unlock(b + Header.MUTEX);
        }
        assertFalse(outerHeldAfterInnerBegan.get());
        assertTrue(outerHeldAfterInnerEnded.get());
    }

    @Test
    void aResumeAtEndThatMustWaitParksDetachedAndCompletes() throws Exception {
        Mutex.lock(b + Header.MUTEX);
        AtomicReference<ThreadState> nested = new AtomicReference<>();
        AtomicBoolean outerHeldAtTheEnd = new AtomicBoolean();
        try (Threads threads = new Threads()) {
            threads.runtime("nested", () -> {
                nested.set(RuntimeThreads.current());
                CriticalSection.begin(a);
                CriticalSection.begin(b);
                CriticalSection.end();
                outerHeldAtTheEnd.set(CriticalSection.isHeld(a) && locked(a) && nested.get().isAttached());
                CriticalSection.end();
            });
            Threads.await(() -> ParkingLot.waiters(b + Header.MUTEX) == 1 && !locked(a));
            Mutex.lock(a + Header.MUTEX);
            Mutex.unlock(b + Header.MUTEX);
            Threads.await(() -> ParkingLot.waiters(a + Header.MUTEX) == 1
                    && nested.get().state() == ThreadState.DETACHED);
            World.stop();
            World.start();
            Mutex.unlock(a + Header.MUTEX);
        }
        assertTrue(outerHeldAtTheEnd.get());
    }

    @Test
    void aResumeOnAttachThatMustWaitParksDetachedAndCompletes() throws Exception {
        CountDownLatch detached = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(1);
        AtomicReference<ThreadState> thread = new AtomicReference<>();
        AtomicBoolean heldAfterAttach = new AtomicBoolean();
        try (Threads threads = new Threads()) {
            threads.runtime("reattaching", () -> {
                ThreadState self = RuntimeThreads.current();
                thread.set(self);
                CriticalSection.begin(a);
                self.detach();
                detached.countDown();
                taken.await();
                self.attach();
                heldAfterAttach.set(CriticalSection.isHeld(a) && locked(a) && self.isAttached());
                CriticalSection.end();
            });
            detached.await();
            assertFalse(locked(a), "detaching suspended the section");
            Mutex.lock(a + Header.MUTEX);
            taken.countDown();
            Threads.await(() -> ParkingLot.waiters(a + Header.MUTEX) == 1
                    && thread.get().state() == ThreadState.DETACHED);
            World.stop();
            World.start();
            Mutex.unlock(a + Header.MUTEX);
        }
        assertTrue(heldAfterAttach.get());
    }

    @Test
    void oppositeOrderPairsFromTwoThreadsFinish() throws Exception {
        long counter = a + Header.SIZE;
        int iterations = 20_000;
        try (Threads threads = new Threads()) {
            threads.runtime("ab", () -> {
                for (int i = 0; i < iterations; i++) {
                    CriticalSection.begin2(a, b);
                    Memory.putLong(counter, Memory.getLong(counter) + 1);
                    CriticalSection.end();
                }
            });
            threads.plain("ba", () -> {
                for (int i = 0; i < iterations; i++) {
                    CriticalSection.begin2(b, a);
                    Memory.putLong(counter, Memory.getLong(counter) + 1);
                    CriticalSection.end();
                }
            });
        }
        assertEquals(2L * iterations, Memory.getLong(counter));
    }

    @Test
    void twoThreadsMixingNestedSectionsWithBlockingInBetweenFinish() throws Exception {
        long[] objects = {a, b, memory.object(16)};
        int iterations = 3_000;
        try (Threads threads = new Threads()) {
            for (int t = 0; t < 2; t++) {
                long seed = t;
                Threads.Body body = () -> mixedSections(objects, iterations, new SplittableRandom(seed));
                if (t == 0) {
                    threads.runtime("mixed-runtime", body);
                } else {
                    threads.plain("mixed-plain", body);
                }
            }
        }
        long total = 0;
        for (long object : objects) {
            total += Memory.getLong(object + Header.SIZE);
            assertFalse(locked(object));
        }
        assertEquals(2L * iterations, total, "an increment made under the top section was lost");
    }

    /** Each iteration: 1–3 nested sections (single or pair), one increment under the top one, maybe a block. */
    private static void mixedSections(long[] objects, int iterations, SplittableRandom random) throws Exception {
        for (int i = 0; i < iterations; i++) {
            int depth = 1 + random.nextInt(3);
            long object = 0;
            for (int d = 0; d < depth; d++) {
                object = objects[random.nextInt(objects.length)];
                if (random.nextBoolean()) {
                    CriticalSection.begin(object);
                } else {
                    CriticalSection.begin2(object, objects[random.nextInt(objects.length)]);
                }
                if (random.nextInt(8) == 0) {
                    CriticalSection.suspendAll();
                    Thread.yield();
                    CriticalSection.resume();
                }
            }
            long counter = object + Header.SIZE;
            Memory.putLong(counter, Memory.getLong(counter) + 1);
            if (random.nextInt(16) == 0) {
                ThreadState self = RuntimeThreads.currentOrNull();
                if (self != null) {
                    self.detach();
                    Thread.yield();
                    self.attach();
                }
            }
            for (int d = 0; d < depth; d++) {
                CriticalSection.end();
            }
        }
    }

    @Test
    void aStopTheWorldCompletesWhileAThreadWaitsInASection() throws Exception {
        Mutex.lock(b + Header.MUTEX);
        AtomicBoolean bothHeld = new AtomicBoolean();
        try (Threads threads = new Threads()) {
            threads.runtime("waiting-in-section", () -> {
                CriticalSection.begin(a);
                CriticalSection.begin2(a, b);
                bothHeld.set(locked(a) && locked(b));
                CriticalSection.end();
                CriticalSection.end();
            });
            Threads.await(() -> ParkingLot.waiters(b + Header.MUTEX) == 1);
            World.stop();
            World.start();
            Mutex.unlock(b + Header.MUTEX);
        }
        assertTrue(bothHeld.get());
    }

    @Test
    void theThreadThatStoppedTheWorldDoesNotWaitForASuspendedOwner() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> heldDuringStop = new AtomicReference<>();
        try (Threads threads = new Threads()) {
            threads.runtime("owner", () -> {
                Mutex.lock(a + Header.MUTEX);
                ThreadState self = RuntimeThreads.current();
                self.detach();
                holding.countDown();
                release.await();
                self.attach();
                Mutex.unlock(a + Header.MUTEX);
            });
            holding.await();
            World.stop();
            try {
                CriticalSection.begin(a);
                heldDuringStop.set(CriticalSection.isHeld(a));
                CriticalSection.end();
                assertTrue(locked(a), "the suspended owner still holds its mutex");
            } finally {
                World.start();
            }
            release.countDown();
        }
        assertTrue(heldDuringStop.get());
    }

    @Test
    void tryBegin2TimesOutAndLeavesTheOuterSectionHeld() throws Exception {
        CriticalSection.begin(a);
        AtomicBoolean acquired = new AtomicBoolean(true);
        CountDownLatch release = new CountDownLatch(1);
        try (Threads threads = new Threads()) {
            threads.plain("holder", () -> {
                Mutex.lock(b + Header.MUTEX);
                release.await();
                Mutex.unlock(b + Header.MUTEX);
            });
            Threads.await(() -> locked(b));
            try {
                acquired.set(CriticalSection.tryBegin2(a, b, 5, TimeUnit.MILLISECONDS));
            } finally {
                release.countDown();
            }
        }
        assertFalse(acquired.get());
        assertEquals(1, CriticalSection.depth());
        assertTrue(CriticalSection.isHeld(a) && locked(a));
        assertTrue(CriticalSection.tryBegin2(b, a, 5, TimeUnit.SECONDS));
        assertTrue(locked(a) && locked(b));
        CriticalSection.end();
        CriticalSection.end();
    }
}
