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
    final List<String> traceback = new ArrayList<>();
    /** The frame whose entry was added last (each frame is recorded once, at the line that raised). */
    Object lastFrame;

    PyException(long exc) {
        super(null, null, false, false);
        this.exc = exc;
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
        return new PyException(e);
    }

    /** Takes the exception reference out (the caller owns it). */
    long take() {
        long e = exc;
        exc = 0;
        return e;
    }
}
