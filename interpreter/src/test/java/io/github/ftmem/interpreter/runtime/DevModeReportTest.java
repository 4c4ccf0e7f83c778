package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.refcount.RefCountError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code -X dev}: misuse reached from Java code is caught by the ftmem debug checks and reported as
 * CPython's {@code Fatal Python error} with the check, the address and the type. Runs in the
 * interpreter's dev-mode test execution (interpreter/pom.xml), where the checks are on.
 */
class DevModeReportTest {

    /** Runs {@code misuse} in a runtime and returns the fatal-error report of the failure it returns. */
    private static String inRuntime(java.util.function.Supplier<Throwable> misuse) {
        assumeTrue(DevMode.active(), "needs the dev-mode JVM flags: " + DevMode.JVM_FLAGS);
        String[] report = new String[1];
        TestRuntime.inRuntime(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FatalPythonError.capture(misuse.get()).report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            report[0] = bytes.toString(StandardCharsets.UTF_8);
        });
        return report[0];
    }

    @Test
    void refcountUnderflowIsAFatalPythonError() {
        long[] address = new long[1];
        String report = inRuntime(() -> {
            long list = Lists.create(0);
            address[0] = list;
            Heap.decref(list);
            return assertThrows(RefCountError.class, () -> Heap.decref(list));
        });
        // The allocator's debug fill may already cover the poisoned header: either refcount check names it.
        assertTrue(report.startsWith("Fatal Python error: refcount debug check: decref of a"), report);
        assertTrue(report.contains("freed"), report);
        assertTrue(report.contains("object address: 0x" + Long.toHexString(address[0])), report);
        assertTrue(report.contains("Current thread '"), report);
        assertTrue(report.contains("(most recent call first)"), report);
    }

    @Test
    void doubleFreeIsAFatalPythonError() {
        long[] address = new long[1];
        String report = inRuntime(() -> {
            long block = Heap.raw(64);
            address[0] = block;
            Heap.freeRaw(block);
            return assertThrows(IllegalArgumentException.class, () -> Heap.freeRaw(block));
        });
        assertTrue(report.startsWith("Fatal Python error: allocator debug check: free(0x" + Long.toHexString(address[0])
                + "): double free"), report);
        assertTrue(report.contains("object address: 0x" + Long.toHexString(address[0])), report);
    }
}
