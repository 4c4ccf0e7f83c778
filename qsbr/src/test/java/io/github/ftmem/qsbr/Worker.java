package io.github.ftmem.qsbr;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A registered runtime thread that runs the test's commands one at a time, so a test can place it in
 * any state (attached without polling, detached, exited) and step it deterministically.
 */
final class Worker implements AutoCloseable {

    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile ThreadState state;
    private volatile boolean exited;

    Worker(String name) {
        CompletableFuture<ThreadState> registered = new CompletableFuture<>();
        thread = Thread.ofPlatform().name(name).start(() -> {
            registered.complete(RuntimeThreads.register());
            while (!exited) {
                try {
                    commands.take().run();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        state = registered.join();
    }

    ThreadState state() {
        return state;
    }

    /** Runs {@code body} on the worker and waits for it; rethrows what it threw. */
    void run(Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        commands.add(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    void attach() {
        run(() -> state.attach());
    }

    void detach() {
        run(() -> state.detach());
    }

    void poll() {
        run(() -> state.poll());
    }

    /** Unregisters (running exit listeners) and ends the thread. */
    void exit() {
        run(() -> {
            RuntimeThreads.unregister();
            exited = true;
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (!exited) {
            exit();
        }
    }
}
