package io.github.ftmem.bench.locks;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.locks.Mutex;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Lock cost of the ftmem {@link Mutex} (4 bytes off-heap) against the JDK's locks in the same run:
 * {@code synchronized} (lightweight locking, JDK 23+ default), {@link ReentrantLock} (non-fair AQS),
 * the {@link StampedLock} write lock, and a bare CAS spin lock on an int field (the lower bound for a
 * one-CAS fast path: no parking, no fairness).
 * <ul>
 *   <li>{@code uncontended<Impl>}: lock + unlock on one thread, ns/op.</li>
 *   <li>{@code contended<Impl>}: two threads increment one plain counter under the same lock (a short
 *       critical section), ops/µs summed over both threads. Never more threads than the 2 cores.</li>
 *   <li>{@code begin2End*}/{@code beginEnd*}: a two-object (one-object) critical section begun and
 *       ended on one thread, against nested {@code synchronized} blocks on the same objects.</li>
 * </ul>
 * The counter is a plain field (plain off-heap word for ftmem): the lock alone orders the increments.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LockBench {

    private static final VarHandle SPIN_WORD;

    static {
        try {
            SPIN_WORD = MethodHandles.lookup().findVarHandle(LockBench.class, "spinWord", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Arena arena;
    /** Two 32-byte object headers on separate cache lines; {@code mutex} is a's header mutex. */
    private long objectA;
    private long objectB;
    private long mutex;
    private long offHeapCounter;

    private final Object monitor = new Object();
    private final Object monitorB = new Object();
    private final ReentrantLock reentrantLock = new ReentrantLock();
    private final StampedLock stampedLock = new StampedLock();
    @SuppressWarnings("unused") // accessed through SPIN_WORD
    private int spinWord;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        MemorySegment block = arena.allocate(192, 64);
        block.fill((byte) 0);
        objectA = block.address();
        objectB = block.address() + 64;
        mutex = objectA + Header.MUTEX;
        offHeapCounter = block.address() + 128;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (Mutex.isLocked(mutex)) {
            throw new IllegalStateException("the mutex is still locked after the run");
        }
        arena.close();
    }

    // ---- uncontended: lock + unlock, one thread ---------------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void uncontendedFtmem() {
        Mutex.lock(mutex);
        Mutex.unlock(mutex);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void uncontendedSynchronized() {
        synchronized (monitor) {
            counter++;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void uncontendedReentrantLock() {
        reentrantLock.lock();
        reentrantLock.unlock();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void uncontendedStampedLock() {
        stampedLock.unlockWrite(stampedLock.writeLock());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void uncontendedCasSpinLock() {
        spinLock();
        spinUnlock();
    }

    // ---- contended: two threads, short critical section ---------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void contendedFtmem() {
        Mutex.lock(mutex);
        Memory.putLong(offHeapCounter, Memory.getLong(offHeapCounter) + 1);
        Mutex.unlock(mutex);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void contendedSynchronized() {
        synchronized (monitor) {
            counter++;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void contendedReentrantLock() {
        reentrantLock.lock();
        try {
            counter++;
        } finally {
            reentrantLock.unlock();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void contendedStampedLock() {
        long stamp = stampedLock.writeLock();
        counter++;
        stampedLock.unlockWrite(stamp);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void contendedCasSpinLock() {
        spinLock();
        counter++;
        spinUnlock();
    }

    // ---- critical sections, one thread ------------------------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void begin2EndFtmem() {
        CriticalSection.begin2(objectA, objectB);
        CriticalSection.end();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void begin2EndSynchronized() {
        synchronized (monitor) {
            synchronized (monitorB) {
                counter++;
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public void beginEndFtmem() {
        CriticalSection.begin(objectA);
        CriticalSection.end();
    }

    private void spinLock() {
        while (!SPIN_WORD.compareAndSet(this, 0, 1)) {
            Thread.onSpinWait();
        }
    }

    private void spinUnlock() {
        SPIN_WORD.setRelease(this, 0);
    }
}
