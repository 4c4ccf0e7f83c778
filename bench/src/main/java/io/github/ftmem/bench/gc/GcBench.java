package io.github.ftmem.bench.gc;

import io.github.ftmem.gc.model.GcModel;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.Collector;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cycle collector over the off-heap test object model (64-byte objects: header and four
 * reference slots, all-atomic reference counts), shapes matching {@code bench/python/gc_cycles.py}:
 * <ul>
 *   <li>{@code garbageCycles}: one collection of N garbage objects in N/2 2-cycles, built in an
 *       invocation-level setup; the collection finds, clears and (through reference counting) frees
 *       them all.</li>
 *   <li>{@code liveCycles}: one collection over N live objects in N/2 2-cycles, each cycle held by an
 *       external reference; nothing is garbage.</li>
 *   <li>{@code pauseWithOneMutator}: one collection of 10,000 live objects while one other attached
 *       thread runs reference-count work and polls for safepoints; no garbage, so the collection is a
 *       single stop-the-world pause (time to stop the mutator included).</li>
 * </ul>
 * The primary score is the time of one collection; the secondary score {@code objects} is the same
 * time per object (ns per garbage or live object), directly comparable with the CPython program,
 * which the bench script runs in the same session as the named peer (CPython 3's {@code gc.collect()}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GcBench {

    /** Objects per collection, reported as a second score: time per object. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class PerObject {
        public long objects;

        @Setup(Level.Iteration)
        public void reset() {
            objects = 0;
        }
    }

    /** The benchmark thread as an attached runtime thread, with a model and its collector. */
    @State(Scope.Thread)
    public static class Heap {
        @Param({"100000", "1000000"})
        public int n;

        GcModel model;
        Collector collector;
        long[] roots;

        @Setup(Level.Trial)
        public void setUp() {
            RuntimeThreads.register().attach();
            model = new GcModel();
            collector = model.newCollector();
            collector.setEnabled(false);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (roots != null) {
                for (long root : roots) {
                    model.decref(root);
                }
                roots = null;
            }
            collector.collect();
            model.close();
            RuntimeThreads.unregister();
        }

        /** N/2 2-cycles; returns the first object of each. */
        long[] buildCycles() {
            long[] firsts = new long[n / 2];
            for (int i = 0; i < firsts.length; i++) {
                long a = model.newContainer();
                long b = model.newContainer();
                model.set(a, 0, b);
                model.set(b, 0, a);
                model.decref(b);
                firsts[i] = a;
            }
            return firsts;
        }
    }

    /** A heap of N/2 garbage 2-cycles, rebuilt before every collection. */
    @State(Scope.Thread)
    public static class GarbageHeap extends Heap {
        @Setup(Level.Invocation)
        public void buildGarbage() {
            for (long a : buildCycles()) {
                model.decref(a);
            }
        }
    }

    /** A heap of N/2 live 2-cycles, each held by an external reference. */
    @State(Scope.Thread)
    public static class LiveHeap extends Heap {
        @Setup(Level.Trial)
        public void buildLive() {
            roots = buildCycles();
        }
    }

    /** 10,000 live objects and one mutator thread doing reference-count work between safepoint polls. */
    @State(Scope.Thread)
    public static class MutatorHeap {
        GcModel model;
        Collector collector;
        long[] roots;
        volatile boolean running;
        Thread mutator;

        @Setup(Level.Trial)
        public void setUp() {
            RuntimeThreads.register().attach();
            model = new GcModel();
            collector = model.newCollector();
            collector.setEnabled(false);
            roots = new long[10_000];
            for (int i = 0; i < roots.length; i++) {
                roots[i] = model.newContainer();
            }
            long shared = model.newContainer();
            running = true;
            mutator = RuntimeThreads.newThread("gc-bench-mutator", () -> {
                ThreadState self = RuntimeThreads.current();
                long own = model.newContainer();
                while (running) {
                    model.set(own, 0, shared);
                    model.set(own, 0, 0);
                    self.poll();
                }
                model.decref(own);
                model.decref(shared);
            });
            mutator.start();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            running = false;
            ThreadState self = RuntimeThreads.current();
            self.detach();
            mutator.join();
            self.attach();
            for (long root : roots) {
                model.decref(root);
            }
            collector.collect();
            model.close();
            RuntimeThreads.unregister();
        }
    }

    @Benchmark
    public long garbageCycles(GarbageHeap heap, PerObject perObject) {
        long found = heap.collector.collect();
        if (found != heap.n) {
            throw new IllegalStateException("collected " + found + " of " + heap.n + " garbage objects");
        }
        perObject.objects += found;
        return found;
    }

    @Benchmark
    public long liveCycles(LiveHeap heap, PerObject perObject) {
        long found = heap.collector.collect();
        if (found != 0) {
            throw new IllegalStateException("collected " + found + " live objects");
        }
        perObject.objects += heap.n;
        return found;
    }

    @Benchmark
    public long pauseWithOneMutator(MutatorHeap heap) {
        return heap.collector.collect();
    }
}
