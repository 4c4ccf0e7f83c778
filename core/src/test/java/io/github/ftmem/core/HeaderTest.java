package io.github.ftmem.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout.PathElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderTest {

    private final OsMemory os = OsMemory.get();
    private long page;
    private long object;

    @BeforeEach
    void reserve() {
        page = os.reserve(os.pageSize(), os.pageSize());
        object = page + 64;
    }

    @AfterEach
    void release() {
        os.release(page, os.pageSize());
    }

    @Test
    void documentedOffsetsAreTheLayoutsOffsets() {
        assertEquals(Header.SIZE, Header.LAYOUT.byteSize());
        assertEquals(Header.ALIGNMENT, Header.LAYOUT.byteAlignment());
        assertEquals(Header.TID, offset("tid"));
        assertEquals(Header.MUTEX, offset("mutex"));
        assertEquals(Header.REF_LOCAL, offset("refLocal"));
        assertEquals(Header.REF_SHARED, offset("refShared"));
        assertEquals(Header.TYPE, offset("type"));
        assertEquals(Header.FLAGS, offset("flags"));
        assertEquals(Header.GC_BITS, offset("gcBits"));
    }

    @Test
    void accessorsTouchOnlyTheirOwnBytes() {
        Memory.fill(object, Header.SIZE, (byte) 0xFF);
        Header.init(object, 7, 42);
        assertEquals(7, Header.tid(object));
        assertEquals(0, Memory.getInt(object + 8), "mutex unlocked");
        assertEquals(0, Header.refLocal(object));
        assertEquals(0, Header.refShared(object));
        assertEquals(42, Header.type(object));
        assertEquals(0, Header.flags(object));
        assertEquals(0, Header.gcBits(object));
        assertEquals(0, Memory.getByte(object + 31), "reserved byte zero");

        Header.setFlags(object, 0xBEEF);
        Header.setGcBits(object, Header.GC_TRACKED | Header.GC_DEFERRED);
        assertEquals(0xBEEF, Memory.getShort(object + 28) & 0xFFFF);
        assertEquals(0x41, Memory.getByte(object + 30));
        assertEquals(42, Memory.getInt(object + 24), "flags and bits leave type alone");
        assertTrue(Header.hasGcBits(object, Header.GC_DEFERRED));
        Header.clearGcBits(object, Header.GC_DEFERRED);
        assertFalse(Header.hasGcBits(object, Header.GC_DEFERRED));
        assertTrue(Header.hasGcBits(object, Header.GC_TRACKED));
        Header.setTid(object, 0x1234_5678_9ABCL);
        assertEquals(0x1234_5678_9ABCL, Memory.getLong(object));
    }

    @Test
    void gcBitsAreDistinctSingleBits() {
        int[] bits = {Header.GC_TRACKED, Header.GC_FINALIZED, Header.GC_UNREACHABLE, Header.GC_FROZEN,
                Header.GC_SHARED, Header.GC_ALIVE, Header.GC_DEFERRED};
        int all = 0;
        for (int bit : bits) {
            assertEquals(1, Integer.bitCount(bit));
            assertEquals(0, all & bit);
            all |= bit;
        }
        assertTrue(all <= 0xFF, "fits the one-byte field");
    }

    @Test
    void sharedWordEncodesCountAndState() {
        long word = (5L << Header.SHARED_SHIFT) | Header.STATE_QUEUED;
        Memory.putLong(object + Header.REF_SHARED, word);
        assertEquals(5, Header.sharedCount(Header.refShared(object)));
        assertEquals(Header.STATE_QUEUED, Header.sharedState(Header.refShared(object)));
        assertEquals(-1, Header.sharedCount(-4L), "a negative count survives the shift");
        assertTrue(Header.describe(object).contains("QUEUED"), Header.describe(object));
    }

    private static long offset(String field) {
        return Header.LAYOUT.byteOffset(PathElement.groupElement(field));
    }
}
