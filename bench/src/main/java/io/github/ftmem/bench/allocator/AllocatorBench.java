package io.github.ftmem.bench.allocator;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.allocator.LocalHeap;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Same-thread batch: allocate {@value #BATCH} blocks of {@code size} bytes, then free them all, in
 * allocation order. Scores are nanoseconds per allocate+free pair. Peers in the same run: native
 * mimalloc, jemalloc and glibc malloc through FFM (critical downcalls), Netty 4.2's pooled and
 * adaptive direct-buffer allocators (leak detection off, as a production setting would have it), and
 * one confined {@link Arena} per block. A peer whose native library is missing fails its setup with a
 * "SKIPPED …" message and the run goes on.
 *
 * <p>{@code ftmemBatch} uses a {@link LocalHeap} held by the benchmark thread (how a runtime that
 * keeps per-thread state calls it); {@code ftmemAllocatorBatch} goes through
 * {@link Allocator#allocate(int, long)} / {@link Allocator#free(long)}, which look the heap up per
 * call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocatorBench {

    static final int BATCH = 1000;

    @Param({"16", "64", "256", "1024"})
    public int size;

    private final long[] addresses = new long[BATCH];
    private final ByteBuf[] buffers = new ByteBuf[BATCH];
    private final Arena[] arenas = new Arena[BATCH];
    private final MemorySegment[] segments = new MemorySegment[BATCH];

    private Allocator allocator;
    private LocalHeap heap;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = Allocator.builder().build();
        heap = allocator.heap(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        allocator.releaseCurrentThread();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ftmemBatch() {
        LocalHeap heap = this.heap;
        long[] addresses = this.addresses;
        for (int i = 0; i < BATCH; i++) {
            addresses[i] = heap.allocate(size);
        }
        for (int i = 0; i < BATCH; i++) {
            heap.free(addresses[i]);
        }
        return addresses[BATCH - 1];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ftmemAllocatorBatch() {
        Allocator allocator = this.allocator;
        long[] addresses = this.addresses;
        for (int i = 0; i < BATCH; i++) {
            addresses[i] = allocator.allocate(0, size);
        }
        for (int i = 0; i < BATCH; i++) {
            allocator.free(addresses[i]);
        }
        return addresses[BATCH - 1];
    }

    @State(Scope.Thread)
    public static class Mimalloc {
        NativeMalloc peer;

        @Setup(Level.Trial)
        public void load() {
            peer = NativeMalloc.load(NativeMalloc.MIMALLOC);
        }
    }

    @State(Scope.Thread)
    public static class Jemalloc {
        NativeMalloc peer;

        @Setup(Level.Trial)
        public void load() {
            peer = NativeMalloc.load(NativeMalloc.JEMALLOC);
        }
    }

    @State(Scope.Thread)
    public static class Glibc {
        NativeMalloc peer;

        @Setup(Level.Trial)
        public void load() {
            peer = NativeMalloc.load(NativeMalloc.GLIBC);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long mimallocBatch(Mimalloc mimalloc) {
        return nativeBatch(mimalloc.peer);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jemallocBatch(Jemalloc jemalloc) {
        return nativeBatch(jemalloc.peer);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long glibcBatch(Glibc glibc) {
        return nativeBatch(glibc.peer);
    }

    private long nativeBatch(NativeMalloc peer) {
        long[] addresses = this.addresses;
        for (int i = 0; i < BATCH; i++) {
            addresses[i] = peer.malloc(size);
        }
        for (int i = 0; i < BATCH; i++) {
            peer.free(addresses[i]);
        }
        return addresses[BATCH - 1];
    }

    @State(Scope.Benchmark)
    public static class Netty {
        PooledByteBufAllocator pooled;
        AdaptiveByteBufAllocator adaptive;

        @Setup(Level.Trial)
        public void create() {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            pooled = new PooledByteBufAllocator(true);
            adaptive = new AdaptiveByteBufAllocator(true, true);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int nettyPooledBatch(Netty netty) {
        ByteBuf[] buffers = this.buffers;
        for (int i = 0; i < BATCH; i++) {
            buffers[i] = netty.pooled.directBuffer(size, size);
        }
        int capacity = 0;
        for (int i = 0; i < BATCH; i++) {
            capacity += buffers[i].capacity();
            buffers[i].release();
            buffers[i] = null;
        }
        return capacity;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int nettyAdaptiveBatch(Netty netty) {
        ByteBuf[] buffers = this.buffers;
        for (int i = 0; i < BATCH; i++) {
            buffers[i] = netty.adaptive.directBuffer(size, size);
        }
        int capacity = 0;
        for (int i = 0; i < BATCH; i++) {
            capacity += buffers[i].capacity();
            buffers[i].release();
            buffers[i] = null;
        }
        return capacity;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long arenaBatch() {
        Arena[] arenas = this.arenas;
        MemorySegment[] segments = this.segments;
        for (int i = 0; i < BATCH; i++) {
            arenas[i] = Arena.ofConfined();
            segments[i] = arenas[i].allocate(size, 16);
        }
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += segments[i].address();
            arenas[i].close();
            arenas[i] = null;
            segments[i] = null;
        }
        return sum;
    }
}
