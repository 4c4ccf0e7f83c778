package io.github.ftmem.bench.allocator;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.allocator.LocalHeap;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Control;

/**
 * Producer/consumer (xmalloc-test's pattern): one thread allocates blocks of {@code size} bytes and
 * hands them through a single-producer/single-consumer ring to another thread, which frees them, so
 * every free is a cross-thread free. ftmem against native mimalloc through FFM. Each side waits for
 * the other (a full ring makes the producer spin, an empty one the consumer), so one operation of
 * either method is one block moved across threads and freed remotely; the figure to compare is the
 * per-method rate ({@code producer} or {@code consumer}, equal up to the ring's slack), in blocks per
 * microsecond. Waits give up when JMH ends the iteration, so no thread hangs on a partner that stopped.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AllocatorCrossThreadBench {

    static final int RING = 1024;

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
    public long producer(Ftmem shared, FtmemThread thread, Control control) {
        long block = thread.heap.allocate(shared.size);
        while (!shared.ring.offer(block)) {
            if (control.stopMeasurement) {
                thread.heap.free(block);
                return 0;
            }
            Thread.onSpinWait();
        }
        return block;
    }

    @Benchmark
    @Group("ftmemProducerConsumer")
    @GroupThreads(1)
    public long consumer(Ftmem shared, FtmemThread thread, Control control) {
        long block;
        while ((block = shared.ring.poll()) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        thread.heap.free(block);
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
    public long producer(Mimalloc shared, Control control) {
        long block = shared.peer.malloc(shared.size);
        while (!shared.ring.offer(block)) {
            if (control.stopMeasurement) {
                shared.peer.free(block);
                return 0;
            }
            Thread.onSpinWait();
        }
        return block;
    }

    @Benchmark
    @Group("mimallocProducerConsumer")
    @GroupThreads(1)
    public long consumer(Mimalloc shared, Control control) {
        long block;
        while ((block = shared.ring.poll()) == 0) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        shared.peer.free(block);
        return block;
    }
}
