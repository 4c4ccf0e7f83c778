package io.github.ftmem.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryTest {

    private final OsMemory os = OsMemory.get();
    private long page;

    @BeforeEach
    void reserve() {
        page = os.reserve(os.pageSize(), os.pageSize());
    }

    @AfterEach
    void release() {
        os.release(page, os.pageSize());
    }

    @Test
    void everyLongAccessModeReadsWhatWasWritten() {
        Memory.putLong(page, 1);
        assertEquals(1, Memory.getLong(page));
        Memory.putLongOpaque(page, 2);
        assertEquals(2, Memory.getLongOpaque(page));
        Memory.putLongRelease(page, 3);
        assertEquals(3, Memory.getLongAcquire(page));
        Memory.putLongVolatile(page, 4);
        assertEquals(4, Memory.getLongVolatile(page));
        assertTrue(Memory.compareAndSetLong(page, 4, 5));
        assertFalse(Memory.compareAndSetLong(page, 4, 6));
        assertEquals(5, Memory.compareAndExchangeLong(page, 9, 7));
        assertEquals(5, Memory.compareAndExchangeLong(page, 5, 7));
        assertEquals(7, Memory.getAndAddLong(page, 10));
        assertEquals(17, Memory.getAndSetLong(page, -1));
        assertEquals(-1, Memory.getLong(page));
    }

    @Test
    void everyIntAccessModeReadsWhatWasWritten() {
        long a = page + 12;
        Memory.putInt(a, 1);
        assertEquals(1, Memory.getInt(a));
        Memory.putIntOpaque(a, 2);
        assertEquals(2, Memory.getIntOpaque(a));
        Memory.putIntRelease(a, 3);
        assertEquals(3, Memory.getIntAcquire(a));
        Memory.putIntVolatile(a, 4);
        assertEquals(4, Memory.getIntVolatile(a));
        assertTrue(Memory.compareAndSetInt(a, 4, 5));
        assertFalse(Memory.compareAndSetInt(a, 4, 6));
        assertEquals(5, Memory.compareAndExchangeInt(a, 5, 8));
        assertEquals(8, Memory.getAndAddInt(a, 2));
        assertEquals(10, Memory.getAndBitwiseOrInt(a, 0x100));
        assertEquals(0x10A, Memory.getAndBitwiseAndInt(a, 0xFF));
        assertEquals(0xA, Memory.getAndSetInt(a, 0));
        assertEquals(0, Memory.getLong(page + 8) >>> 32, "the int at +12 is the upper half of the long at +8");
    }

    @Test
    void fillAndCopyMoveBytes() {
        Memory.fill(page, 64, (byte) 0x5A);
        Memory.copy(page, page + 128, 64);
        for (int i = 0; i < 64; i++) {
            assertEquals((byte) 0x5A, Memory.getByte(page + 128 + i));
        }
        assertEquals(0, Memory.getByte(page + 128 + 64));
    }

    @Test
    void misalignedAtomicAccessIsRejectedWithTheAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memory.compareAndSetLong(page + 4, 0, 1));
        assertTrue(e.getMessage().contains(Long.toHexString(page + 4)) || e.getMessage().contains("align"),
                e.getMessage());
    }

    @Test
    void concurrentGetAndAddLosesNoUpdate() throws InterruptedException {
        int threads = 4;
        int perThread = 100_000;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    Memory.getAndAddLong(page, 1);
                    long v;
                    do {
                        v = Memory.getLongVolatile(page + 8);
                    } while (!Memory.compareAndSetLong(page + 8, v, v + 1));
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        assertEquals((long) threads * perThread, Memory.getLong(page));
        assertEquals((long) threads * perThread, Memory.getLong(page + 8));
    }
}
