package io.github.ftmem.stress.shared;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;

/** Runtime-thread helpers for actors: JCStress reuses its actor threads, so they register once. */
public final class Runtime {

    private Runtime() {
    }

    /** The calling thread's state, registering it (DETACHED) on first use. */
    public static ThreadState self() {
        ThreadState state = RuntimeThreads.currentOrNull();
        return state != null ? state : RuntimeThreads.register();
    }

    /** Number of registered threads other than the caller that are ATTACHED right now. */
    public static int othersAttached() {
        ThreadState self = RuntimeThreads.currentOrNull();
        int attached = 0;
        for (ThreadState state : RuntimeThreads.registered()) {
            if (state != self && state.state() == ThreadState.ATTACHED) {
                attached++;
            }
        }
        return attached;
    }
}
