package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.locks.Mutex;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.github.ftmem.interpreter.runtime.Heap.P;

/**
 * Python's {@code _thread.lock} and {@code _thread.RLock}: heap objects whose payload holds an ftmem
 * {@link Mutex} word (CPython 3.13's {@code PyMutex} in the lock object), so Python code locks with the
 * runtime's own 4-byte mutex and parking lot.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>Payload (both types)</caption>
 *   <tr><th>offset</th><th>field</th><th>written by</th><th>access</th></tr>
 *   <tr><td>{@link #MUTEX} (+0)</td><td>the mutex word</td><td>{@link Mutex}</td><td>its protocol</td></tr>
 *   <tr><td>{@link #OWNER} (+8)</td><td>Java thread id of the holder, 0 when free</td><td>the holder,
 *       after locking and before unlocking</td><td>opaque: RLock's "is it me" test needs no ordering (only
 *       the thread itself ever stores its own id), the deadlock report reads it racily</td></tr>
 *   <tr><td>{@link #SITE} (+16)</td><td>where the holder acquired it: site id ({@link #sites}) in the
 *       high 32 bits, line in the low 32</td><td>the holder, after locking</td><td>opaque, for reports only</td></tr>
 *   <tr><td>{@link #COUNT} (+24)</td><td>RLock recursion count</td><td>the holder</td><td>plain: only the
 *       holder reads it, and the mutex orders it between holders</td></tr>
 * </table>
 * A {@code Lock} may be released by any thread (Python semantics); {@code RLock} only by its holder.
 * Blocking acquisition gives up the GIL and detaches ({@link Gil#beforeBlocking}) and records, in the
 * waiting thread's {@link ThreadModule.PyThreadInfo}, which lock it waits for: the deadlock detector
 * reads that and the owners. The uncontended path is one CAS and two opaque stores.
 */
public final class PyLocks {
    static final long MUTEX = 0, OWNER = 8, SITE = 16, COUNT = 24;
    static final long PAYLOAD = 32;

    /** The largest timeout {@code acquire} accepts, in seconds (CPython's on 64-bit Linux). */
    static final double TIMEOUT_MAX = 9223372036.0;

    /** File names of acquisition sites; an id is an index, assigned once per name. */
    private static final CopyOnWriteArrayList<String> sites = new CopyOnWriteArrayList<>();
    private static final ConcurrentHashMap<String, Integer> siteIds = new ConcurrentHashMap<>();

    private PyLocks() {
    }

    /** A new unlocked {@code _thread.lock} ({@link Types#LOCK}) or {@code _thread.RLock}; a new reference. */
    public static long newLock(int type) {
        return Heap.object(type, PAYLOAD);
    }

    public static boolean isLocked(long lock) {
        return Mutex.isLocked(lock + P + MUTEX);
    }

    static long owner(long lock) {
        return Memory.getLongOpaque(lock + P + OWNER);
    }

    /** "file, line N" of where the holder took {@code lock}, or null if unknown. */
    static String site(long lock) {
        long site = Memory.getLongOpaque(lock + P + SITE);
        if (site == 0) return null;
        int id = (int) (site >>> 32) - 1;
        return (id >= 0 && id < sites.size() ? "File \"" + sites.get(id) + "\", " : "") + "line " + (int) site;
    }

    // ---- acquire and release ----------------------------------------------------------------------

    /**
     * {@code lock.acquire(blocking, timeout)} for both types; {@code timeoutSeconds < 0} waits as long as
     * needed. Returns whether the lock is now held.
     */
    public static boolean acquire(long lock, boolean blocking, double timeoutSeconds) {
        long me = Thread.currentThread().threadId();
        long mutex = lock + P + MUTEX;
        boolean reentrant = Header.type(lock) == Types.RLOCK;
        if (reentrant && owner(lock) == me) {
            long count = Heap.getLong(lock + P + COUNT);
            if (count == Integer.MAX_VALUE) {
                throw PyException.of("OverflowError", "Internal lock count overflowed");
            }
            Heap.putLong(lock + P + COUNT, count + 1);
            return true;
        }
        if (!Mutex.tryLock(mutex)) {
            if (!blocking || !acquireSlow(lock, timeoutSeconds)) {
                return false;
            }
        }
        Memory.putLongOpaque(lock + P + OWNER, me);
        Memory.putLongOpaque(lock + P + SITE, currentSite());
        if (reentrant) {
            Heap.putLong(lock + P + COUNT, 1);
        }
        return true;
    }

    /** Waits for the mutex detached, recording the wait for the deadlock detector. */
    private static boolean acquireSlow(long lock, double timeoutSeconds) {
        ThreadState self = RuntimeThreads.current();
        ThreadModule.PyThreadInfo info = ThreadModule.infoOfCurrent();
        if (info != null) {
            info.beginWait(lock);
        }
        Gil.beforeBlocking(self);
        boolean acquired;
        boolean interrupted = false;
        try {
            if (timeoutSeconds < 0) {
                Mutex.lock(lock + P + MUTEX);
                acquired = true;
            } else {
                long nanos = (long) Math.min(timeoutSeconds * 1e9, (double) Long.MAX_VALUE);
                boolean got;
                while (true) {
                    try {
                        got = Mutex.tryLock(lock + P + MUTEX, nanos, TimeUnit.NANOSECONDS);
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                acquired = got;
            }
        } finally {
            Gil.afterBlocking(self);
            if (info != null) {
                info.endWait();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return acquired;
    }

    public static void release(long lock) {
        long mutex = lock + P + MUTEX;
        if (Header.type(lock) == Types.RLOCK) {
            if (owner(lock) != Thread.currentThread().threadId()) {
                throw PyException.of("RuntimeError", "cannot release un-acquired lock");
            }
            long count = Heap.getLong(lock + P + COUNT) - 1;
            Heap.putLong(lock + P + COUNT, count);
            if (count > 0) {
                return;
            }
        } else if (!Mutex.isLocked(mutex)) {
            throw PyException.of("RuntimeError", "release unlocked lock");
        }
        Memory.putLongOpaque(lock + P + OWNER, 0);
        Memory.putLongOpaque(lock + P + SITE, 0);
        try {
            Mutex.unlock(mutex);
        } catch (IllegalMonitorStateException e) {
            // Two threads released the same Lock at once; the loser finds it unlocked, as CPython's would.
            throw PyException.of("RuntimeError", "release unlocked lock");
        }
    }

    private static long currentSite() {
        PyThread t = PyThread.currentOrNull();
        Interp.Frame f = t == null ? null : t.frame;
        if (f == null) {
            return 0;
        }
        String file = f.code.source().fileName();
        Integer id = siteIds.get(file);
        if (id == null) {
            synchronized (sites) {
                id = siteIds.computeIfAbsent(file, name -> {
                    sites.add(name);
                    return sites.size() - 1;
                });
            }
        }
        return (long) (id + 1) << 32 | (f.line & 0xffffffffL);
    }

    // ---- the Python methods -------------------------------------------------------------------------

    /** The methods of {@code _thread.lock} and {@code _thread.RLock}. */
    static long call(String name, long self, Builtins.Call c) {
        boolean reentrant = Header.type(self) == Types.RLOCK;
        return switch (name) {
            case "acquire", "acquire_lock", "__enter__" -> {
                if (name.equals("__enter__")) {
                    acquire(self, true, -1);
                    yield Obj.TRUE;
                }
                c.count(0, 2);
                long b = c.arg(0, "blocking"), t = c.arg(1, "timeout");
                boolean blocking = b == 0 || Ops.truthy(b);
                if (t != 0 && !Obj.isInt(t) && Header.type(t) != Types.FLOAT) {
                    throw PyException.of("TypeError", "'" + Ops.typeName(t) + "' object cannot be interpreted as an integer");
                }
                double timeout = t == 0 ? -1 : Ops.toDouble(t);
                if (!blocking && timeout != -1) {
                    throw PyException.of("ValueError", "can't specify a timeout for a non-blocking call");
                }
                if (timeout < 0 && timeout != -1) {
                    throw PyException.of("ValueError", "timeout value must be positive");
                }
                if (timeout > TIMEOUT_MAX) {
                    throw PyException.of("OverflowError", "timeout value is too large");
                }
                yield Obj.bool(acquire(self, blocking, timeout));
            }
            case "release", "release_lock", "__exit__" -> {
                release(self);
                yield Obj.NONE;
            }
            case "locked", "locked_lock" -> Obj.bool(isLocked(self));
            case "_is_owned" -> Obj.bool(owner(self) == Thread.currentThread().threadId());
            case "_release_save" -> {
                if (!reentrant) throw PyException.of("AttributeError", "'_thread.lock' object has no attribute '_release_save'");
                if (owner(self) != Thread.currentThread().threadId()) {
                    throw PyException.of("RuntimeError", "cannot release un-acquired lock");
                }
                long count = Heap.getLong(self + P + COUNT);
                long owner = owner(self);
                Heap.putLong(self + P + COUNT, 1);
                release(self);
                long state = Obj.newTuple(2);
                Obj.tupleInit(state, 0, Obj.newInt(count));
                Obj.tupleInit(state, 1, Obj.newInt(owner));
                yield state;
            }
            case "_acquire_restore" -> {
                c.count(1, 1);
                long state = c.args()[0];
                acquire(self, true, -1);
                Heap.putLong(self + P + COUNT, Obj.intValue(Obj.tupleItem(state, 0)));
                yield Obj.NONE;
            }
            case "_recursion_count" -> Obj.newInt(owner(self) == Thread.currentThread().threadId()
                    ? Heap.getLong(self + P + COUNT) : 0);
            default -> throw PyException.of("AttributeError", "'" + Types.name(Header.type(self))
                    + "' object has no attribute '" + name + "'");
        };
    }

    /** {@code repr(lock)}, as CPython prints it. */
    static String repr(long lock) {
        boolean locked = isLocked(lock);
        if (Header.type(lock) == Types.RLOCK) {
            long owner = owner(lock);
            return "<" + (locked ? "locked" : "unlocked") + " _thread.RLock object owner=" + (locked ? owner : 0)
                    + " count=" + (locked ? Heap.getLong(lock + P + COUNT) : 0) + " at 0x" + Long.toHexString(lock) + ">";
        }
        return "<" + (locked ? "locked" : "unlocked") + " _thread.lock object at 0x" + Long.toHexString(lock) + ">";
    }
}
