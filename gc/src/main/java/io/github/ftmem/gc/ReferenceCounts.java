package io.github.ftmem.gc;

import io.github.ftmem.core.Header;

/**
 * The collector's view of reference counting. The collector never depends on the refcount module;
 * module {@code io.github.ftmem.embed} ships the implementation over it,
 * {@code RefCountReferenceCounts.INSTANCE}, which a runtime counting with {@code RefCount} uses
 * instead of writing its own.
 *
 * <p>Methods marked "world stopped" are called only between {@code World.stop()} and
 * {@code World.start()} by the collecting thread, and only while the object's {@code tid} word holds
 * its real value (the collector restores it before any of these calls that follows scratch use).
 */
public interface ReferenceCounts {

    /**
     * World stopped: merges every thread's pending cross-thread decrements (the biased-counting
     * queues), so that {@link #trueCount} is exact. An object whose merged count is zero must not be
     * freed during the pause: the implementation adds one reference to it and hands it to
     * {@code zeroCount}; the collector drops that reference after the world starts, which frees it
     * (CPython's {@code objs_to_decref}). With {@code RefCount}:
     * {@code RefCount.mergeAllQueues(o -> { RefCount.addStackReference(o); zeroCount.visit(o); })}.
     */
    void mergeAllQueues(ObjectVisitor zeroCount);

    /**
     * World stopped: the object's true reference count, including the deferred bias if the object
     * uses deferred reference counting. Reads only the object's own header.
     */
    long trueCount(long object);

    /** The bias (in count units) that deferred reference counting adds to {@link #trueCount}. */
    long deferredBias();

    /**
     * Whether the object uses deferred reference counting (its references on stacks are not counted).
     * The collector asks only about objects whose {@code DEFERRED} gc bit is set.
     */
    default boolean isDeferred(long object) {
        return Header.hasGcBits(object, Header.GC_DEFERRED);
    }

    /** Whether the object is immortal (never freed; the collector ignores it). */
    default boolean isImmortal(long object) {
        return Header.refLocal(object) == Header.IMMORTAL_LOCAL;
    }

    /**
     * Turns deferred reference counting off for a garbage object (removes the DEFERRED bit and the
     * bias), so that it is freed as soon as its count reaches zero. World stopped.
     */
    void clearDeferred(long object);

    /** Adds a reference. Called by the collecting thread, with the world stopped or running. */
    void incref(long object);

    /** Drops a reference, deallocating the object when it was the last. Called with the world running. */
    void decref(long object);
}
