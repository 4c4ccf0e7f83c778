package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.lang.foreign.ValueLayout;

import static io.github.ftmem.refcount.TestHeap.local;
import static io.github.ftmem.refcount.TestHeap.shared;
import static io.github.ftmem.refcount.TestHeap.tid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every transition of the biased state machine (reference digest §2.8), immortal and deferred objects. */
class RefCountTest {

    private static final long ONE = 1L << Header.SHARED_SHIFT;

    private TestHeap heap;
    private ThreadState self;

    @BeforeEach
    void setUp() {
        assertEquals(RefCount.Mode.BIASED, RefCount.MODE, "this class tests the default BIASED mode");
        self = RuntimeThreads.attachCurrent();
        heap = new TestHeap();
    }

    @AfterEach
    void tearDown() {
        RuntimeThreads.unregister();
        heap.close();
    }

    // ---- creation and owner paths --------------------------------------------------------------

    @Test
    void initMakesTheCallerOwnerWithOneLocalReference() {
        long object = heap.newObject();
        assertEquals(self.id(), tid(object));
        assertEquals(1, local(object));
        assertEquals(0, shared(object));
        assertEquals(heap.type, Header.type(object));
        assertEquals(self.id(), RefCount.currentTid());
        assertTrue(RefCount.isOwnedByCurrentThread(object));
        assertEquals(1, RefCount.refcount(object));
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void initOnAnUnregisteredThreadIsRejected() throws Exception {
        long object = heap.allocate();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread plain = new Thread(() -> {
            try {
                RefCount.init(object, heap.type);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        plain.start();
        plain.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("not a registered runtime thread"), thrown.get().getMessage());
        assertEquals(0, tid(object));
    }

    @Test
    void ownerCountsLocallyAndFreesWithoutAtomicsWhenSharedIsZero() {
        long object = heap.newObject();
        RefCount.incref(object);
        RefCount.incref(object);
        assertEquals(3, local(object));
        assertEquals(0, shared(object), "the owner never touches refShared");
        RefCount.decref(object);
        RefCount.decref(object);
        assertFalse(heap.isDeallocated(object));
        RefCount.decref(object);
        assertTrue(heap.isDeallocated(object), "OWNED/INIT, L→0, whole S = 0: fast deallocation");
        if (!RefCount.DEBUG) {
            assertEquals(self.id(), tid(object), "the fast path writes no tid");
        }
    }

    @Test
    void nonOwnerCountsAtomicallyInTheSharedField() throws Exception {
        long object = heap.newObject();
        Threads.runOnOtherThread(() -> {
            assertFalse(RefCount.isOwnedByCurrentThread(object));
            RefCount.incref(object);
            RefCount.incref(object);
            assertEquals(ONE * 2, shared(object));
            RefCount.decref(object);
        });
        assertEquals(1, local(object));
        assertEquals(ONE, shared(object), "count 1, state INIT");
        assertEquals(2, RefCount.refcount(object));
        Threads.runOnOtherThread(() -> RefCount.decref(object));
        assertEquals(0, shared(object), "a non-owner decref with a positive count subtracts, no queueing");
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void ownerLastLocalWithSharedReferencesGivesUpOwnershipAndMerges() throws Exception {
        long object = heap.newObject();
        Threads.runOnOtherThread(() -> RefCount.incref(object));
        RefCount.decref(object);
        assertFalse(heap.isDeallocated(object));
        assertEquals(0, tid(object), "OWNED, L→0, S ≠ 0: tid 0");
        assertEquals(ONE | Header.STATE_MERGED, shared(object), "S = (1, MERGED)");
        RefCount.incref(object);
        assertEquals(0, local(object), "a former owner counts in the shared field");
        assertEquals(2 * ONE | Header.STATE_MERGED, shared(object));
        RefCount.decref(object);
        Threads.runOnOtherThread(() -> RefCount.decref(object));
        assertTrue(heap.isDeallocated(object), "MERGED: the decref reaching exactly (0, MERGED) deallocates");
    }

    @Test
    void ownerLastLocalWithMaybeWeakrefDeallocatesThroughTheMergeCas() {
        long object = heap.newObject();
        RefCount.setMaybeWeakref(object);
        assertEquals(Header.STATE_MAYBE_WEAKREF, shared(object));
        RefCount.decref(object);
        assertTrue(heap.isDeallocated(object), "S = (0, MAYBE_WEAKREF): CAS to (0, MERGED), then deallocate");
        if (!RefCount.DEBUG) {
            assertEquals(0, tid(object), "the slow path gave up ownership first");
            assertEquals(Header.STATE_MERGED, shared(object));
        }
    }

    @Test
    void setMaybeWeakrefOnlyMovesInitForward() throws Exception {
        long object = heap.newObject();
        Threads.runOnOtherThread(() -> RefCount.incref(object));
        RefCount.setMaybeWeakref(object);
        assertEquals(ONE | Header.STATE_MAYBE_WEAKREF, shared(object), "the count is kept");
        RefCount.decref(object);
        assertEquals(ONE | Header.STATE_MERGED, shared(object));
        RefCount.setMaybeWeakref(object);
        assertEquals(ONE | Header.STATE_MERGED, shared(object), "never back from MERGED");
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    // ---- queueing and merging ------------------------------------------------------------------

    @Test
    void nonOwnerDecrefAtZeroSharedQueuesWithoutSubtractingAndTheOwnerMergesAtItsSafepoint() throws Exception {
        long object = heap.newObject();
        RefCount.incref(object); // the reference handed to the other thread, counted locally
        Threads.runOnOtherThread(() -> RefCount.decref(object));
        assertEquals(Header.STATE_QUEUED, shared(object), "S = (0, QUEUED): the queue holds the reference");
        assertEquals(2, local(object));
        assertEquals(1, RefCount.queuedForCurrentThread());
        assertTrue((self.pendingWork() & ThreadState.EXPLICIT_MERGE) != 0, "the owner was asked to merge");
        self.poll();
        assertEquals(0, RefCount.queuedForCurrentThread());
        assertEquals(0, tid(object), "merged: unowned");
        assertEquals(0, local(object));
        assertEquals(ONE | Header.STATE_MERGED, shared(object), "L 2 + S 0 − the queue's 1 = 1");
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void queuedObjectMayGoNegativeInSharedAndTheMergeFreesIt() throws Exception {
        long object = heap.newObject();
        RefCount.incref(object);
        RefCount.incref(object); // L = 3: one for us, two handed to the other thread
        Threads.runOnOtherThread(() -> {
            RefCount.decref(object); // S = (0, INIT): queues
            RefCount.decref(object); // QUEUED: subtracts, S.count = −1
        });
        assertEquals(-ONE | Header.STATE_QUEUED, shared(object));
        assertEquals(2, RefCount.refcount(object), "L 3 + S −1: ours and the queue's");
        RefCount.decref(object);
        assertEquals(2, local(object));
        assertFalse(heap.isDeallocated(object), "the queue still holds a reference");
        assertEquals(1, RefCount.mergeQueue());
        assertTrue(heap.isDeallocated(object), "merge: L 2 + S −1 − 1 = 0 → deallocated by the merge");
    }

    @Test
    void ownerLocalReachingZeroWhileQueuedMergesAndTheQueueMergeFrees() throws Exception {
        long object = heap.newObject();
        RefCount.incref(object);
        RefCount.incref(object); // L = 3: ours, and two handed to the other thread
        Threads.runOnOtherThread(() -> {
            RefCount.decref(object); // queues
            RefCount.incref(object);
            RefCount.incref(object); // S = (2, QUEUED): two references handed back to the owner
        });
        RefCount.decref(object);
        RefCount.decref(object);
        RefCount.decref(object); // L → 0 while S ≠ 0: tid 0, S = (2, MERGED)
        assertEquals(0, tid(object));
        assertEquals(2 * ONE | Header.STATE_MERGED, shared(object));
        Threads.runOnOtherThread(() -> RefCount.decref(object)); // the other thread's last reference
        assertFalse(heap.isDeallocated(object), "the queue's reference remains");
        assertEquals(1, RefCount.mergeQueue());
        assertTrue(heap.isDeallocated(object), "merge: L 0 + S 1 − 1 = 0");
    }

    @Test
    void ownerExitDrainsItsQueue() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        AtomicLong address = new AtomicLong();
        Threads.Runner owner = new Threads.Runner("owner", () -> {
            long object = heap.newObject();
            RefCount.incref(object);
            address.set(object);
            created.countDown();
            ThreadState me = RuntimeThreads.current();
            me.detach();
            queued.await();
            me.attach();
            RefCount.decref(object); // L 2 → 1, no merge yet; the exit listener merges the queued reference
        });
        created.await();
        long object = address.get();
        RefCount.decref(object);
        assertEquals(Header.STATE_QUEUED, shared(object));
        queued.countDown();
        owner.join();
        assertTrue(heap.isDeallocated(object), "the exiting owner merged its queue: L 1 + 0 − 1 = 0");
    }

    @Test
    void ownerExitRacingAQueuingDecrefFreesExactlyOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            AtomicLong address = new AtomicLong();
            CountDownLatch created = new CountDownLatch(1);
            Threads.Runner owner = new Threads.Runner("exiting-owner", () -> {
                long object = heap.newObject();
                RefCount.incref(object); // L = 2: ours and one handed to the test thread
                address.set(object);
                created.countDown();
                RefCount.decref(object); // then exit: the exit step drains and closes the queue
            });
            created.await();
            long object = address.get();
            RefCount.decref(object); // queues before the close (merged by the exit) or after (merged here)
            owner.join();
            assertTrue(heap.isDeallocated(object), "iteration " + i + ": " + Header.describe(object));
        }
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void decrementingThreadMergesItselfWhenTheOwnerHasExited() throws Exception {
        AtomicLong address = new AtomicLong();
        Threads.runOnOtherThread(() -> {
            long object = heap.newObject();
            RefCount.incref(object);
            address.set(object); // two local references escape the exiting owner
        });
        long object = address.get();
        long deadOwner = tid(object);
        assertTrue(deadOwner != 0);
        RefCount.decref(object); // non-owner, S = 0: QUEUED; the owner is gone so this thread merges
        assertEquals(0, tid(object));
        assertEquals(ONE | Header.STATE_MERGED, shared(object), "L 2 + S 0 − 1 = 1, merged here");
        assertEquals(0, RefCount.queuedForCurrentThread());
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void threadReusingAnExitedOwnersIdIsNotOwnerUntilItInstallsItsQueue() throws Exception {
        AtomicLong address = new AtomicLong();
        RuntimeThreads.unregister(); // free the test thread's id so that the next two threads share one
        try {
            AtomicLong firstId = new AtomicLong();
            Threads.runOnOtherThread(() -> {
                firstId.set(RuntimeThreads.current().id());
                long object = heap.newObject();
                RefCount.incref(object);
                RefCount.incref(object);
                address.set(object); // L = 3 left behind by the exiting owner
            });
            long object = address.get();
            Threads.runOnOtherThread(() -> {
                assertEquals(firstId.get(), RuntimeThreads.current().id(), "the id was reused");
                assertEquals(RefCount.NO_TID, RefCount.currentTid(), "no queue yet: not an owner");
                RefCount.incref(object);
                assertEquals(ONE, shared(object), "as non-owner, counted in the shared field");
                assertEquals(3, local(object));
                long mine = heap.newObject(); // installs this thread's queue: now the owner of the tid
                RefCount.decref(mine);
                RefCount.decref(object);
                assertEquals(2, local(object), "as owner, the decref is local");
            });
        } finally {
            self = RuntimeThreads.attachCurrent();
        }
        long object = address.get();
        RefCount.decref(object); // S (1, INIT) → (0, INIT)
        RefCount.decref(object); // S 0: QUEUED; its owner exited → merged here: L 2 + 0 − 1 = 1
        assertEquals(ONE | Header.STATE_MERGED, shared(object));
        RefCount.decref(object);
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void stoppedWorldMergesEveryQueue() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch merged = new CountDownLatch(1);
        List<Long> objects = new ArrayList<>();
        Threads.Runner owner = new Threads.Runner("owner", () -> {
            for (int i = 0; i < 3; i++) {
                long object = heap.newObject(); // L = 1: the reference handed over
                synchronized (objects) {
                    objects.add(object);
                }
            }
            ThreadState me = RuntimeThreads.current();
            me.detach();
            created.countDown();
            merged.await();
            me.attach();
        });
        created.await();
        for (long object : objects) {
            RefCount.decref(object); // queues to the detached owner, which does not poll
        }
        for (long object : objects) {
            assertEquals(Header.STATE_QUEUED, shared(object));
        }
        World.stop();
        try {
            RefCount.mergeAllQueues();
        } finally {
            World.start();
        }
        merged.countDown();
        owner.join();
        heap.assertAllDeallocatedOnce();
    }

    @Test
    void mergeAllQueuesCanHandZeroCountObjectsToTheCollector() throws Exception {
        long object = heap.newObject();
        Threads.runOnOtherThread(() -> RefCount.decref(object)); // our only reference, queued
        List<Long> zero = new ArrayList<>();
        World.stop();
        try {
            assertEquals(1, RefCount.mergeAllQueues(zero::add));
        } finally {
            World.start();
        }
        assertEquals(List.of(object), zero);
        assertFalse(heap.isDeallocated(object), "left for the collector");
        assertEquals(Header.STATE_MERGED, shared(object));
        RefCount.deallocate(object);
        assertTrue(heap.isDeallocated(object));
    }

    // ---- tryIncref and uniqueness --------------------------------------------------------------

    @Test
    void tryIncrefFollowsCpythonRules() throws Exception {
        long owned = heap.newObject();
        assertTrue(RefCount.tryIncref(owned), "owner: always");
        assertEquals(2, local(owned));
        Threads.runOnOtherThread(() -> assertFalse(RefCount.tryIncref(owned),
                "(0, INIT) owned elsewhere: the owner may be freeing without atomics"));
        RefCount.setMaybeWeakref(owned);
        Threads.runOnOtherThread(() -> {
            assertTrue(RefCount.tryIncref(owned), "(0, MAYBE_WEAKREF): CAS +1");
            assertEquals(ONE | Header.STATE_MAYBE_WEAKREF, shared(owned));
            RefCount.decref(owned);
        });
        RefCount.decref(owned);
        RefCount.decref(owned);
        assertTrue(heap.isDeallocated(owned));
        if (!RefCount.DEBUG) {
            Threads.runOnOtherThread(() -> assertFalse(RefCount.tryIncref(owned), "(0, MERGED): dead"));
        }
        long immortal = heap.newObject();
        RefCount.immortalize(immortal);
        Threads.runOnOtherThread(() -> assertTrue(RefCount.tryIncref(immortal)));
    }

    @Test
    void uniquelyReferencedOnlyForTheOwnerWithOneLocalAndZeroShared() throws Exception {
        long object = heap.newObject();
        assertTrue(RefCount.isUniquelyReferenced(object));
        RefCount.incref(object);
        assertFalse(RefCount.isUniquelyReferenced(object));
        RefCount.decref(object);
        Threads.runOnOtherThread(() -> {
            assertFalse(RefCount.isUniquelyReferenced(object), "not the owner");
            RefCount.incref(object);
        });
        assertFalse(RefCount.isUniquelyReferenced(object), "a shared reference exists");
        Threads.runOnOtherThread(() -> RefCount.decref(object));
        assertTrue(RefCount.isUniquelyReferenced(object));
        RefCount.decref(object);
    }

    // ---- immortal ------------------------------------------------------------------------------

    @Test
    void immortalObjectsAreNeverWrittenByIncrefOrDecref() throws Exception {
        long object = heap.newObject();
        RefCount.immortalize(object);
        assertTrue(RefCount.isImmortal(object));
        assertEquals(0, tid(object));
        assertEquals(Header.IMMORTAL_LOCAL, local(object));
        assertEquals(0, shared(object));
        byte[] before = Memory.segment(object, Header.SIZE).toArray(ValueLayout.JAVA_BYTE);
        for (int i = 0; i < 10; i++) {
            RefCount.decref(object);
            RefCount.incref(object);
        }
        Threads.runOnOtherThread(() -> {
            for (int i = 0; i < 10; i++) {
                RefCount.decref(object);
                RefCount.incref(object);
                RefCount.addStackReference(object);
            }
        });
        byte[] after = Memory.segment(object, Header.SIZE).toArray(ValueLayout.JAVA_BYTE);
        assertArrayEquals(before, after);
        assertEquals(RefCount.IMMORTAL_REFCOUNT, RefCount.refcount(object));
        assertFalse(heap.isDeallocated(object));
        assertFalse(RefCount.isUniquelyReferenced(object));
    }

    @Test
    void ownerLocalOverflowImmortalizes() {
        long object = heap.newObject();
        Memory.putInt(object + Header.REF_LOCAL, 0xFFFF_FFFE);
        assertEquals(0xFFFF_FFFEL, RefCount.refcount(object), "refLocal is unsigned");
        RefCount.incref(object);
        assertTrue(RefCount.isImmortal(object));
        assertEquals(0, tid(object));
        RefCount.decref(object);
        assertTrue(RefCount.isImmortal(object));
        assertFalse(heap.isDeallocated(object));
    }

    // ---- deferred ------------------------------------------------------------------------------

    @Test
    void deferredObjectsSurviveOrdinaryDecrefsUntilTheCollectorClearsTheBias() throws Exception {
        long object = heap.newObject();
        RefCount.setDeferred(object);
        assertTrue(RefCount.isDeferred(object));
        assertTrue(Header.hasGcBits(object, Header.GC_DEFERRED));
        assertEquals(1 + RefCount.DEFERRED_BIAS, RefCount.refcount(object));
        RefCount.decref(object); // the last counted reference: L → 0, S = bias ≠ 0 → MERGED, alive
        assertFalse(heap.isDeallocated(object));
        assertEquals(RefCount.DEFERRED_BIAS << Header.SHARED_SHIFT | Header.STATE_MERGED, shared(object));
        Threads.runOnOtherThread(() -> {
            RefCount.incref(object);
            RefCount.decref(object);
        });
        assertFalse(heap.isDeallocated(object));
        World.stop();
        try {
            assertEquals(0, RefCount.collectorRefcount(object));
            RefCount.addStackReference(object); // a stack slot still refers to it: make it a real reference
            assertEquals(1, RefCount.collectorRefcount(object));
            RefCount.clearDeferred(object);
            assertFalse(RefCount.isDeferred(object));
            assertEquals(1, RefCount.refcount(object));
        } finally {
            World.start();
        }
        RefCount.decref(object);
        assertTrue(heap.isDeallocated(object), "ordinary refcounting frees it after clearDeferred");
    }

    @Test
    void ownerTidMakesAThreadWithoutObjectsAnOwnerSoItsLaterCountsAreLocal() throws Exception {
        Threads.runOnOtherThread(() -> {
            assertEquals(RefCount.NO_TID, RefCount.currentTid(), "no object yet: not an owner");
            long tid = RefCount.ownerTid();
            assertEquals(tid, RefCount.currentTid());
            long object = heap.newObject();
            assertEquals(tid, Header.tid(object), "its objects are owned under the cached id");
            RefCount.incref(object, tid);
            assertEquals(2, local(object), "an increment with the cached id is local");
            RefCount.decref(object, tid);
            RefCount.decref(object, tid);
            assertTrue(heap.isDeallocated(object));
        });
    }

    @Test
    void aDeferredObjectThatOtherThreadsReleasedMoreThanTheyTookIsFreedAfterClearDeferred() throws Exception {
        long object = heap.newObject();
        RefCount.setDeferred(object);
        RefCount.incref(object); // the owner's reference handed to another thread, which drops it there
        Threads.runOnOtherThread(() -> RefCount.decref(object));
        World.stop();
        try {
            RefCount.clearDeferred(object); // the shared count would be -1 without a merge
        } finally {
            World.start();
        }
        assertEquals(1, RefCount.refcount(object));
        assertFalse(heap.isDeallocated(object));
        RefCount.decref(object); // the owner's last reference: the count reaches zero
        assertTrue(heap.isDeallocated(object), "freed although the owner's local count alone was not zero");
    }

    @Test
    void setDeferredNeedsTheOwnerOrAStoppedWorldAndClearNeedsADeferredObject() throws Exception {
        long object = heap.newObject();
        Threads.runOnOtherThread(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RefCount.setDeferred(object));
            assertTrue(e.getMessage().contains("owner"), e.getMessage());
        });
        World.stop();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RefCount.clearDeferred(object));
            assertTrue(e.getMessage().contains("not deferred"), e.getMessage());
        } finally {
            World.start();
        }
        assertThrows(AssertionError.class, () -> RefCount.mergeAllQueues(), "world not stopped");
        RefCount.decref(object);
    }

    // ---- SPI -----------------------------------------------------------------------------------

    @Test
    void missingDeallocatorIsAClearError() {
        long object = heap.allocate();
        int unregistered = 99_999;
        RefCount.init(object, unregistered);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RefCount.decref(object));
        assertTrue(e.getMessage().contains("no deallocator registered for type " + unregistered), e.getMessage());
        assertTrue(e.getMessage().contains(Long.toHexString(object)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RefCount.setDeallocator(-1, o -> { }));
    }

    // ---- many threads --------------------------------------------------------------------------

    @Test
    void objectsPassedAroundByTwoThreadsAreEachDeallocatedExactlyOnce() throws Exception {
        int count = 20_000;
        long[] objects = new long[count];
        for (int i = 0; i < count; i++) {
            objects[i] = heap.newObject();
            RefCount.incref(objects[i]); // one reference for the other thread
            if ((i & 3) == 0) {
                RefCount.setMaybeWeakref(objects[i]);
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        Threads.Runner other = new Threads.Runner("other", () -> {
            go.await();
            for (int i = 0; i < count; i++) {
                RefCount.incref(objects[i]);
                RefCount.decref(objects[i]);
                RefCount.decref(objects[i]);
                RuntimeThreads.current().poll();
            }
        });
        go.countDown();
        for (int i = 0; i < count; i++) {
            RefCount.incref(objects[i]);
            RefCount.decref(objects[i]);
            RefCount.decref(objects[i]);
            self.poll();
        }
        other.join();
        self.poll();
        RefCount.mergeQueue();
        heap.assertAllDeallocatedOnce();
        for (long object : objects) {
            assertEquals(0L, heap.countAtDeallocation.get(object), "never deallocated with a positive count");
        }
    }
}
