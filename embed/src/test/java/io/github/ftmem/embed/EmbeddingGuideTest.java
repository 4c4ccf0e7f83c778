package io.github.ftmem.embed;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.Collector;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.TypeOperations;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.refcount.RefCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code of {@code docs/embedding.md}, compiled and run: each region between {@code // snippet: NAME}
 * and {@code // end snippet} is the guide's block marked {@code <!-- snippet: NAME -->} (checked by
 * {@link #guideBlocksAreTheseSnippets}; block {@code readme} is README's), and the tests run them and provoke the errors the guide
 * promises for each broken invariant. Runs with {@code -Dftmem.debug=true}.
 */
class EmbeddingGuideTest {

    // snippet: types
    static final int ATOM = 1, PAIR = 2;          // header type ids
    static final int TAG_ATOM = 0, TAG_GC = 1;    // allocator tags: the collector walks TAG_GC only
    static final long P = Header.SIZE;            // first payload byte

    static final Allocator HEAP = Allocator.builder().tags(2).build();
    // end snippet

    // snippet: collector
    static final TypeOperations PAIR_OPS = new TypeOperations() {
        @Override
        public void traverse(long pair, ObjectVisitor visitor) {   // exactly the counted references
            for (int i = 0; i < 2; i++) {
                long referent = Memory.getLong(pair + P + 8L * i);
                if (referent != 0) {
                    visitor.visit(referent);
                }
            }
        }

        @Override
        public void clear(long pair) {                             // breaks the cycle; counting frees the rest
            for (int i = 0; i < 2; i++) {
                long old = Memory.getLong(pair + P + 8L * i);
                Memory.putLong(pair + P + 8L * i, 0);
                xdecref(old);
            }
        }
    };

    static final ObjectTypes TYPES = new ObjectTypes()
            .register(ATOM, HEAP::free)                            // no references: just free the block
            .register(PAIR, EmbeddingGuideTest::freePair, PAIR_OPS);

    static final Collector GC = TYPES.collectorBuilder()
            .objectSpace(visitor -> HEAP.visit(TAG_GC, (address, size) -> visitor.visit(address)))
            .build();
    // end snippet

    static {
        // snippet: scheduled
        GC.installScheduledHandler();   // threshold reached -> GC_SCHEDULED -> collects at a safepoint
        // end snippet
    }

    // snippet: allocate
    static long newAtom(long value) {
        long o = HEAP.allocate(TAG_ATOM, P + 8);
        RefCount.init(o, ATOM);                    // owner: the calling thread; count 1
        Memory.putLong(o + P, value);
        return o;
    }

    static long newPair(long first, long second) { // steals both references
        long o = HEAP.allocate(TAG_GC, P + 16);
        RefCount.init(o, PAIR);
        Memory.putLong(o + P, first);
        Memory.putLong(o + P + 8, second);
        Header.setGcBits(o, Header.GC_TRACKED);    // last: from now on the collector may traverse it
        GC.recordAllocation();
        return o;
    }
    // end snippet

    // snippet: deallocate
    static void freePair(long pair) {              // called once, by whoever dropped the last reference
        xdecref(Memory.getLong(pair + P));
        xdecref(Memory.getLong(pair + P + 8));
        GC.recordDeallocation();
        HEAP.free(pair);
    }

    static void xdecref(long o) {
        if (o != 0) {
            RefCount.decref(o);
        }
    }
    // end snippet

    // snippet: critical-section
    static void setSlot(long pair, int i, long value) {   // steals value
        long slot = pair + P + 8L * i;
        long old;
        CriticalSection.begin(pair);
        try {
            old = Memory.getLong(slot);
            Memory.putLong(slot, value);
        } finally {
            CriticalSection.end();
        }
        xdecref(old);                                      // outside: a deallocator may lock other objects
    }

    static long getSlot(long pair, int i) {                // returns a new reference
        CriticalSection.begin(pair);
        try {
            long v = Memory.getLong(pair + P + 8L * i);
            if (v != 0) {
                RefCount.incref(v);                        // inside: no writer can free it in between
            }
            return v;
        } finally {
            CriticalSection.end();
        }
    }
    // end snippet

    private long liveBefore;

    @BeforeEach
    void attach() {
        RuntimeThreads.attachCurrent();
        GC.collect();
        liveBefore = HEAP.statistics().liveBlocks();
    }

    @AfterEach
    void detach() {
        try {
            GC.collect();
            RefCount.mergeQueue();
            assertEquals(liveBefore + immortalsMade, HEAP.statistics().liveBlocks(), "blocks leaked by the test");
        } finally {
            immortalsMade = 0;
            RuntimeThreads.unregister();
        }
    }

    private int immortalsMade;

    @Test
    void threadsAllocateAndFree() throws InterruptedException {
        // snippet: threads
        RuntimeThreads.run(() -> {               // registers and attaches the calling thread if needed
            long s = newAtom(42);
            RefCount.decref(s);                  // the last reference: ATOM's deallocator frees the block
        });
        Thread worker = RuntimeThreads.newThread("worker", () -> RefCount.decref(newAtom(7)));
        worker.start();
        // end snippet
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            worker.join();
        } finally {
            self.attach();
        }
    }

    @Test
    void aCycleIsCollected() {
        // snippet: cycle
        long a = newPair(0, 0);
        RefCount.incref(a);
        long b = newPair(a, 0);      // b.first = a (the reference just added)
        setSlot(a, 1, b);            // a.second = b (steals ours)
        RefCount.decref(a);          // a and b now hold only each other: counting alone never frees them
        long found = GC.collect();   // 2
        // end snippet
        assertEquals(2, found);
    }

    @Test
    void sharedPairAcrossThreads() throws InterruptedException {
        long shared = newPair(0, 0);
        // snippet: safepoints
        Thread worker = RuntimeThreads.newThread("worker", () -> {
            ThreadState me = RuntimeThreads.current();
            for (int i = 0; i < 10_000; i++) {
                setSlot(shared, i & 1, newAtom(i));
                xdecref(getSlot(shared, (i + 1) & 1));
                me.poll();                         // safepoint: stops, queued merges, scheduled collections
            }
        });
        worker.start();
        ThreadState self = RuntimeThreads.current();
        GC.collect();                              // stops the world: the worker parks at its next poll
        self.detach();                             // about to block: the world may stop without us
        try {
            worker.join();
        } finally {
            self.attach();                         // waits while the world is stopped
        }
        // end snippet
        long v = getSlot(shared, 0);
        assertTrue(v != 0 && Memory.getLong(v + P) % 2 == 0, "slot 0 holds the last even atom");
        xdecref(v);
        RefCount.decref(shared);
    }

    @Test
    void immortalAndDeferredObjects() {
        // snippet: immortal-deferred
        long none = newAtom(0);
        RefCount.immortalize(none);      // never freed; incref and decref write nothing
        RefCount.decref(none);

        long globals = newPair(0, 0);
        RefCount.setDeferred(globals);   // owner only: from now on only the collector frees it
        RefCount.decref(globals);        // count 0 (plus the bias): still alive
        long found = GC.collect();       // 1: globals
        // end snippet
        immortalsMade = 1;
        assertTrue(RefCount.isImmortal(none));
        assertEquals(1, found);
    }

    static final int CELL = 3;
    static final TypeOperations CELL_OPS = new TypeOperations() {
        @Override
        public void traverse(long cell, ObjectVisitor visitor) {
            long referent = Memory.getLong(cell + P);
            if (referent != 0) {
                visitor.visit(referent);
            }
        }

        @Override
        public void clear(long cell) {
            long old = Memory.getLong(cell + P);
            Memory.putLong(cell + P, 0);
            xdecref(old);
        }
    };

    @Test
    void readmeExample() {
        // snippet: readme
        Allocator heap = Allocator.builder().tags(1).build();
        ObjectTypes types = new ObjectTypes().register(CELL, cell -> {    // a cell holds one reference
            long v = Memory.getLong(cell + Header.SIZE); if (v != 0) RefCount.decref(v); heap.free(cell); }, CELL_OPS);
        Collector gc = types.collectorBuilder().objectSpace(v -> heap.visit(0, (a, size) -> v.visit(a))).build();
        RuntimeThreads.run(() -> {
            long a = heap.allocate(0, Header.SIZE + 8), b = heap.allocate(0, Header.SIZE + 8);
            RefCount.init(a, CELL); RefCount.init(b, CELL);
            Memory.putLong(a + Header.SIZE, b); Memory.putLong(b + Header.SIZE, a);   // each steals one count
            Header.setGcBits(a, Header.GC_TRACKED); Header.setGcBits(b, Header.GC_TRACKED);
            System.out.println(gc.collect() + " collected");                          // 2 collected
        });
        // end snippet
        assertEquals(2, gc.stats().collected());
        assertEquals(0, heap.statistics().liveBlocks());
    }

    @Test
    void replacedStorageIsFreedAfterEveryThreadPolled() {
        long items = HEAP.allocate(TAG_ATOM, 64);
        // snippet: qsbr
        long bigger = HEAP.allocate(TAG_ATOM, 128);         // a container grows its item array
        Memory.copy(items, bigger, 64);
        // ... publish bigger (a release store into the container); readers may still be in items:
        HEAP.freeDelayed(items);     // freed after every thread attached now has passed a quiescent state
        // end snippet
        ThreadState self = RuntimeThreads.current();
        for (int i = 0; i < 3 && HEAP.statistics().delayedBlocks() > 0; i++) {
            Qsbr.processDelayed();   // seals the queue with a goal, then frees what is past its goal
            self.poll();             // this thread's quiescent state: the only attached thread passes the goal
        }
        assertEquals(0, HEAP.statistics().delayedBlocks(), "the only attached thread is past the goal");
        HEAP.free(bigger);
    }

    // ---- the errors the guide promises ---------------------------------------------------------------

    @Test
    void anUnregisteredThreadCannotCreateObjects() throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        long block = HEAP.allocate(TAG_ATOM, P + 8);
        Thread plain = new Thread(() -> {
            try {
                RefCount.init(block, ATOM);
            } catch (Throwable t) {
                error.set(t);
            }
        });
        plain.start();
        plain.join();
        HEAP.free(block);
        assertTrue(error.get() instanceof IllegalStateException, String.valueOf(error.get()));
        assertTrue(error.get().getMessage().contains("is not a registered runtime thread"), error.get().getMessage());
    }

    @Test
    void aTypeWithoutDeallocatorFailsAtItsLastDecref() {
        long o = HEAP.allocate(TAG_ATOM, P);
        RefCount.init(o, 99);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RefCount.decref(o));
        assertTrue(e.getMessage().contains("no deallocator registered for type 99"), e.getMessage());
        HEAP.free(o);
    }

    @Test
    void aDoubleFreeIsCaughtInAllocatorDebugMode() {
        Allocator checked = Allocator.builder().tags(1).debug(true).build();
        long block = checked.allocate(0, 64);
        checked.free(block);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> checked.free(block));
        assertTrue(e.getMessage().contains("double free"), e.getMessage());
    }

    @Test
    void endWithoutBeginThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, CriticalSection::end);
        assertTrue(e.getMessage().contains("without a matching begin"), e.getMessage());
    }

    @Test
    void collectOnADetachedThreadThrows() {
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, GC::collect);
            assertTrue(e.getMessage().contains("must run on an attached runtime thread"), e.getMessage());
        } finally {
            self.attach();
        }
    }

    @Test
    void freeDelayedOnADetachedThreadThrows() {
        long block = HEAP.allocate(TAG_ATOM, 64);
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            assertThrows(IllegalStateException.class, () -> HEAP.freeDelayed(block));
        } finally {
            self.attach();
        }
        HEAP.free(block);
    }

    @Test
    void aTraverseReportingAnUncountedEdgeFailsTheCollection() {
        long a = newPair(0, 0);
        long b = newPair(0, 0);
        Memory.putLong(a + P, b);                          // stored twice without an incref: the count
        Memory.putLong(a + P + 8, b);                      // says 1, the traverse reports 2
        IllegalStateException e = assertThrows(IllegalStateException.class, GC::collect);
        assertTrue(e.getMessage().contains("more references than the counts hold"), e.getMessage());
        Memory.putLong(a + P, 0);
        Memory.putLong(a + P + 8, 0);
        RefCount.decref(a);
        RefCount.decref(b);
    }

    @Test
    void setDeferredByANonOwnerThrows() throws InterruptedException {
        long o = newPair(0, 0);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread other = RuntimeThreads.newThread("other", () -> {
            try {
                RefCount.setDeferred(o);
            } catch (Throwable t) {
                error.set(t);
            }
        });
        ThreadState self = RuntimeThreads.current();
        other.start();
        self.detach();
        try {
            other.join();
        } finally {
            self.attach();
        }
        assertTrue(error.get() instanceof IllegalStateException, String.valueOf(error.get()));
        assertTrue(error.get().getMessage().contains("needs the owner"), error.get().getMessage());
        assertFalse(RefCount.isDeferred(o));
        RefCount.decref(o);
    }

    @Test
    void objectTypesRegistersATypeOnce() {
        ObjectTypes types = new ObjectTypes().register(ATOM, HEAP::free);
        assertThrows(IllegalArgumentException.class, () -> types.register(ATOM, HEAP::free));
        assertTrue(types.isRegistered(ATOM));
        assertFalse(types.isGc(ATOM));
        assertTrue(TYPES.isGc(PAIR));
        assertEquals(PAIR_OPS, TYPES.operations(PAIR));
    }

    // ---- the guide's code blocks are these snippets ------------------------------------------------

    private static final Pattern DOC_BLOCK = Pattern.compile("<!-- snippet: ([a-z-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SOURCE_REGION = Pattern.compile("// snippet: ([a-z-]+)\\n(.*?)\\n\\s*// end snippet", Pattern.DOTALL);

    @Test
    void guideBlocksAreTheseSnippets() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String guide = Files.readString(root.resolve("docs/embedding.md")) + Files.readString(root.resolve("README.md"));
        String source = Files.readString(root.resolve("embed/src/test/java/io/github/ftmem/embed/EmbeddingGuideTest.java"));
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher m = SOURCE_REGION.matcher(source);
        while (m.find()) {
            snippets.put(m.group(1), dedent(m.group(2)));
        }
        List<String> seen = new ArrayList<>();
        Matcher d = DOC_BLOCK.matcher(guide);
        while (d.find()) {
            String name = d.group(1);
            assertTrue(snippets.containsKey(name), "docs/embedding.md or README.md block " + name + " has no snippet here");
            assertEquals(snippets.get(name), dedent(d.group(2)), "docs/embedding.md or README.md block " + name);
            seen.add(name);
        }
        assertEquals(List.copyOf(snippets.keySet()).stream().sorted().toList(), seen.stream().sorted().toList(),
                "every snippet appears in the guide once");
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString().strip();
    }
}
