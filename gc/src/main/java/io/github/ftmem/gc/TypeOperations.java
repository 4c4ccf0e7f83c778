package io.github.ftmem.gc;

/**
 * What the collector needs to know about one type of GC object (CPython's {@code tp_traverse},
 * {@code tp_clear}, {@code tp_finalize} and {@code tp_del}).
 */
public interface TypeOperations {

    /**
     * Reports every strong reference the object holds to another object, once per reference (a
     * referent held twice is reported twice). Must report exactly the references counted in the
     * referents' reference counts: a missing edge makes a cycle look externally held (a leak); an extra
     * edge is detected and reported as an error. May be called while the world is stopped: must not
     * allocate, free, lock, or change any reference count.
     */
    void traverse(long object, ObjectVisitor visitor);

    /**
     * Drops the object's references to other objects (decrementing their counts), breaking the cycles
     * it is part of. Called with the world running, while the collector holds a reference to the object.
     */
    void clear(long object);

    /** Whether the type has a finalizer ({@code __del__}, PEP 442): run once before the object is cleared. */
    default boolean hasFinalizer(long object) {
        return false;
    }

    /**
     * Runs the object's finalizer; called at most once per object (the {@code FINALIZED} bit), with the
     * world running. It may resurrect the object or anything else in its garbage cycle.
     */
    default void finalize(long object) {
    }

    /**
     * Whether the object has a legacy finalizer ({@code tp_del}): such garbage, and everything it
     * reaches, is never cleared but moved to the collector's garbage list.
     */
    default boolean hasLegacyFinalizer(long object) {
        return false;
    }
}
