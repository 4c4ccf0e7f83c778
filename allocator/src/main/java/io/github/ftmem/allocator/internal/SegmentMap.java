package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;

/**
 * A process-wide table with one 4-byte entry per 4 MiB of the 47-bit user address space: the entry
 * holds the {@link Engine#mapId} of the allocator whose segment starts there, or 0. {@code free} reads
 * it before it reads anything of the segment, so a pointer that never came from this allocator (never
 * from any, or from another allocator of the process) is reported instead of crashing the process on
 * an unmapped read or corrupting another allocator's page: one load and one compare, the whole
 * segment-membership check of the release-mode fast path. The table is 128 MiB of reserved address
 * space; only the OS pages holding entries of used segments are ever touched, so it commits a few KiB.
 *
 * <p>Access modes: entries are written with release stores under the owning allocator's pool lock
 * (one writer per entry: a segment belongs to one allocator) and read plain by {@link #engineOf}: a
 * segment is published to other threads together with the blocks in it, through whatever
 * synchronisation hands a block to another thread, and that happens after the entry was written.
 * A racing reader with a foreign pointer sees either value, and neither is the reader's own id.
 */
final class SegmentMap {

    private static final int ADDRESS_BITS = 47;
    private static final long ENTRIES = 1L << (ADDRESS_BITS - Segment.SHIFT);
    private static final long BASE = OsMemory.get().reserve(ENTRIES * 4, OsMemory.get().pageSize());

    private SegmentMap() {
    }

    /** The map id of the allocator owning the segment at {@code segment}, 0 if none. */
    static int engineOf(long segment) {
        if ((segment >>> ADDRESS_BITS) != 0) {
            return 0;
        }
        return Memory.getInt(BASE + (segment >>> Segment.SHIFT << 2));
    }

    static void add(long segment, int engine) {
        Memory.putIntRelease(BASE + (segment >>> Segment.SHIFT << 2), engine);
    }

    static void remove(long segment) {
        Memory.putIntRelease(BASE + (segment >>> Segment.SHIFT << 2), 0);
    }
}
