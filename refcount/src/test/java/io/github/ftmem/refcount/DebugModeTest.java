package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misuse in debug mode is a fatal error naming the operation, the address, the type and the counts. */
class DebugModeTest {

    private TestHeap heap;
    private ThreadState self;

    @BeforeEach
    void setUp() {
        assertTrue(RefCount.DEBUG, "run with -Dftmem.refcount.debug=true");
        self = RuntimeThreads.attachCurrent();
        heap = new TestHeap();
    }

    @AfterEach
    void tearDown() {
        RuntimeThreads.unregister();
        heap.close();
    }

    private static void assertNamesTheObject(RefCountError e, long object, int type, String problem) {
        assertEquals(object, e.object());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("0x" + Long.toHexString(object)), e.getMessage());
        assertTrue(e.getMessage().contains("type " + type), e.getMessage());
        assertTrue(e.getMessage().contains("refLocal"), e.getMessage());
    }

    @Test
    void decrefOfAFreedObject() throws Exception {
        long object = heap.newObject();
        RefCount.decref(object);
        assertEquals(RefCount.FREED_TID, TestHeap.tid(object), "the header is poisoned before the deallocator runs");
        assertEquals(0, RefCount.refcount(object));
        assertNamesTheObject(assertThrows(RefCountError.class, () -> RefCount.decref(object)), object, heap.type, "decref of a freed object");
        Threads.runOnOtherThread(() -> assertThrows(RefCountError.class, () -> RefCount.incref(object)));
        assertEquals(1, heap.deallocationCount(), "nothing was deallocated twice");
    }

    @Test
    void decrefOfANeverInitialisedObject() {
        long object = heap.allocate();
        assertNamesTheObject(assertThrows(RefCountError.class, () -> RefCount.decref(object)), object, 0, "never initialised");
    }

    @Test
    void ownerDecrefBelowZero() {
        long object = heap.newObject();
        TestHeap.setHeader(object, self.id(), 0, 1, Header.STATE_INIT);
        assertNamesTheObject(assertThrows(RefCountError.class, () -> RefCount.decref(object)), object, heap.type, "below zero");
    }

    @Test
    void decrefOfADeadMergedObject() throws Exception {
        long object = heap.newObject();
        TestHeap.setHeader(object, 0, 0, 0, Header.STATE_MERGED);
        Threads.runOnOtherThread(() -> assertNamesTheObject(
                assertThrows(RefCountError.class, () -> RefCount.decref(object)), object, heap.type, "dead object"));
    }

    @Test
    void negativeTrueCountWhenTheOwnerMerges() {
        long object = heap.newObject();
        TestHeap.setHeader(object, self.id(), 1, -2, Header.STATE_QUEUED);
        assertNamesTheObject(assertThrows(RefCountError.class, () -> RefCount.decref(object)), object, heap.type, "negative true count");
    }

    @Test
    void negativeTrueCountWhenTheQueueIsMerged() throws Exception {
        long object = heap.newObject(); // L = 1, handed to the other thread
        Threads.runOnOtherThread(() -> {
            RefCount.decref(object); // queues: the queue owns the unit in L
            RefCount.decref(object); // a second, bogus decref: S = (−1, QUEUED)
        });
        assertNamesTheObject(assertThrows(RefCountError.class, RefCount::mergeQueue), object, heap.type, "negative true count");
    }

    @Test
    void wrongSelfTidIsRejected() {
        long object = heap.newObject();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RefCount.incref(object, self.id() + 1));
        assertTrue(e.getMessage().contains("RefCount.currentTid()"), e.getMessage());
        RefCount.decref(object, RefCount.currentTid());
    }
}
