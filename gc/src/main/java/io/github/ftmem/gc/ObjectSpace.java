package io.github.ftmem.gc;

/**
 * Where the collector finds objects: every block of the runtime's GC-object heaps. The interpreter
 * backs it with the allocator's heap walk; tests back it with a simple test heap.
 */
public interface ObjectSpace {

    /**
     * Visits every object that may be GC-tracked, once each. Called only while the world is stopped
     * (no thread allocates or frees); the visitor reads and writes object headers but never
     * allocates or frees. Objects whose {@code TRACKED} bit is clear are skipped by the collector,
     * so the space need not filter them.
     */
    void forEachObject(ObjectVisitor visitor);
}
