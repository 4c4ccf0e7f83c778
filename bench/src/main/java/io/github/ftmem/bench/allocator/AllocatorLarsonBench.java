package io.github.ftmem.bench.allocator;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.allocator.LocalHeap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A larson-like server workload: 2 threads share {@value #SLOTS} slots; each operation allocates a
 * block of a random size in [16, {@code size}] bytes, swaps it into a random slot and frees the block
 * it displaced, which the other thread allocated about half of the time. Scores are nanoseconds per
 * allocate+free pair per thread. ftmem against mimalloc, jemalloc and glibc through FFM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocatorLarsonBench {

    static final int SLOTS = 4096;

    /** Largest block size; sizes are uniform in [16, size]. */
    @Param({"1024"})
    public int size;

    final AtomicLongArray slots = new AtomicLongArray(SLOTS);
    Allocator allocator;
    NativeMalloc mimalloc;
    NativeMalloc jemalloc;
    NativeMalloc glibc;

    @State(Scope.Thread)
    public static class Cursor {
        long seed = System.nanoTime() | 1;
        LocalHeap heap;

        int next() {
            long x = seed;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            seed = x;
            return (int) x & 0x7FFF_FFFF;
        }
    }

    private interface Peer {
        long allocate(Cursor cursor, long size);

        void free(Cursor cursor, long address);
    }

    private Peer peer;

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        String name = params.getBenchmark();
        if (name.endsWith("ftmemLarson")) {
            allocator = Allocator.builder().build();
            peer = new Peer() {
                @Override
                public long allocate(Cursor cursor, long size) {
                    if (cursor.heap == null) {
                        cursor.heap = allocator.heap(0);
                    }
                    return cursor.heap.allocate(size);
                }

                @Override
                public void free(Cursor cursor, long address) {
                    if (cursor.heap == null) {
                        cursor.heap = allocator.heap(0);
                    }
                    cursor.heap.free(address);
                }
            };
        } else {
            NativeMalloc nativePeer = NativeMalloc.load(name.endsWith("mimallocLarson") ? NativeMalloc.MIMALLOC
                    : name.endsWith("jemallocLarson") ? NativeMalloc.JEMALLOC : NativeMalloc.GLIBC);
            peer = new Peer() {
                @Override
                public long allocate(Cursor cursor, long size) {
                    return nativePeer.malloc(size);
                }

                @Override
                public void free(Cursor cursor, long address) {
                    nativePeer.free(address);
                }
            };
        }
        Cursor cursor = new Cursor();
        for (int i = 0; i < SLOTS; i++) {
            slots.set(i, peer.allocate(cursor, 16 + cursor.next() % (size - 15)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Cursor cursor = new Cursor();
        for (int i = 0; i < SLOTS; i++) {
            peer.free(cursor, slots.getAndSet(i, 0));
        }
    }

    private long step(Cursor cursor) {
        int r = cursor.next();
        long block = peer.allocate(cursor, 16 + r % (size - 15));
        long old = slots.getAndSet((r >>> 11) & (SLOTS - 1), block);
        peer.free(cursor, old);
        return old;
    }

    @Benchmark
    public long ftmemLarson(Cursor cursor) {
        return step(cursor);
    }

    @Benchmark
    public long mimallocLarson(Cursor cursor) {
        return step(cursor);
    }

    @Benchmark
    public long jemallocLarson(Cursor cursor) {
        return step(cursor);
    }

    @Benchmark
    public long glibcLarson(Cursor cursor) {
        return step(cursor);
    }
}
