/**
 * Biased, immortal and deferred reference counting on the shared header (PEP 703):
 * {@link io.github.ftmem.refcount.RefCount} (static operations on an object address),
 * {@link io.github.ftmem.refcount.Deallocator} (one per type id, called when a count reaches zero)
 * and {@link io.github.ftmem.refcount.RefCountError} (misuse found in debug mode). Design:
 * {@code docs/refcount.md}; the word encoding and state machine are in {@code RefCount}'s notes.
 *
 * <p>Conventions. {@link io.github.ftmem.refcount.RefCount#init} makes the calling runtime thread the
 * object's owner: the owner counts with plain stores to {@code refLocal}, every other thread with
 * atomic adds to {@code refShared}; a non-owner's decrement that would take the shared count below
 * zero queues the object for its owner, which merges the two counts at its next safepoint. The {@code (object, self)} overloads
 * take the caller's {@link io.github.ftmem.refcount.RefCount#currentTid()} cached by an interpreter
 * instead of looking it up. Immortal objects are never written; deferred objects are freed only by a
 * collector. Switches are static finals read at start-up: {@code -Dftmem.refcount.mode=ATOMIC}
 * (every count atomic, for comparison), {@code -Dftmem.refcount.debug=true} or
 * {@code -Dftmem.debug=true} (checks that throw {@code RefCountError}), and
 * {@code -Dftmem.refcount.counters=true}.
 *
 * <p>Thread safety. {@code incref}, {@code decref}, {@code tryIncref} and the queries are safe from
 * any registered runtime thread; {@code init} from the thread that becomes the owner, before the
 * object is published; {@code setDeferred} and {@code immortalize} from the owner (or on an
 * unpublished object, or with the world stopped). Stopped-world only, for a collector:
 * {@code mergeAllQueues}, {@code clearDeferred}, {@code collectorRefcount}. The deallocator table is
 * process-wide and copy-on-write: register deallocators at start-up (module {@code embed}'s
 * {@code ObjectTypes} does it together with the collector's operations).
 */
package io.github.ftmem.refcount;
