package io.github.ftmem.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class ParkingLotTest {

    private OffHeapWords memory;
    private long word;

    @BeforeEach
    void allocate() {
        memory = new OffHeapWords();
        word = memory.word();
        Memory.putIntVolatile(word, 7);
    }

    @AfterEach
    void free() {
        assertEquals(0, ParkingLot.waiters(word));
        memory.close();
        assertEquals(0, RuntimeThreads.registeredCount(), "a test left runtime threads registered");
    }

    @Test
    void parkReturnsAgainWhenTheWordDiffers() {
        assertEquals(ParkingLot.AGAIN, ParkingLot.park(word, 8, ParkingLot.NO_DEADLINE, 0));
    }

    @Test
    void parkTimesOutAndLeavesTheQueue() {
        long deadline = ParkingLot.deadlineAfter(TimeUnit.MILLISECONDS.toNanos(5));
        assertEquals(ParkingLot.TIMED_OUT, ParkingLot.park(word, 7, deadline, 0));
        assertTrue(System.nanoTime() - deadline >= 0);
        assertEquals(ParkingLot.TIMED_OUT, ParkingLot.park(word, 7, System.nanoTime(), 0));
    }

    @Test
    void unparkOneWithoutWaitersStillRunsTheCallback() {
        List<String> calls = new ArrayList<>();
        assertFalse(ParkingLot.unparkOne(word, (address, unparked, token, more) -> {
            calls.add(address + " " + unparked + " " + token + " " + more);
            return 0;
        }));
        assertEquals(List.of(word + " false 0 false"), calls);
    }

    @Test
    void unparkOneWakesWaitersInFifoOrderWithTheirTokens() throws Exception {
        int waiters = 3;
        List<Long> wokenWith = new CopyOnWriteArrayList<>();
        List<String> callbacks = new ArrayList<>();
        try (Threads threads = new Threads()) {
            for (int i = 0; i < waiters; i++) {
                long parkToken = 100 + i;
                threads.plain("waiter-" + i, () -> wokenWith.add(ParkingLot.park(word, 7, ParkingLot.NO_DEADLINE, parkToken)));
                int expected = i + 1;
                Threads.await(() -> ParkingLot.waiters(word) == expected);
            }
            for (int i = 0; i < waiters; i++) {
                int expectedWoken = i + 1;
                assertTrue(ParkingLot.unparkOne(word, (address, unparked, token, more) -> {
                    callbacks.add(token + " " + more);
                    return token * 10;
                }));
                Threads.await(() -> wokenWith.size() == expectedWoken);
            }
        }
        assertEquals(List.of("100 true", "101 true", "102 false"), callbacks);
        assertEquals(List.of(1000L, 1010L, 1020L), wokenWith);
    }

    @Test
    void unparkAllWakesEveryWaiterOnTheAddressOnly() throws Exception {
        long other = memory.word();
        Memory.putIntVolatile(other, 7);
        AtomicLong otherResult = new AtomicLong(Long.MIN_VALUE);
        List<Long> results = new CopyOnWriteArrayList<>();
        try (Threads threads = new Threads()) {
            threads.plain("other", () -> otherResult.set(ParkingLot.park(other, 7, ParkingLot.NO_DEADLINE, 0)));
            for (int i = 0; i < 3; i++) {
                threads.plain("waiter-" + i, () -> results.add(ParkingLot.park(word, 7, ParkingLot.NO_DEADLINE, 0)));
            }
            Threads.await(() -> ParkingLot.waiters(word) == 3 && ParkingLot.waiters(other) == 1);
            assertEquals(3, ParkingLot.unparkAll(word));
            Threads.await(() -> results.size() == 3);
            assertEquals(1, ParkingLot.waiters(other));
            assertEquals(Long.MIN_VALUE, otherResult.get());
            assertEquals(1, ParkingLot.unparkAll(other));
        }
        assertEquals(List.of(0L, 0L, 0L), results);
        assertEquals(0L, otherResult.get());
    }

    @Test
    void anInterruptedWaiterLeavesWithTheStatusSet() throws Exception {
        AtomicLong result = new AtomicLong();
        List<Boolean> statusAfter = new CopyOnWriteArrayList<>();
        try (Threads threads = new Threads()) {
            Thread waiter = threads.plain("waiter", () -> {
                result.set(ParkingLot.park(word, 7, ParkingLot.NO_DEADLINE, 0));
                statusAfter.add(Thread.interrupted());
                statusAfter.add(ParkingLot.park(word, 7, System.nanoTime() + 1_000_000, 0) == ParkingLot.TIMED_OUT);
            });
            Threads.await(() -> ParkingLot.waiters(word) == 1);
            waiter.interrupt();
        }
        assertEquals(ParkingLot.INTERRUPTED, result.get());
        assertEquals(List.of(true, true), statusAfter);
    }

    @Test
    void aNegativeTokenIsRejectedButTheWaiterIsStillWoken() throws Exception {
        AtomicLong result = new AtomicLong(Long.MIN_VALUE);
        try (Threads threads = new Threads()) {
            threads.plain("waiter", () -> result.set(ParkingLot.park(word, 7, ParkingLot.NO_DEADLINE, 0)));
            Threads.await(() -> ParkingLot.waiters(word) == 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParkingLot.unparkOne(word, (address, unparked, token, more) -> -5));
            assertTrue(e.getMessage().contains("-5"), e.getMessage());
        }
        assertEquals(0L, result.get());
    }

    @Test
    void deadlinesSaturate() {
        assertEquals(ParkingLot.NO_DEADLINE, ParkingLot.deadlineAfter(Long.MAX_VALUE));
        assertTrue(ParkingLot.deadlineAfter(0) - System.nanoTime() <= 0);
        assertFalse(ParkingLot.isPast(ParkingLot.NO_DEADLINE));
    }
}
