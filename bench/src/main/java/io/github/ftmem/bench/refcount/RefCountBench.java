package io.github.ftmem.bench.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.refcount.RefCount;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One operation = {@value #BATCH} incref+decref pairs, one per object of a batch of headers, in every
 * method, so the numbers compare directly. Peers in the same run: ATOMIC mode (a forked JVM with
 * {@code -Dftmem.refcount.mode=ATOMIC}), a VarHandle {@code getAndAdd} pair on the same off-heap words,
 * {@link AtomicLong}, and Netty's {@link AbstractReferenceCounted} retain/release. The two-thread group
 * benchmarks share one object: the owner counting locally next to a non-owner counting atomically in the
 * same header, against two threads doing {@code getAndAdd} on one word.
 *
 * <p>Targets (issue 4): owner pair ≥ 5× faster than the getAndAdd pair; non-owner within 1.2× of it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RefCountBench {

    static final int BATCH = 64;
    static final int TYPE = 0xBE4C;

    static {
        RefCount.setDeallocator(TYPE, object -> { });
    }

    /** A batch of headers in one arena. */
    abstract static class Batch {
        Arena arena;
        final long[] objects = new long[BATCH];

        void allocate() {
            arena = Arena.ofShared();
            long base = arena.allocate((long) Header.SIZE * BATCH, 64).address();
            for (int i = 0; i < BATCH; i++) {
                objects[i] = base + (long) i * Header.SIZE;
            }
        }
    }

    /** Objects owned by the benchmark thread (registered here, on that thread). */
    @State(Scope.Thread)
    public static class Owned extends Batch {
        long self;

        @Setup(Level.Trial)
        public void setUp() {
            RuntimeThreads.attachCurrent();
            allocate();
            for (long object : objects) {
                RefCount.init(object, TYPE);
            }
            self = RefCount.currentTid();
            if (RefCount.MODE == RefCount.Mode.BIASED && self == RefCount.NO_TID) {
                throw new IllegalStateException("the benchmark thread is not an owner");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (long object : objects) {
                RefCount.decref(object, self);
            }
            RuntimeThreads.unregister();
            arena.close();
        }
    }

    /** Owned objects, in a JVM forked with ATOMIC mode. */
    @State(Scope.Thread)
    public static class AtomicModeOwned extends Owned {
        @Setup(Level.Trial)
        public void checkMode() {
            if (RefCount.MODE != RefCount.Mode.ATOMIC) {
                throw new IllegalStateException("expected -Dftmem.refcount.mode=ATOMIC, found " + RefCount.MODE);
            }
        }
    }

    /** Objects owned by another runtime thread, which stays alive (detached) for the trial. */
    @State(Scope.Thread)
    public static class Foreign extends Batch {
        long self;
        private final CountDownLatch done = new CountDownLatch(1);
        private Thread owner;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            RuntimeThreads.attachCurrent();
            allocate();
            CountDownLatch created = new CountDownLatch(1);
            owner = RuntimeThreads.newThread("refcount-bench-owner", () -> {
                for (long object : objects) {
                    RefCount.init(object, TYPE);
                }
                ThreadState me = RuntimeThreads.current();
                me.detach();
                created.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                me.attach();
                for (long object : objects) {
                    RefCount.decref(object);
                }
            });
            owner.start();
            created.await();
            self = RefCount.currentTid();
            if (RefCount.isOwnedByCurrentThread(objects[0])) {
                throw new IllegalStateException("the benchmark thread owns the objects");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            done.countDown();
            owner.join();
            RuntimeThreads.unregister();
            arena.close();
        }
    }

    /** Plain off-heap words laid out like the headers' refShared fields. */
    @State(Scope.Thread)
    public static class Words extends Batch {
        @Setup(Level.Trial)
        public void setUp() {
            allocate();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    @State(Scope.Thread)
    public static class AtomicLongs {
        final AtomicLong[] counters = new AtomicLong[BATCH];

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < BATCH; i++) {
                counters[i] = new AtomicLong(1);
            }
        }
    }

    static final class NettyObject extends AbstractReferenceCounted {
        @Override
        protected void deallocate() {
        }

        @Override
        public ReferenceCounted touch(Object hint) {
            return this;
        }
    }

    @State(Scope.Thread)
    public static class NettyObjects {
        final NettyObject[] objects = new NettyObject[BATCH];

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < BATCH; i++) {
                objects[i] = new NettyObject();
            }
        }
    }

    // ---- one thread ----------------------------------------------------------------------------

    /** The owner's pair with the thread's tid at hand (as an interpreter keeps it in its frame). */
    @Benchmark
    public void ownerIncrefDecref(Owned batch) {
        long self = batch.self;
        for (long object : batch.objects) {
            RefCount.incref(object, self);
            RefCount.decref(object, self);
        }
    }

    /** The owner's pair through the convenience overloads that look the tid up per call. */
    @Benchmark
    public void ownerIncrefDecrefTidLookup(Owned batch) {
        for (long object : batch.objects) {
            RefCount.incref(object);
            RefCount.decref(object);
        }
    }

    /** A non-owner's pair: getAndAdd, then the decref CAS loop, on refShared. */
    @Benchmark
    public void nonOwnerIncrefDecref(Foreign batch) {
        long self = batch.self;
        for (long object : batch.objects) {
            RefCount.incref(object, self);
            RefCount.decref(object, self);
        }
    }

    /** The owner's pair in ATOMIC mode: every count is an atomic add. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dftmem.refcount.mode=ATOMIC"})
    public void atomicModeIncrefDecref(AtomicModeOwned batch) {
        long self = batch.self;
        for (long object : batch.objects) {
            RefCount.incref(object, self);
            RefCount.decref(object, self);
        }
    }

    /** Baseline: a VarHandle getAndAdd(+4) and getAndAdd(−4) on the same off-heap words. */
    @Benchmark
    public void getAndAddOffHeap(Words batch) {
        for (long object : batch.objects) {
            Memory.getAndAddLong(object + Header.REF_SHARED, 4);
            Memory.getAndAddLong(object + Header.REF_SHARED, -4);
        }
    }

    @Benchmark
    public void getAndAddAtomicLong(AtomicLongs batch) {
        for (AtomicLong counter : batch.counters) {
            counter.getAndIncrement();
            counter.getAndDecrement();
        }
    }

    @Benchmark
    public void nettyRetainRelease(NettyObjects batch) {
        for (NettyObject object : batch.objects) {
            object.retain();
            object.release();
        }
    }

    // ---- two threads, one object ---------------------------------------------------------------

    /** One object: its owner and a non-owner count in the same header. */
    @State(Scope.Group)
    public static class SharedObject {
        Arena arena;
        long object;
        volatile boolean ownerReady;

        @Setup(Level.Trial)
        public void setUp() {
            arena = Arena.ofShared();
            object = arena.allocate(Header.SIZE, 64).address();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    /** Per-thread registration for the group benchmarks; the owner thread initialises the object. */
    @State(Scope.Thread)
    public static class GroupThread {
        long self;

        @Setup(Level.Trial)
        public void setUp() {
            RuntimeThreads.attachCurrent();
            self = RefCount.currentTid();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            RuntimeThreads.unregister();
        }
    }

    @Benchmark
    @Group("shared2ThreadsOwnerAndNonOwner")
    @GroupThreads(1)
    public void shared2ThreadsOwner(SharedObject shared, GroupThread thread) {
        if (!shared.ownerReady) {
            RefCount.init(shared.object, TYPE);
            RefCount.incref(shared.object); // kept for the trial: the count never reaches zero
            thread.self = RefCount.currentTid();
            shared.ownerReady = true;
        }
        long object = shared.object;
        long self = thread.self;
        for (int i = 0; i < BATCH; i++) {
            RefCount.incref(object, self);
            RefCount.decref(object, self);
        }
    }

    @Benchmark
    @Group("shared2ThreadsOwnerAndNonOwner")
    @GroupThreads(1)
    public void shared2ThreadsNonOwner(SharedObject shared, GroupThread thread) {
        if (!shared.ownerReady) {
            return;
        }
        long object = shared.object;
        long self = thread.self;
        for (int i = 0; i < BATCH; i++) {
            RefCount.incref(object, self);
            RefCount.decref(object, self);
        }
    }

    /** Peer: two threads doing getAndAdd pairs on one word. */
    @Benchmark
    @Group("shared2ThreadsGetAndAdd")
    @GroupThreads(2)
    public void shared2ThreadsGetAndAdd(SharedObject shared) {
        long word = shared.object + Header.REF_SHARED;
        for (int i = 0; i < BATCH; i++) {
            Memory.getAndAddLong(word, 4);
            Memory.getAndAddLong(word, -4);
        }
    }
}
