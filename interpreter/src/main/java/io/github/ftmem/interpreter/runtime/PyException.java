package io.github.ftmem.interpreter.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python exception unwinding the Java stack: carries one counted reference to the exception instance
 * and the traceback entries collected while frames unwind (outermost first once complete). Java
 * control flow only; the exception object itself lives in the ftmem heap.
 */
public final class PyException extends RuntimeException {
    /** Owned reference to the exception instance. */
    public long exc;
    /** Traceback, innermost frame last: "  File ..., line N, in f" + source line. */
    final List<String> traceback;
    /** The frame whose entry was added last (each frame is recorded once, at the line that raised). */
    Object lastFrame;

    /**
     * Traceback entries by exception object, so that a re-raised exception continues its traceback
     * and a chained {@code __context__}/{@code __cause__} prints its own (the entries are Java strings,
     * not Python values). Removed when the exception object is deallocated; a concurrent map because
     * any thread may raise.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Long, List<String>> TRACEBACKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    PyException(long exc) {
        super(null, null, false, false);
        this.exc = exc;
        this.traceback = TRACEBACKS.computeIfAbsent(exc, k -> new ArrayList<>());
    }

    /** The traceback recorded for an exception object (empty if none). */
    static List<String> tracebackOf(long exc) {
        return TRACEBACKS.getOrDefault(exc, List.of());
    }

    /** Called when an exception object is deallocated. */
    static void forget(long exc) {
        if (!TRACEBACKS.isEmpty()) {
            TRACEBACKS.remove(exc);
        }
    }

    /** Raises a new instance of the builtin exception class {@code className} with one str argument. */
    public static PyException of(String className, String message) {
        long cls = Runtime.builtinClass(className);
        long msg = Obj.newStr(message);
        long args = Obj.newTuple(1);
        Obj.tupleInit(args, 0, msg);
        long e = Ops.newInstance(cls, args);
        return new PyException(e);
    }

    public static PyException withArgs(String className, long argsStolen) {
        return new PyException(Ops.newInstance(Runtime.builtinClass(className), argsStolen));
    }

    static PyException memoryError() {
        long e = Runtime.memoryErrorInstance();
        PyException pe = new PyException(e);
        pe.traceback.clear();
        return pe;
    }

    /** Takes the exception reference out (the caller owns it). */
    long take() {
        long e = exc;
        exc = 0;
        return e;
    }
}
