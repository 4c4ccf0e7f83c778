package io.github.ftmem.core.threads;

/** Handles one bit of a thread's pending-work word; runs on that thread, attached, at a safepoint. */
@FunctionalInterface
public interface PendingWorkHandler {
    void handle(ThreadState thread);
}
