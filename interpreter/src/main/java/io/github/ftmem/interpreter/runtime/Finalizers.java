package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.refcount.RefCount;

/**
 * {@code __del__} (PEP 442): run at most once per object (the header's FINALIZED gc bit), either when
 * its count drops to zero ({@link #finalizeFromDealloc}) or by the cycle collector before it clears a
 * garbage cycle ({@link #finalizeFromCollector}). An exception escaping {@code __del__} is printed as
 * CPython's "Exception ignored in: ..." report and swallowed.
 *
 * <p>Resurrection from deallocation follows CPython's {@code PyObject_CallFinalizerFromDealloc}: the
 * dead object is given one temporary reference while {@code __del__} runs; if more references exist
 * afterwards it was resurrected and deallocation stops, else deallocation continues. This relies on the
 * refcount module leaving a deallocated object's header intact outside its debug mode.
 */
final class Finalizers {
    private Finalizers() {
    }

    /** The class's {@code __del__} function if {@code o} still needs finalizing, else 0. */
    static long pendingFinalizer(long o) {
        if (Header.type(o) != Types.INSTANCE || Header.hasGcBits(o, Header.GC_FINALIZED)) {
            return 0;
        }
        long del = Ops.lookup(Ops.classOf(o), Obj.intern("__del__"));
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
        RefCount.incref(o);
        call(del, o);
        if (RefCount.refcount(o) > 1) {
            Heap.decref(o);
            return true;
        }
        return false;
    }

    /** The collector's {@code finalize}: the collector holds a reference and sets FINALIZED. */
    static void finalizeFromCollector(long o) {
        long del = Ops.lookup(Ops.classOf(o), Obj.intern("__del__"));
        if (del != 0 && Header.type(del) == Types.FUNCTION) {
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
