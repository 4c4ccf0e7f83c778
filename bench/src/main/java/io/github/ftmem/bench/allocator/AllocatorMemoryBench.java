package io.github.ftmem.bench.allocator;

import io.github.ftmem.allocator.Allocator;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory efficiency: a random-size trace ({@value #OPERATIONS} operations, 60 % allocations of
 * uniform sizes in [16, {@code size}] with 1 in 50 up to 16 KiB, 40 % frees of a random live block)
 * leaves about {@value #OPERATIONS}/5 blocks live. Reported as auxiliary counters (the time score
 * only says how long the trace took):
 * <ul>
 *   <li>{@code committedPerMilleOfLive}: committed bytes ÷ live requested bytes × 1000 (1300 = 1.3);</li>
 *   <li>{@code committedAfterPurgeKiB}: committed KiB once everything is freed and purged.</li>
 * </ul>
 * ftmem reads its own statistics; mimalloc reports {@code mi_process_info}'s current commit (its own
 * count, process-wide: the baseline before the trace is subtracted). A value of 0 means the peer
 * does not report it (JMH cannot show negative event counts), or reports a commit that grew by less than the live bytes (so it cannot be
 * tracking the trace; the case with Debian's libmimalloc2.0).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class AllocatorMemoryBench {

    static final int OPERATIONS = 500_000;

    @State(Scope.Thread)
    public static class Trace {
        @Param({"1024"})
        public int size;
        long[] live;
        long[] sizes;
        int count;
        long liveBytes;
        SplittableRandom random;

        @Setup(Level.Invocation)
        public void reset() {
            live = new long[OPERATIONS];
            sizes = new long[OPERATIONS];
            count = 0;
            liveBytes = 0;
            random = new SplittableRandom(42);
        }
    }

    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Memory {
        public long committedPerMilleOfLive;
        public long committedAfterPurgeKiB;
    }

    private interface Peer {
        long allocate(long size);

        void free(long address);
    }

    private static void run(Trace trace, Peer peer) {
        for (int op = 0; op < OPERATIONS; op++) {
            if (trace.count == 0 || trace.random.nextInt(100) < 60) {
                long size = trace.random.nextInt(50) == 0 ? 16 + trace.random.nextInt(16_384 - 15)
                        : 16 + trace.random.nextInt(trace.size - 15);
                trace.sizes[trace.count] = size;
                trace.live[trace.count++] = peer.allocate(size);
                trace.liveBytes += size;
            } else {
                int i = trace.random.nextInt(trace.count);
                peer.free(trace.live[i]);
                trace.liveBytes -= trace.sizes[i];
                trace.count--;
                trace.live[i] = trace.live[trace.count];
                trace.sizes[i] = trace.sizes[trace.count];
            }
        }
    }

    private static void freeAll(Trace trace, Peer peer) {
        for (int i = 0; i < trace.count; i++) {
            peer.free(trace.live[i]);
        }
        trace.count = 0;
    }

    @Benchmark
    public long ftmemMemoryTrace(Trace trace, Memory memory) {
        Allocator allocator = Allocator.builder().purgeDelay(Duration.ZERO).build();
        Peer peer = new Peer() {
            @Override
            public long allocate(long size) {
                return allocator.allocate(0, size);
            }

            @Override
            public void free(long address) {
                allocator.free(address);
            }
        };
        run(trace, peer);
        long committed = allocator.statistics().committedBytes();
        memory.committedPerMilleOfLive = committed * 1000 / trace.liveBytes;
        freeAll(trace, peer);
        allocator.collect(true);
        allocator.releaseCurrentThread();
        allocator.collect(true);
        memory.committedAfterPurgeKiB = allocator.statistics().committedBytes() / 1024;
        return committed;
    }

    @State(Scope.Thread)
    public static class Mimalloc {
        NativeMalloc peer;

        @Setup(Level.Trial)
        public void load() {
            peer = NativeMalloc.load(NativeMalloc.MIMALLOC);
        }
    }

    @Benchmark
    public long mimallocMemoryTrace(Trace trace, Memory memory, Mimalloc mimalloc) {
        NativeMalloc nativePeer = mimalloc.peer;
        long baseline = nativePeer.committedBytes();
        Peer peer = new Peer() {
            @Override
            public long allocate(long size) {
                return nativePeer.malloc(size);
            }

            @Override
            public void free(long address) {
                nativePeer.free(address);
            }
        };
        run(trace, peer);
        long committed = nativePeer.committedBytes();
        // Holding the live bytes needs at least that much more commit; a figure that grew by less
        // is not tracking this trace (the Debian build's barely moves), so it is not reported.
        boolean tracked = baseline >= 0 && committed - baseline >= trace.liveBytes;
        memory.committedPerMilleOfLive = tracked ? (committed - baseline) * 1000 / trace.liveBytes : 0;
        freeAll(trace, peer);
        memory.committedAfterPurgeKiB = tracked ? nativePeer.committedBytes() / 1024 : 0;
        return committed;
    }
}
