package io.github.ftmem.refcount;

import io.github.ftmem.core.threads.RuntimeThreads;

import java.util.concurrent.atomic.AtomicReference;

/** Runs bodies on other runtime threads and rethrows their failures on the test thread. */
final class Threads {

    private Threads() {
    }

    interface Body {
        void run() throws Exception;
    }

    /** A started runtime thread (registered and attached while it runs, unregistered at the end). */
    static final class Runner {
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        Runner(String name, Body body) {
            thread = RuntimeThreads.newThread(name, () -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            thread.start();
        }

        void join() throws Exception {
            thread.join(10_000);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not finish");
            }
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }

    /** Runs {@code body} on a new runtime thread and waits for it. */
    static void runOnOtherThread(Body body) throws Exception {
        new Runner("refcount-test", body).join();
    }
}
