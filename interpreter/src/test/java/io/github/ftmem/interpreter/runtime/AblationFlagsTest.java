package io.github.ftmem.interpreter.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ablation flags change what they say and nothing a program prints: {@code -X deferred=0} gives
 * functions, methods and classes real reference counts, {@code -X lockfree=0} sends every shared read
 * through the container's lock, and {@code -X rc=...} is refused unless the JVM runs that mode.
 */
class AblationFlagsTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Launcher.run(args, out, err);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String COUNTS = """
            import sys
            def f():
                pass
            class C:
                def m(self):
                    pass
            print(sys.getrefcount(f) < 100, sys.getrefcount(C) < 100, sys.getrefcount(C.m) < 100)
            """;

    @Test
    void deferredOffGivesRealCounts() {
        assertEquals(new Run(0, "False False False\n", "[0 refs, 0 blocks]\n"), run("-X", "showrefcount", "-c", COUNTS));
        assertEquals(new Run(0, "True True True\n", "[0 refs, 0 blocks]\n"),
                run("-X", "deferred=0", "-X", "showrefcount", "-c", COUNTS));
        // the switch lasts one run
        assertEquals("False False False\n", run("-c", COUNTS).out());
    }

    private static final String THREADED_READS = """
            import threading
            table = {"k%d" % i: i for i in range(20)}
            items = list(range(20))
            def reader(out):
                s = 0
                for r in range(300):
                    for i in range(20):
                        s += table["k%d" % i] + items[i]
                out.append(s)
            out = []
            ts = [threading.Thread(target=reader, args=(out,)) for _ in range(2)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            print(out)
            """;

    private static long[] sharedReads(String stderr) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith("shared reads: ")) {
                String[] words = line.split(" ");
                return new long[] {Long.parseLong(words[2]), Long.parseLong(words[4])};
            }
        }
        throw new AssertionError("no shared reads line in " + stderr);
    }

    @Test
    void lockFreeOffTakesTheLockAndPrintsTheSame() {
        Run fast = run("-X", "stats", "-c", THREADED_READS);
        Run locked = run("-X", "lockfree=0", "-X", "stats", "-c", THREADED_READS);
        assertEquals(0, fast.status());
        assertEquals(0, locked.status());
        assertEquals("[114000, 114000]\n", fast.out());
        assertEquals(fast.out(), locked.out());
        long[] fastReads = sharedReads(fast.err());
        long[] lockedReads = sharedReads(locked.err());
        if (Heap.DEBUG_ALLOCATOR) {
            // the dev-mode execution of this suite: -X dev reads under the lock whatever the flag
            assertEquals(0, fastReads[0], fast.err());
        } else {
            assertTrue(fastReads[0] >= 2 * 300 * 20, "lock-free reads: " + fast.err());
        }
        assertEquals(0, lockedReads[0], locked.err());
        assertTrue(lockedReads[1] >= 2 * 300 * 40, "locked reads: " + locked.err());
    }

    @Test
    void refcountModeMustMatchTheJvm() {
        Run biased = run("-X", "rc=biased", "-c", "print(1)");
        assertEquals(new Run(0, "1\n", ""), biased);
        Run atomic = run("-X", "rc=atomic", "-c", "print(1)");
        assertEquals(2, atomic.status());
        assertTrue(atomic.err().contains("-Dftmem.refcount.mode=ATOMIC"), atomic.err());
        assertEquals("", atomic.out());
    }
}
