package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.refcount.RefCount;

/**
 * {@code __del__} (PEP 442): run at most once per object (the header's FINALIZED gc bit), either when
 * its count drops to zero ({@link #finalizeFromDealloc}) or by the cycle collector before it clears a
 * garbage cycle ({@link #finalizeFromCollector}). An exception escaping {@code __del__} is printed as
 * CPython's "Exception ignored in: ..." report and swallowed.
 *
 * <p>Resurrection from deallocation follows CPython's {@code PyObject_CallFinalizerFromDealloc}: the
 * dead object is given one temporary reference while {@code __del__} runs; if more references exist
 * afterwards it was resurrected and deallocation stops, else deallocation continues. The temporary
 * reference comes from {@link RefCount#resurrect}, which also restores the header that refcount's
 * debug mode poisoned when the count reached zero.
 */
final class Finalizers {
    /**
     * The last class whose {@code __del__} was looked up with the world stopped, and the result: the
     * collector asks about every garbage object in its first pause, where no Python code runs, so
     * class dictionaries cannot change and one lookup per run of same-class objects is enough. Written
     * and read only by the thread that stopped the world; {@link #forgetPauseLookups} empties it at the
     * start of every collection (a class freed since may have left its address to another).
     */
    private static long pauseClass;
    private static long pauseDel;

    /** The interned {@code "__del__"} (immortal, process-wide; class initialisation publishes it). */
    private static final class Names {
        static final long DEL = Obj.intern("__del__");
    }

    private Finalizers() {
    }

    /**
     * Interns the names looked up while the world is stopped, where nothing may be allocated: called
     * with the world running when a runtime starts. Returns the interned {@code "__del__"}.
     */
    static long internNames() {
        return Names.DEL;
    }

    /** Called by the collector's object-space walk, world stopped. */
    static void forgetPauseLookups() {
        assert World.isStoppedByCurrentThread();
        pauseClass = 0;
        pauseDel = 0;
    }

    /** The class's {@code __del__} function if {@code o} still needs finalizing, else 0. */
    static long pendingFinalizer(long o) {
        if (Header.type(o) != Types.INSTANCE || Header.hasGcBits(o, Header.GC_FINALIZED)) {
            return 0;
        }
        long cls = Ops.classOf(o);
        if (!World.isStoppedByCurrentThread()) {
            return finalizerOf(cls);
        }
        if (cls != pauseClass) {
            pauseDel = finalizerOf(cls);
            pauseClass = cls;
        }
        return pauseDel;
    }

    private static long finalizerOf(long cls) {
        long del = Ops.lookup(cls, Names.DEL);
        return del != 0 && Header.type(del) == Types.FUNCTION ? del : 0;
    }

    /**
     * Runs {@code __del__} of an object whose count reached zero. Returns true if the object was
     * resurrected (the caller must not free it).
     */
    static boolean finalizeFromDealloc(long o) {
        long del = pendingFinalizer(o);
        if (del == 0) {
            return false;
        }
        Header.setGcBits(o, Header.GC_FINALIZED);
        RefCount.resurrect(o);
        call(del, o);
        if (RefCount.refcount(o) > 1) {
            Heap.decref(o);
            return true;
        }
        return false;
    }

    /** The collector's {@code finalize}: the collector holds a reference and sets FINALIZED. */
    static void finalizeFromCollector(long o) {
        long del = finalizerOf(Ops.classOf(o));
        if (del != 0) {
            Header.setGcBits(o, Header.GC_FINALIZED);
            call(del, o);
        }
    }

    private static void call(long del, long o) {
        Heap.incref(del);
        try {
            Heap.decref(Interp.callFunction(del, new long[]{o}, null));
        } catch (PyException e) {
            Launcher.printUnraisable(e, del);
        } finally {
            Heap.decref(del);
        }
    }
}
