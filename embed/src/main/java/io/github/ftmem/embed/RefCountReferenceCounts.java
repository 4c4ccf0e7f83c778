package io.github.ftmem.embed;

import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.ReferenceCounts;
import io.github.ftmem.refcount.RefCount;

/**
 * The collector's {@link ReferenceCounts} over the refcount module: the adapter every runtime that
 * uses both {@code refcount} and {@code gc} needs, shipped once. Stateless; {@link #INSTANCE} serves
 * every collector of the process ({@link RefCount} itself is process-wide).
 *
 * <p>{@link #mergeAllQueues} keeps {@link ReferenceCounts}'s rule that nothing is freed while the
 * world is stopped: each object whose merged count is zero gets one reference back
 * ({@link RefCount#addStackReference}) before it is handed to the collector, which drops it after the
 * pause (and so frees it through the type's {@link io.github.ftmem.refcount.Deallocator}).
 */
public final class RefCountReferenceCounts implements ReferenceCounts {

    /** The adapter. */
    public static final RefCountReferenceCounts INSTANCE = new RefCountReferenceCounts();

    private RefCountReferenceCounts() {
    }

    @Override
    public void mergeAllQueues(ObjectVisitor zeroCount) {
        RefCount.mergeAllQueues(object -> {
            RefCount.addStackReference(object);
            zeroCount.visit(object);
        });
    }

    @Override
    public long trueCount(long object) {
        return RefCount.refcount(object);
    }

    @Override
    public long deferredBias() {
        return RefCount.DEFERRED_BIAS;
    }

    @Override
    public boolean isImmortal(long object) {
        return RefCount.isImmortal(object);
    }

    @Override
    public void clearDeferred(long object) {
        RefCount.clearDeferred(object);
    }

    @Override
    public void incref(long object) {
        RefCount.incref(object);
    }

    @Override
    public void decref(long object) {
        RefCount.decref(object);
    }

    @Override
    public String toString() {
        return "RefCountReferenceCounts[" + RefCount.MODE + "]";
    }
}
