package io.github.ftmem.bench.core;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;
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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * Single-thread cost of one increment of a long word by access mode: off-heap through {@link Memory}
 * (ftmem) against the same access mode on a Java heap field through a VarHandle (the peer: what a
 * JVM runtime pays when its objects live on the Java heap).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryAccessBench {

    private static final VarHandle HEAP_WORD;

    static {
        try {
            HEAP_WORD = MethodHandles.lookup().findVarHandle(MemoryAccessBench.class, "heapWord", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long page;
    private long word;
    @SuppressWarnings("unused") // accessed through HEAP_WORD
    private long heapWord;

    @Setup(Level.Trial)
    public void setUp() {
        OsMemory os = OsMemory.get();
        page = os.reserve(os.pageSize(), os.pageSize());
        word = page + 64;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        OsMemory.get().release(page, OsMemory.get().pageSize());
    }

    @Benchmark
    public long ftmemPlain() {
        long v = Memory.getLong(word) + 1;
        Memory.putLong(word, v);
        return v;
    }

    @Benchmark
    public long ftmemOpaque() {
        long v = Memory.getLongOpaque(word) + 1;
        Memory.putLongOpaque(word, v);
        return v;
    }

    @Benchmark
    public long ftmemVolatile() {
        long v = Memory.getLongVolatile(word) + 1;
        Memory.putLongVolatile(word, v);
        return v;
    }

    @Benchmark
    public boolean ftmemCas() {
        long v = Memory.getLong(word);
        return Memory.compareAndSetLong(word, v, v + 1);
    }

    @Benchmark
    public long ftmemGetAndAdd() {
        return Memory.getAndAddLong(word, 1);
    }

    @Benchmark
    public long heapPlain() {
        long v = (long) HEAP_WORD.get(this) + 1;
        HEAP_WORD.set(this, v);
        return v;
    }

    @Benchmark
    public long heapOpaque() {
        long v = (long) HEAP_WORD.getOpaque(this) + 1;
        HEAP_WORD.setOpaque(this, v);
        return v;
    }

    @Benchmark
    public long heapVolatile() {
        long v = (long) HEAP_WORD.getVolatile(this) + 1;
        HEAP_WORD.setVolatile(this, v);
        return v;
    }

    @Benchmark
    public boolean heapCas() {
        long v = (long) HEAP_WORD.get(this);
        return HEAP_WORD.compareAndSet(this, v, v + 1);
    }

    @Benchmark
    public long heapGetAndAdd() {
        return (long) HEAP_WORD.getAndAdd(this, 1L);
    }
}
