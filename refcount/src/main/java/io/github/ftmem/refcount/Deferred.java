package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.World;

import static io.github.ftmem.refcount.RefCount.ATOMIC_MODE;
import static io.github.ftmem.refcount.RefCount.COUNTERS;
import static io.github.ftmem.refcount.RefCount.DEFERRED_BIAS;
import static io.github.ftmem.refcount.RefCount.IMMORTAL_REFCOUNT;
import static io.github.ftmem.refcount.RefCount.ONE;
import static io.github.ftmem.refcount.RefCount.SHARED_OPS;

/**
 * Deferred reference counting behind {@link RefCount#setDeferred}, {@link RefCount#clearDeferred},
 * {@link RefCount#addStackReference} and {@link RefCount#collectorRefcount}: the DEFERRED gc bit plus
 * {@link RefCount#DEFERRED_BIAS} in the shared count, so that ordinary decrefs never free the object
 * and only a collector (which also counts the uncounted stack references) does.
 */
final class Deferred {
    private Deferred() {
    }

    static void enable(long object) {
        if (RefCount.isImmortal(object) || RefCount.isDeferred(object)) {
            return;
        }
        if (!ATOMIC_MODE && !RefCount.isOwnedByCurrentThread(object) && !World.isStoppedByCurrentThread()) {
            throw new IllegalStateException("setDeferred needs the owner or a stopped world: " + Header.describe(object));
        }
        Header.setGcBits(object, Header.GC_DEFERRED);
        Memory.getAndAddLong(object + Header.REF_SHARED, DEFERRED_BIAS << Header.SHARED_SHIFT);
    }

    static void disable(long object) {
        assert World.isStopped() : "clearDeferred needs a stopped world";
        if (!RefCount.isDeferred(object)) {
            throw new IllegalStateException("clearDeferred of an object that is not deferred: " + Header.describe(object));
        }
        Header.clearGcBits(object, Header.GC_DEFERRED);
        long shared = Memory.getAndAddLong(object + Header.REF_SHARED, -(DEFERRED_BIAS << Header.SHARED_SHIFT))
                - (DEFERRED_BIAS << Header.SHARED_SHIFT);
        if (shared >> Header.SHARED_SHIFT < 0) {
            // Other threads dropped more references than they added while the bias hid it; without the
            // bias the shared count is negative, which biased counting only allows for a queued object.
            // Merge now (the world is stopped) so the owner's last decref, or anyone's, frees it at zero.
            MergeQueues.explicitMerge(object, 0);
        }
    }

    static void addStackReference(long object) {
        if (RefCount.isImmortal(object)) {
            return;
        }
        if (COUNTERS) SHARED_OPS.increment();
        Memory.getAndAddLong(object + Header.REF_SHARED, ONE);
    }

    static long collectorRefcount(long object) {
        assert World.isStopped() : "collectorRefcount needs a stopped world";
        long count = RefCount.refcount(object);
        return RefCount.isDeferred(object) && count != IMMORTAL_REFCOUNT ? count - DEFERRED_BIAS : count;
    }
}
