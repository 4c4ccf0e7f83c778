package io.github.ftmem.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsMemoryTest {

    private final OsMemory os = OsMemory.get();

    @Test
    void linuxUsesMmap() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertEquals("mmap", os.name());
        }
        assertTrue(Long.bitCount(os.pageSize()) == 1 && os.pageSize() >= 4096, "page size " + os.pageSize());
    }

    @Test
    void reserveHonoursLargeAlignmentAndReadsZeros() {
        long alignment = 4L << 20;
        long size = 8L << 20;
        long before = os.reservedBytes();
        long address = os.reserve(size, alignment);
        try {
            assertEquals(0, address & (alignment - 1), "aligned to 4 MiB");
            assertEquals(before + size, os.reservedBytes());
            for (long offset = 0; offset < size; offset += os.pageSize()) {
                assertEquals(0, Memory.getLong(address + offset));
            }
            Memory.putLong(address + size - 8, 42);
            assertEquals(42, Memory.getLong(address + size - 8));
        } finally {
            os.release(address, size);
        }
        assertEquals(before, os.reservedBytes());
    }

    @Test
    void decommitReturnsPagesThatThenReadZero() {
        long size = 16 * os.pageSize();
        long address = os.reserve(size, os.pageSize());
        try {
            Memory.fill(address, size, (byte) 7);
            assertTrue(os.decommit(address, size));
            assertEquals(0, Memory.getLong(address));
            assertEquals(0, Memory.getLong(address + size - 8));
        } finally {
            os.release(address, size);
        }
    }

    @Test
    void badArgumentsAreExplained() {
        IllegalArgumentException notPage = assertThrows(IllegalArgumentException.class, () -> os.reserve(100, 4096));
        assertTrue(notPage.getMessage().contains("page size"), notPage.getMessage());
        IllegalArgumentException notPowerOfTwo = assertThrows(IllegalArgumentException.class,
                () -> os.reserve(os.pageSize(), 3000));
        assertTrue(notPowerOfTwo.getMessage().contains("power of two"), notPowerOfTwo.getMessage());
    }

    @Test
    void mallocFallbackAlignsAndFrees() {
        OsMemory fallback = new OsMemory.Malloc();
        long address = fallback.reserve(64 * 1024, 64 * 1024);
        assertEquals(0, address & (64 * 1024 - 1));
        assertEquals(0, Memory.getLong(address + 1024));
        fallback.release(address, 64 * 1024);
        assertEquals(0, fallback.reservedBytes());
        assertThrows(IllegalArgumentException.class, () -> fallback.release(address, 64 * 1024));
    }
}
