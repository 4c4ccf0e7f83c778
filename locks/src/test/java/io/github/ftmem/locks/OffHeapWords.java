package io.github.ftmem.locks;

import io.github.ftmem.core.Header;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Zeroed off-heap memory for one test, freed when the test closes it. */
final class OffHeapWords implements AutoCloseable {

    private final Arena arena = Arena.ofShared();

    /** A zeroed 4-byte word. */
    long word() {
        return block(8);
    }

    /** A zeroed object: a header plus a payload of {@code payloadBytes}. */
    long object(int payloadBytes) {
        return block(Header.SIZE + payloadBytes);
    }

    long block(long bytes) {
        MemorySegment segment = arena.allocate(bytes, 8);
        segment.fill((byte) 0);
        return segment.address();
    }

    @Override
    public void close() {
        arena.close();
    }
}
