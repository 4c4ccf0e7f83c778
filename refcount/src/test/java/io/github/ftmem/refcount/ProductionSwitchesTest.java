package io.github.ftmem.refcount;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The default switches: BIASED, no debug checks, no counters (so RefCountTest also runs on the production path). */
class ProductionSwitchesTest {

    @Test
    void defaultsAreBiasedWithoutDebugOrCounters() {
        assertEquals(RefCount.Mode.BIASED, RefCount.MODE);
        assertFalse(RefCount.DEBUG);
        assertFalse(RefCount.COUNTERS);
        assertEquals(new RefCount.Counters(0, 0, 0, 0), RefCount.counters());
    }
}
