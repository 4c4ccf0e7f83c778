package io.github.ftmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftmem.allocator.internal.Segment;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.qsbr.Qsbr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Allocator × QSBR: delayed frees and pages of QSBR tags wait for their goal. */
class DelayedFreeTest {

    static final int RAW = 0;
    static final int OBJECTS = 1;

    private ThreadState main;
    private Reader reader;

    /** An attached runtime thread that reads nothing and polls only when told: it holds goals back. */
    static final class Reader implements AutoCloseable {
        private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
        private final Thread thread;

        Reader() {
            CompletableFuture<Void> attached = new CompletableFuture<>();
            thread = Thread.ofPlatform().name("delayed-free-reader").start(() -> RuntimeThreads.run(() -> {
                attached.complete(null);
                while (true) {
                    Runnable command;
                    try {
                        command = commands.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (command == STOP) {
                        return;
                    }
                    command.run();
                }
            }));
            attached.join();
        }

        private static final Runnable STOP = () -> { };

        void poll() {
            CompletableFuture<Void> done = new CompletableFuture<>();
            commands.add(() -> {
                RuntimeThreads.current().poll();
                done.complete(null);
            });
            done.join();
        }

        /** Detaches (or attaches) the reader, so a stop-the-world does not wait for it. */
        void setAttached(boolean attached) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            commands.add(() -> {
                if (attached) {
                    RuntimeThreads.current().attach();
                } else {
                    RuntimeThreads.current().detach();
                }
                done.complete(null);
            });
            done.join();
        }

        @Override
        public void close() throws InterruptedException {
            commands.add(STOP);
            thread.join();
        }
    }

    @BeforeEach
    void setUp() {
        main = RuntimeThreads.attachCurrent();
        reader = new Reader();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        reader.close();
        RuntimeThreads.unregister();
    }

    /** Every attached thread passes a quiescent state, then this thread processes its queue. */
    private void gracePeriod() {
        Qsbr.processDelayed(); // seal the open chunk with a goal
        reader.poll();
        main.poll();
        Qsbr.processDelayed();
    }

    @Test
    void delayedBlockIsNotReusedBeforeItsGoal() {
        Allocator allocator = Allocator.builder().tags(2).debug(false).build();
        long block = allocator.allocate(RAW, 48);
        allocator.freeDelayed(block);
        AllocatorStatistics stats = allocator.statistics();
        assertEquals(1, stats.delayedBlocks());
        assertEquals(48, stats.delayedBytes());
        assertEquals(1, stats.liveBlocks(), "a delayed block is still allocated");
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long other = allocator.allocate(RAW, 48);
            assertNotEquals(block, other, "a delayed block came back from allocate before its goal");
            others.add(other);
        }
        for (long other : others) {
            allocator.free(other);
        }
        Qsbr.processDelayed();
        main.poll();
        Qsbr.processDelayed();
        assertEquals(1, allocator.statistics().delayedBlocks(), "the reader has not polled");
        gracePeriod();
        stats = allocator.statistics();
        assertEquals(0, stats.delayedBlocks());
        assertEquals(0, stats.delayedBytes());
        assertEquals(0, stats.liveBlocks());
        assertThrows(IllegalArgumentException.class, () -> allocator.free(block), "the block was freed by the reclaim");
        allocator.validate();
        allocator.releaseCurrentThread();
    }

    @Test
    void stopTheWorldFreesDelayedBlocks() {
        Allocator allocator = Allocator.builder().tags(2).debug(false).build();
        long[] blocks = new long[300];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = allocator.allocate(RAW, 16 + i);
        }
        for (long block : blocks) {
            allocator.freeDelayed(block);
        }
        assertEquals(blocks.length, allocator.statistics().delayedBlocks());
        reader.setAttached(false); // a blocked attached thread would stall the stop
        World.stop();
        World.start();
        reader.setAttached(true);
        assertEquals(0, allocator.statistics().delayedBlocks());
        assertEquals(0, allocator.statistics().liveBlocks());
        allocator.validate();
        allocator.releaseCurrentThread();
    }

    @Test
    void emptiedPageOfQsbrTagKeepsItsClassUntilItsGoal() {
        Allocator allocator = Allocator.builder().tags(2).qsbrTags(OBJECTS).purgeDelay(Duration.ZERO).debug(false).build();
        long object = allocator.allocate(OBJECTS, 1024);
        long page = object >>> Segment.SMALL_PAGE_SHIFT;
        long committed = allocator.statistics().committedBytes();
        allocator.free(object); // a lock-free reader may still try-incref it
        allocator.releaseCurrentThread(); // the empty page leaves the heap: it must wait for its goal
        assertEquals(1, allocator.statistics().pagesAwaitingGoal());
        assertEquals(committed, allocator.statistics().committedBytes(), "an awaiting page is not decommitted");
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            long other = allocator.allocate(OBJECTS, 48); // another size class
            assertNotEquals(page, other >>> Segment.SMALL_PAGE_SHIFT, "the page changed size class before its goal");
            others.add(other);
        }
        allocator.validate();
        reader.poll();
        main.poll();
        allocator.collect(true);
        assertEquals(0, allocator.statistics().pagesAwaitingGoal());
        for (long other : others) {
            allocator.free(other);
        }
        allocator.releaseCurrentThread();
        allocator.collect(true);
        allocator.validate();
    }

    @Test
    void hugeBlockOfQsbrTagStaysMappedUntilItsGoal() {
        Allocator allocator = Allocator.builder().tags(2).qsbrTags(OBJECTS).purgeDelay(Duration.ZERO).debug(false).build();
        long huge = allocator.allocate(OBJECTS, 8L << 20);
        Memory.putLong(huge, 42);
        allocator.free(huge);
        assertEquals(1, allocator.statistics().pagesAwaitingGoal());
        assertEquals(42, Memory.getLong(huge), "still mapped: a late reader reads old contents, not a fault");
        reader.poll();
        main.poll();
        allocator.collect(true);
        assertEquals(0, allocator.statistics().pagesAwaitingGoal());
        allocator.releaseCurrentThread();
    }

    @Test
    void pagesOfOtherTagsAreReleasedAtOnce() {
        Allocator allocator = Allocator.builder().tags(2).qsbrTags(OBJECTS).purgeDelay(Duration.ZERO).debug(false).build();
        long raw = allocator.allocate(RAW, 1024);
        allocator.free(raw);
        allocator.collect(true);
        assertEquals(0, allocator.statistics().pagesAwaitingGoal());
        allocator.releaseCurrentThread();
    }

    @Test
    void debugModeFillsTheBlockWhenFinallyFreedAndCatchesMisuse() {
        Allocator allocator = Allocator.builder().tags(2).debug(true).build();
        long block = allocator.allocate(RAW, 64);
        Memory.fill(block, 64, (byte) 0x11);
        allocator.freeDelayed(block);
        assertThrows(IllegalArgumentException.class, () -> allocator.freeDelayed(block), "queued twice");
        assertThrows(IllegalArgumentException.class, () -> allocator.free(block), "freed while queued");
        assertEquals((byte) 0x11, Memory.getByte(block + 40), "old contents intact during the grace period");
        gracePeriod();
        for (int offset = 16; offset < 64; offset++) {
            assertEquals((byte) 0xDF, Memory.getByte(block + offset), "the free fill at offset " + offset);
        }
        assertEquals(0, allocator.statistics().delayedBlocks());
        assertThrows(IllegalArgumentException.class, () -> allocator.freeDelayed(block), "already freed");
        allocator.releaseCurrentThread();
    }

    @Test
    void freeDelayedOfForeignOrFreedBlockFailsAtOnce() {
        Allocator allocator = Allocator.builder().tags(2).debug(false).build();
        long block = allocator.allocate(RAW, 32);
        allocator.free(block);
        assertThrows(IllegalArgumentException.class, () -> allocator.freeDelayed(block));
        assertThrows(IllegalArgumentException.class, () -> allocator.freeDelayed(0x1000));
        assertEquals(0, allocator.statistics().delayedBlocks());
        allocator.releaseCurrentThread();
    }

    @Test
    void freeDelayedNeedsAnAttachedThread() {
        Allocator allocator = Allocator.builder().tags(2).debug(false).build();
        long block = allocator.allocate(RAW, 32);
        main.detach();
        assertThrows(IllegalStateException.class, () -> allocator.freeDelayed(block));
        main.attach();
        assertEquals(0, allocator.statistics().delayedBlocks());
        allocator.free(block);
        allocator.releaseCurrentThread();
    }
}
