package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.threads.ThreadState;

/**
 * One Java thread's heaps in one allocator, one per tag, created on first use. Found through the
 * allocator's {@code ThreadLocal} on the thread itself and through the allocator's thread list
 * by everyone else (statistics, reaping of dead threads, visit).
 */
final class ThreadHeaps {

    final Engine engine;
    final Thread thread;
    final Heap[] heaps;
    /** The runtime thread this Java thread is registered as, or null; set on creation or attach. */
    volatile ThreadState runtime;
    /** Set once by {@link Engine#releaseThread}; guarded by this object. */
    boolean released;

    ThreadHeaps(Engine engine, Thread thread, int tags) {
        this.engine = engine;
        this.thread = thread;
        this.heaps = new Heap[tags];
    }

    Heap heap(int tag) {
        Heap heap = heaps[tag];
        return heap != null ? heap : engine.createHeap(this, tag);
    }
}
