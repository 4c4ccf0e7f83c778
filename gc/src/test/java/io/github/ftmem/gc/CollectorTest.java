package io.github.ftmem.gc;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.model.GcModel;
import io.github.ftmem.refcount.RefCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.ftmem.gc.model.GcModel.CONTAINER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectorTest {

    private GcModel model;
    private Collector collector;
    private ThreadState self;

    @BeforeEach
    void setUp() {
        self = RuntimeThreads.register();
        self.attach();
        model = new GcModel();
        collector = model.newCollector();
    }

    @AfterEach
    void tearDown() {
        try {
            collector.collect();
            assertEquals(0, model.liveObjects(), "objects left after the test");
            model.close();
        } finally {
            RuntimeThreads.unregister();
        }
    }

    /** Links {@code objects} into a ring through slot 0 and drops the caller's references. */
    private void ringAndDrop(long... objects) {
        for (int i = 0; i < objects.length; i++) {
            model.set(objects[i], 0, objects[(i + 1) % objects.length]);
        }
        for (long object : objects) {
            model.decref(object);
        }
    }

    private long[] containers(int n) {
        long[] objects = new long[n];
        for (int i = 0; i < n; i++) {
            objects[i] = model.newContainer();
        }
        return objects;
    }

    /**
     * The header table of Collector's implementation notes: a collection leaves every surviving
     * object's tid, counts and bits as it found them (scratch restored, UNREACHABLE never left set),
     * whatever mix of live, garbage, deferred, frozen and resurrected objects the heap holds.
     */
    @Test
    void survivorsHeadersAreLeftAsFound() {
        long root = model.newContainer();
        long[] ring = containers(3);
        for (int i = 0; i < 3; i++) {
            model.set(ring[i], 0, ring[(i + 1) % 3]);
        }
        model.set(root, 0, ring[0]);
        for (long object : ring) {
            model.decref(object);
        }
        long deferred = model.newContainer();
        model.setDeferred(deferred);
        model.set(deferred, 0, deferred);
        model.pushStackRoot(deferred);
        model.decref(deferred);
        ringAndDrop(containers(4));
        long holder = model.newContainer();
        long resurrecting = model.newFinalizable(object -> model.set(holder, 0, object));
        model.set(resurrecting, 0, resurrecting);
        model.decref(resurrecting);

        long[] before = model.liveSnapshot();
        long[][] headers = new long[before.length][];
        for (int i = 0; i < before.length; i++) {
            headers[i] = header(before[i]);
        }
        assertEquals(4, collector.collect());
        int survivors = 0;
        for (int i = 0; i < before.length; i++) {
            long object = before[i];
            if (model.isFreed(object)) {
                continue;
            }
            survivors++;
            long[] after = header(object);
            assertEquals(headers[i][0], after[0], "tid restored");
            assertEquals(0, after[2] & Header.GC_UNREACHABLE, "no UNREACHABLE bit left set");
            if (object == resurrecting) {
                assertEquals(headers[i][2] | Header.GC_FINALIZED, after[2]);
                assertEquals(headers[i][1] + 1, after[1], "the holder's reference was added");
            } else if (object == holder) {
                assertEquals(headers[i][2], after[2]);
            } else {
                assertEquals(headers[i][1], after[1], "count unchanged");
                assertEquals(headers[i][2], after[2], "bits unchanged");
            }
        }
        assertEquals(before.length - 4, survivors);

        model.popStackRoot(deferred);
        model.set(holder, 0, 0);
        model.decref(holder);
        model.decref(root);
        assertEquals(5, collector.collect(), "the ring, the deferred self-cycle and the resurrected one");
    }

    private static long[] header(long object) {
        return new long[] {Header.tid(object), RefCount.refcount(object), Header.gcBits(object)};
    }

    @Test
    void selfCycleIsCollected() {
        long a = model.newContainer();
        model.set(a, 0, a);
        model.decref(a);
        assertEquals(1, model.liveObjects());
        assertEquals(1, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void twoCycleIsCollected() {
        ringAndDrop(containers(2));
        assertEquals(2, collector.collect());
        assertEquals(0, model.liveObjects());
        GcStats stats = collector.stats();
        assertEquals(1, stats.collections());
        assertEquals(2, stats.collected());
        assertTrue(stats.pauses() >= 1);
        assertTrue(stats.lastPauseNanos() > 0);
        assertTrue(model.merges() >= 1, "refcount queues are merged in the pause");
    }

    @Test
    void longRingIsCollected() {
        ringAndDrop(containers(10_000));
        assertEquals(10_000, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void cycleReachableFromLiveObjectIsKeptAndTidsRestored() {
        long root = model.newContainer();
        long a = model.newContainer();
        long b = model.newContainer();
        model.set(root, 1, a);
        ringAndDrop(a, b);
        long[] tids = {Header.tid(root), Header.tid(a), Header.tid(b)};
        assertEquals(RefCount.currentTid(), tids[0]);
        assertTrue(tids[0] != 0, "owned objects carry their owner's id");

        assertEquals(0, collector.collect());
        assertEquals(3, model.liveObjects());
        assertEquals(b, model.get(a, 0));
        assertEquals(a, model.get(b, 0));
        assertEquals(tids[0], Header.tid(root));
        assertEquals(tids[1], Header.tid(a));
        assertEquals(tids[2], Header.tid(b));
        assertFalse(Header.hasGcBits(a, Header.GC_UNREACHABLE));
        assertEquals(2, model.count(a));
        assertEquals(1, model.count(b));

        model.decref(root);
        assertEquals(2, model.liveObjects());
        assertEquals(2, collector.collect());
    }

    @Test
    void deferredObjectHeldByNothingButItsBiasIsCollected() {
        // Its count is 0 once the bias is off: the collector must take its reference before that
        // (refcount's debug mode, on in these tests, rejects an incref of a zero count).
        long a = model.newContainer();
        model.setDeferred(a);
        model.decref(a);
        assertEquals(1, model.liveObjects(), "deferred counting keeps it until the collector looks");

        assertEquals(1, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void cycleHeldOnlyByDeferredStackReferenceIsKept() {
        long a = model.newContainer();
        long b = model.newContainer();
        model.setDeferred(a);
        model.pushStackRoot(a);
        ringAndDrop(a, b);

        assertEquals(0, collector.collect());
        assertEquals(2, model.liveObjects());
        assertTrue(Header.hasGcBits(a, Header.GC_DEFERRED), "a reachable object keeps deferred counting");

        model.popStackRoot(a);
        assertEquals(2, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void finalizerResurrectingItsObjectKeepsItAndRunsOnce() {
        long holder = model.newContainer();
        AtomicInteger runs = new AtomicInteger();
        long a = model.newFinalizable(object -> {
            runs.incrementAndGet();
            model.set(holder, 0, object);
        });
        long b = model.newContainer();
        ringAndDrop(a, b);

        assertEquals(0, collector.collect());
        assertEquals(1, runs.get());
        assertEquals(3, model.liveObjects());
        assertEquals(b, model.get(a, 0), "the resurrected cycle is intact");
        assertEquals(a, model.get(b, 0));
        assertTrue(Header.hasGcBits(a, Header.GC_FINALIZED));
        assertFalse(Header.hasGcBits(b, Header.GC_UNREACHABLE));
        assertEquals(2, collector.stats().resurrected());

        model.set(holder, 0, 0);
        assertEquals(2, collector.collect());
        assertEquals(1, runs.get(), "a finalizer never runs twice");
        model.decref(holder);
    }

    @Test
    void finalizerResurrectingAnotherGarbageObjectKeepsWhatItReaches() {
        long holder = model.newContainer();
        long c1 = model.newContainer();
        long c2 = model.newContainer();
        long c3 = model.newContainer();
        model.set(c2, 1, c3);
        ringAndDrop(c1, c2);
        model.decref(c3);
        long f = model.newFinalizable(object -> model.set(holder, 0, c1));
        long g = model.newContainer();
        ringAndDrop(f, g);

        assertEquals(2, collector.collect(), "f and g are collected");
        assertEquals(4, model.liveObjects());
        assertEquals(c2, model.get(c1, 0));
        assertEquals(c3, model.get(c2, 1));
        assertFalse(model.isFreed(c3));

        model.set(holder, 0, 0);
        assertEquals(3, collector.collect());
        model.decref(holder);
    }

    /**
     * A finalizer that cuts its object out of the cycle (as closing a generator clears its frame): CPython
     * frees what is then acyclic during finalization, so it is neither collected nor resurrected; what is
     * still cyclic is collected and counted.
     */
    @Test
    void garbageAFinalizerCutsLooseIsFreedUncounted() {
        AtomicInteger runs = new AtomicInteger();
        long a = model.newFinalizable(object -> {
            runs.incrementAndGet();
            model.set(object, 0, 0);
        });
        long b = model.newContainer();
        ringAndDrop(a, b);

        assertEquals(0, collector.collect());
        assertEquals(1, runs.get());
        assertEquals(0, model.liveObjects());
        assertEquals(0, collector.stats().resurrected());

        long f = model.newFinalizable(object -> model.set(object, 0, 0));
        long g = model.newContainer();
        long c = model.newContainer();
        long d = model.newContainer();
        model.set(g, 1, c);
        ringAndDrop(c, d);
        ringAndDrop(f, g);

        assertEquals(2, collector.collect(), "only the c-d cycle still counts");
        assertEquals(0, model.liveObjects());
        assertEquals(0, collector.stats().resurrected());
    }

    @Test
    void weakReferencesToGarbageAreClearedAndOnlyReachableOnesCallBack() {
        long a = model.newContainer();
        long b = model.newContainer();
        AtomicInteger liveCallback = new AtomicInteger();
        AtomicInteger garbageCallback = new AtomicInteger();
        long liveWeak = model.newWeakRef(a, liveCallback::incrementAndGet);
        long garbageWeak = model.newWeakRef(a, garbageCallback::incrementAndGet);
        model.set(b, 1, garbageWeak);
        model.decref(garbageWeak);
        ringAndDrop(a, b);

        assertEquals(3, collector.collect(), "a, b and the weak reference b holds");
        assertEquals(0, model.referent(liveWeak));
        assertEquals(1, liveCallback.get());
        assertEquals(0, garbageCallback.get(), "a weak reference that is garbage never calls back");
        model.decref(liveWeak);
    }

    @Test
    void legacyFinalizerGarbageGoesToTheGarbageList() {
        long legacy = model.newObject(GcModel.LEGACY);
        long c = model.newContainer();
        long d = model.newContainer();
        model.set(c, 1, d);
        model.decref(d);
        ringAndDrop(legacy, c);

        assertEquals(3, collector.collect());
        assertEquals(3, collector.stats().uncollectable());
        assertEquals(0, collector.stats().collected());
        assertEquals(3, model.liveObjects(), "uncollectable objects are not freed");
        long[] garbage = collector.garbage();
        assertEquals(List.of(legacy, c, d), List.of(garbage[0], garbage[1], garbage[2]));
        assertEquals(c, model.get(legacy, 0), "uncollectable objects are not cleared");

        assertEquals(0, collector.collect(), "already on the garbage list: held, not found again");
        model.set(c, 0, 0);
        assertEquals(3, collector.clearGarbage());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void millionObjectChainIsMarkedAndCollectedWithoutRecursion() {
        int n = 1_000_000;
        long head = model.newContainer();
        long tail = head;
        for (int i = 1; i < n; i++) {
            long next = model.newContainer();
            model.set(tail, 0, next);
            model.decref(next);
            tail = next;
        }
        assertEquals(0, collector.collect(), "a live chain is marked to its end");
        assertEquals(n, model.liveObjects());

        model.set(tail, 0, head);
        model.decref(head);
        assertEquals(n, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void garbageChainHangingOffACycleIsFreed() {
        long a = model.newContainer();
        long b = model.newContainer();
        long tail = b;
        for (int i = 0; i < 100_000; i++) {
            long next = model.newContainer();
            model.set(tail, 1, next);
            model.decref(next);
            tail = next;
        }
        ringAndDrop(a, b);
        assertEquals(100_002, collector.collect());
        assertEquals(0, model.liveObjects());
    }

    @Test
    void frozenObjectsAreNotScannedUntilUnfrozen() {
        ringAndDrop(containers(2));
        assertEquals(2, collector.freeze());
        assertEquals(2, collector.frozenCount());
        assertEquals(0, collector.collect());
        assertEquals(2, model.liveObjects());

        long a = model.newContainer();
        model.set(a, 0, a);
        model.decref(a);
        assertEquals(1, collector.collect(), "objects created after the freeze are scanned");

        assertEquals(2, collector.unfreeze());
        assertEquals(0, collector.frozenCount());
        assertEquals(2, collector.collect());
    }

    @Test
    void recursiveCollectFromFinalizerReturnsZero() {
        AtomicInteger nested = new AtomicInteger(-1);
        long f = model.newFinalizable(object -> nested.set((int) collector.collect()));
        long g = model.newContainer();
        ringAndDrop(f, g);
        assertEquals(2, collector.collect());
        assertEquals(0, nested.get());
    }

    @Test
    void finalizerExceptionIsReportedAndCollectionContinues() {
        List<String> reports = new ArrayList<>();
        GcModel other = new GcModel();
        Collector reporting = other.newCollector(Collector.builder()
                .errorHandler((operation, object, error) -> reports.add(operation + ": " + error.getMessage())));
        long f = other.newFinalizable(object -> {
            throw new IllegalStateException("boom");
        });
        long g = other.newContainer();
        other.set(f, 0, g);
        other.set(g, 0, f);
        other.decref(f);
        other.decref(g);
        assertEquals(2, reporting.collect());
        assertEquals(List.of("finalizer: boom"), reports);
        assertEquals(0, other.liveObjects());
        other.close();
    }

    @Test
    void traverseReportingTooManyReferencesIsAnErrorAndLosesNothing() {
        int bad = GcModel.SPARE_TYPE;
        GcModel other = new GcModel();
        Collector strict = other.newCollector(Collector.builder().type(bad, new TypeOperations() {
            @Override
            public void traverse(long object, ObjectVisitor visitor) {
                long referent = other.get(object, 0);
                if (referent != 0) {
                    visitor.visit(referent);
                    visitor.visit(referent);
                }
            }

            @Override
            public void clear(long object) {
                other.set(object, 0, 0);
            }
        }));
        long a = other.newObject(bad);
        long b = other.newContainer();
        other.set(a, 0, b);
        other.set(b, 0, a);
        other.decref(b);
        long tidA = Header.tid(a);
        long tidB = Header.tid(b);

        IllegalStateException error = assertThrows(IllegalStateException.class, strict::collect);
        assertTrue(error.getMessage().contains("reports more references"), error.getMessage());
        assertEquals(tidA, Header.tid(a));
        assertEquals(tidB, Header.tid(b));
        assertFalse(Header.hasGcBits(a, Header.GC_UNREACHABLE));
        assertFalse(Header.hasGcBits(b, Header.GC_UNREACHABLE));
        assertEquals(2, other.liveObjects());
        assertEquals(1, other.count(b));

        other.set(b, 0, 0);
        other.decref(a);
        assertEquals(0, other.liveObjects());
        other.close();
    }

    @Test
    void trackedObjectOfUnknownTypeIsAClearError() {
        long stray = model.newObject(GcModel.UNREGISTERED_TYPE);
        IllegalStateException error = assertThrows(IllegalStateException.class, collector::collect);
        assertTrue(error.getMessage().contains("type " + GcModel.UNREGISTERED_TYPE), error.getMessage());
        model.decref(stray);
    }

    @Test
    void collectOnDetachedThreadIsRejected() {
        self.detach();
        try {
            IllegalStateException error = assertThrows(IllegalStateException.class, collector::collect);
            assertTrue(error.getMessage().contains("attached runtime thread"), error.getMessage());
        } finally {
            self.attach();
        }
    }

    @Test
    void objectQueuedForItsOwnerIsMergedAndFreedAfterThePause() throws InterruptedException {
        long[] made = new long[1];
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread owner = RuntimeThreads.newThread("owner", () -> {
            ThreadState ownerState = RuntimeThreads.current();
            made[0] = model.newContainer();
            ownerState.detach();
            created.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownerState.attach();
        });
        owner.start();
        self.detach();
        created.await();
        self.attach();
        model.decref(made[0]);
        assertEquals(1, model.liveObjects(), "the last reference waits in the owner's merge queue");
        long mergesBefore = model.merges();
        collector.collect();
        assertEquals(mergesBefore + 1, model.merges());
        assertEquals(0, model.liveObjects(), "merged to zero in the pause, freed after it");
        release.countDown();
        self.detach();
        owner.join();
        self.attach();
    }

    @Test
    void immortalAndUntrackedObjectsAreIgnored() {
        long immortal = model.newContainer();
        model.set(immortal, 0, immortal);
        RefCount.immortalize(immortal);
        long untracked = model.newContainer();
        Header.clearGcBits(untracked, Header.GC_TRACKED);
        model.set(untracked, 0, untracked);
        assertEquals(0, collector.collect());
        assertEquals(immortal, model.get(immortal, 0));
        Memory.putLong(immortal + Header.SIZE, 0);
        Memory.putInt(immortal + Header.REF_LOCAL, 0);
        Memory.putLong(immortal + Header.REF_SHARED, 1L << Header.SHARED_SHIFT | Header.STATE_MERGED);
        model.decref(immortal);
        model.set(untracked, 0, 0);
        model.decref(untracked);
    }

    @Test
    void thresholdValidationAndSettings() {
        assertEquals(Collector.DEFAULT_THRESHOLD, collector.threshold());
        assertThrows(IllegalArgumentException.class, () -> collector.setThreshold(-1));
        collector.setThreshold(10);
        assertEquals(10, collector.threshold());
        collector.setEnabled(false);
        assertFalse(collector.isEnabled());
        assertEquals(0, collector.collectScheduled(), "disabled: no scheduled collection");
    }
}
