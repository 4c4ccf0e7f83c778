package io.github.ftmem.qsbr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftmem.core.threads.Quiescence;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QsbrTest {

    private ThreadState main;
    private final List<Long> reclaimed = new ArrayList<>();
    private final Reclaimer record = address -> {
        synchronized (reclaimed) {
            reclaimed.add(address);
        }
    };

    @BeforeEach
    void attachMain() {
        main = RuntimeThreads.attachCurrent();
        // Start from a clean slate: whatever earlier tests left queued is reclaimed here.
        World.stop();
        World.start();
    }

    @AfterEach
    void detachMain() {
        RuntimeThreads.unregister();
    }

    private int reclaimedCount() {
        synchronized (reclaimed) {
            return reclaimed.size();
        }
    }

    @Test
    void writeSequenceIsOddAndAdvancesByTwo() {
        long before = Qsbr.writeSequence();
        assertEquals(1, before & 1);
        long goal = Qsbr.advance();
        assertEquals(before + 2, goal);
        assertEquals(goal, Qsbr.writeSequence());
    }

    @Test
    void goalReachedOnlyWhenEveryAttachedThreadPassed() {
        try (Worker a = new Worker("qsbr-a"); Worker b = new Worker("qsbr-b")) {
            a.attach();
            b.attach();
            long goal = Qsbr.advance();
            assertFalse(Qsbr.poll(goal), "no thread has passed the goal yet");
            main.poll();
            assertFalse(Qsbr.poll(goal), "a and b have not passed it");
            a.poll();
            assertFalse(Qsbr.poll(goal), "b has not passed it");
            assertFalse(Qsbr.goalReached(goal));
            b.poll();
            assertTrue(Qsbr.poll(goal));
            assertTrue(Qsbr.goalReached(goal), "the poll raised the read sequence");
            checkInvariant(main, a.state(), b.state());
            a.detach();
            b.detach();
        }
    }

    @Test
    void detachedThreadsHoldNobodyBack() {
        try (Worker a = new Worker("qsbr-detached")) {
            a.attach();
            long goal = Qsbr.advance();
            main.poll();
            assertFalse(Qsbr.poll(goal));
            a.detach();
            assertEquals(Quiescence.OFFLINE, a.state().quiescentSequence());
            assertTrue(Qsbr.poll(goal), "a detached thread does not hold the goal back");
            a.attach();
            assertTrue(a.state().quiescentSequence() - goal >= 0, "attach publishes the current write sequence");
            long next = Qsbr.advance();
            main.poll();
            assertFalse(Qsbr.poll(next), "attached again, it holds back later goals");
            a.detach();
        }
    }

    @Test
    void neverAttachedThreadsHoldNobodyBack() {
        try (Worker a = new Worker("qsbr-registered-only")) {
            long goal = Qsbr.advance();
            main.poll();
            assertTrue(Qsbr.poll(goal));
            assertEquals(Quiescence.OFFLINE, a.state().quiescentSequence());
        }
    }

    @Test
    void deferredAdvanceWritesEveryTenthCall() {
        long start = Qsbr.writeSequence();
        int advances = 0;
        for (int i = 0; i < 3 * Qsbr.DEFERRED_LIMIT; i++) {
            long before = Qsbr.writeSequence();
            long goal = Qsbr.deferredAdvance();
            assertEquals(before + 2, goal, "the goal is the next write sequence");
            if (Qsbr.writeSequence() != before) {
                advances++;
            }
        }
        assertEquals(3, advances);
        assertEquals(start + 6, Qsbr.writeSequence());
    }

    @Test
    void delayedFreeWaitsForEveryAttachedThread() {
        try (Worker a = new Worker("qsbr-reader")) {
            a.attach();
            for (long i = 1; i <= DelayedQueue.ITEMS; i++) {
                Qsbr.freeDelayed(i * 16, record);
            }
            assertEquals(0, reclaimedCount(), "a has not passed a quiescent state since the frees");
            assertEquals(DelayedQueue.ITEMS, Qsbr.pendingOfCurrentThread());
            main.poll();
            Qsbr.processDelayed();
            assertEquals(0, reclaimedCount(), "a still holds the goal back");
            a.poll();
            Qsbr.processDelayed();
            assertEquals(DelayedQueue.ITEMS, reclaimedCount());
            assertEquals(0, Qsbr.pendingOfCurrentThread());
            for (int i = 0; i < DelayedQueue.ITEMS; i++) {
                assertEquals((i + 1) * 16L, reclaimed.get(i), "reclaimed in queue order");
            }
            a.detach();
        }
    }

    @Test
    void itemsQueuedAfterAGoalWaitForTheirOwn() {
        try (Worker a = new Worker("qsbr-late")) {
            a.attach();
            Qsbr.freeDelayed(16, record);
            Qsbr.processDelayed(); // seals the first item with a goal
            a.poll();
            Qsbr.freeDelayed(32, record); // queued after a's poll: needs a new quiescent state
            main.poll();
            Qsbr.processDelayed();
            assertEquals(List.of(16L), reclaimed);
            a.poll();
            main.poll();
            Qsbr.processDelayed();
            assertEquals(List.of(16L, 32L), reclaimed);
            a.detach();
        }
    }

    @Test
    void exitedThreadsQueuesAreOrphanedThenReclaimed() {
        try (Worker a = new Worker("qsbr-exiting")) {
            a.attach();
            a.run(() -> {
                for (long i = 1; i <= 3; i++) {
                    Qsbr.freeDelayed(i * 16, record);
                }
            });
            a.exit(); // main is attached and has not polled: nothing reclaimable yet
            assertEquals(0, reclaimedCount());
            assertEquals(3, Qsbr.statistics().orphanedItems());
            main.poll();
            Qsbr.processDelayed();
            assertEquals(3, reclaimedCount());
            assertEquals(0, Qsbr.statistics().orphanedItems());
        }
    }

    @Test
    void exitReclaimsWhatIsReachable() {
        try (Worker a = new Worker("qsbr-exit-clean")) {
            a.attach();
            main.detach(); // nobody else is attached: a's goals pass at its own exit
            a.run(() -> Qsbr.freeDelayed(16, record));
            a.exit();
            assertEquals(1, reclaimedCount());
            assertEquals(0, Qsbr.statistics().orphanedItems());
            main.attach();
        }
    }

    @Test
    void stopTheWorldReclaimsEverything() {
        try (Worker a = new Worker("qsbr-stopped")) {
            a.attach();
            a.run(() -> {
                for (long i = 1; i <= 5; i++) {
                    Qsbr.freeDelayed(i * 16, record);
                }
            });
            a.detach(); // processes, but main (attached, not polled) holds the goal back
            for (long i = 6; i <= 7; i++) {
                Qsbr.freeDelayed(i * 16, record);
            }
            assertEquals(0, reclaimedCount());
            World.stop();
            Qsbr.freeDelayed(8 * 16, record);
            assertEquals(1, reclaimedCount(), "freeDelayed with the world stopped by the caller frees at once");
            World.start();
            assertEquals(8, reclaimedCount(), "the stopped world reclaimed every queue");
            QsbrStatistics stats = Qsbr.statistics();
            assertEquals(0, stats.pendingItems());
            assertEquals(0, stats.orphanedItems());
            assertTrue(Qsbr.goalReached(Qsbr.writeSequence() - 2));
        }
    }

    @Test
    void queueStaysBoundedOnceOthersPoll() {
        try (Worker a = new Worker("qsbr-holder")) {
            a.attach();
            int n = 2 * Qsbr.QUEUE_LIMIT;
            for (int i = 1; i <= n; i++) {
                Qsbr.freeDelayed(16L * i, record);
            }
            assertEquals(0, reclaimedCount(), "a never polled: everything waits");
            assertEquals(n, Qsbr.pendingOfCurrentThread());
            a.poll();
            main.poll();
            for (int i = 1; i <= Qsbr.OVER_LIMIT_STRIDE; i++) {
                Qsbr.freeDelayed(16L * (n + i), record);
            }
            assertTrue(Qsbr.pendingOfCurrentThread() <= Qsbr.OVER_LIMIT_STRIDE,
                    "past the limit the thread advanced and polled: " + Qsbr.pendingOfCurrentThread() + " pending");
            assertTrue(reclaimedCount() >= n);
            a.detach();
        }
    }

    @Test
    void reclaimersMayQueueMore() {
        Reclaimer composite = address -> {
            record.reclaim(address);
            Qsbr.freeDelayed(address + 8, record);
        };
        Qsbr.freeDelayed(16, composite);
        Qsbr.processDelayed(); // seals: the item's goal is the advance made now
        main.poll();
        Qsbr.processDelayed();
        assertEquals(List.of(16L), reclaimed, "the child waits for a goal of its own");
        main.poll();
        Qsbr.processDelayed();
        assertEquals(List.of(16L), reclaimed, "the child's goal came after that poll");
        main.poll();
        Qsbr.processDelayed();
        assertEquals(List.of(16L, 24L), reclaimed);
    }

    @Test
    void freeDelayedNeedsAnAttachedThread() {
        main.detach();
        assertThrows(IllegalStateException.class, () -> Qsbr.freeDelayed(16, record));
        main.attach();
        CompletableFuture<Throwable> unregistered = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                Qsbr.freeDelayed(16, record);
                unregistered.complete(null);
            } catch (Throwable t) {
                unregistered.complete(t);
            }
        });
        assertTrue(unregistered.join() instanceof IllegalStateException);
        assertEquals(0, reclaimedCount());
    }

    @Test
    void statisticsCountPendingAndReclaimed() {
        long before = Qsbr.statistics().reclaimedTotal();
        Qsbr.freeDelayed(16, record);
        Qsbr.freeDelayed(32, record);
        assertEquals(2, Qsbr.statistics().pendingItems());
        main.poll();
        Qsbr.processDelayed();
        main.poll();
        Qsbr.processDelayed();
        QsbrStatistics stats = Qsbr.statistics();
        assertEquals(0, stats.pendingItems());
        assertEquals(before + 2, stats.reclaimedTotal());
        assertTrue(stats.readSequence() - stats.writeSequence() <= 0);
    }

    /** rd ≤ seq(t) ≤ wr for every attached thread t. */
    private static void checkInvariant(ThreadState... attached) {
        long rd = Qsbr.readSequence();
        long wr = Qsbr.writeSequence();
        for (ThreadState t : attached) {
            long seq = t.quiescentSequence();
            assertTrue(rd - seq <= 0, "rd " + rd + " > seq " + seq + " of " + t);
            assertTrue(seq - wr <= 0, "seq " + seq + " of " + t + " > wr " + wr);
        }
    }
}
