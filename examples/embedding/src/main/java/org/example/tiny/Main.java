package org.example.tiny;

import io.github.ftmem.allocator.AllocatorStatistics;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.GcStats;
import io.github.ftmem.refcount.RefCount;

/**
 * Two runtime threads share a vector of cons cells while each makes garbage cycles (a closure in its
 * own environment; two cons cells pointing at each other) and calls closures; a deferred "globals"
 * vector holds the shared one. At the end every reference is dropped, the collector runs, and the
 * program checks that the allocator holds no live block and that the collector found every cycle.
 * Exit status 0 only then.
 */
public final class Main {
    static final int ITERATIONS = 20_000;
    static final int SLOTS = 64;
    static final long COUNTER = 1;

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : ITERATIONS;
        int[] status = {1};
        // The main thread is a runtime thread too: registered and attached for the whole run.
        RuntimeThreads.run(() -> status[0] = run(iterations));
        System.exit(status[0]);
    }

    static int run(int iterations) {
        Tiny t = new Tiny();
        long shared = t.vector(SLOTS);
        long globals = t.vector(1);
        RefCount.setDeferred(globals);          // like a module dict: freed by the collector, not by counting
        RefCount.incref(shared);
        Tiny.vset(globals, 0, shared);

        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            int seed = w;
            workers[w] = RuntimeThreads.newThread("tiny-" + w, () -> work(t, shared, seed, iterations));
            workers[w].start();
        }
        // Joining blocks: detach first, or a collection started by a worker waits forever for this thread.
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            self.attach();
        }

        for (int i = 0; i < SLOTS; i++) {
            Tiny.vset(shared, i, 0);
        }
        RefCount.decref(shared);                // globals still holds it
        RefCount.decref(globals);               // deferred: its count never reaches zero by counting alone
        t.gc.collect();
        RefCount.mergeQueue();

        GcStats gc = t.gc.stats();
        AllocatorStatistics heap = t.heap.statistics();
        long expected = 8L * iterations + 2;    // per iteration and thread 2 two-object cycles; globals and shared
        System.out.printf("tiny runtime: %d iterations x 2 threads, %d collections, %d collected (expected %d), "
                + "%d live blocks%n", iterations, gc.collections(), gc.collected(), expected, heap.liveBlocks());
        if (heap.liveBlocks() != 0 || gc.collected() != expected || gc.uncollectable() != 0) {
            System.err.println("tiny runtime: FAILED: blocks leaked or cycles missed");
            return 1;
        }
        return 0;
    }

    static void work(Tiny t, long shared, int seed, int iterations) {
        ThreadState self = RuntimeThreads.current();
        long sum = 0;
        for (int k = 0; k < iterations; k++) {
            // A closure in its own environment: closure -> env -> closure.
            long env = t.vector(2);
            RefCount.incref(env);
            long f = t.closure(COUNTER, env);
            RefCount.incref(f);
            Tiny.vset(env, 0, f);
            Tiny.vset(env, 1, t.newInt(0));
            RefCount.decref(env);
            for (int call = 1; call <= 3; call++) {
                Tiny.xdecref(apply(t, f, call));
            }
            // Two cons cells pointing at each other.
            long a = t.cons(t.newInt(k), 0);
            RefCount.incref(a);
            long b = t.cons(t.newInt(-k), a);
            RefCount.incref(b);
            Tiny.setCdrUnpublished(a, b);
            // Share: publish a new cell, read one the other thread may have published (and decref it here).
            Tiny.vset(shared, (k + seed * 31) % SLOTS, t.cons(t.newInt(k + 1), 0));
            long v = Tiny.vget(shared, (k * 7 + seed) % SLOTS);
            if (v != 0) {
                sum += Tiny.intValue(Tiny.car(v));
                Tiny.xdecref(v);
            }
            RefCount.decref(f);
            RefCount.decref(a);
            RefCount.decref(b);
            self.poll();                        // safepoint: stop-the-world, merges, scheduled collections
        }
        if (sum < 0) {
            throw new AssertionError("sum of positive ints is negative: " + sum);
        }
    }

    /** Calls a closure: COUNTER adds {@code arg} to env[1] and returns the new total. */
    static long apply(Tiny t, long f, long arg) {
        if (Tiny.code(f) != COUNTER) {
            throw new IllegalArgumentException("unknown code " + Tiny.code(f));
        }
        long env = Tiny.env(f);
        long old = Tiny.vget(env, 1);
        long total = t.newInt(Tiny.intValue(old) + arg);
        Tiny.xdecref(old);
        RefCount.incref(total);
        Tiny.vset(env, 1, total);
        return total;
    }
}
