package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Resolver;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.refcount.RefCount;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uncounted (deferred) stack references: frames hold deferred callees and receivers without counting
 * them, and the collector's root scanner finds them on every thread's frame chain.
 */
class DeferredStackRefTest {

    /** A fresh runtime on a registered thread; {@code body} gets it and a module globals dict. */
    private static void inRuntime(Consumer<Runtime> body) {
        Throwable[] failure = new Throwable[1];
        long[] leaked = new long[1];
        Thread t = new Thread(() -> RuntimeThreads.run(() -> {
            long baseline = Heap.liveBlocks() - Heap.immortalBlocks();
            Runtime rt = new Runtime(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
            try {
                body.accept(rt);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                rt.shutdown();
            }
            leaked[0] = Heap.liveBlocks() - Heap.immortalBlocks() - baseline;
        }));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure[0] instanceof AssertionError a) {
            throw a;
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals(0, leaked[0], "blocks leaked by the run");
    }

    private static long newGlobals(Runtime rt) {
        long globals = Dict.newDict();
        long name = Obj.newStr("__main__");
        Dict.putStr(globals, "__name__", name);
        Heap.decref(name);
        Dict.putStr(globals, "__builtins__", rt.builtins);
        return globals;
    }

    private static void exec(long globals, String code) {
        Source source = new Source("<test>", code);
        Resolution r = Resolver.resolve(Parser.parse(source));
        Runtime.current().sources.put(source.fileName(), source);
        Interp.runModule(r, source, globals);
    }

    private static void release(long globals) {
        Dict.clear(globals);
        Heap.decref(globals);
    }

    @Test
    void scannerReportsTheUncountedReferencesOfRunningFrames() {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                // At gc.collect(): the module frame holds b (callee), b's frame holds b (its function)
                // and a (callee), a's frame holds a; gc (a module) was released after the lookup.
                exec(globals, """
                        import gc
                        def a():
                            return gc.collect()
                        def b():
                            return a()
                        r = b()
                        """);
                assertEquals(4, rt.deferredRootsAtLastScan);
                // The module frame holds C for the call; __init__'s frame holds __init__ (a method of a
                // class that is not inside a function is deferred, CPython's CO_NESTED rule); the
                // instance holds C counted.
                exec(globals, """
                        class C:
                            def __init__(self):
                                self.r = gc.collect()
                        c = C()
                        """);
                assertEquals(2, rt.deferredRootsAtLastScan);
                // Nothing is running: no frame, no reference.
                rt.collector.collect();
                assertEquals(0, rt.deferredRootsAtLastScan);
                // A lambda and a nested function are not deferred: counted, never reported.
                exec(globals, """
                        def outer():
                            def inner():
                                return (lambda: gc.collect())()
                            return inner()
                        r = outer()
                        """);
                assertEquals(2, rt.deferredRootsAtLastScan, "outer as callee and as its frame's function");
                // mod.func(...): the module is released once its function is held; reduce's frame
                // holds reduce (its function) and k (the callee read from a local), k's frame holds k.
                exec(globals, """
                        import functools
                        def k(a, b):
                            return gc.collect() + a + b
                        r = functools.reduce(k, [1, 2])
                        """);
                assertEquals(4, rt.deferredRootsAtLastScan);
                assertEquals(3, Obj.intValue(Dict.getStr(globals, "r")));
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void aFunctionThatDeletesItselfSurvivesCollectionsWhileItRuns() {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                exec(globals, """
                        import gc
                        gc.collect()
                        def f(n):
                            global f
                            del f
                            found = gc.collect()
                            total = 0
                            for i in range(n):
                                total += i
                            return found, total
                        r = f(100)
                        """);
                long r = Dict.getStr(globals, "r");
                assertEquals(0, Obj.intValue(Obj.tupleItem(r, 0)), "the running function was found unreachable");
                assertEquals(4950, Obj.intValue(Obj.tupleItem(r, 1)));
                assertEquals(1, rt.collector.collect(), "the deleted function is garbage once it returned");
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void anUncountedReferenceAloneKeepsADeferredObjectAliveUntilItIsReleased() {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                exec(globals, "class K:\n    pass\ndef g():\n    pass\n");
                long k = Dict.getStr(globals, "K");
                long g = Dict.getStr(globals, "g");
                assertTrue(RefCount.isDeferred(k) && RefCount.isDeferred(g));
                PyThread t = PyThread.current();
                Interp.Frame f = new Interp.Frame(null, globals, 0);
                f.back = t.frame;
                t.frame = f;
                long kRef = Interp.stackRef(f, k);
                long gRef = Interp.stackRef(f, g);
                assertEquals(k | Interp.UNCOUNTED, kRef);
                assertEquals(g, Interp.objectOf(gRef));
                long countBefore = RefCount.refcount(k);
                Heap.decref(Dict.pop(globals, Obj.intern("K")));
                Heap.decref(Dict.pop(globals, Obj.intern("g")));
                assertEquals(countBefore - 1, RefCount.refcount(k), "the stack reference is not counted");
                assertEquals(0, rt.collector.collect());
                assertEquals(2, rt.deferredRootsAtLastScan);
                assertEquals(Types.CLASS, Header.type(k));
                assertEquals("K", Obj.str(Obj.field(k, 0)), "the class was cleared");
                assertEquals(Types.FUNCTION, Header.type(g));
                Interp.closeStackRef(f, kRef);
                Interp.closeStackRef(f, gRef);
                t.frame = f.back;
                long live = Heap.liveBlocks();
                assertTrue(rt.collector.collect() >= 2, "class K and function g are garbage now");
                assertTrue(Heap.liveBlocks() < live);
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void nonDeferredObjectsGetCountedStackReferences() {
        inRuntime(rt -> {
            long list = Lists.create(0);
            Interp.Frame f = new Interp.Frame(null, 0, 0);
            long ref = Interp.stackRef(f, list);
            assertEquals(list, ref, "untagged");
            assertEquals(2, RefCount.refcount(list));
            assertEquals(0, f.stackTop);
            Interp.closeStackRef(f, ref);
            assertEquals(1, RefCount.refcount(list));
            Heap.decref(list);
        });
    }

    @Test
    void releasingAReferenceTheFrameDoesNotHoldIsAClearError() {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                exec(globals, "def h():\n    pass\ndef i():\n    pass\n");
                long h = Dict.getStr(globals, "h");
                long i = Dict.getStr(globals, "i");
                Interp.Frame f = new Interp.Frame(null, globals, 0);
                long hRef = Interp.stackRef(f, h);
                long iRef = Interp.stackRef(f, i);
                Interp.closeStackRef(f, hRef);
                assertEquals(1, f.stackTop, "released out of order");
                assertEquals(i, f.stackRefs[0]);
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interp.closeStackRef(f, hRef));
                assertTrue(e.getMessage().startsWith("no uncounted reference to "), e.getMessage());
                Interp.closeStackRef(f, iRef);
                assertEquals(0, f.stackTop);
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void theScannerWalksTheFramesOfEveryThreadOnce() throws Exception {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                exec(globals, "def p():\n    pass\ndef q():\n    pass\nclass R:\n    pass\n");
                long p = Dict.getStr(globals, "p");
                long q = Dict.getStr(globals, "q");
                long r = Dict.getStr(globals, "R");
                CountDownLatch framesReady = new CountDownLatch(1);
                CountDownLatch scanned = new CountDownLatch(1);
                Throwable[] otherFailure = new Throwable[1];
                Thread other = RuntimeThreads.newThread("deferred-test-other", () -> {
                    try {
                        PyThread t = PyThread.current();
                        Interp.Frame outer = new Interp.Frame(null, globals, 0);
                        outer.function = q;
                        Interp.Frame inner = new Interp.Frame(null, globals, 0);
                        inner.back = outer;
                        t.frame = inner;
                        long qRef = Interp.stackRef(outer, q);
                        long rRef = Interp.stackRef(inner, r);
                        ThreadState self = RuntimeThreads.current();
                        self.detach();
                        framesReady.countDown();
                        scanned.await();
                        self.attach();
                        Interp.closeStackRef(inner, rRef);
                        Interp.closeStackRef(outer, qRef);
                        t.frame = null;
                    } catch (Throwable e) {
                        otherFailure[0] = e;
                    }
                });
                other.start();
                PyThread t = PyThread.current();
                Interp.Frame mine = new Interp.Frame(null, globals, 0);
                mine.back = t.frame;
                t.frame = mine;
                long pRef = Interp.stackRef(mine, p);
                List<Long> seen = new ArrayList<>();
                int count;
                try {
                    framesReady.await();
                    World.stop();
                    try {
                        count = PyThread.scan(rt, seen::add);
                    } finally {
                        World.start();
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    scanned.countDown();
                }
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                Interp.closeStackRef(mine, pRef);
                t.frame = mine.back;
                assertEquals(null, otherFailure[0]);
                assertEquals(4, count);
                assertEquals(4, seen.size());
                seen.sort(null);
                List<Long> expected = new ArrayList<>(List.of(p, q, q, r));
                expected.sort(null);
                assertEquals(expected, seen, "p (this thread), q twice and R (the other thread)");
                assertNotEquals(0, RefCount.refcount(p));
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void aDefExecutedManyTimesAddsOneCodeEntry() {
        inRuntime(rt -> {
            long globals = newGlobals(rt);
            try {
                exec(globals, "def make(k):\n    def inner():\n        return k\n    return inner\n");
                int before = Interp.CODES.size();
                exec(globals, "fs = [make(i) for i in range(1000)]\nn = sum([f() for f in fs])\n");
                assertEquals(499500, Obj.intValue(Dict.getStr(globals, "n")));
                assertEquals(before + 1, Interp.CODES.size(), "one code entry for inner, not one per execution of its def");
            } finally {
                release(globals);
            }
        });
    }

    @Test
    void programsThatCallDeletedDeferredObjectsMatchCPython() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Launcher.run(new String[]{"-X", "showrefcount", "-c", """
                import gc, sys
                gc.collect()
                class Box:
                    @staticmethod
                    def make():
                        return gc.collect()
                def call_then_forget():
                    global call_then_forget
                    del call_then_forget
                    return sys.getrefcount([]), Box.make(), gc.collect()
                print(call_then_forget())
                """}, out, err);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, stderr);
        assertTrue(stderr.endsWith(" 0 blocks]\n"), stderr);
        assertEquals("(1, 0, 0)\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(stderr.contains("Exception"), stderr);
    }
}
