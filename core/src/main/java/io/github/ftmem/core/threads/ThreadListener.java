package io.github.ftmem.core.threads;

/**
 * Callbacks on runtime-thread transitions, for modules that keep per-thread resources: critical
 * sections are suspended on detach and resumed on attach, merge queues are drained and heaps are
 * abandoned on exit.
 *
 * <p>Attach listeners run in registration order after the thread became ATTACHED; detach and exit
 * listeners run in reverse registration order while the thread is still ATTACHED, on the thread
 * itself. The one exception is a thread that died without unregistering: its exit listeners run on
 * the thread that stopped the world, while the world is stopped (see {@link World#start()}).
 * Listeners must not block and must not stop the world.
 *
 * <p>Exit steps can free memory (a merge queue drained on exit deallocates the objects whose count
 * reached zero), so the listener that releases the thread's memory must run after all of them,
 * whatever order the modules happened to install their listeners in: it answers {@code true} from
 * {@link #releasesThreadMemory()}, and such listeners run last (among themselves, in reverse
 * registration order too).
 */
public interface ThreadListener {

    default void onAttach(ThreadState thread) {
    }

    default void onDetach(ThreadState thread) {
    }

    default void onExit(ThreadState thread) {
    }

    /** Whether this listener's {@link #onExit} releases the thread's memory (its heaps), so must run last. */
    default boolean releasesThreadMemory() {
        return false;
    }
}
