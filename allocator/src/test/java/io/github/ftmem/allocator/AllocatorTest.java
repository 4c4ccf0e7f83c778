package io.github.ftmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftmem.allocator.internal.SizeClasses;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    static final int RAW = 0;
    static final int OBJECTS = 1;
    static final int GC = 2;

    private final Allocator allocator = Allocator.builder().tags(3).debug(false).build();

    @AfterEach
    void noLeaks() {
        allocator.validate();
        assertEquals(0, allocator.statistics().liveBlocks(), "live blocks after the test");
        allocator.releaseCurrentThread();
        allocator.collect(true);
    }

    @Test
    void sizeClassBoundaries() {
        int[] sizes = {0, 1, 15, 16, 17, 32, 33, 48, 49, 64, 65, 80, 81, 128, 129, 1024, 1025, 8192, 8193, 65536, 65537};
        for (int size : sizes) {
            long block = allocator.allocate(RAW, size);
            assertEquals(0, block % 16, "alignment of " + size);
            long usable = allocator.usableSize(block);
            assertTrue(usable >= Math.max(size, 1), size + " B got " + usable);
            if (size > 0 && size <= 65536) {
                assertTrue(usable <= Math.max(16, size * 1.25 + 16), size + " B got " + usable);
            }
            Memory.fill(block, Math.max(size, 1), (byte) 0x5A);
            allocator.free(block);
        }
    }

    @Test
    void everySizeClassBoundary() {
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            int blockSize = SizeClasses.blockSize(c);
            long exact = allocator.allocate(RAW, blockSize);
            assertEquals(blockSize, allocator.usableSize(exact), "class " + c + " at its size");
            long below = allocator.allocate(RAW, blockSize - 15);
            assertEquals(blockSize, allocator.usableSize(below), "class " + c + " just above the previous class");
            long above = allocator.allocate(RAW, blockSize + 1);
            long expectedAbove = c + 1 < SizeClasses.COUNT ? SizeClasses.blockSize(c + 1) : -1;
            if (expectedAbove > 0) {
                assertEquals(expectedAbove, allocator.usableSize(above), "class " + c + " plus one byte");
            } else {
                assertTrue(allocator.usableSize(above) >= blockSize + 1, "beyond the last class: a huge block");
            }
            Memory.putLong(exact + blockSize - 8, c);
            Memory.putLong(below + blockSize - 8, c);
            assertEquals(c, Memory.getLong(exact + blockSize - 8));
            assertEquals(3, allocator.statistics(RAW).liveBlocks());
            allocator.free(exact);
            allocator.free(below);
            allocator.free(above);
        }
    }

    @Test
    void blocksDoNotOverlapAndKeepTheirContents() {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long size = 1 + (i * 37L) % 3000;
            long block = allocator.allocate(OBJECTS, size);
            Memory.putLong(block, i);
            Memory.putLong(block + ((size - 1) & ~7L), i);
            blocks.add(block);
        }
        Set<Long> distinct = new HashSet<>(blocks);
        assertEquals(blocks.size(), distinct.size());
        for (int i = 0; i < blocks.size(); i++) {
            long size = 1 + (i * 37L) % 3000;
            assertEquals(i, Memory.getLong(blocks.get(i)));
            assertEquals(i, Memory.getLong(blocks.get(i) + ((size - 1) & ~7L)));
        }
        assertEquals(20_000, allocator.statistics(OBJECTS).liveBlocks());
        allocator.validate();
        for (long block : blocks) {
            allocator.free(block);
        }
    }

    @Test
    void zeroedAllocationIsZero() {
        List<Long> dirty = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long block = allocator.allocate(RAW, 200);
            Memory.fill(block, 200, (byte) -1);
            dirty.add(block);
        }
        dirty.forEach(allocator::free);
        for (int i = 0; i < 100; i++) {
            long block = allocator.allocateZeroed(RAW, 200);
            for (int j = 0; j < 200; j++) {
                assertEquals(0, Memory.getByte(block + j));
            }
            dirty.set(i, block);
        }
        dirty.forEach(allocator::free);
        long huge = allocator.allocateZeroed(RAW, 300_000);
        assertEquals(0, Memory.getLong(huge + 299_992));
        allocator.free(huge);
    }

    @Test
    void reallocateKeepsContents() {
        long block = allocator.allocate(RAW, 40);
        for (int i = 0; i < 40; i++) {
            Memory.putByte(block + i, (byte) i);
        }
        assertEquals(block, allocator.reallocate(block, 48), "fits in place");
        long grown = allocator.reallocate(block, 5000);
        for (int i = 0; i < 40; i++) {
            assertEquals((byte) i, Memory.getByte(grown + i));
        }
        long huge = allocator.reallocate(grown, 1 << 20);
        assertEquals(39, Memory.getByte(huge + 39));
        long shrunk = allocator.reallocate(huge, 10);
        assertEquals(9, Memory.getByte(shrunk + 9));
        assertEquals(RAW, allocator.tagOf(shrunk));
        allocator.free(shrunk);
        assertThrows(IllegalArgumentException.class, () -> allocator.reallocate(0, 5));
    }

    @Test
    void alignedAllocation() {
        List<Long> blocks = new ArrayList<>();
        for (long alignment = 16; alignment <= Allocator.MAX_ALIGNMENT; alignment <<= 1) {
            for (long size : new long[] {1, 100, 5000, 100_000}) {
                long block = allocator.allocateAligned(GC, size, alignment);
                assertEquals(0, block % alignment, size + " B at " + alignment);
                assertTrue(allocator.usableSize(block) >= size);
                Memory.fill(block, size, (byte) 7);
                blocks.add(block);
            }
        }
        allocator.validate();
        blocks.forEach(allocator::free);
        assertThrows(IllegalArgumentException.class, () -> allocator.allocateAligned(RAW, 8, 24));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocateAligned(RAW, 8, Allocator.MAX_ALIGNMENT * 2));
    }

    @Test
    void hugeBlocksHaveTheirOwnSegment() {
        long before = allocator.statistics().committedBytes();
        long huge = allocator.allocate(RAW, 10 << 20);
        Memory.putLong(huge + (10 << 20) - 8, 1);
        AllocatorStatistics stats = allocator.statistics(RAW);
        assertEquals(1, stats.liveBlocks());
        assertTrue(stats.liveBytes() >= 10 << 20);
        assertTrue(stats.committedBytes() >= before + (10 << 20));
        allocator.free(huge);
        assertEquals(before, allocator.statistics().committedBytes());
        assertThrows(IllegalArgumentException.class, () -> allocator.free(huge));
    }

    @Test
    void statisticsPerTagAndClass() {
        long a = allocator.allocate(RAW, 24);
        long b = allocator.allocate(OBJECTS, 24);
        long c = allocator.allocate(OBJECTS, 100);
        AllocatorStatistics objects = allocator.statistics(OBJECTS);
        assertEquals(2, objects.liveBlocks());
        assertEquals(32 + 112, objects.liveBytes());
        assertEquals(List.of(new AllocatorStatistics.SizeClass(1, 32, 1, 32), new AllocatorStatistics.SizeClass(6, 112, 1, 112)),
                objects.sizeClasses());
        assertEquals(3, allocator.statistics().liveBlocks());
        assertTrue(allocator.statistics().committedBytes() > 0);
        allocator.free(a);
        allocator.free(b);
        allocator.free(c);
        assertEquals(0, allocator.statistics().liveBytes());
    }

    @Test
    void visitSeesEveryLiveBlockOfTheTagOnly() throws Exception {
        Set<Long> gc = new HashSet<>();
        List<Long> other = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            gc.add(allocator.allocate(GC, 32));
            other.add(allocator.allocate(OBJECTS, 32));
        }
        List<Long> gcList = new ArrayList<>(gc);
        for (int i = 0; i < gcList.size(); i += 3) {
            allocator.free(gcList.get(i));
            gc.remove(gcList.get(i));
        }
        long[] fromOtherThread = new long[300];
        Thread owner = RuntimeThreads.newThread("gc-owner", () -> {
            for (int i = 0; i < fromOtherThread.length; i++) {
                fromOtherThread[i] = allocator.allocate(GC, 1000);
            }
        });
        owner.start();
        owner.join();
        for (long block : fromOtherThread) {
            gc.add(block);
        }
        allocator.free(fromOtherThread[0]);
        gc.remove(fromOtherThread[0]);
        Set<Long> seen = new HashSet<>();
        World.stop();
        try {
            allocator.visit(GC, (address, size) -> assertTrue(seen.add(address), "visited twice"));
        } finally {
            World.start();
        }
        assertEquals(gc, seen);
        Throwable running = assertThrows(Throwable.class, () -> allocator.visit(GC, (address, size) -> { }));
        assertTrue(running.getMessage().contains("world stopped"), running.getMessage());
        gc.forEach(allocator::free);
        other.forEach(allocator::free);
    }

    @Test
    void crossThreadFreesMakeFullPagesUsableAgain() throws Exception {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 4096 * 3; i++) {
            blocks.add(allocator.allocate(RAW, 16));
        }
        long pagesBefore = allocator.statistics().committedBytes();
        Thread freer = new Thread(() -> blocks.forEach(allocator::free));
        freer.start();
        freer.join();
        List<Long> again = new ArrayList<>();
        for (int i = 0; i < 4096 * 3; i++) {
            again.add(allocator.allocate(RAW, 16));
        }
        assertEquals(pagesBefore, allocator.statistics().committedBytes(), "no new memory for reused blocks");
        assertEquals(new HashSet<>(blocks), new HashSet<>(again));
        again.forEach(allocator::free);
    }

    @Test
    void exitedThreadsPagesAreAbandonedThenReclaimed() throws Exception {
        long[] blocks = new long[2000];
        Thread worker = RuntimeThreads.newThread("worker", () -> {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = allocator.allocate(OBJECTS, 64);
                Memory.putLong(blocks[i], i);
            }
        });
        worker.start();
        worker.join();
        AllocatorStatistics stats = allocator.statistics();
        assertTrue(stats.pagesAbandoned() > 0);
        assertEquals(2000, stats.liveBlocks());
        for (int i = 0; i < blocks.length; i += 2) {
            allocator.free(blocks[i]);
        }
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            mine.add(allocator.allocate(OBJECTS, 64));
        }
        assertTrue(allocator.statistics().pagesReclaimedTotal() > 0);
        allocator.validate();
        for (int i = 1; i < blocks.length; i += 2) {
            assertEquals(i, Memory.getLong(blocks[i]));
            allocator.free(blocks[i]);
        }
        mine.forEach(allocator::free);
    }

    @Test
    void unregisteredDeadThreadsAreReaped() throws Exception {
        AtomicLong block = new AtomicLong();
        Thread plain = new Thread(() -> block.set(allocator.allocate(RAW, 100)));
        plain.start();
        plain.join();
        allocator.collect(false);
        assertEquals(1, allocator.statistics().pagesAbandoned());
        allocator.free(block.get());
        allocator.collect(true);
        assertEquals(0, allocator.statistics().pagesAbandoned());
    }

    @Test
    void purgeReturnsMemory() {
        Allocator eager = Allocator.builder().purgeDelay(Duration.ZERO).build();
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            blocks.add(eager.allocate(0, 256));
        }
        long full = eager.statistics().committedBytes();
        assertTrue(full >= 100_000 * 256L);
        blocks.forEach(eager::free);
        eager.collect(true);
        long after = eager.statistics().committedBytes();
        assertTrue(after < full / 20, "committed " + after + " of " + full + " after purge");
        eager.validate();
        eager.releaseCurrentThread();
    }

    @Test
    void misuseIsReported() {
        long block = allocator.allocate(RAW, 32);
        allocator.free(block);
        IllegalArgumentException doubleFree = assertThrows(IllegalArgumentException.class, () -> allocator.free(block));
        assertTrue(doubleFree.getMessage().contains("double free"), doubleFree.getMessage());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> allocator.free(0x1000_0000L));
        assertTrue(foreign.getMessage().contains("not an address returned by this allocator"), foreign.getMessage());
        Allocator other = Allocator.builder().build();
        long elsewhere = other.allocate(0, 32);
        assertThrows(IllegalArgumentException.class, () -> allocator.free(elsewhere));
        assertThrows(IllegalArgumentException.class, () -> allocator.free(elsewhere + 8));
        other.free(elsewhere);
        other.releaseCurrentThread();
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(RAW, -1));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(RAW, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocateAligned(RAW, Long.MAX_VALUE - 8, 64));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(3, 8));
        assertNotEquals(0, block);
    }

    @Test
    void localHeapHandle() {
        LocalHeap heap = allocator.heap(OBJECTS);
        long block = heap.allocate(48);
        assertEquals(OBJECTS, allocator.tagOf(block));
        heap.free(block);
        allocator.releaseCurrentThread();
        assertThrows(IllegalStateException.class, () -> heap.allocate(48));
    }

    @Test
    void visitRefusesWhileAnUnregisteredThreadOwnsAHeapOfTheTag() throws Exception {
        java.util.concurrent.CountDownLatch allocated = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        AtomicLong block = new AtomicLong();
        Thread plain = new Thread(() -> {
            block.set(allocator.allocate(GC, 64));
            allocated.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "plain-worker");
        plain.start();
        allocated.await();
        World.stop();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> allocator.visit(GC, (a, s) -> { }));
            assertTrue(e.getMessage().contains("plain-worker"), e.getMessage());
            allocator.visit(OBJECTS, (a, s) -> { });
        } finally {
            World.start();
            done.countDown();
        }
        plain.join();
        allocator.free(block.get());
    }

    @Test
    void registeredThreadThatDiesWithoutUnregisteringIsAbandonedAtTheNextStop() throws Exception {
        AtomicLong block = new AtomicLong();
        Thread leaky = new Thread(() -> {
            RuntimeThreads.register();
            block.set(allocator.allocate(GC, 64));
        }, "leaky");
        leaky.start();
        leaky.join();
        long abandonedBefore = allocator.statistics().pagesAbandonedTotal();
        World.stop();
        World.start();
        assertTrue(allocator.statistics().pagesAbandonedTotal() > abandonedBefore);
        allocator.free(block.get());
    }
}
