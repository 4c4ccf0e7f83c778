package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Memory;
import io.github.ftmem.refcount.RefCount;

/**
 * {@code -X dev} (CPython's development mode): every debug check of the ftmem modules on — the
 * allocator's debug mode (fill patterns, canaries, exact double and foreign free detection), the
 * refcount checks (underflow, use of a freed object) and {@link Memory}'s address checks. The checks
 * are static finals read when their classes initialise, so they are chosen when the JVM starts:
 * {@code ./ftpy} passes {@link #JVM_FLAGS} when it sees {@code -X dev} or {@code PYTHONDEVMODE=1}.
 * A misuse the checks find ends the run with a {@link FatalPythonError} report.
 */
public final class DevMode {
    /** The JVM system properties that turn every check on. */
    public static final String JVM_FLAGS =
            "-Dftmem.debug=true -Dftmem.allocator.debug=true -Dftmem.refcount.debug=true";

    private DevMode() {
    }

    /** Whether all three modules' checks are on in this JVM. */
    public static boolean active() {
        return Memory.DEBUG && RefCount.DEBUG && Heap.allocator().isDebug();
    }
}
