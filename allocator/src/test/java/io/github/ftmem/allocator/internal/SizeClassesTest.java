package io.github.ftmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeClassesTest {

    @Test
    void classesAreMimallocBins() {
        int[] expected = {16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512};
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], SizeClasses.blockSize(c), "class " + c);
        }
        assertEquals(64 * 1024, SizeClasses.blockSize(SizeClasses.COUNT - 1));
    }

    @Test
    void everySizeMapsToTheSmallestClassThatFits() {
        for (long size = 1; size <= SizeClasses.MAX_PAGED_SIZE; size++) {
            int c = SizeClasses.classOf(size);
            assertTrue(SizeClasses.blockSize(c) >= size, "size " + size);
            if (c > 0) {
                assertTrue(SizeClasses.blockSize(c - 1) < size, "size " + size + " could use class " + (c - 1));
            }
            assertEquals(0, SizeClasses.blockSize(c) % SizeClasses.GRANULE);
        }
    }

    @Test
    void directTableAgreesWithClassOf() {
        for (int g = 1; g < SizeClasses.DIRECT_ENTRIES; g++) {
            assertEquals(SizeClasses.classOf(g * 16L), SizeClasses.classOfGranules(g));
            int c = SizeClasses.classOfGranules(g);
            assertTrue(SizeClasses.directLow(c) <= g && g <= SizeClasses.directHigh(c));
        }
        assertEquals(0, SizeClasses.classOfGranules(0));
    }

    @Test
    void spacingWastesAtMostAQuarter() {
        for (int c = 4; c < SizeClasses.COUNT; c++) {
            double ratio = (double) SizeClasses.blockSize(c) / SizeClasses.blockSize(c - 1);
            assertTrue(ratio <= 1.25 + 1e-9, "class " + c + " ratio " + ratio);
        }
    }
}
