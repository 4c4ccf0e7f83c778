package io.github.ftmem.refcount;

import io.github.ftmem.core.threads.RuntimeThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountersTest {

    private TestHeap heap;

    @BeforeEach
    void setUp() {
        assertTrue(RefCount.COUNTERS, "run with -Dftmem.refcount.counters=true");
        RuntimeThreads.attachCurrent();
        heap = new TestHeap();
    }

    @AfterEach
    void tearDown() {
        RuntimeThreads.unregister();
        heap.close();
    }

    @Test
    void countsOwnerSharedQueuedAndMerged() throws Exception {
        long object = heap.newObject();
        RefCount.incref(object);
        RefCount.resetCounters();
        RefCount.incref(object);
        RefCount.decref(object); // 2 owner ops
        Threads.runOnOtherThread(() -> {
            RefCount.incref(object);
            RefCount.decref(object);
            RefCount.decref(object); // 3 shared ops, the last one queues
        });
        RefCount.decref(object); // owner op
        RefCount.mergeQueue(); // one merge, deallocates
        assertEquals(new RefCount.Counters(3, 3, 1, 1), RefCount.counters());
        assertTrue(heap.isDeallocated(object));
        RefCount.resetCounters();
        assertEquals(new RefCount.Counters(0, 0, 0, 0), RefCount.counters());
    }
}
