package io.github.ftmem.interpreter.numbers;

/**
 * A Python-level error raised by the pure helpers of {@code numbers} and {@code text}: the
 * evaluator catches it and raises the Python exception {@link #kind()} names with
 * {@link #getMessage()} as its argument, exactly the message CPython 3.11 gives. It carries no Java
 * stack trace (it is an ordinary control-flow outcome of a Python program).
 */
public final class PyLibError extends RuntimeException {

    /** The Python exception class to raise. */
    public enum Kind {
        VALUE_ERROR("ValueError"),
        TYPE_ERROR("TypeError"),
        OVERFLOW_ERROR("OverflowError"),
        ZERO_DIVISION_ERROR("ZeroDivisionError"),
        KEY_ERROR("KeyError"),
        INDEX_ERROR("IndexError"),
        MEMORY_ERROR("MemoryError");

        private final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }

        /** The name of the Python exception class, e.g. {@code "ValueError"}. */
        public String pythonName() {
            return pythonName;
        }
    }

    private final Kind kind;

    public PyLibError(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static PyLibError valueError(String message) {
        return new PyLibError(Kind.VALUE_ERROR, message);
    }

    public static PyLibError typeError(String message) {
        return new PyLibError(Kind.TYPE_ERROR, message);
    }

    public static PyLibError overflowError(String message) {
        return new PyLibError(Kind.OVERFLOW_ERROR, message);
    }

    public static PyLibError zeroDivisionError(String message) {
        return new PyLibError(Kind.ZERO_DIVISION_ERROR, message);
    }

    public Kind kind() {
        return kind;
    }

    /** {@code "ValueError: invalid literal ..."}: what CPython prints for it uncaught. */
    @Override
    public String toString() {
        return kind.pythonName + ": " + getMessage();
    }
}
