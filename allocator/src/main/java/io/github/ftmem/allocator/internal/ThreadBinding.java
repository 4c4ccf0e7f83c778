package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadListener;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import java.util.ArrayList;

/**
 * Ties a thread's heaps (in every allocator) to its runtime-thread registration, so that the exit of a
 * runtime thread abandons them. One {@link RuntimeThreads.Key} slot holds the list; one listener,
 * installed when the allocator module is first used and kept for the life of the process, reacts to
 * attach (a thread that allocated before it registered gets bound) and exit (its heaps are
 * abandoned; its blocks stay valid and other threads reclaim the pages).
 *
 * <p>Threads that never register get the same heaps; those are abandoned when the allocator sees the
 * thread dead ({@code !Thread.isAlive()}, checked on slow paths, statistics, visit and collect) or
 * when the thread calls {@code Allocator.releaseCurrentThread()}.
 */
final class ThreadBinding {

    /** Per-thread list of heaps; the list is confined to its thread except during exit. */
    static final class Bound extends ArrayList<ThreadHeaps> {
        private static final long serialVersionUID = 1L;
    }

    static final RuntimeThreads.Key<Bound> KEY = RuntimeThreads.newKey("ftmem.allocator.heaps", Bound.class);
    private static final ThreadLocal<Bound> PER_THREAD = ThreadLocal.withInitial(Bound::new);

    static {
        // This listener releases the thread's heaps, so it runs after every other exit listener
        // (releasesThreadMemory): QSBR's delayed frees and refcount's merge-queue drain free into
        // the heaps before they are abandoned, whichever module installed its listener first.
        Qsbr.init();
        RuntimeThreads.addListener(new ThreadListener() {
            @Override
            public void onAttach(ThreadState thread) {
                Bound bound = PER_THREAD.get();
                if (thread.get(KEY) != bound) {
                    thread.set(KEY, bound);
                    for (ThreadHeaps heaps : bound) {
                        heaps.runtime = thread;
                    }
                }
            }

            @Override
            public boolean releasesThreadMemory() {
                return true;
            }

            @Override
            public void onExit(ThreadState thread) {
                Bound bound = thread.get(KEY);
                if (bound == null) {
                    return;
                }
                thread.set(KEY, null);
                boolean own = Thread.currentThread() == thread.thread();
                for (ThreadHeaps heaps : bound.toArray(new ThreadHeaps[0])) {
                    heaps.engine.releaseThread(heaps);
                    if (own) {
                        heaps.engine.local.remove();
                    }
                }
                bound.clear();
                if (own) {
                    PER_THREAD.remove();
                }
            }
        });
    }

    private ThreadBinding() {
    }

    /** Records new heaps of the calling thread. */
    static void bind(ThreadHeaps heaps) {
        Bound bound = PER_THREAD.get();
        bound.add(heaps);
        ThreadState state = RuntimeThreads.currentOrNull();
        if (state != null) {
            heaps.runtime = state;
            state.set(KEY, bound);
        }
    }

    /** Forgets heaps released by their own thread. */
    static void unbind(ThreadHeaps heaps) {
        PER_THREAD.get().remove(heaps);
    }
}
