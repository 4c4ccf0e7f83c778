/**
 * Runtime threads and stop-the-world, after CPython's thread states:
 * {@link io.github.ftmem.core.threads.RuntimeThreads} (register, attach, unregister, per-thread
 * {@code Key} slots for the modules, listeners, pending-work handlers),
 * {@link io.github.ftmem.core.threads.ThreadState} (one thread's state: DETACHED, ATTACHED,
 * SUSPENDED; {@code attach}, {@code detach}, {@code poll}), {@link io.github.ftmem.core.threads.World}
 * ({@code stop}/{@code start} and pause statistics), {@link io.github.ftmem.core.threads.ThreadListener}
 * and {@link io.github.ftmem.core.threads.PendingWorkHandler}. Design: {@code docs/core.md}.
 *
 * <p>Conventions. A thread that touches runtime objects is registered (once) and attached (while it
 * touches them). An attached thread calls {@link io.github.ftmem.core.threads.ThreadState#poll()}
 * often — the safepoint where it stops for a stop-the-world and runs pending work (refcount's merges,
 * a scheduled collection) — and detaches before anything that blocks. Each pending-work bit has one
 * owner: {@code PLEASE_STOP} is {@code World}'s, {@code EXPLICIT_MERGE} refcount's,
 * {@code GC_SCHEDULED} the collector's; an embedder does not replace their handlers.
 *
 * <p>Thread safety. {@code RuntimeThreads} and {@code World} are thread-safe. A {@code ThreadState}'s
 * {@code attach}, {@code detach} and {@code poll} run only on its own thread; {@code requestWork}, the
 * state and pending-word reads and the {@code Key} slots (release/acquire) from any. While the world
 * is stopped, only the requester is ATTACHED: it alone may touch objects, and stopped-world-only
 * operations elsewhere ({@code Header.setTid}, the allocator's {@code visit}, refcount's
 * {@code mergeAllQueues}, the collector's SPIs) assert {@code World.isStopped()}. Listeners run on the
 * thread concerned, except the exit listeners of a thread that died registered, which the next stop's
 * requester runs with the world stopped: they must not block or stop the world.
 */
package io.github.ftmem.core.threads;
