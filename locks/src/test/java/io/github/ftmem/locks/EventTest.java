package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class EventTest {

    private OffHeapWords memory;
    private long event;

    @BeforeEach
    void allocate() {
        memory = new OffHeapWords();
        event = memory.word();
    }

    @AfterEach
    void free() {
        assertEquals(0, ParkingLot.waiters(event));
        memory.close();
    }

    @Test
    void aSetEventReturnsAtOnceAndStaysSet() throws Exception {
        assertFalse(Event.isSet(event));
        Event.set(event);
        assertEquals(Event.SET, Memory.getInt(event));
        Event.await(event);
        assertTrue(Event.await(event, 0, TimeUnit.MILLISECONDS));
        Event.set(event);
        assertTrue(Event.isSet(event));
    }

    @Test
    void aTimedWaitTimesOutAndMarksWaiters() throws Exception {
        assertFalse(Event.await(event, 5, TimeUnit.MILLISECONDS));
        assertEquals(Event.HAS_PARKED, Memory.getInt(event));
        Event.set(event);
        assertEquals(Event.SET, Memory.getInt(event));
    }

    @Test
    void setWakesEveryWaiter() throws Exception {
        int waiters = 3;
        AtomicInteger woken = new AtomicInteger();
        try (Threads threads = new Threads()) {
            for (int i = 0; i < waiters; i++) {
                threads.plain("waiter-" + i, () -> {
                    Event.await(event);
                    woken.incrementAndGet();
                });
            }
            threads.runtime("timed-waiter", () -> assertTrue(Event.await(event, 20, TimeUnit.SECONDS)));
            Threads.await(() -> ParkingLot.waiters(event) == waiters + 1);
            assertEquals(0, woken.get());
            Event.set(event);
        }
        assertEquals(waiters, woken.get());
    }

    @Test
    void interruptsAreThrownByTimedWaitsAndKeptByUntimedOnes() throws Exception {
        AtomicBoolean threw = new AtomicBoolean();
        AtomicBoolean statusKept = new AtomicBoolean();
        try (Threads threads = new Threads()) {
            Thread timed = threads.plain("timed", () -> {
                try {
                    Event.await(event, 20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    threw.set(true);
                }
            });
            Thread untimed = threads.plain("untimed", () -> {
                Event.await(event);
                statusKept.set(Thread.interrupted());
            });
            Threads.await(() -> ParkingLot.waiters(event) == 2);
            timed.interrupt();
            untimed.interrupt();
            Threads.await(() -> !timed.isAlive() && ParkingLot.waiters(event) == 1
                    && untimed.getState() == Thread.State.WAITING);
            Event.set(event);
        }
        assertTrue(threw.get());
        assertTrue(statusKept.get());
    }

    @Test
    void aWordThatIsNotAnEventIsRejected() {
        Memory.putInt(event, 9);
        assertThrows(IllegalStateException.class, () -> Event.await(event));
        assertThrows(IllegalStateException.class, () -> Event.set(event));
    }
}
