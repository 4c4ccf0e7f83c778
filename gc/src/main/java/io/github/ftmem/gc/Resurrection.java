package io.github.ftmem.gc;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.World;

/**
 * The rest of a collection after pause 1 (steps 2 to 4 of {@link Collector}'s notes): weak-reference
 * callbacks and finalizers with the world running, pause 2 to find what they resurrected, then
 * clearing the garbage (so that reference counting frees it) and keeping legacy-finalizer garbage.
 */
abstract class Resurrection extends Detection {
    final ObjectVisitor releaseFromPeeled = this::releaseFromPeeled;

    Resurrection(Collector.Builder builder) {
        super(builder);
    }

    /** World running. Returns whether any callback or finalizer ran (so resurrection is possible). */
    boolean runCallbacksAndFinalizers() {
        boolean ran = false;
        for (int i = 0; i < callbacks.size(); i++) {
            long weakReference = callbacks.getLong(i);
            ran = true;
            try {
                weakReferences.invokeCallback(weakReference);
            } catch (RuntimeException | Error e) {
                errorHandler.report("weak-reference callback", weakReference, e);
            } finally {
                counts.decref(weakReference);
            }
        }
        callbacks.clear();
        if (!finalizersPending) {
            return ran;
        }
        for (int i = 0; i < unreachable.size(); i++) {
            long object = unreachable.getLong(i);
            if ((Header.gcBits(object) & Header.GC_FINALIZED) != 0) {
                continue;
            }
            TypeOperations ops = types[Header.type(object)];
            if (ops.hasFinalizer(object)) {
                Header.setGcBits(object, Header.GC_FINALIZED);
                ran = true;
                try {
                    ops.finalize(object);
                } catch (RuntimeException | Error e) {
                    errorHandler.report("finalizer", object, e);
                }
            }
        }
        return ran;
    }

    /** Pause 2. Returns the number of resurrected objects. */
    long resurrectionPause(long id) {
        GcPauseEvent event = new GcPauseEvent();
        event.begin();
        long begin = System.nanoTime();
        World.stop();
        int candidates = unreachable.size();
        long revived = 0;
        try {
            int kept = 0;
            for (int i = 0; i < unreachable.size(); i++) {
                long object = unreachable.getLong(i);
                if ((Header.gcBits(object) & Header.GC_TRACKED) == 0) {
                    Header.clearGcBits(object, Header.GC_UNREACHABLE);
                    toDecref.addLong(object);
                } else {
                    unreachable.setLong(kept++, object);
                }
            }
            truncate(unreachable, kept);
            revived = findResurrected();
        } finally {
            World.start();
            endPause(event, id, "resurrection", candidates, begin);
        }
        return revived;
    }

    /** Moves resurrected objects from {@code unreachable} to {@code toDecref}; returns how many. */
    long findResurrected() {
        assert World.isStopped();
        int n = unreachable.size();
        long peeled = 0;
        savedTids.clear();
        try {
            for (int i = 0; i < n; i++) {
                long object = unreachable.getLong(i);
                long refs = counts.trueCount(object) - 1;
                savedTids.addLong(Header.tid(object));
                Header.setTid(object, refs);
            }
            for (int i = 0; i < n; i++) {
                long object = unreachable.getLong(i);
                types[Header.type(object)].traverse(object, subtractInternal);
            }
            for (int i = 0; i < n; i++) {
                long object = unreachable.getLong(i);
                if ((Header.gcBits(object) & Header.GC_UNREACHABLE) != 0 && Header.tid(object) > 0) {
                    Header.clearGcBits(object, Header.GC_UNREACHABLE);
                    markFrom(object);
                }
            }
            peeled = peelAcyclic(n);
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < savedTids.size(); i++) {
                Header.setTid(unreachable.getLong(i), savedTids.getLong(i));
            }
            throw e;
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long object = unreachable.getLong(i);
            Header.setTid(object, savedTids.getLong(i));
            if ((Header.gcBits(object) & Header.GC_UNREACHABLE) != 0) {
                unreachable.setLong(kept++, object);
            } else {
                toDecref.addLong(object);
            }
        }
        truncate(unreachable, kept);
        return n - kept - peeled;
    }

    /**
     * Garbage that a finalizer cut loose from every cycle (a generator whose frame was cleared by closing
     * it): in CPython its count drops to zero during finalization and it is freed at once, so it is
     * neither collected nor resurrected. Here the collector's reference keeps it alive, so it is found by
     * peeling: an object that no remaining garbage references (its true count is only the collector's
     * reference) leaves the set, and so, transitively, do the objects only it referenced. Peeled objects
     * go with the resurrected ones to {@code toDecref} and are not counted. Returns how many were peeled.
     */
    long peelAcyclic(int n) {
        assert World.isStopped();
        markStack.clear();
        for (int i = 0; i < n; i++) {
            long object = unreachable.getLong(i);
            if ((Header.gcBits(object) & Header.GC_UNREACHABLE) != 0) {
                long fromGarbage = counts.trueCount(object) - 1;
                Header.setTid(object, fromGarbage);
                if (fromGarbage == 0) {
                    markStack.addLong(object);
                }
            }
        }
        long peeledCount = 0;
        while (!markStack.isEmpty()) {
            long object = markStack.popLong();
            if ((Header.gcBits(object) & Header.GC_UNREACHABLE) == 0) {
                continue;
            }
            Header.clearGcBits(object, Header.GC_UNREACHABLE);
            peeledCount++;
            types[Header.type(object)].traverse(object, releaseFromPeeled);
        }
        return peeledCount;
    }

    void releaseFromPeeled(long referent) {
        if ((Header.gcBits(referent) & Header.GC_UNREACHABLE) != 0) {
            long left = Header.tid(referent) - 1;
            Header.setTid(referent, left);
            if (left == 0) {
                markStack.addLong(referent);
            }
        }
    }

    /** World running: clears each garbage object and drops the collector's reference. */
    long deleteGarbage() {
        int n = unreachable.size();
        for (int i = 0; i < n; i++) {
            long object = unreachable.getLong(i);
            Header.clearGcBits(object, Header.GC_UNREACHABLE);
            try {
                types[Header.type(object)].clear(object);
            } catch (RuntimeException | Error e) {
                errorHandler.report("clear", object, e);
            }
            counts.decref(object);
        }
        return n;
    }

    /** Moves legacy garbage, with the collector's references, to the garbage list. */
    long keepLegacyGarbage() {
        int n = legacy.size();
        if (n > 0) {
            synchronized (garbage) {
                for (int i = 0; i < n; i++) {
                    garbage.addLong(legacy.getLong(i));
                }
            }
        }
        return n;
    }
}
