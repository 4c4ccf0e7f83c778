package io.github.ftmem.refcount;

/**
 * Frees an object whose reference count reached zero. The embedding runtime registers one per type
 * id with {@link RefCount#setDeallocator}; the refcount module never frees memory itself.
 *
 * <p>Called exactly once per object, on the thread that dropped the last reference (or, for
 * {@link RefCount#mergeAllQueues()}, on the collector with the world stopped), with no lock of
 * this module held. The deallocator may decref other objects (children). In debug mode the count
 * words of the header are already poisoned when it runs ({@link RefCount#FREED_TID}); the type,
 * flags and gc bits are intact.
 */
@FunctionalInterface
public interface Deallocator {
    void deallocate(long object);
}
