package io.github.ftmem.bench.allocator;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.allocator.LocalHeap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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

/**
 * Producer/consumer (xmalloc-test's pattern): one thread allocates blocks of {@code size} bytes and
 * hands them through a ring to another thread, which frees them, so every free is a cross-thread free.
 * ftmem against native mimalloc through FFM. Neither side waits for the other (a full ring makes the
 * producer free the block itself, an empty one makes the consumer return), so an iteration ends on
 * time even on a busy machine; the figure to compare is the auxiliary counter
 * {@code crossThreadFrees}: blocks allocated on one thread and freed on the other, per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocatorCrossThreadBench {

    static final int RING = 1024;

    /** Counts the blocks the consumer freed (JMH reports it as a rate). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Transfers {
        public long crossThreadFrees;

        @Setup(Level.Iteration)
        public void reset() {
            crossThreadFrees = 0;
        }
    }

    @State(Scope.Group)
    public static class Ftmem {
        @Param({"64"})
        public int size;
        final Allocator allocator = Allocator.builder().build();
        final LongRing ring = new LongRing(RING);

        @TearDown(Level.Iteration)
        public void drain() {
            for (long block = ring.poll(); block != 0; block = ring.poll()) {
                allocator.free(block);
            }
        }
    }

    @State(Scope.Thread)
    public static class FtmemThread {
        LocalHeap heap;

        @Setup(Level.Iteration)
        public void bind(Ftmem shared) {
            heap = shared.allocator.heap(0);
        }
    }

    @Benchmark
    @Group("ftmemProducerConsumer")
    @GroupThreads(1)
    public long producer(Ftmem shared, FtmemThread thread) {
        long block = thread.heap.allocate(shared.size);
        if (!shared.ring.offer(block)) {
            thread.heap.free(block);
        }
        return block;
    }

    @Benchmark
    @Group("ftmemProducerConsumer")
    @GroupThreads(1)
    public long consumer(Ftmem shared, FtmemThread thread, Transfers transfers) {
        long block = shared.ring.poll();
        if (block != 0) {
            thread.heap.free(block);
            transfers.crossThreadFrees++;
        }
        return block;
    }

    @State(Scope.Group)
    public static class Mimalloc {
        @Param({"64"})
        public int size;
        NativeMalloc peer;
        final LongRing ring = new LongRing(RING);

        @Setup(Level.Trial)
        public void load() {
            peer = NativeMalloc.load(NativeMalloc.MIMALLOC);
        }

        @TearDown(Level.Iteration)
        public void drain() {
            for (long block = ring.poll(); block != 0; block = ring.poll()) {
                peer.free(block);
            }
        }
    }

    @Benchmark
    @Group("mimallocProducerConsumer")
    @GroupThreads(1)
    public long producer(Mimalloc shared) {
        long block = shared.peer.malloc(shared.size);
        if (!shared.ring.offer(block)) {
            shared.peer.free(block);
        }
        return block;
    }

    @Benchmark
    @Group("mimallocProducerConsumer")
    @GroupThreads(1)
    public long consumer(Mimalloc shared, Transfers transfers) {
        long block = shared.ring.poll();
        if (block != 0) {
            shared.peer.free(block);
            transfers.crossThreadFrees++;
        }
        return block;
    }
}
