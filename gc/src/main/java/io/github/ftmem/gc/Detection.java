package io.github.ftmem.gc;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.World;

/**
 * Pause 1 of a collection (step 1 of {@link Collector}'s notes): with the world stopped, merge the
 * reference-count queues, write each candidate's {@code gc_refs} into its {@code tid} word, subtract
 * internal references, mark what outside references keep alive, restore the tids, take the garbage
 * (one collector reference each) and clear the weak references to it.
 */
abstract class Detection extends CollectorState {
    final ObjectVisitor subtractInternal = this::subtractInternal;
    final ObjectVisitor addStackRoot = this::addStackRoot;
    final ObjectVisitor markReachable = this::markReachable;
    final ObjectVisitor moveToLegacy = this::moveToLegacy;
    final ObjectVisitor queueCallback = this::queueCallback;
    final ObjectVisitor gather = this::gather;
    final ObjectVisitor takeZeroCount = this::takeZeroCount;

    Detection(Collector.Builder builder) {
        super(builder);
    }

    /** Pause 1. Returns the number of reachable tracked objects. */
    long detectPause(long id) {
        GcPauseEvent event = new GcPauseEvent();
        event.begin();
        long begin = System.nanoTime();
        World.stop();
        long live;
        try {
            counts.mergeAllQueues(takeZeroCount);
            computeGcRefs();
            live = markAndSplit();
            if (!unreachable.isEmpty()) {
                takeGarbage();
                clearWeakReferencesAndFindFinalizers();
            }
        } finally {
            World.start();
            endPause(event, id, "detect", objects.size(), begin);
        }
        return live;
    }

    /** A merged object whose count was zero, now held by one reference the collector drops after the pause. */
    void takeZeroCount(long object) {
        zeroCountObjects.addLong(object);
    }

    /**
     * Heap-walk visitor: a tracked, unfrozen, mortal object joins the candidate set; its tid is saved
     * and replaced by its count (minus the deferred bias), and UNREACHABLE is set.
     */
    void gather(long object) {
        int bits = Header.gcBits(object);
        if ((bits & Header.GC_TRACKED) == 0 || (bits & Header.GC_FROZEN) != 0 || counts.isImmortal(object)) {
            return;
        }
        assert (bits & Header.GC_UNREACHABLE) == 0 : "stale UNREACHABLE bit on " + Header.describe(object);
        operations(object);
        long refs = counts.trueCount(object);
        if ((bits & Header.GC_DEFERRED) != 0 && counts.isDeferred(object)) {
            refs -= deferredBias;
        }
        objects.addLong(object);
        savedTids.addLong(Header.tid(object));
        Header.setTid(object, refs);
        Memory.putByte(object + Header.GC_BITS, (byte) (bits | Header.GC_UNREACHABLE));
    }

    /**
     * Walks the space (initialising gc_refs), subtracts internal references and adds stack roots. On
     * an exception every tid is restored and every UNREACHABLE bit cleared before it propagates.
     */
    void computeGcRefs() {
        assert World.isStopped();
        objects.clear();
        savedTids.clear();
        try {
            space.forEachObject(gather);
            int n = objects.size();
            for (int i = 0; i < n; i++) {
                long object = objects.getLong(i);
                types[Header.type(object)].traverse(object, subtractInternal);
            }
            roots.scanDeferredRoots(addStackRoot);
        } catch (RuntimeException | Error e) {
            restoreScratch(objects, savedTids, savedTids.size());
            throw e;
        }
    }

    void subtractInternal(long referent) {
        if ((Header.gcBits(referent) & Header.GC_UNREACHABLE) != 0) {
            Header.setTid(referent, Header.tid(referent) - 1);
        }
    }

    void addStackRoot(long referent) {
        if ((Header.gcBits(referent) & Header.GC_UNREACHABLE) != 0) {
            Header.setTid(referent, Header.tid(referent) + 1);
        }
    }

    /**
     * Marks everything reachable from objects with positive gc_refs, restores every tid and moves the
     * rest to {@code unreachable}. Returns the number of reachable objects.
     *
     * <p>One pass reads each object's gc_refs and restores its tid at once (marking only clears bits,
     * it never reads gc_refs); objects still UNREACHABLE when the pass reaches them are kept as
     * candidates, and a short pass over the candidates drops those marked later.
     */
    long markAndSplit() {
        int n = objects.size();
        try {
            for (int i = 0; i < n; i++) {
                long object = objects.getLong(i);
                long refs = Header.tid(object);
                Header.setTid(object, savedTids.getLong(i));
                if (refs < 0) {
                    throw negativeGcRefs(object, refs);
                }
                if ((Header.gcBits(object) & Header.GC_UNREACHABLE) != 0) {
                    if (refs > 0) {
                        Header.clearGcBits(object, Header.GC_UNREACHABLE);
                        markFrom(object);
                    } else {
                        unreachable.addLong(object);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            unreachable.clear();
            restoreScratch(objects, savedTids, n);
            throw e;
        }
        compactUnreachable();
        return n - unreachable.size();
    }

    /** The error for a negative gc_refs (the object's tid is already restored; the caller restores the rest). */
    static IllegalStateException negativeGcRefs(long object, long refs) {
        return new IllegalStateException("gc_refs of " + Header.describe(object) + " is " + refs
                + " after subtracting internal references: the traverse of a type referring to it reports"
                + " more references than the counts hold; nothing was collected");
    }

    /** Propagates reachability from {@code root} (already marked) with an explicit stack. */
    void markFrom(long root) {
        markStack.clear();
        markStack.addLong(root);
        while (!markStack.isEmpty()) {
            long object = markStack.popLong();
            types[Header.type(object)].traverse(object, markReachable);
        }
    }

    void markReachable(long referent) {
        if ((Header.gcBits(referent) & Header.GC_UNREACHABLE) != 0) {
            Header.clearGcBits(referent, Header.GC_UNREACHABLE);
            markStack.addLong(referent);
        }
    }

    /**
     * Tids are restored. Turns off deferred counting on garbage, takes the collector's reference to
     * each garbage object and moves legacy-finalizer garbage (and what it reaches) to {@code legacy}.
     */
    void takeGarbage() {
        assert World.isStopped();
        int n = unreachable.size();
        for (int i = 0; i < n; i++) {
            long object = unreachable.getLong(i);
            int bits = Header.gcBits(object);
            // The reference first, then the bias off: a deferred object whose count is only its bias
            // never passes through a zero count (which refcount's debug checks rightly call dead).
            counts.incref(object);
            if ((bits & Header.GC_DEFERRED) != 0 && counts.isDeferred(object)) {
                counts.clearDeferred(object);
            }
            if ((bits & Header.GC_UNREACHABLE) != 0 && types[Header.type(object)].hasLegacyFinalizer(object)) {
                Header.clearGcBits(object, Header.GC_UNREACHABLE);
                legacy.addLong(object);
                markStack.clear();
                markStack.addLong(object);
                while (!markStack.isEmpty()) {
                    long next = markStack.popLong();
                    types[Header.type(next)].traverse(next, moveToLegacy);
                }
            }
        }
        if (!legacy.isEmpty()) {
            compactUnreachable();
        }
    }

    void moveToLegacy(long referent) {
        if ((Header.gcBits(referent) & Header.GC_UNREACHABLE) != 0) {
            Header.clearGcBits(referent, Header.GC_UNREACHABLE);
            legacy.addLong(referent);
            markStack.addLong(referent);
        }
    }

    /** Keeps in {@code unreachable} only the objects whose UNREACHABLE bit is still set. */
    void compactUnreachable() {
        int kept = 0;
        for (int i = 0; i < unreachable.size(); i++) {
            long object = unreachable.getLong(i);
            if ((Header.gcBits(object) & Header.GC_UNREACHABLE) != 0) {
                unreachable.setLong(kept++, object);
            }
        }
        truncate(unreachable, kept);
    }

    /**
     * Clears weak references that are garbage and weak references to garbage, queueing callbacks of
     * the cleared ones that are not garbage (a garbage weak reference still has UNREACHABLE set, so
     * one loop does both); notes whether some garbage object has a finalizer left to run.
     */
    void clearWeakReferencesAndFindFinalizers() {
        assert World.isStopped();
        int n = unreachable.size();
        finalizersPending = false;
        for (int i = 0; i < n; i++) {
            long object = unreachable.getLong(i);
            if (weakReferences.isWeakReference(object)) {
                weakReferences.clearWeakReference(object);
            }
            weakReferences.clearWeakReferencesTo(object, queueCallback);
            if (!finalizersPending && (Header.gcBits(object) & Header.GC_FINALIZED) == 0
                    && types[Header.type(object)].hasFinalizer(object)) {
                finalizersPending = true;
            }
        }
    }

    void queueCallback(long weakReference) {
        if ((Header.gcBits(weakReference) & Header.GC_UNREACHABLE) == 0 && weakReferences.hasCallback(weakReference)) {
            counts.incref(weakReference);
            callbacks.addLong(weakReference);
        }
    }
}
