package io.github.ftmem.core.threads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeThreadsTest {

    private final List<ThreadListener> listeners = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        listeners.forEach(RuntimeThreads::removeListener);
        if (RuntimeThreads.currentOrNull() != null) {
            RuntimeThreads.unregister();
        }
        for (int bit : new int[] {ThreadState.EXPLICIT_MERGE, ThreadState.GC_SCHEDULED}) {
            RuntimeThreads.setPendingHandler(bit, null);
        }
    }

    @Test
    void registerGivesSmallNonZeroIdAndStartsDetached() {
        ThreadState state = RuntimeThreads.register();
        assertTrue(state.id() > 0 && state.id() < 1000, "id " + state.id());
        assertEquals(ThreadState.DETACHED, state.state());
        assertSame(state, RuntimeThreads.current());
        assertSame(state, RuntimeThreads.byId(state.id()));
        IllegalStateException twice = assertThrows(IllegalStateException.class, RuntimeThreads::register);
        assertTrue(twice.getMessage().contains("already registered"), twice.getMessage());
    }

    @Test
    void unregisteredThreadGetsAnActionableMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RuntimeThreads::current);
        assertTrue(e.getMessage().contains("RuntimeThreads.register()"), e.getMessage());
    }

    @Test
    void attachAndDetachMoveTheStateWordAndRejectMisuse() {
        ThreadState state = RuntimeThreads.register();
        state.attach();
        assertEquals(ThreadState.ATTACHED, state.state());
        assertThrows(IllegalStateException.class, state::attach);
        state.detach();
        assertEquals(ThreadState.DETACHED, state.state());
        IllegalStateException e = assertThrows(IllegalStateException.class, state::detach);
        assertTrue(e.getMessage().contains("not attached"), e.getMessage());
    }

    @Test
    void onlyTheThreadItselfMayAttach() throws Exception {
        ThreadState mine = RuntimeThreads.register();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                mine.attach();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        other.join();
        assertTrue(failure.get() instanceof IllegalStateException, String.valueOf(failure.get()));
        assertEquals(ThreadState.DETACHED, mine.state());
    }

    @Test
    void idsAreUniqueAmongLiveThreadsAndFreedAtUnregister() throws Exception {
        int threads = 8;
        CountDownLatch registered = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ids = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = RuntimeThreads.newThread("ids-" + i, () -> {
                ids.add(RuntimeThreads.current().id());
                registered.countDown();
                RuntimeThreads.current().detach();
                await(release);
                RuntimeThreads.current().attach();
            });
            thread.start();
            started.add(thread);
        }
        registered.await();
        assertEquals(threads, ids.stream().distinct().count(), "ids " + ids);
        release.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        for (int id : ids) {
            assertNull(RuntimeThreads.byId(id), "id " + id + " freed");
        }
        ThreadState again = RuntimeThreads.register();
        assertTrue(ids.contains(again.id()), "a freed id is reused: " + again.id() + " in " + ids);
    }

    @Test
    void listenersRunOnAttachDetachAndExitInOrder() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        for (String name : new String[] {"a", "b"}) {
            ThreadListener listener = new ThreadListener() {
                @Override
                public void onAttach(ThreadState thread) {
                    events.add("attach-" + name + "-" + ThreadState.stateName(thread.state()));
                }

                @Override
                public void onDetach(ThreadState thread) {
                    events.add("detach-" + name + "-" + ThreadState.stateName(thread.state()));
                }

                @Override
                public void onExit(ThreadState thread) {
                    events.add("exit-" + name + "-" + ThreadState.stateName(thread.state()));
                }
            };
            listeners.add(listener);
            RuntimeThreads.addListener(listener);
        }
        Thread thread = RuntimeThreads.newThread("listened", () -> events.add("body"));
        thread.start();
        thread.join();
        assertEquals(List.of("attach-a-ATTACHED", "attach-b-ATTACHED", "body", "exit-b-ATTACHED", "exit-a-ATTACHED",
                "detach-b-ATTACHED", "detach-a-ATTACHED"), events);
    }

    @Test
    void theMemoryReleasingListenerExitsLastWhateverItsInstallationOrder() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        for (String name : new String[] {"heaps", "queue", "sections"}) {
            ThreadListener listener = new ThreadListener() {
                @Override
                public void onExit(ThreadState thread) {
                    events.add(name);
                }

                @Override
                public boolean releasesThreadMemory() {
                    return name.equals("heaps");
                }
            };
            listeners.add(listener);
            RuntimeThreads.addListener(listener);
        }
        Thread thread = RuntimeThreads.newThread("exiting", () -> { });
        thread.start();
        thread.join();
        assertEquals(List.of("sections", "queue", "heaps"), events);
    }

    @Test
    void pendingWorkRunsItsHandlerAtTheNextPollOnly() {
        ThreadState state = RuntimeThreads.register();
        state.attach();
        AtomicInteger merges = new AtomicInteger();
        AtomicInteger collections = new AtomicInteger();
        RuntimeThreads.setPendingHandler(ThreadState.EXPLICIT_MERGE, t -> merges.incrementAndGet());
        RuntimeThreads.setPendingHandler(ThreadState.GC_SCHEDULED, t -> collections.incrementAndGet());
        state.poll();
        assertEquals(0, merges.get());
        state.requestWork(ThreadState.EXPLICIT_MERGE);
        assertEquals(ThreadState.EXPLICIT_MERGE, state.pendingWork());
        assertEquals(0, merges.get(), "nothing runs until the poll");
        state.poll();
        assertEquals(1, merges.get());
        assertEquals(0, collections.get());
        assertEquals(0, state.pendingWork(), "the bit is cleared");
        state.poll();
        assertEquals(1, merges.get());
        assertThrows(IllegalArgumentException.class,
                () -> RuntimeThreads.setPendingHandler(ThreadState.PLEASE_STOP, t -> { }));
        assertThrows(IllegalArgumentException.class, () -> RuntimeThreads.setPendingHandler(0b11000, t -> { }));
    }

    @Test
    void attachmentsAreTypedPerThreadSlots() throws Exception {
        RuntimeThreads.Key<String> key = RuntimeThreads.newKey("test-label", String.class);
        ThreadState mine = RuntimeThreads.register();
        mine.set(key, "main");
        AtomicReference<String> seenByOther = new AtomicReference<>();
        Thread other = RuntimeThreads.newThread("other", () -> seenByOther.set(String.valueOf(RuntimeThreads.current().get(key))));
        other.start();
        other.join();
        assertEquals("main", mine.get(key));
        assertEquals("null", seenByOther.get());
        assertNotEquals(null, RuntimeThreads.byId(mine.id()).get(key));
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
