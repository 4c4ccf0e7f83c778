package io.github.ftmem.stress.shared;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Off-heap words for test states. JCStress makes millions of states, so the memory comes from the
 * automatic arena, not from an allocator under test. It is freed once the returned segment is
 * unreachable: a state keeps the segment in a field for as long as it uses the address.
 */
public final class OffHeap {

    private OffHeap() {
    }

    /** A zeroed, 8-byte-aligned block of {@code bytes} bytes. */
    public static MemorySegment zeroed(long bytes) {
        return Arena.ofAuto().allocate(bytes, 8);
    }
}
