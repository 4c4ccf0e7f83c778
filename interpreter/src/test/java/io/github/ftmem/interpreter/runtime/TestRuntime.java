package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** The runtime tests' harness: Java test code run as Python code runs, on a runtime thread with an interpreter state. */
final class TestRuntime {
    private TestRuntime() {
    }

    /** Runs {@code body} on a registered runtime thread with a fresh interpreter state. */
    static void inRuntime(Runnable body) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> RuntimeThreads.run(() -> {
            Runtime rt = new Runtime(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                rt.shutdown();
            }
        }));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure[0] instanceof AssertionError a) {
            throw a;
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}
