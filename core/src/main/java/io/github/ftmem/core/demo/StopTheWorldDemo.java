package io.github.ftmem.core.demo;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The core demo: N attached threads increment counters in off-heap object headers and poll for
 * safepoints; one more thread stays detached (as if blocked in I/O); the main thread stops the world
 * repeatedly, checks that the counters do not move while it is stopped, and prints the pauses.
 */
public final class StopTheWorldDemo {

    public static void main(String[] args) throws InterruptedException {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        OsMemory os = OsMemory.get();
        long block = os.reserve(os.pageSize(), os.pageSize());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            long object = block + (long) i * 64;
            Thread worker = RuntimeThreads.newThread("worker-" + i, () -> {
                ThreadState self = RuntimeThreads.current();
                Header.init(object, self.id(), 1);
                while (running.get()) {
                    Memory.putLong(object + Header.REF_SHARED, Memory.getLong(object + Header.REF_SHARED) + 4);
                    self.poll();
                }
            });
            threads.add(worker);
            worker.start();
        }
        Thread blocked = RuntimeThreads.newThread("detached-sleeper", () -> {
            ThreadState self = RuntimeThreads.current();
            self.detach();
            try {
                while (running.get()) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            self.attach();
        });
        blocked.start();
        threads.add(blocked);
        Thread.sleep(100);

        System.out.printf("ftmem core demo: stop-the-world across %d attached threads and 1 detached thread (%s memory)%n",
                workers, os.name());
        long totalMicros = 0;
        long maxMicros = 0;
        for (int round = 1; round <= rounds; round++) {
            World.stop();
            long before = sum(block, workers);
            Thread.onSpinWait();
            long after = sum(block, workers);
            World.start();
            if (before != after) {
                throw new AssertionError("a counter moved while the world was stopped");
            }
            long pauseMicros = World.lastPauseNanos() / 1_000;
            totalMicros += pauseMicros;
            maxMicros = Math.max(maxMicros, pauseMicros);
            System.out.printf("  stop %2d: time to stop %6d us, pause %6d us, increments so far %,d%n", round,
                    World.lastTimeToStopNanos() / 1_000, pauseMicros, after >> Header.SHARED_SHIFT);
            Thread.sleep(10);
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        os.release(block, os.pageSize());
        System.out.printf("%d stops: mean pause %d us, max %d us; registered threads left: %d%n", rounds,
                totalMicros / rounds, maxMicros, RuntimeThreads.registeredCount());
    }

    private static long sum(long block, int workers) {
        long sum = 0;
        for (int i = 0; i < workers; i++) {
            sum += Memory.getLongOpaque(block + (long) i * 64 + Header.REF_SHARED);
        }
        return sum;
    }
}
