package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class OnceFlagTest {

    private OffHeapWords memory;
    private long flag;

    @BeforeEach
    void allocate() {
        memory = new OffHeapWords();
        flag = memory.word();
    }

    @AfterEach
    void free() {
        assertEquals(0, ParkingLot.waiters(flag));
        memory.close();
    }

    @Test
    void runsOnceAcrossThreadsAndWaitersSeeItsEffects() throws Exception {
        long value = memory.word();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger ranHere = new AtomicInteger();
        AtomicInteger sawValue = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        int threads = 4;
        try (Threads workers = new Threads()) {
            for (int i = 0; i < threads; i++) {
                workers.plain("caller-" + i, () -> {
                    go.await();
                    boolean ran = OnceFlag.callOnce(flag, () -> {
                        runs.incrementAndGet();
                        sleep(5);
                        Memory.putInt(value, 42);
                    });
                    if (ran) {
                        ranHere.incrementAndGet();
                    }
                    if (Memory.getInt(value) == 42) {
                        sawValue.incrementAndGet();
                    }
                });
            }
            go.countDown();
        }
        assertEquals(1, runs.get());
        assertEquals(1, ranHere.get());
        assertEquals(threads, sawValue.get());
        assertTrue(OnceFlag.isDone(flag));
        assertEquals(OnceFlag.DONE, Memory.getInt(flag));
        assertFalse(OnceFlag.callOnce(flag, () -> runs.incrementAndGet()));
        assertEquals(1, runs.get());
    }

    @Test
    void aFailedInitializerResetsTheFlagAndALaterCallRetries() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> OnceFlag.callOnce(flag, () -> {
            throw boom;
        })));
        assertFalse(OnceFlag.isDone(flag));
        assertEquals(0, Memory.getInt(flag));
        assertTrue(OnceFlag.callOnce(flag, () -> {
        }));
        assertTrue(OnceFlag.isDone(flag));
    }

    @Test
    void aWaiterBecomesTheRunnerAfterAFailure() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger secondRan = new AtomicInteger();
        try (Threads workers = new Threads()) {
            workers.plain("failing", () -> assertThrows(IllegalStateException.class, () -> OnceFlag.callOnce(flag, () -> {
                running.countDown();
                sleepUntil(() -> ParkingLot.waiters(flag) == 1);
                assertEquals(OnceFlag.RUNNING | OnceFlag.HAS_PARKED, Memory.getIntVolatile(flag));
                throw new IllegalStateException("first attempt fails");
            })));
            running.await();
            workers.plain("waiting", () -> {
                if (OnceFlag.callOnce(flag, secondRan::incrementAndGet)) {
                    secondRan.addAndGet(10);
                }
            });
        }
        assertEquals(11, secondRan.get());
        assertTrue(OnceFlag.isDone(flag));
    }

    @Test
    void aWordThatIsNotAOnceFlagIsRejected() {
        Memory.putInt(flag, 2);
        assertThrows(IllegalStateException.class, () -> OnceFlag.callOnce(flag, () -> {
        }));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleepUntil(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            sleep(1);
        }
    }
}
