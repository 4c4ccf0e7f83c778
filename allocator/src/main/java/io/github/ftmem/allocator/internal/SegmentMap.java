package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;

/**
 * A process-wide bitmap with one bit per 4 MiB of the 47-bit user address space: bit set means "a
 * segment of some ftmem allocator starts here". {@code free} tests it before it reads the segment
 * header, so a pointer that never came from an allocator is reported instead of crashing the process
 * on an unmapped read. The bitmap is 4 MiB of reserved address space; only the OS pages holding bits
 * of used segments are ever touched, so it commits a few KiB.
 *
 * <p>Bits are set and cleared with atomic OR/AND on 4-byte words (FFM has no sub-word atomics);
 * {@link #contains} is a plain read: a segment is published to other threads together with the blocks
 * in it, through whatever synchronisation hands a block to another thread, and that happens after the
 * bit was set.
 */
final class SegmentMap {

    private static final int ADDRESS_BITS = 47;
    private static final long BITS = 1L << (ADDRESS_BITS - Segment.SHIFT);
    private static final long BASE = OsMemory.get().reserve(BITS / 8, OsMemory.get().pageSize());

    private SegmentMap() {
    }

    static boolean contains(long segment) {
        if ((segment >>> ADDRESS_BITS) != 0) {
            return false;
        }
        long index = segment >>> Segment.SHIFT;
        return (Memory.getInt(BASE + (index >>> 5) * 4) & (1 << (index & 31))) != 0;
    }

    static void add(long segment) {
        long index = segment >>> Segment.SHIFT;
        Memory.getAndBitwiseOrInt(BASE + (index >>> 5) * 4, 1 << (index & 31));
    }

    static void remove(long segment) {
        long index = segment >>> Segment.SHIFT;
        Memory.getAndBitwiseAndInt(BASE + (index >>> 5) * 4, ~(1 << (index & 31)));
    }
}
