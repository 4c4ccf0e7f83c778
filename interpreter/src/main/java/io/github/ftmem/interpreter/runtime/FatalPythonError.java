package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.refcount.RefCountError;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory misuse that a debug check of an ftmem module caught while Python code ran (a refcount
 * underflow, a double or foreign free, a clobbered canary, an invalid address), or an internal failure
 * of the interpreter itself: the heap can no longer be trusted, so the run ends the way CPython's
 * {@code Py_FatalError} ends it — {@code Fatal Python error: CHECK: MESSAGE}, the object's address
 * and type when known, the Python stack of the current thread, exit status 134 — and never with a
 * JVM crash or a Java stack trace.
 *
 * <p>{@code FTPY_JAVA_TRACE=1} in the environment adds the Java stack of the failure, for ftpy's own
 * developers. The Python stack is captured where the evaluator first sees the failure ({@link #capture}), while
 * the thread's frames are still linked; outer frames let the error pass through unchanged.
 */
public final class FatalPythonError extends Error {
    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern TYPE_ID = Pattern.compile("type (\\d+)");

    /** Exit status of a fatal error: CPython aborts (SIGABRT, 128 + 6); ftpy exits with the same code. */
    public static final int EXIT_STATUS = 134;

    private final String check;
    private final List<String> pythonStack;
    private final String threadName;

    private FatalPythonError(String check, String message, Throwable cause, List<String> pythonStack) {
        super(message, cause, false, false);
        this.check = check;
        this.pythonStack = pythonStack;
        this.threadName = Thread.currentThread().getName();
    }

    /**
     * Wraps a failure that escaped an ftmem module or the evaluator, recording the Python stack of the
     * calling thread (innermost frame first). A {@code FatalPythonError} is returned unchanged.
     */
    static FatalPythonError capture(Throwable failure) {
        if (failure instanceof FatalPythonError f) {
            return f;
        }
        return new FatalPythonError(checkOf(failure), String.valueOf(failure.getMessage()), failure, currentStack());
    }

    /** The name of the check that caught the failure, from the module that threw it. */
    private static String checkOf(Throwable failure) {
        if (failure instanceof RefCountError) {
            return "refcount debug check";
        }
        for (StackTraceElement e : failure.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("io.github.ftmem.allocator.")) {
                return "allocator debug check";
            }
            if (c.equals("io.github.ftmem.core.Memory")) {
                return "memory address check";
            }
            if (c.startsWith("io.github.ftmem.interpreter.")) {
                break;
            }
        }
        return "ftpy internal error (" + failure.getClass().getSimpleName() + ")";
    }

    private static List<String> currentStack() {
        List<String> lines = new ArrayList<>();
        PyThread t = PyThread.currentOrNull();
        for (Interp.Frame f = t == null ? null : t.frame; f != null; f = f.back) {
            if (f.code == null) {
                continue;
            }
            lines.add("  File \"" + f.code.source().fileName() + "\", line " + f.line + " in " + f.code.name());
        }
        return lines;
    }

    /** The check that caught the misuse, e.g. "allocator debug check". */
    public String check() {
        return check;
    }

    /** Prints CPython's fatal-error report. */
    public void report(PrintStream err) {
        err.println("Fatal Python error: " + check + ": " + getMessage());
        err.println("Python runtime state: initialized");
        String address = addressOf();
        if (address != null) {
            err.println("object address: " + address + typeOf());
        }
        err.println();
        err.println("Current thread '" + threadName + "' (most recent call first):");
        if (pythonStack.isEmpty()) {
            err.println("  <no Python frame>");
        }
        for (String line : pythonStack) {
            err.println(line);
        }
        if (System.getenv("FTPY_JAVA_TRACE") != null && getCause() != null) {
            // For ftpy's own developers: where in the Java code the check fired.
            getCause().printStackTrace(err);
        }
        err.flush();
    }

    private String addressOf() {
        if (getCause() instanceof RefCountError r) {
            return "0x" + Long.toHexString(r.object());
        }
        Matcher m = ADDRESS.matcher(getMessage());
        return m.find() ? m.group() : null;
    }

    /** The object's type when a refcount check reported it (its header was readable there). */
    private String typeOf() {
        Matcher m = TYPE_ID.matcher(getMessage());
        if (getCause() instanceof RefCountError && m.find()) {
            int type = Integer.parseInt(m.group(1));
            if (type > 0 && type < Types.COUNT) {
                return ", type: " + Types.name(type);
            }
        }
        return "";
    }
}
