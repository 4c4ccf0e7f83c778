package io.github.ftmem.gc;

import io.github.ftmem.core.Header;
import org.agrona.collections.LongArrayList;

import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The state one {@link Collector} keeps across its collections — its SPIs, the collection permit, the
 * scratch lists of a collection and the statistics — and the helpers every phase uses. The phases are
 * the subclasses, in the order a collection runs them: {@link Detection} (pause 1), {@link Resurrection}
 * (callbacks, finalizers, pause 2, clearing), {@link Collector} (the façade: scheduling, the
 * collection sequence, the garbage list, freezing, statistics). A class chain, not delegation, so the
 * phases share these fields without accessors and the collector is still one object. The notes of the
 * whole algorithm are {@link Collector}'s.
 */
abstract class CollectorState {

    final ObjectSpace space;
    final ReferenceCounts counts;
    final RootScanner roots;
    final WeakReferenceHooks weakReferences;
    final TypeOperations[] types;
    final Collector.ErrorHandler errorHandler;

    final Semaphore collecting = new Semaphore(1);

    // Touched only by the holder of 'collecting' (Agrona's primitive lists are not thread-safe; the
    // permit is their lock). Object lists, saved tids, worklists and the mark stack.
    final LongArrayList objects = new LongArrayList(1024, 0);
    final LongArrayList savedTids = new LongArrayList(1024, 0);
    final LongArrayList markStack = new LongArrayList(1024, 0);
    final LongArrayList unreachable = new LongArrayList(256, 0);
    final LongArrayList legacy = new LongArrayList(16, 0);
    final LongArrayList callbacks = new LongArrayList(16, 0);
    final LongArrayList toDecref = new LongArrayList(16, 0);
    final LongArrayList zeroCountObjects = new LongArrayList(16, 0);
    boolean finalizersPending;
    final long deferredBias;

    // Written only by the holder of 'collecting'; volatile for readers of stats().
    volatile long collections;
    volatile long collected;
    volatile long uncollectable;
    volatile long resurrected;
    volatile long pauses;
    volatile long lastPauseNanos;
    volatile long maxPauseNanos;
    volatile long totalPauseNanos;
    volatile long longLivedTotal;
    volatile long frozen;

    final LongArrayList garbage = new LongArrayList(16, 0); // guarded by itself

    CollectorState(Collector.Builder builder) {
        this.space = Objects.requireNonNull(builder.space, "objectSpace");
        this.counts = Objects.requireNonNull(builder.counts, "referenceCounts");
        this.roots = builder.roots;
        this.weakReferences = builder.weakReferences;
        this.types = builder.types.clone();
        this.errorHandler = builder.errorHandler;
        this.deferredBias = counts.deferredBias();
    }

    void endPause(GcPauseEvent event, long id, String phase, long examined, long begin) {
        long pause = System.nanoTime() - begin;
        lastPauseNanos = pause;
        totalPauseNanos += pause;
        if (pause > maxPauseNanos) {
            maxPauseNanos = pause;
        }
        pauses++;
        event.end();
        if (event.shouldCommit()) {
            event.collection = id;
            event.phase = phase;
            event.objects = examined;
            event.commit();
        }
    }

    /** Drops every element from {@code newSize} on (LongArrayList has no truncate; pops are a decrement each). */
    static void truncate(LongArrayList list, int newSize) {
        while (list.size() > newSize) {
            list.popLong();
        }
    }

    /** Shrinks the backing array if a large collection left it much bigger than {@code capacity}. */
    static void trimTo(LongArrayList list, int capacity) {
        if (list.capacity() > capacity && list.size() <= capacity) {
            list.trimToSize();
            list.ensureCapacity(capacity);
        }
    }

    static void restoreScratch(LongArrayList objects, LongArrayList tids, int count) {
        for (int i = 0; i < count; i++) {
            long object = objects.getLong(i);
            Header.setTid(object, tids.getLong(i));
            Header.clearGcBits(object, Header.GC_UNREACHABLE);
        }
        for (int i = count; i < objects.size(); i++) {
            Header.clearGcBits(objects.getLong(i), Header.GC_UNREACHABLE);
        }
    }

    TypeOperations operations(long object) {
        int type = Header.type(object);
        TypeOperations ops = type >= 0 && type < types.length ? types[type] : null;
        if (ops == null) {
            throw new IllegalStateException("tracked " + Header.describe(object) + " has type " + type
                    + ", which has no TypeOperations registered with the collector");
        }
        return ops;
    }
}
