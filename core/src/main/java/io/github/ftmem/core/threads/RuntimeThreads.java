package io.github.ftmem.core.threads;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The registry of runtime threads: registration, lookup by id, listeners, pending-work handlers.
 *
 * <h2>Implementation notes</h2>
 * {@link #REGISTRY_LOCK} guards the registry (the list, the id bitmap and the id table) and is the
 * lock the stop-the-world requester holds while it scans threads; registering during a stop
 * therefore either happens before a scan (and the scan suspends the new thread) or sees the request
 * and starts SUSPENDED. Ids are the smallest free positive integers: an id is never shared by two
 * live registrations but may be reused after its thread unregistered. {@code byId} is a
 * copy-on-grow array read without the lock (a volatile read of the array, then a plain element
 * read would be racy, so elements are read with acquire through an {@link AtomicReferenceArray}).
 */
public final class RuntimeThreads {

    static final Object REGISTRY_LOCK = new Object();
    private static final List<ThreadState> REGISTERED = new ArrayList<>();
    private static final BitSet USED_IDS = new BitSet();
    private static volatile AtomicReferenceArray<ThreadState> byId = new AtomicReferenceArray<>(64);
    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();
    private static final CopyOnWriteArrayList<ThreadListener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final AtomicReferenceArray<PendingWorkHandler> HANDLERS = new AtomicReferenceArray<>(32);
    private static final AtomicInteger KEYS = new AtomicInteger();

    private RuntimeThreads() {
    }

    /** A typed per-thread slot in every {@link ThreadState}, for modules' per-thread data. */
    public record Key<T>(String name, Class<T> type, int index) {
    }

    /** Allocates a new per-thread slot; a module does this once, in a static initialiser. */
    public static <T> Key<T> newKey(String name, Class<T> type) {
        int index = KEYS.getAndIncrement();
        if (index >= ThreadState.MAX_ATTACHMENTS) {
            throw new IllegalStateException("more than " + ThreadState.MAX_ATTACHMENTS + " thread-state keys");
        }
        return new Key<>(name, type, index);
    }

    /**
     * Registers the calling thread; it starts DETACHED (SUSPENDED if a stop is in progress; then its
     * first {@link ThreadState#attach()} waits for the world to start).
     *
     * @throws IllegalStateException if the thread is already registered
     */
    public static ThreadState register() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName() + " is already registered as "
                    + CURRENT.get());
        }
        ThreadState state;
        synchronized (REGISTRY_LOCK) {
            int id = USED_IDS.nextClearBit(1);
            USED_IDS.set(id);
            state = new ThreadState(id, Thread.currentThread(),
                    World.isStopRequested() ? ThreadState.SUSPENDED : ThreadState.DETACHED);
            REGISTERED.add(state);
            AtomicReferenceArray<ThreadState> table = byId;
            if (id >= table.length()) {
                AtomicReferenceArray<ThreadState> grown = new AtomicReferenceArray<>(Math.max(id + 1, table.length() * 2));
                for (int i = 0; i < table.length(); i++) {
                    grown.set(i, table.get(i));
                }
                byId = grown;
                table = grown;
            }
            table.setRelease(id, state);
        }
        CURRENT.set(state);
        return state;
    }

    /** Registers the calling thread if needed and attaches it if needed; returns its state. */
    public static ThreadState attachCurrent() {
        ThreadState state = CURRENT.get();
        if (state == null) {
            state = register();
        }
        if (state.state() != ThreadState.ATTACHED) {
            state.attach();
        }
        return state;
    }

    /**
     * Unregisters the calling thread: attaches it if needed (waiting for a stopped world to start),
     * runs the exit listeners, detaches it and frees its id.
     */
    public static void unregister() {
        ThreadState state = current();
        if (state.state() != ThreadState.ATTACHED) {
            state.attach();
        }
        fireExit(state);
        state.detach();
        remove(state);
        CURRENT.remove();
    }

    /** Runs {@code body} on the calling thread registered and attached, unregistering afterwards. */
    public static void run(Runnable body) {
        ThreadState state = CURRENT.get();
        boolean registeredHere = state == null;
        if (registeredHere) {
            state = register();
        }
        boolean attachedHere = state.state() != ThreadState.ATTACHED;
        if (attachedHere) {
            state.attach();
        }
        try {
            body.run();
        } finally {
            if (registeredHere) {
                unregister();
            } else if (attachedHere) {
                state.detach();
            }
        }
    }

    /** A platform thread that runs {@code body} registered and attached, and unregisters when done. */
    public static Thread newThread(String name, Runnable body) {
        return Thread.ofPlatform().name(name).unstarted(() -> run(body));
    }

    /** The calling thread's state. */
    public static ThreadState current() {
        ThreadState state = CURRENT.get();
        if (state == null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " is not a registered runtime thread; call RuntimeThreads.register() (or run()) first");
        }
        return state;
    }

    /** The calling thread's state, or null if it is not registered. */
    public static ThreadState currentOrNull() {
        return CURRENT.get();
    }

    /** The registered thread with this id, or null. Lock-free. */
    public static ThreadState byId(long id) {
        AtomicReferenceArray<ThreadState> table = byId;
        if (id <= 0 || id >= table.length()) {
            return null;
        }
        return table.getAcquire((int) id);
    }

    /** A snapshot of the registered threads. */
    public static List<ThreadState> registered() {
        synchronized (REGISTRY_LOCK) {
            return List.copyOf(REGISTERED);
        }
    }

    public static int registeredCount() {
        synchronized (REGISTRY_LOCK) {
            return REGISTERED.size();
        }
    }

    public static void addListener(ThreadListener listener) {
        LISTENERS.add(Objects.requireNonNull(listener));
    }

    public static boolean removeListener(ThreadListener listener) {
        return LISTENERS.remove(listener);
    }

    /**
     * Installs the handler for one pending-work bit (not PLEASE_STOP, which core handles), replacing
     * any previous one; null removes it.
     */
    public static void setPendingHandler(int bit, PendingWorkHandler handler) {
        if (Integer.bitCount(bit) != 1 || bit == ThreadState.PLEASE_STOP) {
            throw new IllegalArgumentException("not a single pending-work bit other than PLEASE_STOP: 0x"
                    + Integer.toHexString(bit));
        }
        HANDLERS.set(Integer.numberOfTrailingZeros(bit), handler);
    }

    /** Sets pending-work bits on every registered thread. */
    public static void requestWorkAll(int bits) {
        for (ThreadState state : registered()) {
            state.requestWork(bits);
        }
    }

    // ---- package-private machinery ---------------------------------------------------------------

    static void runPendingHandler(int bit, ThreadState state) {
        PendingWorkHandler handler = HANDLERS.get(Integer.numberOfTrailingZeros(bit));
        if (handler != null) {
            handler.handle(state);
        }
    }

    static void fireAttach(ThreadState state) {
        for (ThreadListener listener : LISTENERS) {
            listener.onAttach(state);
        }
    }

    static void fireDetach(ThreadState state) {
        Object[] listeners = LISTENERS.toArray();
        for (int i = listeners.length - 1; i >= 0; i--) {
            ((ThreadListener) listeners[i]).onDetach(state);
        }
    }

    static void fireExit(ThreadState state) {
        Object[] listeners = LISTENERS.toArray();
        for (int i = listeners.length - 1; i >= 0; i--) {
            ThreadListener listener = (ThreadListener) listeners[i];
            if (!listener.releasesThreadMemory()) {
                listener.onExit(state);
            }
        }
        for (int i = listeners.length - 1; i >= 0; i--) {
            ThreadListener listener = (ThreadListener) listeners[i];
            if (listener.releasesThreadMemory()) {
                listener.onExit(state);
            }
        }
    }

    /** The id table, for lock-free scans of every registered thread (QSBR); slots may be null. */
    static AtomicReferenceArray<ThreadState> table() {
        return byId;
    }

    /** Scans under the registry lock; used by the stop requester. */
    static List<ThreadState> registeredLocked() {
        assert Thread.holdsLock(REGISTRY_LOCK);
        return REGISTERED;
    }

    static void remove(ThreadState state) {
        synchronized (REGISTRY_LOCK) {
            if (state.exited) {
                return;
            }
            state.exited = true;
            REGISTERED.remove(state);
            byId.setRelease(state.id(), null);
            USED_IDS.clear(state.id());
        }
    }
}
