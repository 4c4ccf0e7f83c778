package io.github.ftmem.stress.allocator;

import io.github.ftmem.allocator.internal.Page;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A page of 16-byte blocks in memory of its own, for testing the page protocol without a heap.
 * JCStress creates millions of states, so the memory comes from the automatic arena and is freed
 * when the state (which keeps the segment) becomes unreachable.
 */
final class PageFixture {

    static final int BLOCK = 16;
    static final int OWNER = 1;
    static final int RECLAIMER = 2;

    final MemorySegment memory;
    final long page;
    final long start;

    PageFixture(int blocks) {
        memory = Arena.ofAuto().allocate(Page.META_SIZE + (long) blocks * BLOCK, 64);
        page = memory.address();
        start = page + Page.META_SIZE;
        Page.init(page, start, 0, 0, OWNER, (long) blocks * BLOCK);
        Page.extend(page);
    }

    long block(int index) {
        return start + (long) index * BLOCK;
    }

    /** Index of a block address, -1 for 0. */
    int index(long block) {
        return block == 0 ? -1 : (int) ((block - start) / BLOCK);
    }

    /** The page's live blocks if its invariants hold, else -100. */
    int liveOrBroken() {
        try {
            return Page.checkInvariants(page);
        } catch (IllegalStateException e) {
            return -100;
        }
    }
}
