package io.github.ftmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftmem.core.Memory;
import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** The page protocol step by step, with the raw words asserted. */
class PageTest {

    private static final int BLOCKS = 8;

    private final Arena arena = Arena.ofAuto();
    private final long page = arena.allocate(Page.META_SIZE + BLOCKS * 16L, 64).address();
    private final long start = page + Page.META_SIZE;

    PageTest() {
        Page.init(page, start, 0, 3, 7, BLOCKS * 16L);
    }

    @Test
    void extendThreadsBlocksInOrderWithFreeMarks() {
        assertEquals(io.github.ftmem.core.OsMemory.get().pageSize(), Page.extend(page), "one OS page now committed");
        assertEquals(BLOCKS, Page.capacity(page));
        long block = Page.free(page);
        for (int i = 0; i < BLOCKS; i++) {
            assertEquals(start + i * 16L, block);
            assertEquals(block ^ Page.FREED_MARK, Memory.getLong(block + 8));
            block = Memory.getLong(block);
        }
        assertEquals(0, block);
        assertEquals(0, Page.checkInvariants(page));
    }

    @Test
    void localAndRemoteFreesAreCollectedOnlyWhenFreeRunsDry() {
        Page.extend(page);
        long[] blocks = new long[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = Page.popFree(page);
            assertEquals(0, Memory.getLong(blocks[i] + 8), "allocation clears the free mark");
        }
        assertEquals(0, Page.popFree(page));
        assertEquals(BLOCKS, Page.used(page));
        assertEquals(BLOCKS - 1, Page.pushLocalFree(page, blocks[0]));
        assertFalse(Page.freeRemote(page, blocks[1]));
        assertFalse(Page.freeRemote(page, blocks[2]));
        assertEquals(blocks[2], Page.threadFree(page), "LIFO push, no flag");
        assertEquals(BLOCKS - 1, Page.used(page), "a remote free does not touch used");
        assertEquals(BLOCKS - 3, Page.checkInvariants(page));
        assertEquals(2, Page.collect(page));
        assertEquals(0, Page.threadFree(page));
        assertEquals(0, Page.localFree(page));
        assertEquals(BLOCKS - 3, Page.used(page));
        assertEquals(BLOCKS - 3, Page.checkInvariants(page));
    }

    @Test
    void fullPageHandshake() {
        Page.extend(page);
        long[] blocks = new long[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = Page.popFree(page);
        }
        assertFalse(Page.collectOrMarkFull(page), "nothing to hand out: declared full");
        assertEquals(Page.IN_FULL, Page.threadFree(page));
        assertTrue(Page.freeRemote(page, blocks[5]), "the first remote free must notify");
        assertEquals(blocks[5], Page.threadFree(page), "and it cleared IN_FULL");
        assertFalse(Page.freeRemote(page, blocks[6]), "later ones need not");
        assertTrue(Page.collectOrMarkFull(page));
        assertEquals(BLOCKS - 2, Page.checkInvariants(page));
        assertEquals(BLOCKS - 2, Page.used(page));
    }

    @Test
    void tryMarkFullLosesToARemoteFree() {
        Page.extend(page);
        for (int i = 0; i < BLOCKS; i++) {
            Page.popFree(page);
        }
        Page.freeRemote(page, start);
        assertFalse(Page.tryMarkFull(page));
        assertTrue(Page.collectOrMarkFull(page));
        assertEquals(start, Page.free(page));
    }

    @Test
    void collectAllMergesEverythingAndClearsTheFlag() {
        Page.extend(page);
        long a = Page.popFree(page);
        long b = Page.popFree(page);
        Page.pushLocalFree(page, a);
        Page.freeRemote(page, b);
        assertEquals(1, Page.collectAll(page));
        assertEquals(0, Page.used(page));
        assertEquals(0, Page.checkInvariants(page));
        int listed = 0;
        for (long block = Page.free(page); block != 0; block = Memory.getLong(block)) {
            listed++;
        }
        assertEquals(BLOCKS, listed);
    }

    @Test
    void corruptedListsAreReported() {
        Page.extend(page);
        long a = Page.popFree(page);
        Page.pushLocalFree(page, a);
        Memory.putLong(a, a);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Page.checkInvariants(page));
        assertTrue(twice.getMessage().contains("twice in the free lists"), twice.getMessage());
        Memory.putLong(a, start + 3);
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> Page.checkInvariants(page));
        assertTrue(outside.getMessage().contains("not one of its first"), outside.getMessage());
    }
}
