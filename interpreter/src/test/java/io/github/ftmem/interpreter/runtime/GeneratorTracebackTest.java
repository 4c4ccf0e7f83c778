package io.github.ftmem.interpreter.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Whole tracebacks through generator frames (the spec harness compares only their last line): each frame
 * is reported at the line that raised, also when a finally block ran before the exception left the frame.
 */
class GeneratorTracebackTest {

    private static String stderrOf(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Launcher.run(new String[]{"-c", code}, out, err);
        assertEquals(1, status);
        // Source lines (printed under each entry) are left out: this is about which frames and lines.
        return err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("    "))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    @Test
    void generatorAndGeneratorExpressionFramesAreListed() {
        String err = stderrOf("""
                def parse(lines):
                    for line in lines:
                        yield int(line)
                total = sum(x * 2 for x in parse(["1", "x"]))
                """);
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 4, in <module>
                  File "<string>", line 4, in <genexpr>
                  File "<string>", line 3, in parse
                ValueError: invalid literal for int() with base 10: 'x'
                """, err);
    }

    @Test
    void exceptionFromAnExceptClauseKeepsItsLineThroughFinally() {
        String err = stderrOf("""
                def gen():
                    try:
                        yield 1
                    except KeyError:
                        raise ValueError("from handler")
                    finally:
                        cleanup = 1
                g = gen()
                next(g)
                g.throw(KeyError("k"))
                """);
        String last = err.substring(err.lastIndexOf("Traceback"));
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 10, in <module>
                  File "<string>", line 5, in gen
                ValueError: from handler
                """, last);
    }

    @Test
    void plainFunctionsToo() {
        String err = stderrOf("""
                def f():
                    try:
                        raise KeyError("k")
                    except KeyError:
                        raise ValueError("x")
                    finally:
                        a = 1
                f()
                """);
        String last = err.substring(err.lastIndexOf("Traceback"));
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 8, in <module>
                  File "<string>", line 5, in f
                ValueError: x
                """, last);
    }

    @Test
    void aFinishedThreadGeneratorHasUnregisteredBeforeItsCallerGoesOn() {
        // A yield inside an expression makes this a THREAD generator (its own runtime thread). The caller
        // gets its turn back only after that thread's exit steps ran, so they cannot overlap the final
        // collection or the next program in this JVM.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Launcher.run(new String[]{"-X", "showrefcount", "-c", """
                def echo():
                    total = 0
                    while True:
                        total += (yield total)
                        if total > 5:
                            return
                g = echo()
                next(g)
                for i in range(10):
                    try:
                        g.send(i)
                    except StopIteration:
                        break
                print("done")
                """}, out, new ByteArrayOutputStream());
        assertEquals(0, status);
        assertEquals("done\n", out.toString(StandardCharsets.UTF_8));
        for (var thread : io.github.ftmem.core.threads.RuntimeThreads.registered()) {
            assertNotEquals("ftpy-generator", thread.thread().getName(), "a finished generator thread is still registered");
        }
    }
}
