package io.github.ftmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftmem.core.Memory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebugModeTest {

    private final Allocator allocator = Allocator.builder().tags(2).debug(true).build();

    @AfterEach
    void noLeaks() {
        allocator.validate();
        assertEquals(0, allocator.statistics().liveBlocks(), "live blocks after the test");
        allocator.releaseCurrentThread();
    }

    @Test
    void doubleFreeNamesBothThreads() throws Exception {
        AtomicLong block = new AtomicLong();
        Thread allocating = new Thread(() -> block.set(allocator.allocate(1, 40)), "allocating-thread");
        allocating.start();
        allocating.join();
        allocator.free(block.get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> allocator.free(block.get()));
        String message = e.getMessage();
        assertTrue(message.contains("double free"), message);
        assertTrue(message.contains("0x" + Long.toHexString(block.get())), message);
        assertTrue(message.contains("size class 2 = 48 B"), message);
        assertTrue(message.contains("requested 40 B"), message);
        assertTrue(message.contains("allocated by thread allocating-thread"), message);
        assertTrue(message.contains("already freed by thread " + Thread.currentThread().getName()), message);
    }

    @Test
    void foreignFreeIsRejected() {
        long block = allocator.allocate(0, 100);
        IllegalArgumentException inside = assertThrows(IllegalArgumentException.class, () -> allocator.free(block + 32));
        assertTrue(inside.getMessage().contains("never returned by this allocator"), inside.getMessage());
        assertTrue(inside.getMessage().contains("32 bytes inside block 0x" + Long.toHexString(block)), inside.getMessage());
        assertTrue(inside.getMessage().contains("allocated by thread " + Thread.currentThread().getName()), inside.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> allocator.free(0x7000_0000L));
        assertTrue(outside.getMessage().contains("no segment of this allocator contains it"), outside.getMessage());
        assertEquals(1, allocator.statistics().liveBlocks(), "the failed frees changed nothing");
        allocator.free(block);
    }

    @Test
    void overflowIsCaughtOnFree() {
        long block = allocator.allocate(0, 24);
        Memory.putByte(block + 24, (byte) 0x41);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> allocator.free(block));
        String message = e.getMessage();
        assertTrue(message.contains("buffer overflow"), message);
        assertTrue(message.contains("requested 24 B"), message);
        assertTrue(message.contains("offset 24"), message);
        assertTrue(message.contains("0x41"), message);
        assertTrue(message.contains("size class 1 = 32 B") || message.contains("size class 2 = 48 B"), message);
        Memory.putByte(block + 24, (byte) 0xCA);
        allocator.free(block);
    }

    @Test
    void writeAfterFreeIsCaughtOnReuse() {
        long victim = allocator.allocate(0, 64);
        allocator.free(victim);
        Memory.putByte(victim + 20, (byte) 1);
        List<Long> blocks = new ArrayList<>();
        IllegalStateException caught = null;
        for (int i = 0; i < 10_000 && caught == null; i++) {
            try {
                blocks.add(allocator.allocate(0, 64));
            } catch (IllegalStateException e) {
                caught = e;
            }
        }
        assertTrue(caught != null, "write after free not detected");
        String message = caught.getMessage();
        assertTrue(message.contains("write after free"), message);
        assertTrue(message.contains("0x" + Long.toHexString(victim)), message);
        assertTrue(message.contains("offset 20"), message);
        assertTrue(message.contains("freed by thread " + Thread.currentThread().getName()), message);
        blocks.forEach(allocator::free);
    }

    @Test
    void freshBlocksAreFilledAndUsableSizeIsTheRequest() {
        long block = allocator.allocate(0, 10);
        assertEquals(10, allocator.usableSize(block));
        assertEquals((byte) 0xD0, Memory.getByte(block + 9));
        long zeroed = allocator.allocateZeroed(0, 10);
        assertEquals(0, Memory.getByte(zeroed + 9));
        long aligned = allocator.allocateAligned(0, 100, 256);
        assertEquals(0, aligned % 256);
        Memory.putByte(aligned + 100, (byte) 0);
        assertThrows(IllegalStateException.class, () -> allocator.free(aligned));
        Memory.putByte(aligned + 100, (byte) 0xCA);
        allocator.free(aligned);
        long huge = allocator.allocate(0, 200_000);
        Memory.putByte(huge + 200_000, (byte) 0);
        assertThrows(IllegalStateException.class, () -> allocator.free(huge));
        Memory.putByte(huge + 200_000, (byte) 0xCA);
        allocator.free(huge);
        assertThrows(IllegalArgumentException.class, () -> allocator.free(huge));
        allocator.free(block);
        allocator.free(zeroed);
    }
}
