package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.refcount.RefCount;

/**
 * A real interpreter frame driven from Java, for the JCStress tests of the root scanner: a frame
 * linked on the calling thread's chain ({@link PyThread}) that holds uncounted references exactly as
 * the evaluator does around a call ({@link Interp#stackRef}). Use on an attached runtime thread
 * while a {@link Runtime} is current; {@link #exit} in the reverse order of {@link #enter}.
 */
public final class FrameProbe {
    private final PyThread thread;
    private final Interp.Frame frame;

    private FrameProbe(PyThread thread, Interp.Frame frame) {
        this.thread = thread;
        this.frame = frame;
    }

    /** Links a new frame on top of the calling thread's frame chain. */
    public static FrameProbe enter() {
        PyThread t = PyThread.current();
        Interp.Frame f = new Interp.Frame(null, 0, 0);
        f.thread = t;
        f.back = t.frame;
        t.frame = f;
        return new FrameProbe(t, f);
    }

    /**
     * A stack reference to the borrowed {@code object}, as the evaluator takes one for a callee:
     * uncounted and recorded in this frame if the object is deferred, counted otherwise.
     */
    public long hold(long object) {
        return Interp.stackRef(frame, object);
    }

    /** Releases a reference from {@link #hold}. */
    public void release(long stackRef) {
        Interp.closeStackRef(frame, stackRef);
    }

    /** Whether {@code stackRef} is uncounted (recorded in the frame, invisible to the reference count). */
    public static boolean isUncounted(long stackRef) {
        return (stackRef & Interp.UNCOUNTED) != 0;
    }

    /** Unlinks the frame; it must be the thread's innermost one and hold no references. */
    public void exit() {
        if (thread.frame != frame || frame.stackTop != 0) {
            throw new IllegalStateException("FrameProbe.exit: the frame is not innermost or still holds "
                    + frame.stackTop + " uncounted references");
        }
        thread.frame = frame.back;
    }

    /**
     * A new class object named {@code name} (a base of {@code object}, an empty namespace): GC-tracked,
     * deferred, one counted reference owned by the caller.
     */
    public static long newDeferredClass(String name) {
        long bases = Obj.tupleOf(Runtime.builtinClass("object"));
        long nameStr = Obj.newStr(name);
        try {
            return Ops.makeClass(nameStr, bases, Dict.newDict(), Types.INSTANCE);
        } finally {
            Heap.decref(nameStr);
            Heap.decref(bases);
        }
    }

    /**
     * Whether the class {@code cls} from {@link #newDeferredClass} is intact: still deferred (the
     * collector turns deferral off only on garbage), still tracked, a class whose namespace was not
     * cleared and whose name is {@code name}.
     */
    public static boolean isIntactClass(long cls, String name) {
        return Header.type(cls) == Types.CLASS
                && RefCount.isDeferred(cls)
                && Header.hasGcBits(cls, Header.GC_TRACKED)
                && !Header.hasGcBits(cls, Header.GC_FINALIZED)
                && Obj.field(cls, 16) != 0
                && Obj.field(cls, 0) != 0
                && name.equals(Obj.str(Obj.field(cls, 0)));
    }

    /** Drops a counted reference (the one {@link #newDeferredClass} returned). */
    public static void decref(long object) {
        Heap.decref(object);
    }
}
