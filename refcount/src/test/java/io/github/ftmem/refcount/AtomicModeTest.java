package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.ftmem.refcount.TestHeap.local;
import static io.github.ftmem.refcount.TestHeap.shared;
import static io.github.ftmem.refcount.TestHeap.tid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ATOMIC mode (-Dftmem.refcount.mode=ATOMIC): every object is MERGED from birth, every count atomic. */
class AtomicModeTest {

    private static final long ONE = 1L << Header.SHARED_SHIFT;

    private TestHeap heap;

    @BeforeEach
    void setUp() {
        assertEquals(RefCount.Mode.ATOMIC, RefCount.MODE, "run with -Dftmem.refcount.mode=ATOMIC");
        RuntimeThreads.attachCurrent();
        heap = new TestHeap();
    }

    @AfterEach
    void tearDown() {
        RuntimeThreads.unregister();
        heap.close();
    }

    @Test
    void creatorCountsAtomicallyLikeEveryoneElse() throws Exception {
        long object = heap.newObject();
        assertEquals(0, tid(object));
        assertEquals(0, local(object));
        assertEquals(ONE | Header.STATE_MERGED, shared(object));
        assertTrue(RefCount.isUniquelyReferenced(object));
        RefCount.incref(object);
        assertEquals(0, local(object));
        assertEquals(2 * ONE | Header.STATE_MERGED, shared(object));
        assertFalse(RefCount.isUniquelyReferenced(object));
        Threads.runOnOtherThread(() -> {
            assertTrue(RefCount.tryIncref(object));
            RefCount.decref(object);
            RefCount.decref(object);
        });
        assertEquals(1, RefCount.refcount(object));
        RefCount.decref(object);
        assertTrue(heap.isDeallocated(object));
        assertFalse(RefCount.tryIncref(object), "dead");
    }

    @Test
    void immortalAndDeferredStillWork() {
        long immortal = heap.newObject();
        RefCount.immortalize(immortal);
        RefCount.decref(immortal);
        RefCount.decref(immortal);
        assertFalse(heap.isDeallocated(immortal));
        long deferred = heap.newObject();
        RefCount.setDeferred(deferred);
        RefCount.decref(deferred);
        assertFalse(heap.isDeallocated(deferred));
        assertEquals(RefCount.DEFERRED_BIAS, RefCount.refcount(deferred));
    }
}
