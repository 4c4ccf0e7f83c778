package io.github.ftmem.core;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checked accessors of {@code -Dftmem.debug=true} (its own surefire execution: DEBUG is a static final). */
class DebugModeTest {
    private Arena arena;
    private long object;

    @BeforeEach
    void setUp() {
        assertTrue(Memory.DEBUG, "runs with -Dftmem.debug=true");
        arena = Arena.ofConfined();
        object = arena.allocate(64, 8).address();
        Header.init(object, 1, 7);
        RuntimeThreads.attachCurrent();
    }

    @AfterEach
    void tearDown() {
        RuntimeThreads.unregister();
        arena.close();
    }

    @Test
    void setTidNeedsAWorldStoppedByTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Header.setTid(object, 5));
        assertTrue(e.getMessage().contains("while the world runs"), e.getMessage());
        World.stop();
        try {
            Header.setTid(object, 5);
            Header.setTid(object, 1);
        } finally {
            World.start();
        }
        assertEquals(1, Header.tid(object));
    }

    @Test
    void scratchGcBitsAreSetOnlyWithTheWorldStopped() {
        assertThrows(IllegalArgumentException.class, () -> Header.setGcBits(object, Header.GC_UNREACHABLE));
        assertThrows(IllegalArgumentException.class, () -> Header.setGcBits(object, Header.GC_ALIVE));
        assertDoesNotThrow(() -> Header.setGcBits(object, Header.GC_TRACKED | Header.GC_FINALIZED));
        World.stop();
        try {
            Header.setGcBits(object, Header.GC_UNREACHABLE);
        } finally {
            World.start();
        }
        Header.clearGcBits(object, Header.GC_UNREACHABLE);   // the collector clears garbage with the world running
        assertFalse(Header.hasGcBits(object, Header.GC_UNREACHABLE));
    }

    @Test
    void gcBitsOutsideTheTableAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Header.setGcBits(object, 0x80));
        assertTrue(e.getMessage().contains("outside the gcBits table"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Header.clearGcBits(object, 0x100));
    }

    @Test
    void addressZeroAndMisalignmentAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Memory.getLong(0));
        assertThrows(IllegalArgumentException.class, () -> Memory.putInt(object + 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Memory.copy(new byte[1], 0, 0, 1));
    }

    @Test
    void bulkCopiesRoundTrip() {
        byte[] bytes = {1, 2, 3, 4, 5};
        Memory.copy(bytes, 0, object + 32, bytes.length);
        byte[] back = new byte[5];
        Memory.copy(object + 32, back, 0, 5);
        assertArrayEquals(bytes, back);
        char[] chars = "héllo".toCharArray();
        Memory.copy(chars, 0, object + 41, chars.length);     // unaligned is fine for chars
        char[] charsBack = new char[chars.length];
        Memory.copy(object + 41, charsBack, 0, chars.length);
        assertArrayEquals(chars, charsBack);
        Memory.copy(object + 32, object + 8, 5);
        assertTrue(Memory.contentEquals(object + 32, object + 8, 5));
        assertFalse(Memory.contentEquals(object + 32, object + 9, 5));
    }
}
