package io.github.ftmem.bench.qsbr;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * QSBR against its peers, in one run:
 * <ul>
 *   <li>{@code Poll}: the safepoint poll with its quiescent-state store ({@code ftmemPoll}) against
 *       the same poll in a JVM started with {@code -Dftmem.qsbr.pollReports=false}
 *       ({@code noQsbrPoll}): the difference is the store QSBR adds.</li>
 *   <li>{@code AllocFree}: allocate a 48-byte block, retire it with {@code freeDelayed}, poll
 *       ({@code ftmemAllocFree}; reclamation included, amortised over each chunk of 254) against
 *       allocate, {@code free}, poll ({@code immediateAllocFree}).</li>
 *   <li>{@code Read}: a reader sums a 16-long off-heap array that a writer thread replaces every
 *       ~10 µs (allocate, fill, publish, retire the old one). QSBR: the reader loads the slot with
 *       acquire and polls; the writer retires with {@code freeDelayed}. Peers: the reader takes a
 *       {@link StampedLock} read lock ({@code stampedRead}), an optimistic {@code StampedLock} read
 *       validated afterwards with a read-lock fallback ({@code optimisticRead}; reading freed memory
 *       is harmless here because small segments are never unmapped), or a
 *       {@link ReentrantReadWriteLock} read lock ({@code rwlockRead}); their writers free the old
 *       array at once under the write lock.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class QsbrBench {

    static final int LONGS = 16;
    static final long WRITER_PAUSE_NANOS = 10_000;

    /** The benchmark thread, registered and attached; an allocator of its own. */
    @State(Scope.Thread)
    public static class Self {
        ThreadState state;
        Allocator allocator;

        @Setup(Level.Trial)
        public void attach() {
            state = RuntimeThreads.attachCurrent();
            allocator = Allocator.builder().tags(1).build();
        }

        @TearDown(Level.Trial)
        public void detach() {
            RuntimeThreads.unregister();
        }
    }

    // ---- poll ----------------------------------------------------------------------------------

    @Benchmark
    public void ftmemPoll(Self self) {
        self.state.poll();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dftmem.qsbr.pollReports=false"})
    public void noQsbrPoll(Self self) {
        self.state.poll();
    }

    // ---- free ----------------------------------------------------------------------------------

    @Benchmark
    public void ftmemAllocFree(Self self) {
        long block = self.allocator.allocate(0, 48);
        self.allocator.freeDelayed(block);
        self.state.poll();
    }

    @Benchmark
    public void immediateAllocFree(Self self) {
        long block = self.allocator.allocate(0, 48);
        self.allocator.free(block);
        self.state.poll();
    }

    // ---- lock-free reader vs locked readers -------------------------------------------------------

    /** The shared slot and the writer thread that keeps replacing the array in it. */
    public abstract static class Swapped {
        final Allocator allocator = Allocator.builder().tags(1).build();
        final long slot = Allocator.shared().allocateZeroed(0, 64);
        volatile boolean running;
        Thread writer;

        long newArray(long generation) {
            long array = allocator.allocate(0, 8L * LONGS);
            for (int i = 0; i < LONGS; i++) {
                Memory.putLong(array + 8L * i, generation);
            }
            return array;
        }

        abstract void writerLoop();

        @Setup(Level.Trial)
        public void start() {
            Memory.putLongVolatile(slot, newArray(0));
            running = true;
            writer = RuntimeThreads.newThread("qsbr-bench-writer", this::writerLoop);
            writer.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            running = false;
            writer.join();
        }
    }

    @State(Scope.Benchmark)
    public static class QsbrSwapped extends Swapped {
        @Override
        void writerLoop() {
            ThreadState self = RuntimeThreads.current();
            for (long generation = 1; running; generation++) {
                long old = Memory.getLong(slot);
                Memory.putLongRelease(slot, newArray(generation));
                allocator.freeDelayed(old);
                self.detach(); // a blocking wait detaches (and is a quiescent state)
                LockSupport.parkNanos(WRITER_PAUSE_NANOS);
                self.attach();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class StampedSwapped extends Swapped {
        final StampedLock lock = new StampedLock();

        @Override
        void writerLoop() {
            ThreadState self = RuntimeThreads.current();
            for (long generation = 1; running; generation++) {
                long fresh = newArray(generation);
                long stamp = lock.writeLock();
                long old = Memory.getLong(slot);
                Memory.putLong(slot, fresh);
                lock.unlockWrite(stamp);
                allocator.free(old);
                self.detach();
                LockSupport.parkNanos(WRITER_PAUSE_NANOS);
                self.attach();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class RwlockSwapped extends Swapped {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        @Override
        void writerLoop() {
            ThreadState self = RuntimeThreads.current();
            for (long generation = 1; running; generation++) {
                long fresh = newArray(generation);
                lock.writeLock().lock();
                long old = Memory.getLong(slot);
                Memory.putLong(slot, fresh);
                lock.writeLock().unlock();
                allocator.free(old);
                self.detach();
                LockSupport.parkNanos(WRITER_PAUSE_NANOS);
                self.attach();
            }
        }
    }

    private static long sum(long array) {
        long sum = 0;
        for (int i = 0; i < LONGS; i++) {
            sum += Memory.getLong(array + 8L * i);
        }
        return sum;
    }

    @Benchmark
    public long ftmemRead(Self self, QsbrSwapped swapped) {
        long sum = sum(Memory.getLongAcquire(swapped.slot));
        self.state.poll();
        return sum;
    }

    @Benchmark
    public long stampedRead(Self self, StampedSwapped swapped) {
        long stamp = swapped.lock.readLock();
        try {
            return sum(Memory.getLong(swapped.slot));
        } finally {
            swapped.lock.unlockRead(stamp);
            self.state.poll();
        }
    }

    @Benchmark
    public long optimisticRead(Self self, StampedSwapped swapped) {
        StampedLock lock = swapped.lock;
        long stamp = lock.tryOptimisticRead();
        long sum = sum(Memory.getLong(swapped.slot));
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                sum = sum(Memory.getLong(swapped.slot));
            } finally {
                lock.unlockRead(stamp);
            }
        }
        self.state.poll();
        return sum;
    }

    @Benchmark
    public long rwlockRead(Self self, RwlockSwapped swapped) {
        swapped.lock.readLock().lock();
        try {
            return sum(Memory.getLong(swapped.slot));
        } finally {
            swapped.lock.readLock().unlock();
            self.state.poll();
        }
    }

    /** Keeps {@code Qsbr} referenced so its listeners are installed before any thread registers. */
    static {
        Qsbr.init();
    }
}
