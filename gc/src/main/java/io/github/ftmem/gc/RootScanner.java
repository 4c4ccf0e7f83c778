package io.github.ftmem.gc;

/**
 * Reports the references held on interpreter stacks that are not counted in reference counts: the
 * references to objects with deferred reference counting (CPython's tagged stack references). Each
 * reported reference adds one to its object's {@code gc_refs}, so an object only a stack holds stays
 * alive. References that are counted must not be reported.
 */
@FunctionalInterface
public interface RootScanner {

    /** A scanner for a runtime with no deferred stack references. */
    RootScanner NONE = visitor -> { };

    /**
     * Visits every deferred (uncounted) stack reference of every runtime thread, once per reference.
     * Called only while the world is stopped; must not allocate, free or change reference counts.
     */
    void scanDeferredRoots(ObjectVisitor visitor);
}
