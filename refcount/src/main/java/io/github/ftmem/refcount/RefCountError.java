package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;

/**
 * A fatal refcount misuse found in debug mode: a decref of a freed or never-initialised object, a
 * count that would go negative. The heap cannot be trusted afterwards, hence an {@link Error}. The
 * message names the operation, the address, the type id and the counts.
 */
public final class RefCountError extends Error {

    private static final long serialVersionUID = 1L;

    private final long object;

    RefCountError(String problem, long object) {
        super(problem + ": " + Header.describe(object));
        this.object = object;
    }

    /** The address of the object the error is about. */
    public long object() {
        return object;
    }
}
