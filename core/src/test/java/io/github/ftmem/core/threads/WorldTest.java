package io.github.ftmem.core.threads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class WorldTest {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (RuntimeThreads.currentOrNull() != null) {
            RuntimeThreads.unregister();
        }
        assertFalse(World.isStopRequested());
    }

    @Test
    void stopSuspendsPollingAttachedAndBlockedDetachedThreads() throws Exception {
        int pollers = 3;
        AtomicLong[] progress = new AtomicLong[pollers];
        CountDownLatch ready = new CountDownLatch(pollers + 1);
        for (int i = 0; i < pollers; i++) {
            AtomicLong counter = progress[i] = new AtomicLong();
            start("poller-" + i, () -> {
                ThreadState self = RuntimeThreads.current();
                ready.countDown();
                while (running.get()) {
                    counter.incrementAndGet();
                    self.poll();
                }
            });
        }
        start("blocked", () -> {
            ThreadState self = RuntimeThreads.current();
            self.detach();
            ready.countDown();
            while (running.get()) {
                sleep(1);
            }
            self.attach();
        });
        ready.await();
        long stopsBefore = World.stops();
        for (int round = 0; round < 20; round++) {
            World.stop();
            assertTrue(World.isStopped());
            assertTrue(World.isStoppedByCurrentThread());
            assertEquals(0, attachedOthers(), "no other thread is attached while stopped");
            long[] before = snapshot(progress);
            sleep(2);
            assertArrayEquals(before, snapshot(progress));
            World.start();
            assertFalse(World.isStopped());
        }
        assertEquals(stopsBefore + 20, World.stops());
        assertTrue(World.lastPauseNanos() > 0);
        assertTrue(World.maxPauseNanos() >= World.lastPauseNanos());
        long[] after = snapshot(progress);
        for (int i = 0; i < pollers; i++) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (progress[i].get() == after[i] && System.nanoTime() < deadline) {
                sleep(1);
            }
            assertTrue(progress[i].get() > after[i], "poller " + i + " runs again after the start");
        }
    }

    @Test
    void aSuspendedThreadThatTriesToAttachWaitsForTheStart() throws Exception {
        CountDownLatch detached = new CountDownLatch(1);
        CountDownLatch tryAttach = new CountDownLatch(1);
        AtomicBoolean attachedWhileStopped = new AtomicBoolean();
        AtomicBoolean attached = new AtomicBoolean();
        start("late-attacher", () -> {
            ThreadState self = RuntimeThreads.current();
            self.detach();
            detached.countDown();
            RuntimeThreadsTest.await(tryAttach);
            self.attach();
            attachedWhileStopped.set(World.isStopped());
            attached.set(true);
        });
        detached.await();
        World.stop();
        tryAttach.countDown();
        sleep(20);
        assertFalse(attached.get(), "attach blocks while the world is stopped");
        World.start();
        threads.getFirst().join();
        assertTrue(attached.get());
        assertFalse(attachedWhileStopped.get());
    }

    @Test
    void aThreadRegisteringDuringAStopStartsSuspended() throws Exception {
        World.stop();
        AtomicInteger initialState = new AtomicInteger(-1);
        AtomicBoolean ranBody = new AtomicBoolean();
        Thread newcomer = Thread.ofPlatform().start(() -> {
            ThreadState state = RuntimeThreads.register();
            initialState.set(state.state());
            state.attach();
            ranBody.set(!World.isStopped());
            RuntimeThreads.unregister();
        });
        threads.add(newcomer);
        while (initialState.get() < 0) {
            Thread.onSpinWait();
        }
        sleep(10);
        assertEquals(ThreadState.SUSPENDED, initialState.get());
        assertFalse(ranBody.get());
        World.start();
        newcomer.join();
        assertTrue(ranBody.get(), "it ran, and only after the start");
    }

    @Test
    void aThreadExitingDuringAStopFinishesAfterTheStart() throws Exception {
        CountDownLatch detached = new CountDownLatch(1);
        CountDownLatch exit = new CountDownLatch(1);
        AtomicBoolean exitListenerSawStopped = new AtomicBoolean();
        ThreadListener listener = new ThreadListener() {
            @Override
            public void onExit(ThreadState thread) {
                if (thread.thread().getName().equals("exiter")) {
                    exitListenerSawStopped.set(World.isStopped());
                }
            }
        };
        RuntimeThreads.addListener(listener);
        try {
            start("exiter", () -> {
                RuntimeThreads.current().detach();
                detached.countDown();
                RuntimeThreadsTest.await(exit);
                RuntimeThreads.current().attach();
            });
            detached.await();
            int registered = RuntimeThreads.registeredCount();
            World.stop();
            exit.countDown();
            sleep(20);
            assertEquals(registered, RuntimeThreads.registeredCount(), "the exit waits for the start");
            World.start();
            threads.getFirst().join();
            assertEquals(registered - 1, RuntimeThreads.registeredCount());
            assertFalse(exitListenerSawStopped.get());
        } finally {
            RuntimeThreads.removeListener(listener);
        }
    }

    @Test
    void aThreadThatDiedRegisteredAndAttachedIsReapedNotWaitedFor() throws Exception {
        AtomicInteger exitsSeen = new AtomicInteger();
        AtomicBoolean reapedWhileStopped = new AtomicBoolean();
        ThreadListener listener = new ThreadListener() {
            @Override
            public void onExit(ThreadState thread) {
                if (thread.thread().getName().equals("careless")) {
                    exitsSeen.incrementAndGet();
                    reapedWhileStopped.set(World.isStoppedByCurrentThread());
                }
            }
        };
        RuntimeThreads.addListener(listener);
        try {
            Thread careless = Thread.ofPlatform().name("careless").start(() -> RuntimeThreads.register().attach());
            careless.join();
            int registered = RuntimeThreads.registeredCount();
            World.stop();
            World.start();
            assertEquals(1, exitsSeen.get());
            assertTrue(reapedWhileStopped.get());
            assertEquals(registered - 1, RuntimeThreads.registeredCount());
        } finally {
            RuntimeThreads.removeListener(listener);
        }
    }

    @Test
    void anAttachedRequesterStaysAttachedAndOthersWaitBehindIt() throws Exception {
        ThreadState self = RuntimeThreads.register();
        self.attach();
        World.stop();
        assertEquals(ThreadState.ATTACHED, self.state());
        AtomicBoolean secondStopped = new AtomicBoolean();
        CountDownLatch secondDone = new CountDownLatch(1);
        start("second-requester", () -> {
            World.stop();
            secondStopped.set(World.isStoppedByCurrentThread());
            World.start();
            secondDone.countDown();
        });
        sleep(20);
        assertEquals(1, secondDone.getCount(), "one stop at a time");
        World.start();
        self.detach();
        secondDone.await();
        assertTrue(secondStopped.get());
    }

    @Test
    void misuseIsExplained() {
        IllegalStateException notStopped = assertThrows(IllegalStateException.class, World::start);
        assertTrue(notStopped.getMessage().contains("has not stopped the world"), notStopped.getMessage());
        World.stop();
        try {
            IllegalStateException nested = assertThrows(IllegalStateException.class, World::stop);
            assertTrue(nested.getMessage().contains("do not nest"), nested.getMessage());
        } finally {
            World.start();
        }
    }

    @Test
    void manyThreadsStoppingEachOtherAllFinish() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            start("mutual-" + i, () -> {
                ThreadState self = RuntimeThreads.current();
                for (int round = 0; round < 50; round++) {
                    World.stop();
                    assertEquals(0, attachedOthers());
                    stops.incrementAndGet();
                    World.start();
                    self.poll();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(200, stops.get());
    }

    private void start(String name, Runnable body) {
        Thread thread = RuntimeThreads.newThread(name, body);
        threads.add(thread);
        thread.start();
    }

    private static int attachedOthers() {
        int attached = 0;
        for (ThreadState state : RuntimeThreads.registered()) {
            if (state.thread() != Thread.currentThread() && state.state() == ThreadState.ATTACHED) {
                attached++;
            }
        }
        return attached;
    }

    private static long[] snapshot(AtomicLong[] counters) {
        long[] values = new long[counters.length];
        for (int i = 0; i < counters.length; i++) {
            values[i] = counters[i].get();
        }
        return values;
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "counters moved while stopped");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
