package io.github.ftmem.bench.core;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The cost of a safepoint poll, and of a stop/start pause with one other attached thread polling in a
 * loop. Peers in the same run: an empty volatile-read "poll" on a Java field, and the classic JVM way
 * of stopping worker threads, a {@link ReentrantReadWriteLock} that workers hold for read between
 * polls and the requester takes for write.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SafepointBench {

    /** One attached thread polling in a loop. */
    @State(Scope.Benchmark)
    public static class FtmemWorker {
        volatile boolean running;
        volatile long work;
        Thread poller;

        @Setup(Level.Trial)
        public void start() {
            running = true;
            poller = RuntimeThreads.newThread("ftmem-poller", () -> {
                ThreadState self = RuntimeThreads.current();
                while (running) {
                    work++;
                    self.poll();
                }
            });
            poller.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            running = false;
            poller.join();
        }
    }

    /** The peer: one thread holding a read lock between "polls". */
    @State(Scope.Benchmark)
    public static class ReadWriteLockWorker {
        final ReentrantReadWriteLock worldLock = new ReentrantReadWriteLock();
        volatile boolean running;
        volatile long work;
        Thread poller;

        @Setup(Level.Trial)
        public void start() {
            running = true;
            poller = Thread.ofPlatform().name("rwlock-poller").unstarted(() -> {
                var read = worldLock.readLock();
                while (running) {
                    read.lock();
                    try {
                        work++;
                    } finally {
                        read.unlock();
                    }
                }
            });
            poller.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            running = false;
            poller.join();
        }
    }

    /** The benchmark thread's own runtime-thread state, attached, for the poll benchmark. */
    @State(Scope.Thread)
    public static class Self {
        ThreadState state;
        volatile int javaPending;

        @Setup(Level.Trial)
        public void attach() {
            state = RuntimeThreads.attachCurrent();
        }

        @TearDown(Level.Trial)
        public void detach() {
            RuntimeThreads.unregister();
        }
    }

    @Benchmark
    public void ftmemPoll(Self self) {
        self.state.poll();
    }

    @Benchmark
    public int javaPoll(Self self) {
        return self.javaPending;
    }

    @Benchmark
    public long ftmemStopStart(FtmemWorker worker) {
        World.stop();
        long seen = worker.work;
        World.start();
        return seen;
    }

    @Benchmark
    public long rwlockStopStart(ReadWriteLockWorker worker) {
        var write = worker.worldLock.writeLock();
        write.lock();
        try {
            return worker.work;
        } finally {
            write.unlock();
        }
    }
}
