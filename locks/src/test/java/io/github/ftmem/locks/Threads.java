package io.github.ftmem.locks;

import io.github.ftmem.core.threads.RuntimeThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Test threads that report their failures to the test thread. */
final class Threads implements AutoCloseable {

    private final List<Thread> started = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    interface Body {
        void run() throws Exception;
    }

    /** A plain Java thread (not a runtime thread). */
    Thread plain(String name, Body body) {
        return start(Thread.ofPlatform().name(name).unstarted(wrap(body)));
    }

    /** A registered, attached runtime thread that unregisters when done. */
    Thread runtime(String name, Body body) {
        return start(RuntimeThreads.newThread(name, wrap(body)));
    }

    void joinAll() throws Exception {
        for (Thread thread : started) {
            thread.join();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }

    @Override
    public void close() throws Exception {
        joinAll();
    }

    private Thread start(Thread thread) {
        started.add(thread);
        thread.start();
        return thread;
    }

    private Runnable wrap(Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
    }
}
