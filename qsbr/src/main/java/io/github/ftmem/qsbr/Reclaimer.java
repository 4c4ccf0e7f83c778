package io.github.ftmem.qsbr;

/**
 * What {@link Qsbr#freeDelayed} finally does with an address once its grace period is over: free it,
 * or free composite storage (a table and what it points to). Runs on whichever thread processes the
 * queue (normally the thread that queued it; the thread that stopped the world; or, for a queue left
 * by an exited thread, any runtime thread), attached. One instance is typically shared by every call
 * site: it is stored by reference, never allocated per free.
 */
@FunctionalInterface
public interface Reclaimer {

    /** Reclaims {@code address}; no thread can still be reading it. May call {@link Qsbr#freeDelayed}. */
    void reclaim(long address);
}
