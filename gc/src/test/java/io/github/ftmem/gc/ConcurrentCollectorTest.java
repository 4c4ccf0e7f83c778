package io.github.ftmem.gc;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.model.GcModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collections racing mutator threads, concurrent collect() calls, and threshold scheduling. */
class ConcurrentCollectorTest {

    private GcModel model;
    private Collector collector;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        RuntimeThreads.register().attach();
        model = new GcModel();
        collector = model.newCollector();
    }

    @AfterEach
    void tearDown() {
        try {
            collector.uninstallScheduledHandler();
            assertEquals(List.of(), failures);
            assertEquals(0, model.liveObjects(), "objects left after the test");
            model.close();
        } finally {
            RuntimeThreads.unregister();
        }
    }

    /**
     * A mutator: keeps a window of live 3-rings held by its own references (and checks them intact
     * at every step), creates garbage 2-cycles, polls for safepoints; drops everything at the end.
     */
    private Thread mutator(String name, AtomicBoolean running, CountDownLatch started) {
        return RuntimeThreads.newThread(name, () -> {
            ThreadState self = RuntimeThreads.current();
            List<long[]> window = new ArrayList<>();
            try {
                started.countDown();
                int step = 0;
                while (running.get() && step < 20_000 || step < 2000) {
                    long[] ring = {model.newContainer(), model.newContainer(), model.newContainer()};
                    for (int i = 0; i < 3; i++) {
                        model.set(ring[i], 0, ring[(i + 1) % 3]);
                    }
                    window.add(ring);
                    if (window.size() > 50) {
                        long[] old = window.remove(0);
                        checkRing(old);
                        for (long object : old) {
                            model.decref(object);
                        }
                    }
                    long a = model.newContainer();
                    long b = model.newContainer();
                    model.set(a, 0, b);
                    model.set(b, 0, a);
                    model.set(a, 1, window.get(window.size() / 2)[0]);
                    model.decref(a);
                    model.decref(b);
                    for (long[] live : window) {
                        if ((step & 15) == 0) {
                            checkRing(live);
                        }
                    }
                    self.poll();
                    step++;
                }
                for (long[] live : window) {
                    checkRing(live);
                    for (long object : live) {
                        model.decref(object);
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
    }

    private void checkRing(long[] ring) {
        for (int i = 0; i < 3; i++) {
            if (model.isFreed(ring[i]) || model.get(ring[i], 0) != ring[(i + 1) % 3]) {
                throw new AssertionError("live ring object 0x" + Long.toHexString(ring[i]) + " was freed or cleared");
            }
        }
    }

    @Test
    void collectionsRacingTwoMutatorsFreeOnlyGarbage() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(2);
        Thread first = mutator("mutator-1", running, started);
        Thread second = mutator("mutator-2", running, started);
        first.start();
        second.start();
        ThreadState self = RuntimeThreads.current();
        self.detach();
        started.await();
        self.attach();
        long found = 0;
        for (int i = 0; i < 30; i++) {
            found += collector.collect();
        }
        running.set(false);
        self.detach();
        first.join();
        second.join();
        self.attach();
        found += collector.collect();
        if (model.liveObjects() != 0) {
            found += collector.collect();
        }
        assertTrue(found > 0, "the mutators' garbage was found");
        assertEquals(0, model.liveObjects(), "everything unreachable is freed within two collections");
    }

    @Test
    void concurrentCollectCallsFindEachGarbageObjectOnce() throws InterruptedException {
        int cycles = 20_000;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < cycles; i++) {
                long a = model.newContainer();
                long b = model.newContainer();
                model.set(a, 0, b);
                model.set(b, 0, a);
                model.decref(a);
                model.decref(b);
            }
            AtomicLong total = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                threads.add(RuntimeThreads.newThread("collector-" + t, () -> {
                    ThreadState self = RuntimeThreads.current();
                    self.detach();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    self.attach();
                    try {
                        total.addAndGet(collector.collect());
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            go.countDown();
            ThreadState self = RuntimeThreads.current();
            self.detach();
            for (Thread thread : threads) {
                thread.join();
            }
            self.attach();
            long rest = collector.collect();
            assertEquals(2L * cycles, total.get() + rest, "each garbage object is found exactly once");
            assertEquals(0, model.liveObjects());
        }
    }

    @Test
    void passingTheThresholdSchedulesCollectionsAtSafepoints() {
        collector.installScheduledHandler();
        collector.setThreshold(1000);
        ThreadState self = RuntimeThreads.current();
        for (int i = 0; i < 20_000; i++) {
            long a = model.newContainer();
            model.set(a, 0, a);
            model.decref(a);
            self.poll();
        }
        long automatic = collector.stats().collections();
        assertTrue(automatic > 0, "the threshold triggered collections");
        assertTrue(model.liveObjects() < 20_000);

        collector.setEnabled(false);
        for (int i = 0; i < 5_000; i++) {
            long a = model.newContainer();
            model.set(a, 0, a);
            model.decref(a);
            self.poll();
        }
        assertEquals(automatic, collector.stats().collections(), "disabled: no automatic collection");
        collector.collect();
        assertEquals(0, model.liveObjects());
    }

    @Test
    void scalingWithTheLiveHeapDelaysCollections() {
        collector.installScheduledHandler();
        collector.setThreshold(600);
        ThreadState self = RuntimeThreads.current();
        long[] keep = new long[40_000];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = model.newContainer();
        }
        collector.collect();
        assertEquals(keep.length, collector.stats().longLivedTotal());
        long before = collector.stats().collections();
        for (int i = 0; i < 8_000; i++) {
            long a = model.newContainer();
            model.set(a, 0, a);
            model.decref(a);
            self.poll();
        }
        assertEquals(before, collector.stats().collections(), "8000 allocations < 40000 / 4: no collection");

        collector.setScaleWithHeap(false);
        for (int i = 0; i < 2_000; i++) {
            long a = model.newContainer();
            model.set(a, 0, a);
            model.decref(a);
            self.poll();
        }
        assertTrue(collector.stats().collections() > before, "without scaling the threshold alone triggers");
        for (long object : keep) {
            model.decref(object);
        }
        collector.collect();
    }
}
