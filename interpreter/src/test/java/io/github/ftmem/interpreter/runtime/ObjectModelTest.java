package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.refcount.RefCount;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap object model directly (blocks, counts, tracking) and through small programs. */
class ObjectModelTest {

    private static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Launcher.run(new String[]{"-X", "showrefcount", "-c", code}, out, err);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, stderr);
        assertTrue(stderr.endsWith(" 0 blocks]\n"), "leak: " + stderr);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void containersOwnTheirPayloadBlocksAndReleaseThemWithTheirLastReference() {
        TestRuntime.inRuntime(() -> {
            long key = Obj.intern("items");
            long before = Heap.liveBlocks();
            long list = Lists.create(0);
            for (int i = 0; i < 1000; i++) {
                Lists.appendStolen(list, Obj.newInt(1000 + i));
            }
            assertEquals(1000, Lists.size(list));
            assertTrue(Header.hasGcBits(list, Header.GC_TRACKED));
            assertEquals(before + 2 + 1000, Heap.liveBlocks(), "list + item array + 1000 ints");
            long dict = Dict.newDict();
            assertFalse(Header.hasGcBits(dict, Header.GC_TRACKED), "a dict of atomic values is untracked");
            Dict.put(dict, key, list);
            assertTrue(Header.hasGcBits(dict, Header.GC_TRACKED), "a dict holding a list is tracked");
            assertEquals(2, RefCount.refcount(list));
            Heap.decref(list);
            Heap.decref(dict);
            assertEquals(before, Heap.liveBlocks());
        });
    }

    @Test
    void smallIntsAndInternedNamesAreImmortalAndBigIntsLiveOffHeap() {
        TestRuntime.inRuntime(() -> {
            assertTrue(RefCount.isImmortal(Obj.newInt(256)));
            long i257 = Obj.newInt(257);
            assertFalse(RefCount.isImmortal(i257));
            Heap.decref(i257);
            assertTrue(RefCount.isImmortal(Obj.intern("some_identifier")));
            BigInteger big = BigInteger.TWO.pow(200).negate().add(BigInteger.valueOf(12345));
            long o = Obj.newInt(big);
            assertEquals(Types.BIGINT, Header.type(o));
            assertEquals(big, Obj.bigValue(o));
            Heap.decref(o);
        });
    }

    @Test
    void dictKeepsInsertionOrderThroughDeletesAndResizes() {
        String out = run("""
                d = {}
                for i in range(20000):
                    d[i * 7] = str(i)
                for i in range(0, 20000, 2):
                    del d[i * 7]
                keys = list(d)
                print(len(d), keys[:3], keys[-1], d[7], 14 in d)
                """);
        assertEquals("10000 [7, 21, 35] 139993 1 False\n", out);
    }

    @Test
    void cyclesOfInstancesAreCollectedAndCounted() {
        String out = run("""
                import gc
                class N:
                    pass
                gc.disable()
                for i in range(100):
                    a, b = N(), N()
                    a.other, b.other = b, a
                del a, b
                l = []
                l.append(l)
                del l
                print(gc.collect(), gc.collect())
                """);
        assertEquals("201 0\n", out);
    }

    @Test
    void memoryErrorAndRecursionErrorAreCatchable() {
        String out = run("""
                try:
                    [None] * (1 << 40)
                except MemoryError:
                    print("memory")
                def f(n):
                    return f(n + 1)
                try:
                    f(0)
                except RecursionError as e:
                    print(e)
                """);
        assertEquals("memory\nmaximum recursion depth exceeded\n", out);
    }

    @Test
    void finalizersOfCyclesLeftAtExitRunWithBuiltinsAvailable() {
        String out = run("""
                class C:
                    def __del__(self):
                        print("del", len(self.name))
                c = C()
                c.name = "cycle"
                c.self = c
                def gen():
                    try:
                        yield 1
                    finally:
                        print("generator closed")
                g = gen()
                next(g)
                """);
        assertTrue(out.contains("del 5\n") && out.contains("generator closed\n"), out);
    }

    @Test
    void nestedGeneratorsCountTowardsTheRecursionLimit() {
        String out = run("""
                def g(n):
                    yield n
                    yield from g(n + 1)
                try:
                    for x in g(0):
                        pass
                except RecursionError as e:
                    print(type(e).__name__, x > 100)
                """);
        assertEquals("RecursionError True\n", out);
    }

    @Test
    void referenceCountsAreVisibleToPrograms() {
        String out = run("""
                import sys
                x = [1, 2]
                y = x
                print(sys.getrefcount(x), sys.getrefcount(None) > 1000000)
                """);
        assertEquals("3 True\n", out);
    }
    /**
     * The interpreter thread's cached allocator heaps are dropped when it exits as a runtime thread
     * (the allocator releases them then): a block it frees afterwards, on the same Java thread, goes
     * through the allocator's own lookup instead of a released heap.
     */
    @Test
    void blocksFreedAfterTheRuntimeThreadExitedBypassTheReleasedCachedHeaps() {
        long[] block = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                RuntimeThreads.run(() -> {
                    Runtime rt = new Runtime(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
                    block[0] = Heap.raw(64);
                    Heap.freeRaw(Heap.raw(64));
                    rt.shutdown();
                });
                long live = Heap.liveBlocks();
                Heap.freeRaw(block[0]);
                assertEquals(live - 1, Heap.liveBlocks());
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}
