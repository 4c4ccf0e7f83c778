/**
 * A non-generational stop-the-world cycle collector (free-threaded CPython's
 * {@code gc_free_threading.c}): {@link io.github.ftmem.gc.Collector} (build one with its
 * {@code Builder}; {@code collect}, thresholds, freeze, statistics) over five SPIs the embedding
 * runtime implements — {@link io.github.ftmem.gc.ObjectSpace} (every candidate object),
 * {@link io.github.ftmem.gc.TypeOperations} (traverse, clear, finalizers per type),
 * {@link io.github.ftmem.gc.ReferenceCounts} (the counts; module {@code embed} ships the
 * implementation over refcount), {@link io.github.ftmem.gc.RootScanner} (uncounted stack references)
 * and {@link io.github.ftmem.gc.WeakReferenceHooks}. Design: {@code docs/gc.md}.
 *
 * <p>Conventions. The collector sees objects only through the header and the SPIs: it does not know
 * how they are allocated or counted. It collects objects whose {@code TRACKED} bit is set and which
 * are neither frozen nor immortal. During a pause it borrows the header's {@code tid} word as
 * {@code gc_refs} and the {@code UNREACHABLE} bit, and restores both before the world starts.
 * Nothing is freed while the world is stopped: garbage is cleared, and so freed by reference
 * counting, after it starts.
 *
 * <p>Thread safety. {@code Collector} is thread-safe; one collection runs at a time ({@code collect}
 * returns 0 at once if another is running) on an attached runtime thread, which also runs finalizers
 * and weak-reference callbacks. SPI methods are called on the collecting thread; those documented as
 * "world stopped" ({@code ObjectSpace.forEachObject}, {@code TypeOperations.traverse},
 * {@code RootScanner}, most of {@code ReferenceCounts}) must not allocate, free, lock or count.
 * Each pause and each collection is a JDK Flight Recorder event ({@code io.github.ftmem.gc.Pause},
 * {@code io.github.ftmem.gc.Collection}).
 */
package io.github.ftmem.gc;
